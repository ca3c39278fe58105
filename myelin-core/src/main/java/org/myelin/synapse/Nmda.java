package org.myelin.synapse;

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
 * and keeps {@code 0 ≤ g < gMax} for any dt. Against RK4 with 1 µs steps it stays within
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
 * @param gMax     [output unit] maximal g.
 * @see org.myelin.output.MgBlock
 */
public record Nmda(double tauDecay, double tauRise, double a, double gMax) implements SynapseModel
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
            for (int i = from; i < to; i++)
            {
                final double bound = a * x[i] * xi;
                final double k = leak + bound;
                final double gInf = bound * gMax / k;
                g[i] = gInf + (g[i] - gInf) * Math.exp(-k);
                x[i] *= xd;
            }
        }
    }
}
