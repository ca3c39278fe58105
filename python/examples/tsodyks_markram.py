"""
Tsodyks-Markram short-term depression: a 20 Hz train from one SpikeSourceArray onto
IF_cond_exp cells through TsodyksMarkramSynapse (U = 0.5, tau_rec = 200 ms, no facilitation)
and, for contrast, a StaticSynapse. Prints the conductance jump of each spike, which falls from
w.U towards the steady state w.U.x*, x* = (1 - e^{-T/tau})/(1 - (1 - U) e^{-T/tau}).

usage: bin/myelin-python python/examples/tsodyks_markram.py [myelin|brian2|nest]
"""

import importlib
import math
import sys

import numpy as np

name = sys.argv[1] if len(sys.argv) > 1 else "myelin"
sim = importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)

U, tau_rec, period, w = 0.5, 200.0, 50.0, 0.01
sim.setup(timestep=0.1)
times = np.arange(10.0, 800.0, period)
source = sim.Population(1, sim.SpikeSourceArray(spike_times=[times]), label="train")
cells = sim.Population(2, sim.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0), label="targets")
sim.Projection(source, cells[0:1], sim.AllToAllConnector(),
               sim.TsodyksMarkramSynapse(weight=w, delay=0.1, U=U, tau_rec=tau_rec, tau_facil=0.0),
               receptor_type="excitatory")
sim.Projection(source, cells[1:2], sim.AllToAllConnector(), sim.StaticSynapse(weight=w * U, delay=0.1),
               receptor_type="excitatory")
cells.record("gsyn_exc")
sim.run(820.0)
g = np.asarray(cells.get_data().segments[0].filter(name="gsyn_exc")[0])
sim.end()
e = math.exp(-period / tau_rec)
steady = w * U * (1 - e) / (1 - (1 - U) * e)
for column, label in ((0, "depressing"), (1, "static")):
    jumps = np.diff(g[:, column])[np.diff(g[:, column]) > 1e-12]
    print("%-10s jumps [nS]: %s" % (label, " ".join("%.3f" % (1000 * j) for j in jumps)))
print("steady state w.U.x* = %.3f nS" % (1000 * steady))
