"""
PyNN's current sources on Myelin's current inputs, in pA (PyNN nA x 1000):

  DCSource            SectionInput.step(amplitude, start, stop)
  StepCurrentSource   SectionInput: 0 until the first time, then each amplitude until the next time
  ACSource            SinusoidalCurrent(amplitude, frequency, offset, start, stop); phase 0 only
  NoisyCurrentSource  SectionInput of normal values (mean, stdev) drawn with numpy, one every dt;
                      one noise for all the cells it is injected into, as in PyNN's Brian2 backend

A Myelin current input drives every neuron of its group. A source injected into part of a
population becomes a Python implementation of org.myelin.base.CurrentInput that adds the Java
input's value of each step to the chosen neurons only: one call from Java per step and block of
512 neurons, about 10 us each, so it suits a few injected populations, not large ones.
"""

import numpy as np
from pyNN.standardmodels import electrodes, build_translations

from .. import simulator
from .._jvm import J, doubles, start

FOREVER = 1e11  # [ms] PyNN's "no stop"; SectionInput's sections are at most 2^31 - 1 steps


def _longest_section():
    return (2 ** 31 - 2) * simulator.state.dt


def _identity(cls):
    return build_translations(*[(name, name) for name in cls.default_parameters])


class MyelinCurrentSource:

    def __init__(self, **parameters):
        super().__init__(**parameters)
        self._targets = []

    def inject_into(self, cells):
        simulator.state.changed("injecting a current")
        populations = {}
        for cell in cells:
            populations.setdefault(id(cell.parent), [cell.parent, set()])[1].add(int(cell))
        for parent, ids in populations.values():
            indices = np.array(sorted(ids), dtype=np.int64) - parent.first_id
            self._targets.append((parent, None if len(ids) == parent.size else indices))
        if self not in simulator.state.current_sources:
            simulator.state.current_sources.append(self)

    def set_native_parameters(self, parameters):
        simulator.state.changed("changing a current source")
        parameters.evaluate(simplify=True)
        for name, value in parameters.items():
            self.parameter_space[name] = value

    def _value(self, name):
        value = self.parameter_space[name].base_value
        return getattr(value, "value", value)

    def _build(self, network):
        for population, indices in self._targets:
            java_input = self.java_input()
            if indices is not None:
                java_input = _subset_input(java_input, indices)
            population.java_group.addInput(java_input)


class DCSource(MyelinCurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = _identity(electrodes.DCSource)

    def java_input(self):
        start, stop = float(self._value("start")), float(self._value("stop"))
        amplitude = 1000.0 * float(self._value("amplitude"))
        if stop >= FOREVER:
            return J.SectionInput.step(amplitude, start)
        return J.SectionInput.step(amplitude, start, stop)


class StepCurrentSource(MyelinCurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = _identity(electrodes.StepCurrentSource)

    def java_input(self):
        times = np.asarray(self._value("times"), dtype=float)
        amplitudes = np.asarray(self._value("amplitudes"), dtype=float)
        if times.size != amplitudes.size:
            raise ValueError("StepCurrentSource: times and amplitudes differ in length")
        if times.size and np.any(np.diff(times) <= 0):
            raise ValueError("StepCurrentSource: times must increase")
        durations = np.concatenate([[times[0] if times.size else 0.0], np.diff(times), [_longest_section()]])
        values = np.concatenate([[0.0], amplitudes]) * 1000.0
        return J.SectionInput(doubles(values), doubles(durations))


class ACSource(MyelinCurrentSource, electrodes.ACSource):
    __doc__ = electrodes.ACSource.__doc__
    translations = _identity(electrodes.ACSource)

    def java_input(self):
        if float(self._value("phase")) != 0:
            raise NotImplementedError("ACSource with a phase on Myelin")
        return J.SinusoidalCurrent(1000.0 * float(self._value("amplitude")), float(self._value("frequency")),
                                   1000.0 * float(self._value("offset")), float(self._value("start")),
                                   float(self._value("stop")) if float(self._value("stop")) < FOREVER
                                   else float("inf"))


class NoisyCurrentSource(MyelinCurrentSource, electrodes.NoisyCurrentSource):
    __doc__ = electrodes.NoisyCurrentSource.__doc__
    translations = _identity(electrodes.NoisyCurrentSource)

    def java_input(self):
        start, stop = float(self._value("start")), float(self._value("stop"))
        every = float(self._value("dt"))
        if stop >= FOREVER:
            raise NotImplementedError("NoisyCurrentSource without a stop time on Myelin")
        n = int(np.ceil((stop - start) / every))
        rng = np.random.default_rng(simulator.state.seed)
        noise = float(self._value("mean")) + float(self._value("stdev")) * rng.standard_normal(n)
        values = np.concatenate([[0.0], noise]) * 1000.0
        durations = np.concatenate([[start], np.full(n, every)])
        return J.SectionInput(doubles(values), doubles(durations))


def _subset_input(java_input, indices):
    """A CurrentInput that adds `java_input`'s value of each step to `indices` only."""
    jpype = start()
    by_step = isinstance(java_input, J.SectionInput)

    @jpype.JImplements("org.myelin.base.CurrentInput")
    class SubsetInput:
        @jpype.JOverride
        def addCurrent(self, step, time_ms, first, end, current):
            lo, hi = np.searchsorted(indices, (first, end))
            if lo == hi:
                return
            value = java_input.valueAt(step) if by_step else java_input.valueAt(time_ms)
            if value != 0.0:
                for i in indices[lo:hi]:
                    current[int(i)] += value

        @jpype.JOverride
        def prepare(self, dt, seed):
            java_input.prepare(dt, seed)

    return SubsetInput()
