package org.myelin.output;

/**
 * How a synaptic variable {@code g} becomes a current into the post-synaptic neuron
 * (brainstate's {@code CUBA}/{@code COBA}/{@code MgBlock} outputs).
 *
 * <p>Every output is linearised around the membrane potential at the start of the step:
 * {@code I = current − conductance · v}. A neuron group sums these two coefficients over all its
 * receptors into two arrays, then integrates {@code v} once, so the neuron loop never calls an
 * output per neuron.
 */
public sealed interface Output permits Cuba, Coba, MgBlock
{
    /**
     * Adds the current of {@code g[from..to)} to the neuron group's coefficient arrays.
     *
     * @param g           the synaptic variable (pA for CUBA, nS for COBA).
     * @param from        first neuron.
     * @param to          one past the last neuron.
     * @param v           membrane potential at the start of the step [mV].
     * @param conductance summed conductance, the coefficient of {@code −v} [nS].
     * @param current     summed current independent of {@code v} [pA].
     * @param weight      factor on the current, 1 except for exact integration of CUBA inputs.
     */
    void addCurrent(double[] g, int from, int to, double[] v, double[] conductance, double[] current, double weight);

    /** True when the current depends on the membrane potential. */
    boolean dependsOnVoltage();
}
