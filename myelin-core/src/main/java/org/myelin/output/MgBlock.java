package org.myelin.output;

import org.myelin.util.Check;

/**
 * Conductance-based output with a voltage-dependent magnesium block (NMDA channels):
 *
 * <pre>
 *   I = g · B(v) · (E − v),      B(v) = 1 / (1 + [Mg]/β · e^{−α·v})
 * </pre>
 * with {@code g} in nS, {@code v} and {@code E} in mV, {@code I} in pA.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>eRev</td><td>0</td><td>mV</td><td>E</td><td>reversal potential</td></tr>
 *   <tr><td>cMg</td><td>1.2</td><td>mM</td><td>[Mg]</td><td>extracellular magnesium concentration, ≥ 0</td></tr>
 *   <tr><td>alpha</td><td>0.062</td><td>1/mV</td><td>α</td><td>voltage sensitivity of the block, finite</td></tr>
 *   <tr><td>beta</td><td>3.57</td><td>mM</td><td>β</td><td>dissociation constant, &gt; 0</td></tr>
 * </table>
 *
 * <p>Like every output it is linearised around {@code v} at the start of the step: the block
 * {@code B(v)} is evaluated once per step and held, so the neuron sees a conductance
 * {@code g·B(v)} with reversal potential E.
 *
 * <p>Sources: BrainPy {@code MgBlock(E=0, alpha=0.062, beta=3.57, cc_Mg=1.2)} (seed 002); Jahr and
 * Stevens (1990), J. Neurosci. 10:3178–3182.
 *
 * @param eRev  [mV] reversal potential E.
 * @param cMg   [mM] magnesium concentration.
 * @param alpha [1/mV] voltage sensitivity α.
 * @param beta  [mM] dissociation constant β.
 */
public record MgBlock(double eRev, double cMg, double alpha, double beta) implements Output
{
    private static final String NAME = "MgBlock output";

    /** Validates the parameters; messages name the output, the parameter and the allowed range. */
    public MgBlock
    {
        Check.finite(NAME, "eRev", eRev, "mV");
        Check.nonNegative(NAME, "cMg", cMg, "mM");
        Check.finite(NAME, "alpha", alpha, "/mV");
        Check.positive(NAME, "beta", beta, "mM");
    }

    /** BrainPy's defaults: E = 0 mV, [Mg] = 1.2 mM, α = 0.062 /mV, β = 3.57 mM. */
    public MgBlock()
    {
        this(0.0, 1.2, 0.062, 3.57);
    }

    /** The unblocked fraction {@code B(v)} at membrane potential {@code v} [mV]. */
    public double block(final double v)
    {
        return 1.0 / (1.0 + cMg / beta * Math.exp(-alpha * v));
    }

    @Override
    public void addCurrent(
        final double[] g, final int from, final int to, final double[] v,
        final double[] conductance, final double[] current, final double weight)
    {
        final double e = eRev;
        final double ratio = cMg / beta;
        final double a = -alpha;
        for (int i = from; i < to; i++)
        {
            final double gi = g[i] / (1.0 + ratio * Math.exp(a * v[i]));
            conductance[i] += gi;
            current[i] += gi * e;
        }
    }

    @Override
    public boolean dependsOnVoltage()
    {
        return true;
    }
}
