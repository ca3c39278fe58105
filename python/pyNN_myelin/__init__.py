"""
Myelin implementation of the PyNN API (PyNN 0.10): `import pyNN_myelin as sim`, or `import
pyNN.myelin as sim` once this package is imported (or when started through bin/myelin-python).

The Java virtual machine runs in this process (JPype) with myelin-cli/target/myelin.jar; see
simulator.py for how a PyNN description becomes a Myelin network, and python/README.md for what
is supported.
"""

import logging
import sys

from pyNN import common
from pyNN.common.control import DEFAULT_MAX_DELAY, DEFAULT_TIMESTEP, DEFAULT_MIN_DELAY
from pyNN.connectors import *
from pyNN.recording import *
from pyNN.standardmodels import StandardCellType
from pyNN.standardmodels import cells as _standard_cells
from pyNN.standardmodels import synapses as _standard_synapses
from pyNN.standardmodels import electrodes as _standard_electrodes
from pyNN.models import BaseModelType as _BaseModelType
from neo.io import get_io

from . import simulator
from ._jvm import MyelinUnavailable, start as _start_jvm
from .standardmodels.cells import *
from .standardmodels.synapses import *
from .standardmodels.electrodes import *
from .populations import Population, PopulationView, Assembly
from .projections import Projection

logger = logging.getLogger("PyNN")


def _unsupported(module, name):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("%s on Myelin" % name)
    return type(name, (getattr(module, name),), {"__init__": __init__})


# the standard models Myelin has no counterpart for: present, and refused when made
for _module in (_standard_cells, _standard_synapses, _standard_electrodes):
    for _name in dir(_module):
        _cls = getattr(_module, _name)
        if isinstance(_cls, type) and issubclass(_cls, _BaseModelType) and _cls.__module__ == _module.__name__ \
                and _name not in globals() and not _name.startswith("Standard") and "Base" not in _name:
            globals()[_name] = _unsupported(_module, _name)


def list_standard_models():
    """Return a list of all the StandardCellType classes available for this simulator."""
    return [obj.__name__ for obj in globals().values()
            if isinstance(obj, type) and issubclass(obj, StandardCellType) and hasattr(obj, "myelin_model")]


def setup(timestep=DEFAULT_TIMESTEP, min_delay=DEFAULT_MIN_DELAY, **extra_params):
    """
    Starts the JVM (once) and clears the network. Extra parameters: `rng_seed` (Myelin's seed of
    Poisson sources, connectivity and per-synapse draws, default 1) and `threads` (worker threads,
    default one per 20 000 neurons) and `integrator` (the method of every neuron model and of its
    exponential and alpha synapses, e.g. "euler" as PyNN's Brian2 backend integrates
    conductance-based and HH cells; default each model's own, "exact" for the LIF cells and the
    synapses).
    """
    _start_jvm()
    max_delay = extra_params.get('max_delay', DEFAULT_MAX_DELAY)
    if min_delay == "auto":
        min_delay = timestep
    common.setup(timestep, min_delay, **extra_params)
    simulator.state.clear()
    simulator.state.dt = timestep
    simulator.state.min_delay = min_delay
    simulator.state.max_delay = max_delay
    simulator.state.seed = int(extra_params.get("rng_seed", 1))
    simulator.state.threads = extra_params.get("threads")
    simulator.state.integrator = extra_params.get("integrator")
    return rank()


def end(compatible_output=True):
    """Do any necessary cleaning up before exiting."""
    for (population, variables, filename) in simulator.state.write_on_end:
        io = get_io(filename)
        population.write_data(io, variables)
    simulator.state.write_on_end = []


run, run_until = common.build_run(simulator)
run_for = run

reset = common.build_reset(simulator)

initialize = common.initialize

get_current_time, get_time_step, get_min_delay, get_max_delay, \
    num_processes, rank = common.build_state_queries(simulator)

create = common.build_create(Population)

connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)

record = common.build_record(simulator)


def record_v(source, filename): return record(['v'], source, filename)


def record_gsyn(source, filename): return record(['gsyn_exc', 'gsyn_inh'], source, filename)


# `import pyNN.myelin` finds this module once it is imported
import pyNN as _pyNN
sys.modules.setdefault("pyNN.myelin", sys.modules[__name__])
_pyNN.myelin = sys.modules[__name__]
