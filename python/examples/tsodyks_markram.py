"""
Tsodyks-Markram short-term plasticity: a 20 Hz train from one SpikeSourceArray onto IF_cond_exp
cells through TsodyksMarkramSynapse, depressing (U = 0.5, tau_rec = 200 ms, no facilitation) and
facilitating (U = 0.1, tau_rec = 200 ms, tau_facil = 500 ms), and, for contrast, a StaticSynapse.
Prints the conductance jump of each spike: w.u_k.x_k with NEST's recursion (expected_jumps); at
steady state u* = U/(1 - (1 - U) e^{-T/tau_facil}) (u* = U without facilitation) and
x* = (1 - e^{-T/tau_rec})/(1 - (1 - u*) e^{-T/tau_rec}).

usage: bin/myelin-python python/examples/tsodyks_markram.py [myelin|brian2|nest]
"""

import importlib
import math
import sys

import numpy as np

U, TAU_REC, PERIOD, W = 0.5, 200.0, 50.0, 0.01
U_FACIL, TAU_FACIL = 0.1, 500.0
TIMES, TSTOP = np.arange(10.0, 800.0, PERIOD), 820.0
LABELS = ("depressing", "static", "facilitating")


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim):
    """The conductance jumps [uS] of each spike onto the depressing, the static and the facilitating synapse."""
    sim.setup(timestep=0.1)
    source = sim.Population(1, sim.SpikeSourceArray(spike_times=[TIMES]), label="train")
    synapses = (sim.TsodyksMarkramSynapse(weight=W, delay=0.1, U=U, tau_rec=TAU_REC, tau_facil=0.0),
                sim.StaticSynapse(weight=W * U, delay=0.1),
                sim.TsodyksMarkramSynapse(weight=W, delay=0.1, U=U_FACIL, tau_rec=TAU_REC, tau_facil=TAU_FACIL))
    targets = []
    for label, synapse in zip(LABELS, synapses):
        cells = sim.Population(1, sim.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0), label=label)
        sim.Projection(source, cells, sim.AllToAllConnector(), synapse, receptor_type="excitatory")
        cells.record("gsyn_exc")
        targets.append(cells)
    sim.run(TSTOP)
    jumps = []
    for cells in targets:
        g = np.diff(np.asarray(cells.get_data().segments[0].filter(name="gsyn_exc")[0])[:, 0])
        jumps.append(g[g > 1e-12])
    sim.end()
    return jumps


def expected_jumps(big_u=U, tau_facil=0.0):
    """w.u_k.x_k of NEST's tsodyks synapses: u_k = U + u_{k-1}(1 - U) e^{-T/tau_facil} (U when
    tau_facil = 0), x_{k+1} = 1 - (1 - x_k (1 - u_k)) e^{-T/tau_rec}, u_0 = U, x_0 = 1."""
    decay = math.exp(-PERIOD / tau_facil) if tau_facil > 0 else 0.0
    u, x, result = 0.0, 1.0, []
    for _ in TIMES:
        u = big_u + u * (1 - big_u) * decay
        result.append(W * u * x)
        x = 1 - (1 - x * (1 - u)) * math.exp(-PERIOD / TAU_REC)
    return np.array(result)


def steady_jump(big_u, tau_facil):
    """w.u*.x*, the jump the train settles to."""
    u = big_u / (1 - (1 - big_u) * math.exp(-PERIOD / tau_facil)) if tau_facil > 0 else big_u
    e = math.exp(-PERIOD / TAU_REC)
    return W * u * (1 - e) / (1 - (1 - u) * e)


if __name__ == "__main__":
    for label, jumps in zip(LABELS, run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin"))):
        print("%-12s jumps [nS]: %s" % (label, " ".join("%.3f" % (1000 * j) for j in jumps)))
    print("steady state w.u*.x* = %.3f nS (depressing), %.3f nS (facilitating)"
          % (1000 * steady_jump(U, 0.0), 1000 * steady_jump(U_FACIL, TAU_FACIL)))
