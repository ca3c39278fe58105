"""
Traub-Miles Hodgkin-Huxley cells (PyNN's HH_cond_exp) at dt = 0.01 ms: one under a DC step, one
driven by excitatory and inhibitory spike trains through conductance-based exponential synapses.
Prints the spike times and the largest v and conductances.

pyNN.brian2 integrates HH_cond_exp with Euler (Brian2's first applicable method of exact, euler,
heun); run() asks Myelin for the same (setup(integrator="euler")), which steps the synapses with
Euler too. pyNN.brian2's threshold `v > -40*mV` has no refractoriness, so it records a spike at
every step above -40 mV: onsets() keeps the first of each run, the spike Myelin records.

usage: bin/myelin-python python/examples/hh_cond_exp.py [myelin|brian2]
"""

import importlib
import sys

import numpy as np

DT, TSTOP = 0.01, 100.0
DC = dict(amplitude=0.5, start=20.0, stop=80.0)  # nA
EXCITATORY_TIMES = [5.0, 10.0, 10.5, 30.0, 31.0, 32.0, 60.0, 61.5]
INHIBITORY_TIMES = [20.0, 45.0, 59.0]
W_EXC, W_INH, DELAY = 0.3, 0.05, 1.0  # uS, uS, ms


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim):
    """Spike times [ms] of both cells and their v [mV], gsyn_exc, gsyn_inh [uS] traces (name -> array, one column per cell)."""
    options = {"integrator": "euler"} if sim.__name__.endswith("myelin") else {}
    sim.setup(timestep=DT, **options)
    cells = sim.Population(2, sim.HH_cond_exp(), label="hh")
    sim.DCSource(**DC).inject_into(cells[0:1])
    excitatory = sim.Population(1, sim.SpikeSourceArray(spike_times=[EXCITATORY_TIMES]))
    inhibitory = sim.Population(1, sim.SpikeSourceArray(spike_times=[INHIBITORY_TIMES]))
    sim.Projection(excitatory, cells[1:2], sim.AllToAllConnector(), sim.StaticSynapse(weight=W_EXC, delay=DELAY),
                   receptor_type="excitatory")
    sim.Projection(inhibitory, cells[1:2], sim.AllToAllConnector(), sim.StaticSynapse(weight=W_INH, delay=DELAY),
                   receptor_type="inhibitory")
    cells.record(["spikes", "v", "gsyn_exc", "gsyn_inh"])
    sim.run(TSTOP)
    segment = cells.get_data().segments[0]
    spikes = [np.asarray(st.times.rescale("ms")) for st in segment.spiketrains]
    traces = {name: np.asarray(segment.filter(name=name)[0]) for name in ("v", "gsyn_exc", "gsyn_inh")}
    sim.end()
    return spikes, traces


def onsets(times):
    """The first spike of each run of consecutive steps (pyNN.brian2 records every step above -40 mV)."""
    times = np.asarray(times)
    return times[np.r_[True, np.diff(times) > 1.5 * DT]] if times.size else times


if __name__ == "__main__":
    spikes, traces = run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin"))
    for label, times in zip(("DC step", "synapses"), spikes):
        print("%-8s spikes [ms]: %s" % (label, " ".join("%.2f" % t for t in onsets(times))))
    print("max v %.2f mV, gsyn_exc %.4f uS, gsyn_inh %.4f uS"
          % tuple(traces[name].max() for name in ("v", "gsyn_exc", "gsyn_inh")))
