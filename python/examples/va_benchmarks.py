"""
The Vogels-Abbott (2005) benchmarks as PyNN's examples/VAbenchmarks.py writes them (Brette et
al. 2007, benchmarks 1 and 2): 4000 cells (3200 excitatory, 800 inhibitory), connection
probability 0.02, 0.2 ms delays, kicked off by 20 Poisson sources at 100 Hz for the first 50 ms
(probability 0.01, 0.1 onto every cell), 1 s simulated.
  COBA: IF_cond_exp, 4 nS / 51 nS, reversal 0 / -80 mV, rest -60 mV.
  CUBA: IF_curr_exp, rest -49 mV, weights 0.27 nS and 4.5 nS times the driving force at -60 mV.
(PyNN's script kicks only COBA; here the sources also reach CUBA cells, whose rest above
threshold starts them anyway.)

With --shared (`run(..., drawn=draw(...))`) the connections, the initial v and the Poisson input
are drawn once with numpy and given to the simulator as lists (FromListConnector,
SpikeSourceArray on the time grid, initialize with an array), so that two simulators build the
same network; `--p` sets their connection probability and `--weight-scale` multiplies the
recurrent weights (python/tests run 800 cells with p = 0.02 and the weights times 4000/800, so that
the mean input of the 4000-cell network stays).

usage: bin/myelin-python python/examples/va_benchmarks.py [myelin|brian2] [--benchmark COBA|CUBA]
       [--n 4000] [--tstop 1000] [--seed 98765] [--dt 0.1] [--integrator euler] [--shared] [--p 0.02]
       [--weight-scale 1] [--save spikes.npz] [--compare spikes.npz]
(--save keeps the spike trains, --compare prints the first step at which this run's differ from them.)
"""

import argparse
import importlib
import time

import numpy as np

N_EXT, RATE_EXT, DURATION_EXT, P_EXT = 20, 100.0, 50.0, 0.01    # the kick-off: sources, Hz, ms, probability
PROJECTIONS = [("exc", "exc"), ("exc", "inh"), ("inh", "exc"), ("inh", "inh"), ("ext", "exc"), ("ext", "inh")]


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def n_excitatory(n):
    """Four fifths of the cells are excitatory."""
    return int(round(n * 4 / 5))


def draw(n=4000, seed=98765, dt=0.1, p=0.02):
    """The network's random parts drawn with numpy: initial v [mV], the (pre, post) index pairs of
    each projection (fixed probability, self-connections included as FixedProbabilityConnector
    makes them) and the Poisson sources' spike times [ms] on the dt grid (one Bernoulli draw per
    step with probability rate.dt)."""
    rng = np.random.default_rng(seed)
    n_exc = n_excitatory(n)
    sizes = {"exc": n_exc, "inh": n - n_exc, "ext": N_EXT}

    def pairs(pre, post, probability):
        pre_index, post_index = np.nonzero(rng.random((sizes[pre], sizes[post])) < probability)
        return np.column_stack([pre_index, post_index]).astype(float)

    v_init = rng.uniform(-60.0, -50.0, n)
    connections = {(pre, post): pairs(pre, post, P_EXT if pre == "ext" else p) for pre, post in PROJECTIONS}
    steps = int(round(DURATION_EXT / dt))
    fires = rng.random((N_EXT, steps)) < RATE_EXT * dt / 1000.0
    ext_times = [np.round(np.nonzero(row)[0] * dt, 10) for row in fires]
    return {"n": n, "v_exc": v_init[:n_exc], "v_inh": v_init[n_exc:], "connections": connections,
            "ext_times": ext_times}


def first_divergence(a, b, dt=0.1):
    """The first step [ms] at which the spike trains `a` and `b` (population -> list of arrays [ms],
    as `run` gives them) differ: which cells fire, or how often; None when every train is the same
    step for step."""
    def events(trains):
        return sorted((int(round(t / dt)), population, cell)
                      for population in sorted(trains) for cell, train in enumerate(trains[population])
                      for t in train)
    first, second = events(a), events(b)
    for x, y in zip(first, second):
        if x != y:
            return min(x[0], y[0]) * dt
    if len(first) != len(second):
        return (first[len(second)] if len(first) > len(second) else second[len(first)])[0] * dt
    return None


def run(sim, benchmark="COBA", n=4000, tstop=1000.0, seed=98765, dt=0.1, setup_options=None, drawn=None,
        weight_scale=1.0):
    """Builds and runs the network on `sim`; the mean rates [Hz], the spike trains [ms] of each
    population and the time of each phase [s]. With `drawn` (from `draw`) the network is built from
    its lists instead of PyNN's random connectors and Poisson sources; `n` and `seed` are then unused.
    `weight_scale` multiplies the recurrent weights (e.g. 4000 / n for fewer inputs per cell)."""
    from pyNN.random import NumpyRNG, RandomDistribution

    t_start = time.perf_counter()
    delay = 0.2
    area, cm_specific = 20000.0 * 1e-8, 1.0             # cm^2 (20000 um^2), uF/cm^2 (g_leak 5e-5 S/cm^2)
    cell_params = {"tau_m": 20.0, "tau_syn_E": 5.0, "tau_syn_I": 10.0,
                   "v_rest": -60.0 if benchmark == "COBA" else -49.0, "v_reset": -60.0, "v_thresh": -50.0,
                   "cm": cm_specific * area * 1e3, "tau_refrac": 5.0, "i_offset": 0.0}
    e_rev_exc, e_rev_inh, v_mean = 0.0, -80.0, -60.0
    if benchmark == "COBA":
        cell_params.update(e_rev_E=e_rev_exc, e_rev_I=e_rev_inh)
        celltype = sim.IF_cond_exp(**cell_params)
        w_exc, w_inh = 4e-3, 51e-3                                    # uS
    elif benchmark == "CUBA":
        celltype = sim.IF_curr_exp(**cell_params)
        w_exc, w_inh = 0.27e-3 * (e_rev_exc - v_mean), 4.5e-3 * (e_rev_inh - v_mean)   # nA
    else:
        raise ValueError("benchmark must be COBA or CUBA, not %r" % benchmark)
    if drawn is not None:
        n = drawn["n"]
    n_exc = n_excitatory(n)

    sim.setup(timestep=dt, min_delay=delay, max_delay=1.0, **(setup_options or {}))
    t_setup = time.perf_counter()
    rng = NumpyRNG(seed=seed)
    exc_cells = sim.Population(n_exc, celltype, label="Excitatory_Cells")
    inh_cells = sim.Population(n - n_exc, celltype, label="Inhibitory_Cells")
    if drawn is None:
        source = sim.SpikeSourcePoisson(rate=RATE_EXT, duration=DURATION_EXT)
    else:
        source = sim.SpikeSourceArray(spike_times=drawn["ext_times"])
    ext_stim = sim.Population(N_EXT, source, label="expoisson")
    populations = {"exc": exc_cells, "inh": inh_cells, "ext": ext_stim}
    if drawn is None:
        uniform = RandomDistribution("uniform", low=-60.0, high=-50.0, rng=rng)
        exc_cells.initialize(v=uniform)
        inh_cells.initialize(v=uniform)
    else:
        exc_cells.initialize(v=drawn["v_exc"])
        inh_cells.initialize(v=drawn["v_inh"])

    connector = sim.FixedProbabilityConnector(0.02, rng=rng)
    ext_connector = sim.FixedProbabilityConnector(P_EXT, rng=rng)
    weights = {"exc": w_exc * weight_scale, "inh": w_inh * weight_scale, "ext": 0.1}
    for pre, post in PROJECTIONS:
        if drawn is not None:
            chosen = sim.FromListConnector(drawn["connections"][(pre, post)])
        else:
            chosen = ext_connector if pre == "ext" else connector
        sim.Projection(populations[pre], populations[post], chosen,
                       sim.StaticSynapse(weight=weights[pre], delay=delay),
                       receptor_type="inhibitory" if pre == "inh" else "excitatory")
    exc_cells.record("spikes")
    inh_cells.record("spikes")
    exc_cells[0:2].record("v")
    t_build = time.perf_counter()

    sim.run(tstop)
    t_run = time.perf_counter()
    exc_rate = exc_cells.mean_spike_count() * 1000.0 / tstop
    inh_rate = inh_cells.mean_spike_count() * 1000.0 / tstop
    exc_segment = exc_cells.get_data().segments[0]
    samples = exc_segment.analogsignals[0].shape[0]
    spikes = {"exc": [np.asarray(st.magnitude) for st in exc_segment.spiketrains],
              "inh": [np.asarray(st.magnitude) for st in inh_cells.get_data().segments[0].spiketrains]}
    sim.end()
    t_end = time.perf_counter()
    return {"exc_rate": exc_rate, "inh_rate": inh_rate, "v_samples": samples, "spikes": spikes,
            "setup": t_setup - t_start, "build": t_build - t_setup, "run": t_run - t_build,
            "get_data": t_end - t_run}


if __name__ == "__main__":
    t_import = time.perf_counter()
    parser = argparse.ArgumentParser()
    parser.add_argument("simulator", nargs="?", default="myelin", help="myelin or brian2 (any pyNN.X)")
    parser.add_argument("--benchmark", choices=["COBA", "CUBA"], default="COBA")
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--tstop", type=float, default=1000.0)
    parser.add_argument("--seed", type=int, default=98765)
    parser.add_argument("--dt", type=float, default=0.1, help="time step [ms]")
    parser.add_argument("--integrator", help="Myelin only: e.g. euler, as pyNN.brian2 integrates IF_cond_exp")
    parser.add_argument("--shared", action="store_true", help="the network drawn with numpy and built from lists")
    parser.add_argument("--p", type=float, default=0.02, help="with --shared: the connection probability")
    parser.add_argument("--weight-scale", type=float, default=1.0, help="multiplies the recurrent weights")
    parser.add_argument("--save", help="an .npz file for the spike trains")
    parser.add_argument("--compare", help="an .npz file from --save: print the first divergence from it")
    args = parser.parse_args()
    sim = simulator(args.simulator)
    options = {"integrator": args.integrator} if args.integrator else {}
    if args.simulator == "myelin":
        options["rng_seed"] = args.seed        # Myelin draws connectivity and initial values from it
    drawn = draw(args.n, args.seed, args.dt, args.p) if args.shared else None
    result = run(sim, args.benchmark, args.n, args.tstop, args.seed, args.dt, options, drawn, args.weight_scale)
    if args.save:
        np.savez(args.save, **{"%s_%d" % (population, cell): train for population, trains in result["spikes"].items()
                               for cell, train in enumerate(trains)})
    if args.compare:
        with np.load(args.compare) as saved:
            theirs = {population: [saved["%s_%d" % (population, cell)] for cell in range(len(trains))]
                      for population, trains in result["spikes"].items()}
        divergence = first_divergence(result["spikes"], theirs, args.dt)
        print("the same spike trains as %s" % args.compare if divergence is None
              else "the first spike trains that differ from %s: at %.1f ms" % (args.compare, divergence))
    import_time = time.perf_counter() - t_import - sum(result[k] for k in ("setup", "build", "run", "get_data"))
    print("simulator %s, %s: %d neurons, %.0f ms; excitatory %.2f Hz, inhibitory %.2f Hz; %d v samples"
          % (args.simulator, args.benchmark, args.n, args.tstop, result["exc_rate"], result["inh_rate"],
             result["v_samples"]))
    print("time [s]: import %.2f, setup %.2f, build %.2f, run %.2f, get_data %.2f, total %.2f"
          % (import_time, result["setup"], result["build"], result["run"], result["get_data"],
             time.perf_counter() - t_import))
