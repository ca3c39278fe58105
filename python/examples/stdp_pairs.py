"""
Pair STDP, the classic timing window: ten IF_curr_exp cells are each made to fire at 102, 302,
..., 902 ms by a strong input from a "teacher" SpikeSourceArray, and each receives one plastic
synapse (STDPMechanism: SpikePairRule, AdditiveWeightDependence) from its own SpikeSourceArray
whose spikes arrive a fixed lag before or after the cell's spikes. After five pairings the
weight change of each synapse follows the window A+ w_max e^{-lag/tau+} (pre before post) and
-A- w_max e^{lag/tau-} (post before pre). All of the delay is axonal (dendritic_delay_fraction
0, what pyNN.brian2 supports).

usage: bin/myelin-python python/examples/stdp_pairs.py [myelin|brian2]
"""

import importlib
import sys

import numpy as np

LAGS = [-40.0, -20.0, -10.0, -5.0, -2.0, 2.0, 5.0, 10.0, 20.0, 40.0]   # post minus pre arrival [ms]
TEACHER_TIMES = [100.0, 300.0, 500.0, 700.0, 900.0]
DELAY = 1.0
RULE = dict(tau_plus=20.0, tau_minus=20.0, A_plus=0.01, A_minus=0.012)
BOUNDS = dict(w_min=0.0, w_max=0.2)
W0 = 0.1


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim, tstop=1000.0):
    """Spike times of the cells [ms], their presynaptic arrival times [ms], and the final weights."""
    sim.setup(timestep=0.1)
    teacher = sim.Population(1, sim.SpikeSourceArray(spike_times=[TEACHER_TIMES]), label="teacher")
    cells = sim.Population(len(LAGS), sim.IF_curr_exp(tau_refrac=10.0), label="cells")
    sim.Projection(teacher, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=10.0, delay=0.1),
                   receptor_type="excitatory")
    # the teacher makes each cell fire 2 ms after its spikes (0.1 ms delay, 1.9 ms rise)
    arrivals = [[t + 2.0 - lag for t in TEACHER_TIMES] for lag in LAGS]
    inputs = sim.Population(len(LAGS), sim.SpikeSourceArray(spike_times=[[a - DELAY for a in row] for row in arrivals]),
                            label="inputs")
    stdp = sim.STDPMechanism(timing_dependence=sim.SpikePairRule(**RULE),
                             weight_dependence=sim.AdditiveWeightDependence(**BOUNDS),
                             weight=W0, delay=DELAY, dendritic_delay_fraction=0.0)
    plastic = sim.Projection(inputs, cells, sim.OneToOneConnector(), stdp, receptor_type="excitatory")
    cells.record("spikes")
    sim.run(tstop)
    spikes = [np.asarray(train.times.rescale("ms")) for train in cells.get_data().segments[0].spiketrains]
    weights = np.array([w for _, _, w in sorted(plastic.get("weight", format="list"))])
    sim.end()
    return spikes, np.array(arrivals), weights


def expected_weights(spikes, arrivals):
    """W0 plus the all-to-all pair sum of the window over every (arrival, post spike) pair, clipped."""
    result = []
    for post, pre in zip(spikes, arrivals):
        lags = np.subtract.outer(post, pre).ravel()
        change = np.where(lags >= 0, RULE["A_plus"] * np.exp(-lags / RULE["tau_plus"]),
                          -RULE["A_minus"] * np.exp(lags / RULE["tau_minus"]))
        result.append(np.clip(W0 + BOUNDS["w_max"] * change.sum(), BOUNDS["w_min"], BOUNDS["w_max"]))
    return np.array(result)


if __name__ == "__main__":
    spikes, arrivals, weights = run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin"))
    for lag, post, pre, w in zip(LAGS, spikes, arrivals, weights):
        print("lag %+5.1f ms (measured %+5.1f): weight %.5f -> %.5f nA" % (lag, post[0] - pre[0], W0, w))
