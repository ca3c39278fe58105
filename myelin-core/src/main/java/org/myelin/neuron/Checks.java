package org.myelin.neuron;

import org.myelin.base.Integrator;
import org.myelin.util.Check;

/** Parameter checks shared by several neuron models. */
final class Checks
{
    /** The methods a nonlinear model accepts: all but {@link Integrator#EXACT}. */
    static final Integrator[] NONLINEAR = {
        Integrator.EULER, Integrator.EXPONENTIAL_EULER, Integrator.RK2, Integrator.RK4};

    private Checks()
    {
    }

    /** The checks shared by the quadratic models {@link QuaIf} and {@link AdQuaIf}. */
    static void quadratic(
        final String model, final double vRest, final double vReset, final double vTh, final double vC,
        final double c, final double tauM, final double r, final double tRef, final double iExt)
    {
        Check.finite(model, "vRest", vRest, "mV");
        Check.finite(model, "vReset", vReset, "mV");
        Check.finite(model, "vTh", vTh, "mV");
        Check.finite(model, "vC", vC, "mV");
        Check.positive(model, "c", c, "1/mV");
        Check.positive(model, "tauM", tauM, "ms");
        Check.positive(model, "r", r, "GOhm");
        Check.nonNegative(model, "tRef", tRef, "ms");
        Check.finite(model, "iExt", iExt, "pA");
        Check.below(model, "vReset", vReset, "vTh", vTh, "mV");
        Check.below(model, "vRest", vRest, "vC", vC, "mV");
        Check.below(model, "vC", vC, "vTh", vTh, "mV");
    }
}
