"""
PyNN's standard synapse types on Myelin.

TsodyksMarkramSynapse with tau_facil = 0 (depression only) becomes Myelin's ShortTermDepression
(tau = tau_rec, U): PyNN (as NEST's tsodyks synapses) transmits U.x with x before the spike's
depletion, Myelin transmits x after it, x.(1 - U); the weights are multiplied by U/(1 - U) so that
the two agree (up to Myelin's use of the step-start value of x in the depletion, an O(dt/tau_rec)
difference). With facilitation (tau_facil > 0) it becomes Myelin's ShortTermPlasticity(U,
tauF = tau_facil, tauD = tau_rec) in the NEST order: u decays to the spike and jumps by U.(1 - u),
the spike transmits w.u.x with x before the depletion, then x loses u.x; u starts at 0 (PyNN's
initial value), x at 1: NEST's recursion exactly, with no step lag.
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

    def _kinetics(self):
        """(U, tau_rec, tau_facil), checked for Myelin."""
        big_u, tau_rec, tau_facil = (_scalar(self, name) for name in ("U", "tau_rec", "tau_facil"))
        if tau_facil < 0:
            raise ValueError("TsodyksMarkramSynapse: tau_facil must be >= 0 ms, got %g" % tau_facil)
        if tau_facil == 0 and not 0 < big_u < 1:
            raise NotImplementedError("TsodyksMarkramSynapse with U = %g and tau_facil = 0 on Myelin (0 < U < 1)"
                                      % big_u)
        return big_u, tau_rec, tau_facil

    def weight_factor(self):
        """The factor from PyNN's weight to Myelin's: U/(1 - U) for depression only, else 1."""
        big_u, tau_rec, tau_facil = self._kinetics()
        return big_u / (1.0 - big_u) if tau_facil == 0 else 1.0

    def java_state(self):
        big_u, tau_rec, tau_facil = self._kinetics()
        if tau_facil == 0:
            return J.ShortTermDepression(tau_rec, big_u)
        return J.ShortTermPlasticity(big_u, tau_facil, tau_rec, J.StpEventOrder.NEST)


class STDPMechanism(synapses.STDPMechanism):
    """PyNN's STDPMechanism as Myelin's PlasticProjection with PairStdp (all-to-all pairing):
    SpikePairRule with AdditiveWeightDependence gives a+- = A+- w_max (mu = 0), with
    MultiplicativeWeightDependence a+- = A+- (w_max - w_min) (mu = 1), bounds [w_min, w_max], as
    PyNN's Brian2 and NEST backends scale them. The dendritic part of the delay is
    dendritic_delay_fraction x delay. One delay for all synapses."""
    base_translations = build_translations(("weight", "weight"), ("delay", "delay"),
                                           ("dendritic_delay_fraction", "dendritic_delay_fraction"))

    def _get_minimum_delay(self):
        from .. import simulator
        return simulator.state.min_delay

    def check_supported(self):
        if self.voltage_dependence is not None:
            raise NotImplementedError("STDPMechanism with a voltage dependence on Myelin")
        if not isinstance(self.timing_dependence, SpikePairRule):
            raise NotImplementedError("STDPMechanism with %s on Myelin (SpikePairRule only)"
                                      % self.timing_dependence.__class__.__name__)
        if not isinstance(self.weight_dependence, (AdditiveWeightDependence, MultiplicativeWeightDependence)):
            raise NotImplementedError("STDPMechanism with %s on Myelin (Additive or MultiplicativeWeightDependence)"
                                      % self.weight_dependence.__class__.__name__)

    def _value(self, name):
        value = self.parameter_space[name].base_value
        if not isinstance(value, (int, float, np.integer, np.floating)):
            raise NotImplementedError("STDPMechanism: %s must be one number on Myelin" % name)
        return float(value)

    def plastic(self, synapses, scale):
        """A PlasticProjection around `synapses`, whose weights are PyNN's times `scale`."""
        w_min, w_max = self._value("w_min") * scale, self._value("w_max") * scale
        if isinstance(self.weight_dependence, AdditiveWeightDependence):
            mu, a_plus, a_minus = 0.0, self._value("A_plus") * w_max, self._value("A_minus") * w_max
        else:
            span = w_max - w_min
            mu, a_plus, a_minus = 1.0, self._value("A_plus") * span, self._value("A_minus") * span
        rule = J.PairStdp(self._value("tau_plus"), self._value("tau_minus"), a_plus, a_minus,
                          J.PairStdp.Pairing.ALL_TO_ALL, J.WeightDependence(mu, mu, w_min, w_max))
        from .. import simulator
        delay = synapses.delaySteps(simulator.state.dt) * simulator.state.dt
        return J.PlasticProjection(synapses, rule).withDendriticDelay(
            float(self.dendritic_delay_fraction) * delay)


class AdditiveWeightDependence(synapses.AdditiveWeightDependence):
    __doc__ = synapses.AdditiveWeightDependence.__doc__
    translations = _identity(synapses.AdditiveWeightDependence)


class MultiplicativeWeightDependence(synapses.MultiplicativeWeightDependence):
    __doc__ = synapses.MultiplicativeWeightDependence.__doc__
    translations = _identity(synapses.MultiplicativeWeightDependence)


class SpikePairRule(synapses.SpikePairRule):
    __doc__ = synapses.SpikePairRule.__doc__
    translations = _identity(synapses.SpikePairRule)
