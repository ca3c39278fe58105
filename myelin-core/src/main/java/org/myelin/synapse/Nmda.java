package org.myelin.synapse;

import org.myelin.base.Integrator;
import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * NMDA receptor ({@code NMDA}): saturating second-order kinetics, meant for the Mg-block output.
 *
 * <pre>
 *   dx/dt = −x / τr                        x ← x + w   on a spike of weight w (dimensionless, 1 per spike)
 *   dg/dt = −g / τd + a·x·(gMax − g)       (g = gMax·s, s the open fraction)
 *   with MgBlock: I = g·(E − v) / (1 + [Mg]/β · e^{−α·v})
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>tauDecay</td><td>100</td><td>ms</td><td>τd</td><td>decay time constant, &gt; 0</td></tr>
 *   <tr><td>tauRise</td><td>2</td><td>ms</td><td>τr</td><td>rise (transmitter) time constant, &gt; 0</td></tr>
 *   <tr><td>a</td><td>0.5</td><td>1/ms</td><td>a</td><td>binding rate, &gt; 0</td></tr>
 *   <tr><td>gMax</td><td>1</td><td>nS (COBA, Mg block) / pA (CUBA)</td><td>g_max</td>
 *       <td>g when every channel is open, &gt; 0</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g} [output unit] and {@code x} [1].
 *
 * <p>Spikes add their weights to {@code x}. Update of a step: output {@code g} at t, then advance.
 * {@code x} decays exactly; {@code g} is linear in itself with a coefficient that depends on
 * {@code x(t)}, so it is advanced exactly for the step-averaged coefficient: with
 * {@code X = ∫x dt = x·τr·(1 − e^{−dt/τr})}, {@code K = dt/τd + a·X},
 * {@code g ← g∞ + (g − g∞)·e^{−K}} and {@code g∞ = a·X·gMax/K}. This is second-order accurate
 * and keeps {@code 0 ≤ g < gMax} for any dt (the default, {@code exact}). The other methods:
 * {@code exponential_euler} (Brian2's: x held at its value at t, g exact for that x,
 * {@code g∞ = a·x·gMax/(1/τd + a·x)}, {@code g ← g∞ + (g − g∞)·e^{−(1/τd + a·x)·dt}}, x exact);
 * {@code euler}, {@code rk2} (midpoint) and {@code rk4}, the explicit methods on (g, x). Against RK4 with 1 µs steps it stays within
 * 2e-4·gMax at dt = 0.1 ms and 2e-6·gMax at dt = 0.01 ms (tested); against Brian2's RK4 for the
 * validation train the difference is 4e-6 (dt = 0.1 ms) and 4e-8 (dt = 0.01 ms) of the peak.
 *
 * <p>Sources: BrainPy {@code NMDA} (seed 002: τd = 100 ms, τr = 2 ms, a = 0.5 /ms, output
 * {@code MgBlock(E=0, alpha=0.062, beta=3.57, cc_Mg=1.2)}; there g is the open fraction and
 * g_max the weight, default 0.15); Brunel and Wang (2001), J. Comput. Neurosci. 11:63–85;
 * Jahr and Stevens (1990).
 *
 * @param tauDecay [ms] decay time constant τd.
 * @param tauRise  [ms] rise time constant τr.
 * @param a        [1/ms] binding rate a.
 * @param gMax       [output unit] maximal g.
 * @param integrator how g and x are stepped.
 * @see org.myelin.output.MgBlock
 */
public record Nmda(double tauDecay, double tauRise, double a, double gMax, Integrator integrator)
    implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "NMDA";

    /** Validates the parameters. */
    public Nmda
    {
        Check.positive(NAME, "tauDecay", tauDecay, "ms");
        Check.positive(NAME, "tauRise", tauRise, "ms");
        Check.positive(NAME, "a", a, "/ms");
        Check.positive(NAME, "gMax", gMax, "");
        Integrator.require(NAME, integrator, Integrator.values());
    }

    /** The receptor with its default integration. */
    public Nmda(final double tauDecay, final double tauRise, final double a, final double gMax)
    {
        this(tauDecay, tauRise, a, gMax, Integrator.EXACT);
    }

    /** BrainPy's defaults (τd = 100 ms, τr = 2 ms, a = 0.5 /ms) with gMax = 1. */
    public Nmda()
    {
        this(100.0, 2.0, 0.5, 1.0);
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

    /** The arrays {@code g} and {@code x}. */
    private static final class State extends StateReceptor
    {
        private final Nmda p;
        private double xDecay = Double.NaN;
        private double xIntegral = Double.NaN;
        private double dtOverTauDecay = Double.NaN;
        private double dt = Double.NaN;

        State(final Nmda model, final Output output, final int size)
        {
            super(model, output, size, 1, "g", "x");
            this.p = model;
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            xDecay = Math.exp(-dt / p.tauRise());
            xIntegral = -p.tauRise() * Math.expm1(-dt / p.tauRise());
            dtOverTauDecay = dt / p.tauDecay();
            this.dt = dt;
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] g = array(0);
            final double[] x = array(1);
            output().addCurrent(g, from, to, v, conductance, current, 1.0);
            final double a = p.a();
            final double gMax = p.gMax();
            final double leak = dtOverTauDecay;
            final double xi = xIntegral;
            final double xd = xDecay;
            if (p.integrator() != Integrator.EXACT)
            {
                step(g, x, from, to);
                return;
            }
            for (int i = from; i < to; i++)
            {
                final double bound = a * x[i] * xi;
                final double k = leak + bound;
                final double gInf = bound * gMax / k;
                g[i] = gInf + (g[i] - gInf) * Math.exp(-k);
                x[i] *= xd;
            }
        }

        /** The derivative of g for g and x. */
        private double rate(final double g, final double x)
        {
            return -g / p.tauDecay() + p.a() * x * (p.gMax() - g);
        }

        /** One step of g and x by the explicit methods and Brian2's exponential Euler. */
        private void step(final double[] g, final double[] x, final int from, final int to)
        {
            final double h = dt;
            final double tr = p.tauRise();
            switch (p.integrator())
            {
                case EXPONENTIAL_EULER ->
                {
                    final double xd = xDecay;
                    for (int i = from; i < to; i++)
                    {
                        final double k = 1 / p.tauDecay() + p.a() * x[i];
                        final double gInf = p.a() * x[i] * p.gMax() / k;
                        g[i] = gInf + (g[i] - gInf) * Math.exp(-k * h);
                        x[i] *= xd;
                    }
                }
                case EULER ->
                {
                    for (int i = from; i < to; i++)
                    {
                        final double gi = g[i];
                        g[i] = gi + h * rate(gi, x[i]);
                        x[i] -= h * x[i] / tr;
                    }
                }
                case RK2 ->
                {
                    for (int i = from; i < to; i++)
                    {
                        final double gm = g[i] + h / 2 * rate(g[i], x[i]);
                        final double xm = x[i] - h / 2 * x[i] / tr;
                        g[i] += h * rate(gm, xm);
                        x[i] -= h * xm / tr;
                    }
                }
                default ->
                {
                    for (int i = from; i < to; i++)
                    {
                        final double g0 = g[i];
                        final double x0 = x[i];
                        final double kg1 = rate(g0, x0);
                        final double kx1 = -x0 / tr;
                        final double kg2 = rate(g0 + h / 2 * kg1, x0 + h / 2 * kx1);
                        final double kx2 = -(x0 + h / 2 * kx1) / tr;
                        final double kg3 = rate(g0 + h / 2 * kg2, x0 + h / 2 * kx2);
                        final double kx3 = -(x0 + h / 2 * kx2) / tr;
                        final double kg4 = rate(g0 + h * kg3, x0 + h * kx3);
                        final double kx4 = -(x0 + h * kx3) / tr;
                        g[i] = g0 + h / 6 * (kg1 + 2 * kg2 + 2 * kg3 + kg4);
                        x[i] = x0 + h / 6 * (kx1 + 2 * kx2 + 2 * kx3 + kx4);
                    }
                }
            }
        }
    }
}
