#!/usr/bin/env python3
"""Per-population statistics of a microcircuit run (docs/MICROCIRCUIT.md).

usage: microcircuit_stats.py OUTDIR [--from MS] [--to MS]

Reads spikes_step.npy, spikes_neuron.npy and run-info.yaml of `myelin run` and prints, for each
population over [from, to): the rate (spikes / neurons / time), the CV of the inter-spike
intervals (the mean over the neurons with at least 3 spikes of sd/mean of their ISIs), and the
synchrony as Potjans & Diesmann (2014) measure it: the variance over the mean of the spike count
of 1000 neurons (all when fewer) in bins of 3 ms. Independent Poisson firing gives a CV of 1 and a
synchrony of 1. NEST's full-scale rates (the PyNEST example's full_mean_rates) are printed beside.
"""
import argparse
import re

import numpy as np

NEST_RATES = {"L23E": 0.903, "L23I": 2.965, "L4E": 4.414, "L4I": 5.876,
              "L5E": 7.569, "L5I": 8.633, "L6E": 1.105, "L6I": 7.829}


def populations(run_info):
    pattern = re.compile(r"\{name: '([^']+)', first: (\d+), size: (\d+)")
    with open(run_info) as f:
        return [(m.group(1), int(m.group(2)), int(m.group(3))) for m in pattern.finditer(f.read())]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--from", dest="start", type=float, default=0.0)
    parser.add_argument("--to", dest="stop", type=float, default=None)
    args = parser.parse_args()
    with open(f"{args.out}/run-info.yaml") as f:
        text = f.read()
    dt = float(re.search(r"^dt: ([0-9.eE+-]+) ms", text, re.M).group(1))
    duration = float(re.search(r"^duration: ([0-9.eE+-]+) ms", text, re.M).group(1))
    stop = duration if args.stop is None else args.stop
    steps = np.load(f"{args.out}/spikes_step.npy")
    neurons = np.load(f"{args.out}/spikes_neuron.npy")
    t = steps * dt
    keep = (t >= args.start) & (t < stop)
    t, neurons = t[keep], neurons[keep]
    span = (stop - args.start) / 1000.0
    print(f"window [{args.start:g}, {stop:g}) ms")
    print(f"{'population':10} {'rate Hz':>8} {'NEST Hz':>8} {'ratio':>6} {'CV ISI':>7} {'synchrony':>9}")
    for name, first, size in populations(f"{args.out}/run-info.yaml"):
        mine = (neurons >= first) & (neurons < first + size)
        tn, nn = t[mine], neurons[mine] - first
        rate = len(tn) / size / span
        order = np.lexsort((tn, nn))
        tn, nn = tn[order], nn[order]
        cvs = []
        bounds = np.searchsorted(nn, np.arange(size + 1))
        for k in range(size):
            ts = tn[bounds[k]:bounds[k + 1]]
            if len(ts) >= 3:
                isi = np.diff(ts)
                cvs.append(isi.std() / isi.mean())
        cv = np.mean(cvs) if cvs else float("nan")
        sample = nn < 1000
        counts, _ = np.histogram(tn[sample], bins=np.arange(args.start, stop + 1e-9, 3.0))
        synchrony = counts.var() / counts.mean() if counts.mean() > 0 else float("nan")
        ref = NEST_RATES.get(name)
        print(f"{name:10} {rate:8.3f} {ref if ref else float('nan'):8.3f} {rate / ref if ref else float('nan'):6.2f} "
              f"{cv:7.3f} {synchrony:9.2f}")


if __name__ == "__main__":
    main()
