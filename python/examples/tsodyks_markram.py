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

U, TAU_REC, PERIOD, W = 0.5, 200.0, 50.0, 0.01
TIMES, TSTOP = np.arange(10.0, 800.0, PERIOD), 820.0


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim):
    """The conductance jumps [uS] of each spike onto the depressing and the static synapse."""
    sim.setup(timestep=0.1)
    source = sim.Population(1, sim.SpikeSourceArray(spike_times=[TIMES]), label="train")
    depressing = sim.Population(1, sim.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0), label="depressing")
    static = sim.Population(1, sim.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0), label="static")
    sim.Projection(source, depressing, sim.AllToAllConnector(),
                   sim.TsodyksMarkramSynapse(weight=W, delay=0.1, U=U, tau_rec=TAU_REC, tau_facil=0.0),
                   receptor_type="excitatory")
    sim.Projection(source, static, sim.AllToAllConnector(), sim.StaticSynapse(weight=W * U, delay=0.1),
                   receptor_type="excitatory")
    depressing.record("gsyn_exc")
    static.record("gsyn_exc")
    sim.run(TSTOP)
    jumps = []
    for cells in (depressing, static):
        g = np.diff(np.asarray(cells.get_data().segments[0].filter(name="gsyn_exc")[0])[:, 0])
        jumps.append(g[g > 1e-12])
    sim.end()
    return jumps


def expected_jumps():
    """w.U.x_k with x_{k+1} = 1 - (1 - x_k (1 - U)) e^{-T/tau_rec}, x_0 = 1 (NEST's tsodyks synapses)."""
    x, result = 1.0, []
    for _ in TIMES:
        result.append(W * U * x)
        x = 1 - (1 - x * (1 - U)) * math.exp(-PERIOD / TAU_REC)
    return np.array(result)


if __name__ == "__main__":
    for label, jumps in zip(("depressing", "static"), run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin"))):
        print("%-10s jumps [nS]: %s" % (label, " ".join("%.3f" % (1000 * j) for j in jumps)))
    e = math.exp(-PERIOD / TAU_REC)
    print("steady state w.U.x* = %.3f nS" % (1000 * W * U * (1 - e) / (1 - (1 - U) * e)))
