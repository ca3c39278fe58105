#!/usr/bin/env python3
"""
The Vogels-Abbott COBA network of PyNN's examples/VAbenchmarks.py (python/examples/va_benchmarks.py),
written directly in Brian2 with the equations, threshold, reset and refractoriness of
pyNN.brian2's IF_cond_exp, integrated with a chosen method and step: which firing rate is the
solution of the equations, and which one an artefact of the integration.

usage: /usr/bin/python3 myelin-bench/scripts/va_coba_methods_brian2.py METHOD DT_MS [N] [TSTOP_MS] [SEED]
  METHOD: euler (pyNN.brian2's choice for IF_cond_exp), exponential_euler, rk2, rk4
Prints: method, dt, excitatory and inhibitory rates [Hz], the largest total conductance times
dt / c_m seen at a recorded step (Euler is unstable for v above 2), run time.
"""

import sys
import time

import numpy as np
from brian2 import (NeuronGroup, PoissonGroup, Synapses, SpikeMonitor, StateMonitor, Network, defaultclock,
                    prefs, seed, ms, mV, nF, uS, Hz)

method, dt = sys.argv[1], float(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
tstop = float(sys.argv[4]) if len(sys.argv) > 4 else 1000.0
prefs.codegen.target = "numpy"
defaultclock.dt = dt * ms
seed(int(sys.argv[5]) if len(sys.argv) > 5 else 98765)

# python/examples/va_benchmarks.py's parameters: cm 0.2 nF, tau_m 20 ms, tau_syn 5 / 10 ms
c_m, tau_m, tau_e, tau_i = 0.2 * nF, 20 * ms, 5 * ms, 10 * ms
v_rest, v_reset, v_thresh, e_e, e_i = -60 * mV, -60 * mV, -50 * mV, 0 * mV, -80 * mV
equations = """
dv/dt = (v_rest - v)/tau_m + (ge*(e_e - v) + gi*(e_i - v))/c_m : volt (unless refractory)
dge/dt = -ge/tau_e : siemens
dgi/dt = -gi/tau_i : siemens
"""
n_exc = int(round(n * 4 / 5))
cells = NeuronGroup(n, equations, threshold="v > v_thresh", reset="v = v_reset", refractory=5 * ms,
                    method=method)
cells.v = "v_reset + rand()*(v_thresh - v_reset)"
exc, inh = cells[:n_exc], cells[n_exc:]
kick = PoissonGroup(20, rates="100*Hz*(t < 50*ms)")
delay = 0.2 * ms
e_syn = Synapses(exc, cells, "w : siemens", on_pre="ge += w", delay=delay)
e_syn.connect(p=0.02)
e_syn.w = 4e-3 * uS
i_syn = Synapses(inh, cells, "w : siemens", on_pre="gi += w", delay=delay)
i_syn.connect(p=0.02)
i_syn.w = 51e-3 * uS
k_syn = Synapses(kick, cells, "w : siemens", on_pre="ge += w", delay=delay)
k_syn.connect(p=0.01)
k_syn.w = 0.1 * uS
spikes = SpikeMonitor(cells)
sample = StateMonitor(cells, ["ge", "gi"], record=np.arange(0, n, 40), dt=1 * ms)
network = Network(cells, kick, e_syn, i_syn, k_syn, spikes, sample)
t0 = time.time()
network.run(tstop * ms)
elapsed = time.time() - t0
counts = np.bincount(np.asarray(spikes.i), minlength=n)
g_leak = c_m / tau_m
stiffness = float(np.max((np.asarray(sample.ge) + np.asarray(sample.gi) + float(g_leak)) * dt * 1e-3 / float(c_m)))
print("method %s dt %g ms: excitatory %.2f Hz, inhibitory %.2f Hz; max (gL+ge+gi) dt/cm %.2f; run %.0f s"
      % (method, dt, counts[:n_exc].mean() * 1000 / tstop, counts[n_exc:].mean() * 1000 / tstop, stiffness,
         elapsed))
