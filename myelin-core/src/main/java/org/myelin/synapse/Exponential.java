package org.myelin.synapse;

import org.myelin.base.Integrator;
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
 * Integration, one factor computed once: {@code g ← g · exp(−dt/τ)} with {@code exact} (the
 * default) and {@code exponential_euler}, which are the same for this linear equation;
 * {@code g ← g · (1 − dt/τ)} with {@code euler} (Brian2's {@code method='euler'} steps its
 * synapses so); the second- and fourth-order Taylor polynomials of {@code exp(−dt/τ)} with
 * {@code rk2} and {@code rk4} ({@link Integrator#linearFactor}).
 *
 * <p>Source: brainstate {@code Expon} (default τ = 8 ms); Roth and van Rossum (2009), Modeling
 * synapses.
 *
 * @param tau        [ms] decay time constant, {@code > 0}.
 * @param integrator how the decay is stepped (default {@link Integrator#EXACT}).
 */
public record Exponential(double tau, Integrator integrator) implements SynapseModel
{
    /** brainstate's default time constant [ms]. */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public Exponential
    {
        Check.positive("Expon", "tau", tau, "ms");
        Integrator.require("Expon", integrator, Integrator.values());
    }

    /** Exact decay with time constant {@code tau} [ms]. */
    public Exponential(final double tau)
    {
        this(tau, Integrator.EXACT);
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
        return new ExponentialDecay(this, output, size, tau, 1.0, integrator);
    }
}
