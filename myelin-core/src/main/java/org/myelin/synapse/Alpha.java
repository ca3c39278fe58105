package org.myelin.synapse;

import org.myelin.base.Integrator;
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
 * both, {@code g ← a·g + c·h}, {@code h ← a·h}, x = dt/τ:
 * <ul>
 *   <li>{@code exact} (the default), the solution of the linear system:
 *       {@code g ← e^{−x}·(g + h·x)}, {@code h ← e^{−x}·h};</li>
 *   <li>{@code exponential_euler} (Brian2's {@code exponential_euler}: each variable exact with the
 *       others held): a = e^{−x}, c = 1 − e^{−x};</li>
 *   <li>{@code euler}, {@code rk2}, {@code rk4}: the method's step of this linear system, the
 *       Taylor polynomial P of e^z of the method's order applied to dt·A: a = P(−x),
 *       c = x·P'(−x), i.e. c = x (euler), x·(1 − x) (rk2), x·(1 − x + x²/2 − x³/6) (rk4).</li>
 * </ul>
 *
 * <p>Source: brainstate {@code Alpha} (seed 001; default τ = 8 ms; its docstring states
 * {@code (t/τ)·e^{1−t/τ}}, but its equations, followed here, give {@code (t/τ)·e^{−t/τ}}). BrainPy's
 * older {@code Alpha} (seed 002) integrates {@code dg/dt = −g/τ + h}, which is τ times this response.
 * Rall (1967); Roth and van Rossum (2009), Modeling synapses.
 *
 * @param tau        [ms] time constant τ.
 * @param integrator how the kinetics are stepped.
 * @see DualExponential
 */
public record Alpha(double tau, Integrator integrator) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "Alpha";
    /** brainstate's default time constant [ms]. */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public Alpha
    {
        Check.positive(NAME, "tau", tau, "ms");
        Integrator.require(NAME, integrator, Integrator.values());
    }

    /** Exact kinetics with time constant {@code tau} [ms]. */
    public Alpha(final double tau)
    {
        this(tau, Integrator.EXACT);
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
        private final Integrator integrator;
        private double factor = Double.NaN;
        private double dtOverTau = Double.NaN;
        private double coupling = Double.NaN;

        State(final Alpha model, final Output output, final int size)
        {
            super(model, output, size, 1, "g", "h");
            this.tau = model.tau();
            this.integrator = model.integrator();
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            dtOverTau = dt / tau;
            final double x = dtOverTau;
            factor = integrator.linearFactor(-x);
            coupling = switch (integrator)
            {
                case EXACT -> x * factor;
                case EXPONENTIAL_EULER -> -Math.expm1(-x);
                case EULER -> x;
                case RK2 -> x * (1 - x);
                case RK4 -> x * (1 - x * (1 - x / 2 * (1 - x / 3)));
            };
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] g = array(0);
            final double[] h = array(1);
            output().addCurrent(g, from, to, v, conductance, current, 1.0);
            final double e = factor;
            if (integrator == Integrator.EXACT)
            {
                final double k = dtOverTau;
                for (int i = from; i < to; i++)
                {
                    g[i] = e * (g[i] + h[i] * k);
                    h[i] *= e;
                }
                return;
            }
            final double c = coupling;
            for (int i = from; i < to; i++)
            {
                g[i] = e * g[i] + c * h[i];
                h[i] *= e;
            }
        }
    }
}
