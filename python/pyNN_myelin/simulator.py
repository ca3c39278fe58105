"""
The state of a PyNN session on Myelin.

PyNN objects (populations, projections, current sources, recorders) keep their description in
Python. The first run() builds one Java org.myelin.sim.Network from them (groups, then
projections, then inputs, then monitors), makes an org.myelin.sim.Simulation, writes the initial
values into the groups' state arrays and runs it; later run() calls continue it. reset() drops the
Java network, so the next run() builds it again from t = 0 with the current description.
"""

import numpy as np
from pyNN import common

from ._jvm import J, start

name = "Myelin"


class ID(int, common.IDMixin):

    def __init__(self, n):
        """Create an ID object with numerical value `n`."""
        int.__init__(n)
        common.IDMixin.__init__(self)


def java_error(error):
    """The one-line message of a Java exception, else None."""
    jpype = start()
    if isinstance(error, jpype.JException):
        message = error.getMessage()
        return str(message) if message is not None else str(error.getClass().getName())
    return None


class State(common.control.BaseState):

    def __init__(self):
        common.control.BaseState.__init__(self)
        self.mpi_rank = 0
        self.num_processes = 1
        self.dt = 0.1
        self.seed = 1
        self.threads = None
        self.integrator = None
        self.clear()

    def clear(self):
        self.populations = []
        self.projections = []
        self.current_sources = []
        self.recorders = set([])
        self.id_counter = 0
        self.segment_counter = -1
        self.names = set()
        self.reset()

    def reset(self):
        """Reset the state of the current network to time t = 0."""
        self.running = False
        self.t = 0
        self.t_start = 0
        self.segment_counter += 1
        self.network = None
        self.simulation = None

    def unique_name(self, stem):
        stem = str(stem or "object")
        name, k = stem, 1
        while name in self.names:
            k += 1
            name = "%s_%d" % (stem, k)
        self.names.add(name)
        return name

    def changed(self, what):
        """Called before the description changes: drops a network built but not run yet."""
        if self.simulation is not None and self.t > 0:
            raise NotImplementedError(
                "%s after run(): Myelin builds its network once, at the first run(); call reset() first" % what)
        self.network = None
        self.simulation = None

    def build(self):
        """Builds the Java network and simulation from the description."""
        start()
        try:
            network = J.Network(float(self.dt), int(self.seed))
            for population in self.populations:
                population._build(network)
            for projection in self.projections:
                projection._build(network)
            for source in self.current_sources:
                source._build(network)
            for recorder in sorted(self.recorders, key=lambda r: r.population.first_id):
                recorder._build(network)
            threads = self.threads or J.Simulation.defaultThreads(network)
            simulation = J.Simulation(network, int(threads))
            for population in self.populations:
                population._apply_initial_values()
        except Exception as error:
            message = java_error(error)
            if message is None:
                raise
            raise ValueError(message) from None
        self.network = network
        self.simulation = simulation

    def ensure_built(self):
        if self.simulation is None:
            self.build()
        return self.simulation

    def run(self, simtime):
        self.run_until(self.t + simtime)

    def run_until(self, tstop):
        simulation = self.ensure_built()
        steps = int(round((tstop - self.t) / self.dt))
        if steps > 0:
            try:
                simulation.runSteps(steps, start().JClass("org.myelin.sim.ProgressListener").NONE)
            except Exception as error:
                message = java_error(error)
                if message is None:
                    raise
                raise ArithmeticError(message) from None
        self.t = float(simulation.timeMs())
        self.running = True


state = State()
