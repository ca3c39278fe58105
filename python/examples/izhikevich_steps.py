"""
Izhikevich (2003) neurons under current steps: regular spiking, fast spiking and chattering
cells (the parameters of his Fig. 2) receive a StepCurrentSource of 0, 5, 10 then 15 "nA"
(PyNN's Izhikevich reads i_offset and injected current in nA against a 1 pF capacitance, so 0.01
nA is Izhikevich's I = 10). Prints the spike count of each step.

usage: bin/myelin-python python/examples/izhikevich_steps.py [myelin|brian2]
"""

import importlib
import sys

import numpy as np

KINDS = {"regular spiking": dict(a=0.02, b=0.2, c=-65.0, d=8.0),
         "fast spiking": dict(a=0.1, b=0.2, c=-65.0, d=2.0),
         "chattering": dict(a=0.02, b=0.2, c=-50.0, d=2.0)}
TIMES, AMPLITUDES, TSTOP = [100.0, 300.0, 500.0], [0.005, 0.010, 0.015], 700.0


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim):
    """The spike times [ms] of each kind of cell."""
    sim.setup(timestep=0.1)
    populations = {}
    for label, parameters in KINDS.items():
        cells = sim.Population(1, sim.Izhikevich(**parameters), label=label)
        cells.initialize(v=-65.0, u=-13.0)
        sim.StepCurrentSource(times=TIMES, amplitudes=AMPLITUDES).inject_into(cells)
        cells.record(["spikes", "v"])
        populations[label] = cells
    sim.run(TSTOP)
    spikes = {label: np.asarray(cells.get_data().segments[0].spiketrains[0].times.rescale("ms"))
              for label, cells in populations.items()}
    sim.end()
    return spikes


if __name__ == "__main__":
    for label, spikes in run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin")).items():
        counts = np.histogram(spikes, bins=[0.0] + TIMES + [TSTOP])[0]
        print("%-16s spikes per step (0, 5, 10, 15 pA): %s" % (label, " ".join(str(c) for c in counts)))
