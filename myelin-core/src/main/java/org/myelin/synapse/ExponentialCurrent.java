package org.myelin.synapse;

import org.myelin.base.Integrator;
import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Charge-normalised single-exponential current ({@code ExpCurrent}): a spike carries a charge
 * Q (its weight) and the current it causes integrates to Q.
 *
 * <pre>
 *   I(t + dt) = I(t) · e^{−dt/τ} + (Q/τ) · [spike]        on a spike of weight Q
 *
 *   unit response (Q = 1 at t = 0):  I(t) = e^{−t/τ} / τ,   ∫ I dt = 1
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>8</td><td>ms</td><td>τ</td>
 *       <td>decay time constant, &gt; 0 (Myelin's default; inferno has none)</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g}, the current (pA with CUBA, weights
 * in pA·ms = fC; with COBA it is a conductance and the weight is nS·ms).
 *
 * <p>A spike adds {@code w/τ} to {@code g} (the receptor's input scale 1/τ). Update of a step:
 * output {@code g} at t, then decay exactly by {@code e^{−dt/τ}}. It is one exponential between
 * spikes, so an exactly integrated neuron folds it in through its exact propagator as it does
 * {@link Exponential}.
 *
 * <p>Source: inferno {@code SingleExponentialCurrent} (seed 003). Its sum over steps times dt
 * approaches Q as dt → 0 (the left Riemann sum of {@code e^{−t/τ}/τ}).
 *
 * <p>Integration: as {@link Exponential}, one factor per step chosen by {@code integrator}
 * (default {@code exact}); only exact decay is folded into an exactly integrated neuron.
 *
 * @param tau        [ms] decay time constant τ.
 * @param integrator how the decay is stepped.
 * @see Exponential
 */
public record ExponentialCurrent(double tau, Integrator integrator) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "ExpCurrent";
    /** The default time constant [ms], Myelin's choice (the same as {@link Exponential}). */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public ExponentialCurrent
    {
        Check.positive(NAME, "tau", tau, "ms");
        Integrator.require(NAME, integrator, Integrator.values());
    }

    /** Exact decay with time constant {@code tau} [ms]. */
    public ExponentialCurrent(final double tau)
    {
        this(tau, Integrator.EXACT);
    }

    /** The model with τ = 8 ms. */
    public ExponentialCurrent()
    {
        this(DEFAULT_TAU);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new ExponentialDecay(this, output, size, tau, 1.0 / tau, integrator);
    }
}
