"""
The Vogels-Abbott (2005) benchmark, conductance-based (COBA) version, written as PyNN's
examples/VAbenchmarks.py writes it (Brette et al. 2007, benchmark 1): 4000 IF_cond_exp neurons
(3200 excitatory, 800 inhibitory), connection probability 0.02, 4 nS / 51 nS synapses, 0.2 ms
delays, kicked off by 20 Poisson sources at 100 Hz for the first 50 ms, 1 s simulated.

usage: bin/myelin-python python/examples/va_coba.py [myelin|brian2] [--n 4000] [--tstop 1000]
"""

import argparse
import importlib
import time

parser = argparse.ArgumentParser()
parser.add_argument("simulator", nargs="?", default="myelin", help="myelin or brian2 (any pyNN.X)")
parser.add_argument("--n", type=int, default=4000)
parser.add_argument("--tstop", type=float, default=1000.0)
parser.add_argument("--seed", type=int, default=98765)
parser.add_argument("--integrator", help="Myelin only: e.g. euler, as Brian2 integrates IF_cond_exp")
args = parser.parse_args()

t_start = time.perf_counter()
if args.simulator == "myelin":
    import pyNN_myelin as sim
else:
    sim = importlib.import_module("pyNN." + args.simulator)
from pyNN.random import NumpyRNG, RandomDistribution

dt, delay = 0.1, 0.2
area, cm_specific, g_leak = 20000.0, 1.0, 5e-5      # um^2, uF/cm^2, S/cm^2
cm = cm_specific * area * 1e-8                      # nF
tau_m = 1e3 * cm_specific / g_leak                  # 20 ms
cell_params = {"tau_m": tau_m, "tau_syn_E": 5.0, "tau_syn_I": 10.0, "e_rev_E": 0.0, "e_rev_I": -80.0,
               "v_rest": -60.0, "v_reset": -60.0, "v_thresh": -50.0, "cm": cm, "tau_refrac": 5.0,
               "i_offset": 0.0}
w_exc, w_inh = 4e-3, 51e-3                          # uS
n_exc = int(round(args.n * 4 / 5))
n_inh = args.n - n_exc
p_connect = 0.02

extra = {"integrator": args.integrator} if args.integrator else {}
sim.setup(timestep=dt, min_delay=delay, max_delay=1.0, **extra)
t_setup = time.perf_counter()
rng = NumpyRNG(seed=args.seed)
celltype = sim.IF_cond_exp(**cell_params)
exc_cells = sim.Population(n_exc, celltype, label="Excitatory_Cells")
inh_cells = sim.Population(n_inh, celltype, label="Inhibitory_Cells")
ext_stim = sim.Population(20, sim.SpikeSourcePoisson(rate=100.0, duration=50.0), label="expoisson")
uniform = RandomDistribution("uniform", low=-60.0, high=-50.0, rng=rng)
exc_cells.initialize(v=uniform)
inh_cells.initialize(v=uniform)

connector = sim.FixedProbabilityConnector(p_connect, rng=rng)
exc_syn = sim.StaticSynapse(weight=w_exc, delay=delay)
inh_syn = sim.StaticSynapse(weight=w_inh, delay=delay)
connections = {
    "e2e": sim.Projection(exc_cells, exc_cells, connector, exc_syn, receptor_type="excitatory"),
    "e2i": sim.Projection(exc_cells, inh_cells, connector, exc_syn, receptor_type="excitatory"),
    "i2e": sim.Projection(inh_cells, exc_cells, connector, inh_syn, receptor_type="inhibitory"),
    "i2i": sim.Projection(inh_cells, inh_cells, connector, inh_syn, receptor_type="inhibitory"),
    "ext2e": sim.Projection(ext_stim, exc_cells, sim.FixedProbabilityConnector(0.1, rng=rng),
                            sim.StaticSynapse(weight=0.1, delay=delay), receptor_type="excitatory"),
}
exc_cells.record("spikes")
inh_cells.record("spikes")
exc_cells[0:2].record("v")
t_build = time.perf_counter()

sim.run(args.tstop)
t_run = time.perf_counter()

exc_rate = exc_cells.mean_spike_count() * 1000.0 / args.tstop
inh_rate = inh_cells.mean_spike_count() * 1000.0 / args.tstop
data = exc_cells.get_data().segments[0]
sim.end()
t_end = time.perf_counter()
print("simulator %s: %d neurons, %.0f ms; excitatory %.2f Hz, inhibitory %.2f Hz; %d v samples"
      % (args.simulator, args.n, args.tstop, exc_rate, inh_rate, data.analogsignals[0].shape[0]))
print("time [s]: import+setup %.2f, build %.2f, run %.2f, get_data %.2f, total %.2f"
      % (t_setup - t_start, t_build - t_setup, t_run - t_build, t_end - t_run, t_end - t_start))
