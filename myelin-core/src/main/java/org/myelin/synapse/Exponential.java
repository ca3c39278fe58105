package org.myelin.synapse;

import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Single-exponential synapse ({@code Expon}).
 *
 * <pre>
 *   dg/dt = −g / τ           between spikes
 *   g ← g + w                on a spike of weight w
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>8</td><td>ms</td><td>decay time constant τ</td></tr>
 * </table>
 *
 * <p>State: {@code g} (initial 0), in the unit of the output (nS for COBA, pA for CUBA).
 * Integration is exact: {@code g ← g · exp(−dt/τ)} with the factor computed once.
 *
 * <p>Source: brainstate {@code Expon} (default τ = 8 ms); Roth and van Rossum (2009), Modeling
 * synapses.
 *
 * @param tau [ms] decay time constant, {@code > 0}.
 */
public record Exponential(double tau) implements SynapseModel
{
    /** brainstate's default time constant [ms]. */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public Exponential
    {
        Check.positive("Expon", "tau", tau, "ms");
    }

    /** The model with brainstate's default τ = 8 ms. */
    public Exponential()
    {
        this(DEFAULT_TAU);
    }

    @Override
    public String name()
    {
        return "Expon";
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new ExponentialDecay(this, output, size, tau, 1.0);
    }
}
