#!/usr/bin/env python3
"""Reads the outputs of `myelin run` the way a user would (numpy.load, h5py, csv) and checks that
they agree with each other.

usage: check-outputs.py OUTDIR        (exit 0: all consistent or skipped, 1: a mismatch)

Needs NumPy and h5py (Debian: apt-get install python3-numpy python3-h5py); without them it
prints "SKIP: ..." and exits 0.
"""
import csv
import glob
import os
import sys

try:
    import numpy as np
    import h5py
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e.name} is not installed for {sys.executable}; nothing checked")
    sys.exit(0)


def fail(message):
    print(f"MISMATCH: {message}")
    sys.exit(1)


def main(out):
    steps = np.load(os.path.join(out, "spikes_step.npy"))
    neurons = np.load(os.path.join(out, "spikes_neuron.npy"))
    if steps.dtype != np.int64 or neurons.dtype != np.int32:
        fail(f"dtypes {steps.dtype}, {neurons.dtype}; expected int64, int32")
    if steps.shape != neurons.shape:
        fail(f"shapes {steps.shape} and {neurons.shape} differ")
    if np.any(np.diff(steps) < 0):
        fail("spikes_step.npy is not in time order")

    with open(os.path.join(out, "spikes.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(steps):
        fail(f"spikes.csv has {len(rows)} rows, the .npy files {len(steps)} spikes")
    csv_steps = np.array([int(r["step"]) for r in rows], dtype=np.int64)
    csv_neurons = np.array([int(r["neuron"]) for r in rows], dtype=np.int32)
    csv_times = np.array([float(r["time_ms"]) for r in rows])
    populations = [r["population"] for r in rows]
    if not (np.array_equal(csv_steps, steps) and np.array_equal(csv_neurons, neurons)):
        fail("spikes.csv and the .npy files disagree")

    checked_h5 = 0
    h5_path = os.path.join(out, "spikes.h5")
    if os.path.exists(h5_path):
        with h5py.File(h5_path, "r") as h5:
            if int(np.asarray(h5.attrs["magic"]).ravel()[0]) != 0x0A7A:
                fail("spikes.h5: wrong SONATA magic")
            total = 0
            for name, group in h5["spikes"].items():
                ts = group["timestamps"][()]
                ids = group["node_ids"][()]
                units = group["timestamps"].attrs["units"]
                units = units.decode() if isinstance(units, bytes) else str(units)
                sorting = group.attrs["sorting"]
                members = h5py.check_enum_dtype(group.attrs.get_id("sorting").dtype)
                if members:  # the HDF5 enumeration of the SONATA spec
                    sorting = {v: k for k, v in members.items()}[int(sorting)]
                sorting = sorting.decode() if isinstance(sorting, bytes) else str(sorting)
                if units != "ms" or sorting != "by_time":
                    fail(f"spikes.h5 /spikes/{name}: units={units!r} sorting={sorting!r}")
                if ids.dtype != np.uint64 or ts.dtype != np.float64:
                    fail(f"spikes.h5 /spikes/{name}: dtypes {ts.dtype}, {ids.dtype}")
                mask = np.array([p == name for p in populations], dtype=bool)  # a recorded population without spikes has an empty group
                if len(ts) != mask.sum() or not np.allclose(ts, csv_times[mask], atol=1e-3):
                    fail(f"spikes.h5 /spikes/{name}: timestamps disagree with spikes.csv")
                offset = csv_neurons[mask].astype(np.int64) - ids.astype(np.int64)
                if len(ids) and np.any(offset != offset[0]):
                    fail(f"spikes.h5 /spikes/{name}: node_ids disagree with spikes.csv")
                total += len(ts)
            if total != len(steps):
                fail(f"spikes.h5 holds {total} spikes, spikes.csv {len(steps)}")
            checked_h5 = total

    states = sorted(p for p in glob.glob(os.path.join(out, "states_*.npy"))
                    if not p.endswith(("_t.npy", "_neurons.npy")))
    for path in states:
        base = path[:-4]
        values = np.load(path)
        t = np.load(base + "_t.npy")
        idx = np.load(base + "_neurons.npy")
        table = np.loadtxt(base + ".csv", delimiter=",", skiprows=1, ndmin=2)
        with open(base + ".csv") as f:
            header = f.readline().strip().split(",")
        if values.shape != (len(t), len(idx)):
            fail(f"{path}: shape {values.shape}, expected {(len(t), len(idx))}")
        if header[1:] != [str(i) for i in idx]:
            fail(f"{base}.csv: header {header} does not list neurons {idx.tolist()}")
        if not (np.allclose(table[:, 0], t) and np.allclose(table[:, 1:], values)):
            fail(f"{base}.csv and {path} disagree")

    print(f"ok: {len(steps)} spikes in .npy, .csv" + (f" and SONATA ({checked_h5})" if checked_h5 else "")
          + f"; {len(states)} state recording(s) in .npy and .csv")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip())
        sys.exit(2)
    main(sys.argv[1])
