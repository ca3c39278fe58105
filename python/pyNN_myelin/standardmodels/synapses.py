"""
PyNN's standard synapse types on Myelin.

TsodyksMarkramSynapse with tau_facil = 0 (depression only) becomes Myelin's ShortTermDepression
(tau = tau_rec, U): PyNN (as NEST's tsodyks synapses) transmits U.x with x before the spike's
depletion, Myelin transmits x after it, x.(1 - U); the weights are multiplied by U/(1 - U) so that
the two agree (up to Myelin's use of the step-start value of x in the depletion, an O(dt/tau_rec)
difference). Facilitation (tau_facil > 0) is not available: Myelin's ShortTermPlasticity transmits
after depletion, which no constant factor turns into PyNN's u.x.
"""

import numpy as np
from pyNN.standardmodels import synapses, build_translations

from .._jvm import J


def _identity(cls):
    return build_translations(*[(name, name) for name in cls.default_parameters])


class StaticSynapse(synapses.StaticSynapse):
    __doc__ = synapses.StaticSynapse.__doc__
    translations = _identity(synapses.StaticSynapse)

    def _get_minimum_delay(self):
        from .. import simulator
        return simulator.state.min_delay


def _scalar(synapse, name):
    value = synapse.parameter_space[name].base_value
    values = np.asarray(value, dtype=float) if not callable(value) else None
    if values is None or (values.size > 1 and not np.all(values == values.flat[0])):
        raise NotImplementedError("TsodyksMarkramSynapse: %s must be the same for every synapse on Myelin" % name)
    return float(values.flat[0])


class TsodyksMarkramSynapse(synapses.TsodyksMarkramSynapse):
    __doc__ = synapses.TsodyksMarkramSynapse.__doc__
    translations = _identity(synapses.TsodyksMarkramSynapse)

    def _get_minimum_delay(self):
        from .. import simulator
        return simulator.state.min_delay

    def _depression(self):
        if _scalar(self, "tau_facil") != 0:
            raise NotImplementedError("TsodyksMarkramSynapse with tau_facil > 0 (facilitation) on Myelin")
        big_u = _scalar(self, "U")
        if not 0 < big_u < 1:
            raise NotImplementedError("TsodyksMarkramSynapse with U = %g on Myelin (0 < U < 1)" % big_u)
        return _scalar(self, "tau_rec"), big_u

    def depression_factor(self):
        tau, big_u = self._depression()
        return big_u / (1.0 - big_u)

    def java_state(self):
        tau, big_u = self._depression()
        return J.ShortTermDepression(tau, big_u)


class STDPMechanism(synapses.STDPMechanism):
    __doc__ = synapses.STDPMechanism.__doc__
    base_translations = build_translations(("weight", "weight"), ("delay", "delay"),
                                           ("dendritic_delay_fraction", "dendritic_delay_fraction"))

    def _get_minimum_delay(self):
        from .. import simulator
        return simulator.state.min_delay

    def check_supported(self):
        raise NotImplementedError("STDPMechanism on Myelin")


class AdditiveWeightDependence(synapses.AdditiveWeightDependence):
    __doc__ = synapses.AdditiveWeightDependence.__doc__
    translations = _identity(synapses.AdditiveWeightDependence)


class MultiplicativeWeightDependence(synapses.MultiplicativeWeightDependence):
    __doc__ = synapses.MultiplicativeWeightDependence.__doc__
    translations = _identity(synapses.MultiplicativeWeightDependence)


class SpikePairRule(synapses.SpikePairRule):
    __doc__ = synapses.SpikePairRule.__doc__
    translations = _identity(synapses.SpikePairRule)
