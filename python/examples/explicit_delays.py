"""
A small network with explicit connections and delays: a ring of 5 IF_curr_exp cells, each
exciting the next through a FromListConnector entry with its own weight and delay, started by
one SpikeSourceArray spike into cell 0. Each cell fires once as the wave goes round; the times
between the spikes are the delays plus the time the membrane takes to reach threshold.

usage: bin/myelin-python python/examples/explicit_delays.py [myelin|brian2]
"""

import importlib
import sys

import numpy as np


def simulator(name):
    """pyNN.myelin for "myelin", else pyNN.<name>."""
    return importlib.import_module("pyNN_myelin" if name == "myelin" else "pyNN." + name)


def run(sim):
    """The spike times of the ring's cells [ms]."""
    sim.setup(timestep=0.1)
    kick = sim.Population(1, sim.SpikeSourceArray(spike_times=[[5.0]]), label="kick")
    ring = sim.Population(5, sim.IF_curr_exp(tau_m=10.0, tau_refrac=100.0, v_thresh=-60.0), label="ring")
    connections = [(i, (i + 1) % 5, 3.0, 1.0 + 1.5 * i) for i in range(4)]  # (pre, post, nA, ms)
    sim.Projection(ring, ring, sim.FromListConnector(connections, column_names=["weight", "delay"]),
                   sim.StaticSynapse(), receptor_type="excitatory")
    sim.Projection(kick, ring[0:1], sim.AllToAllConnector(), sim.StaticSynapse(weight=3.0, delay=0.5),
                   receptor_type="excitatory")
    ring.record("spikes")
    sim.run(50.0)
    spikes = [np.asarray(train.times.rescale("ms")) for train in ring.get_data().segments[0].spiketrains]
    sim.end()
    return spikes


if __name__ == "__main__":
    for i, train in enumerate(run(simulator(sys.argv[1] if len(sys.argv) > 1 else "myelin"))):
        print("cell %d spikes at %s ms" % (i, train))
