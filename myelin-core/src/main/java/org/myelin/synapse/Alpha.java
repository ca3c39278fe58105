package org.myelin.synapse;

import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Alpha-function synapse ({@code Alpha}): rise and decay with one time constant.
 *
 * <pre>
 *   dh/dt = −h / τ                  h ← h + w   on a spike of weight w
 *   dg/dt = (h − g) / τ
 *
 *   unit response (w = 1 at t = 0):  g(t) = (t/τ) · e^{−t/τ},  peak 1/e at t = τ
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>8</td><td>ms</td><td>τ</td><td>rise and decay time constant, &gt; 0</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g} (the output) and {@code h}, in the unit
 * of the output (nS for COBA, pA for CUBA).
 *
 * <p>Spikes add their weights to {@code h}. Update of a step: output {@code g} at t, then advance
 * both by the exact solution of the linear system,
 * {@code g ← e^{−dt/τ}·(g + h·dt/τ)}, {@code h ← e^{−dt/τ}·h}.
 *
 * <p>Source: brainstate {@code Alpha} (seed 001; default τ = 8 ms; its docstring states
 * {@code (t/τ)·e^{1−t/τ}}, but its equations, followed here, give {@code (t/τ)·e^{−t/τ}}). BrainPy's
 * older {@code Alpha} (seed 002) integrates {@code dg/dt = −g/τ + h}, which is τ times this response.
 * Rall (1967); Roth and van Rossum (2009), Modeling synapses.
 *
 * @param tau [ms] time constant τ.
 * @see DualExponential
 */
public record Alpha(double tau) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "Alpha";
    /** brainstate's default time constant [ms]. */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public Alpha
    {
        Check.positive(NAME, "tau", tau, "ms");
    }

    /** brainstate's default τ = 8 ms. */
    public Alpha()
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
        return new State(this, output, size);
    }

    /** The arrays {@code g} and {@code h}. */
    private static final class State extends StateReceptor
    {
        private final double tau;
        private double factor = Double.NaN;
        private double dtOverTau = Double.NaN;

        State(final Alpha model, final Output output, final int size)
        {
            super(model, output, size, 1, "g", "h");
            this.tau = model.tau();
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            factor = Math.exp(-dt / tau);
            dtOverTau = dt / tau;
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] g = array(0);
            final double[] h = array(1);
            output().addCurrent(g, from, to, v, conductance, current, 1.0);
            final double e = factor;
            final double k = dtOverTau;
            for (int i = from; i < to; i++)
            {
                g[i] = e * (g[i] + h[i] * k);
                h[i] *= e;
            }
        }
    }
}
