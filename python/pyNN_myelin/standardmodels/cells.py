"""
PyNN's standard cell types on Myelin's neuron models.

Native parameters are PyNN's own names in PyNN's units (mV, ms, nA, nF, uS, Hz); each type turns
them into the parameters of one model of Myelin's catalogue (org.myelin.neuron.NeuronModels), in
Myelin's units (mV, ms, pA, pF, nS, GOhm), when the network is built:

  current  nA -> pA      x 1000
  conductance  uS -> nS  x 1000
  capacitance  nF -> pF  x 1000
  membrane resistance R [GOhm] = tau_m [ms] / cm [nF] / 1000

Synapses: exponential (Myelin Exponential) or alpha (Myelin Alpha) kinetics with a conductance
(Coba, reversal potential) or current (Cuba) output, one receptor per receptor type. PyNN's alpha
kernel peaks at the weight (w.(t/tau).e^(1 - t/tau)); Myelin's Alpha peaks at w/e, so alpha
weights are multiplied by e.
"""

import math

import numpy as np
from pyNN.standardmodels import cells, build_translations


def _identity(cls):
    return build_translations(*[(name, name) for name in cls.default_parameters])


class MyelinCellType:
    """What a standard cell type needs to build a Myelin neuron group."""

    myelin_model = None
    # receptor type -> (Myelin label, kernel 'exp'|'alpha'|'delta', tau parameter, reversal parameter or None)
    myelin_receptors = {}
    # PyNN state variable -> (Myelin state variable, factor from the Myelin value to the PyNN value)
    myelin_state = {}

    def myelin_parameters(self, p):
        """Myelin's parameters (name -> array per neuron) from PyNN's native ones."""
        raise NotImplementedError

    @classmethod
    def weight_scale(cls, receptor_type):
        """The factor from a PyNN weight (uS, nA or mV) to Myelin's (nS, pA, mV)."""
        label, kernel, tau, reversal = cls.myelin_receptors[receptor_type]
        if kernel == "delta":
            return 1.0
        return 1000.0 * (math.e if kernel == "alpha" else 1.0)


def _lif_parameters(p):
    return {"vRest": p["v_rest"], "vTh": p["v_thresh"], "vReset": p["v_reset"], "tauM": p["tau_m"],
            "r": p["tau_m"] / p["cm"] / 1000.0, "tRef": p["tau_refrac"], "iExt": p["i_offset"] * 1000.0}


def _adex_parameters(p):
    return {"cM": p["cm"] * 1000.0, "gL": p["cm"] / p["tau_m"] * 1000.0, "eL": p["v_rest"],
            "vT": p["v_thresh"], "deltaT": p["delta_T"], "vPeak": p["v_spike"], "vReset": p["v_reset"],
            "tauW": p["tau_w"], "a": p["a"], "b": p["b"] * 1000.0, "tRef": p["tau_refrac"],
            "iExt": p["i_offset"] * 1000.0}


_COND_EXP = {"excitatory": ("exc", "exp", "tau_syn_E", "e_rev_E"),
             "inhibitory": ("inh", "exp", "tau_syn_I", "e_rev_I")}
_COND_ALPHA = {"excitatory": ("exc", "alpha", "tau_syn_E", "e_rev_E"),
               "inhibitory": ("inh", "alpha", "tau_syn_I", "e_rev_I")}
_CURR_EXP = {"excitatory": ("exc", "exp", "tau_syn_E", None),
             "inhibitory": ("inh", "exp", "tau_syn_I", None)}
_CURR_ALPHA = {"excitatory": ("exc", "alpha", "tau_syn_E", None),
               "inhibitory": ("inh", "alpha", "tau_syn_I", None)}
_G = {"gsyn_exc": ("exc", 1e-3), "gsyn_inh": ("inh", 1e-3)}
_I = {"isyn_exc": ("exc", 1e-3), "isyn_inh": ("inh", 1e-3)}


class IF_curr_exp(MyelinCellType, cells.IF_curr_exp):
    __doc__ = cells.IF_curr_exp.__doc__
    translations = _identity(cells.IF_curr_exp)
    myelin_model = "lif"
    myelin_receptors = _CURR_EXP
    myelin_state = dict({"v": ("v", 1.0)}, **_I)
    myelin_parameters = staticmethod(_lif_parameters)


class IF_curr_alpha(MyelinCellType, cells.IF_curr_alpha):
    __doc__ = cells.IF_curr_alpha.__doc__
    translations = _identity(cells.IF_curr_alpha)
    myelin_model = "lif"
    myelin_receptors = _CURR_ALPHA
    myelin_state = {"v": ("v", 1.0), "isyn_exc": ("exc.g", 1e-3), "isyn_inh": ("inh.g", 1e-3)}
    myelin_parameters = staticmethod(_lif_parameters)


class IF_curr_delta(MyelinCellType, cells.IF_curr_delta):
    """Leaky integrate-and-fire with delta synapses: a spike of weight w [mV] moves v by w."""
    translations = _identity(cells.IF_curr_delta)
    myelin_model = "lif"
    myelin_receptors = {"excitatory": ("v", "delta", None, None), "inhibitory": ("v", "delta", None, None)}
    myelin_state = {"v": ("v", 1.0)}
    myelin_parameters = staticmethod(_lif_parameters)


class IF_cond_exp(MyelinCellType, cells.IF_cond_exp):
    __doc__ = cells.IF_cond_exp.__doc__
    translations = _identity(cells.IF_cond_exp)
    myelin_model = "lif"
    myelin_receptors = _COND_EXP
    myelin_state = dict({"v": ("v", 1.0)}, **_G)
    myelin_parameters = staticmethod(_lif_parameters)


class IF_cond_alpha(MyelinCellType, cells.IF_cond_alpha):
    __doc__ = cells.IF_cond_alpha.__doc__
    translations = _identity(cells.IF_cond_alpha)
    myelin_model = "lif"
    myelin_receptors = _COND_ALPHA
    myelin_state = {"v": ("v", 1.0), "gsyn_exc": ("exc.g", 1e-3), "gsyn_inh": ("inh.g", 1e-3)}
    myelin_parameters = staticmethod(_lif_parameters)


class EIF_cond_exp_isfa_ista(MyelinCellType, cells.EIF_cond_exp_isfa_ista):
    __doc__ = cells.EIF_cond_exp_isfa_ista.__doc__
    translations = _identity(cells.EIF_cond_exp_isfa_ista)
    myelin_model = "adex"
    myelin_receptors = _COND_EXP
    myelin_state = dict({"v": ("v", 1.0), "w": ("w", 1e-3)}, **_G)
    myelin_parameters = staticmethod(_adex_parameters)


class EIF_cond_alpha_isfa_ista(MyelinCellType, cells.EIF_cond_alpha_isfa_ista):
    __doc__ = cells.EIF_cond_alpha_isfa_ista.__doc__
    translations = _identity(cells.EIF_cond_alpha_isfa_ista)
    myelin_model = "adex"
    myelin_receptors = _COND_ALPHA
    myelin_state = {"v": ("v", 1.0), "w": ("w", 1e-3), "gsyn_exc": ("exc.g", 1e-3), "gsyn_inh": ("inh.g", 1e-3)}
    myelin_parameters = staticmethod(_adex_parameters)


class Izhikevich(MyelinCellType, cells.Izhikevich):
    """Izhikevich (2003) neurons; i_offset [nA] enters as 1000 x i_offset / (1 pF), as in PyNN's
    Brian2 backend, and a spike of weight w adds w to v (mV), as in its Brian2 and NEST backends."""
    translations = _identity(cells.Izhikevich)
    myelin_model = "izhikevich"
    myelin_receptors = {"excitatory": ("v", "delta", None, None), "inhibitory": ("v", "delta", None, None)}
    myelin_state = {"v": ("v", 1.0), "u": ("u", 1.0)}

    @staticmethod
    def myelin_parameters(p):
        return {"a": p["a"], "b": p["b"], "c": p["c"], "d": p["d"], "vPeak": np.full_like(p["a"], 30.0),
                "cM": np.ones_like(p["a"]), "iExt": p["i_offset"] * 1000.0}


class HH_cond_exp(MyelinCellType, cells.HH_cond_exp):
    """Traub-Miles Hodgkin-Huxley neurons (Myelin's `traubmiles`) with conductance-based
    exponential synapses. A spike is the upward crossing of -40 mV, one per action potential;
    pyNN.brian2 (threshold `v > -40*mV`, no refractoriness) records one at every step above it.
    The gates start at PyNN's initial values (m = 0, h = 1, n = 0) unless initialize() says
    otherwise; pyNN.brian2 integrates the model with Euler, `setup(integrator="euler")` does the same."""
    translations = _identity(cells.HH_cond_exp)
    myelin_model = "traubmiles"
    myelin_receptors = _COND_EXP
    myelin_state = dict({"v": ("v", 1.0), "m": ("m", 1.0), "h": ("h", 1.0), "n": ("n", 1.0)}, **_G)

    @staticmethod
    def myelin_parameters(p):
        return {"cM": p["cm"] * 1000.0, "gNa": p["gbar_Na"] * 1000.0, "gK": p["gbar_K"] * 1000.0,
                "gL": p["g_leak"] * 1000.0, "eNa": p["e_rev_Na"], "eK": p["e_rev_K"], "eL": p["e_rev_leak"],
                "vT": p["v_offset"], "vTh": np.full_like(p["cm"], -40.0), "iExt": p["i_offset"] * 1000.0}


class SpikeSourcePoisson(cells.SpikeSourcePoisson):
    __doc__ = cells.SpikeSourcePoisson.__doc__
    translations = _identity(cells.SpikeSourcePoisson)
    myelin_model = "poisson"
    myelin_state = {}


class SpikeSourceArray(cells.SpikeSourceArray):
    __doc__ = cells.SpikeSourceArray.__doc__
    translations = _identity(cells.SpikeSourceArray)
    myelin_model = "array"
    myelin_state = {}
