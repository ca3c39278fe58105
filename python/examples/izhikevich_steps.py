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

name = sys.argv[1] if len(sys.argv) > 1 else "myelin"
sim = importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)

sim.setup(timestep=0.1)
kinds = {"regular spiking": dict(a=0.02, b=0.2, c=-65.0, d=8.0),
         "fast spiking": dict(a=0.1, b=0.2, c=-65.0, d=2.0),
         "chattering": dict(a=0.02, b=0.2, c=-50.0, d=2.0)}
times, amplitudes = [100.0, 300.0, 500.0], [0.005, 0.010, 0.015]
populations = {}
for label, parameters in kinds.items():
    cells = sim.Population(1, sim.Izhikevich(**parameters), label=label)
    cells.initialize(v=-65.0, u=-13.0)
    sim.StepCurrentSource(times=times, amplitudes=amplitudes).inject_into(cells)
    cells.record(["spikes", "v"])
    populations[label] = cells
sim.run(700.0)
edges = [0.0] + times + [700.0]
for label, cells in populations.items():
    spikes = np.asarray(cells.get_data().segments[0].spiketrains[0].times)
    counts = np.histogram(spikes, bins=edges)[0]
    print("%-16s spikes per step (0, 5, 10, 15 pA): %s" % (label, " ".join(str(c) for c in counts)))
sim.end()
