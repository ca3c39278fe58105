package org.myelin.synapse;

import org.myelin.base.Integrator;
import org.myelin.output.Output;
import org.myelin.state.StateAccess;
import org.myelin.units.Units;
import org.myelin.util.Check;

/**
 * The receptor of {@link TwoStateKinetic}, AMPA and GABAa (Destexhe, Mainen and
 * Sejnowski 1994): a fraction of open channels driven by a square pulse of transmitter.
 *
 * <pre>
 *   dg/dt = α·[T]·(gMax − g) − β·g          (g = gMax·s, s the open fraction)
 *   [T] = T·c for tDur after an arrival of weight c, else 0
 * </pre>
 *
 * <p>Per post-synaptic neuron the receptor keeps {@code g}, the transmitter concentration
 * {@code transmitter} = T·c [mM] and the steps of pulse left. The weights that arrive in one step
 * start a pulse of {@code tDur} (rounded to whole steps) with c = their sum; arrivals during a pulse
 * restart it with c = the larger of the running and the new value. brainstate restarts the pulse at
 * every arrival with c = 1, which is what unit weights give here; with one synapse per neuron the
 * two are the same model.
 *
 * <p>Integration: [T] is constant over each step, so the equation is linear,
 * {@code dg/dt = −k·(g − g∞)} with {@code k = α[T] + β}, {@code g∞ = α[T]·gMax/k}, and every
 * method is {@code g ← g∞ + (g − g∞)·f(−k·dt)}: {@code f = exp} for {@code exact} (the default)
 * and {@code exponential_euler} (the same here), its Taylor polynomial for {@code euler},
 * {@code rk2} and {@code rk4} ({@link Integrator#linearFactor}); without transmitter
 * {@code g ← g·f(−β·dt)}.
 */
final class TransmitterPulse extends StateReceptor
{
    private final String name;
    private final double alpha;
    private final double beta;
    private final double t;
    private final double tDur;
    private final double gMax;
    private final Integrator integrator;
    private final int[] pulseLeft;
    private int pulseSteps;
    private double dt = Double.NaN;
    private double closedDecay = Double.NaN;

    TransmitterPulse(
        final SynapseModel model, final Output output, final int size, final double alpha, final double beta,
        final double t, final double tDur, final double gMax, final Integrator integrator)
    {
        super(model, output, size, -1, "g", "transmitter");
        this.integrator = integrator;
        this.name = model.name();
        this.alpha = alpha;
        this.beta = beta;
        this.t = t;
        this.tDur = tDur;
        this.gMax = gMax;
        this.pulseLeft = new int[size];
    }

    /** Checks the parameters of a two-state kinetic model; messages name the model and the parameter. */
    static void check(
        final String owner, final double alpha, final double beta, final double t, final double tDur,
        final double gMax)
    {
        Check.positive(owner, "alpha", alpha, "/(mM*ms)");
        Check.positive(owner, "beta", beta, "/ms");
        Check.positive(owner, "T", t, "mM");
        Check.positive(owner, "tDur", tDur, "ms");
        Check.positive(owner, "gMax", gMax, "");
    }

    @Override
    public void prepare(final double step, final double currentWeight)
    {
        this.dt = step;
        this.pulseSteps = Units.toSteps(name, "tDur", tDur, step, true);
        this.closedDecay = integrator.linearFactor(-beta * step);
    }

    @Override
    public void contribute(
        final int from, final int to, final double[] v, final double[] conductance, final double[] current)
    {
        final double[] in = arrivals;
        final double[] g = array(0);
        final double[] conc = array(1);
        final int[] left = pulseLeft;
        final boolean exact = integrator == Integrator.EXACT || integrator == Integrator.EXPONENTIAL_EULER;
        for (int i = from; i < to; i++)
        {
            final double c = in[i];
            if (c != 0.0)
            {
                in[i] = 0.0;
                conc[i] = left[i] > 0 ? Math.max(conc[i], t * c) : t * c;
                left[i] = pulseSteps;
            }
        }
        output().addCurrent(g, from, to, v, conductance, current, 1.0);
        for (int i = from; i < to; i++)
        {
            if (left[i] > 0)
            {
                final double on = alpha * conc[i];
                final double k = on + beta;
                final double gInf = on * gMax / k;
                g[i] = gInf + (g[i] - gInf) * (exact ? Math.exp(-k * dt) : integrator.linearFactor(-k * dt));
                if (--left[i] == 0)
                {
                    conc[i] = 0.0;
                }
            }
            else
            {
                g[i] *= closedDecay;
            }
        }
    }

    @Override
    public void reset()
    {
        super.reset();
        java.util.Arrays.fill(pulseLeft, 0);
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.ints("pulseLeft", pulseLeft);
    }
}
