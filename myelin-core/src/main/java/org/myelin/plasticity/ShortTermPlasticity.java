package org.myelin.plasticity;

import java.util.Arrays;

import org.myelin.state.StateAccess;
import org.myelin.util.Check;

/**
 * Tsodyks–Markram short-term plasticity ({@code STP}): facilitation u and depression x per
 * presynaptic neuron; each spike transmits its weight times {@code u·x}.
 *
 * <pre>
 *   du/dt = −u / τf                   between spikes (u relaxes to 0)
 *   dx/dt = (1 − x) / τd              between spikes (x recovers to 1)
 *   on a spike at step n, from u⁻, x⁻ (the state after step n − 1) and uₙ, xₙ (decayed over step n):
 *     brainstate order (default): u ← uₙ + U·(1 − u⁻);   x ← xₙ − u·x⁻;        factor u·x
 *     NeuroML order:              x ← xₙ·(1 − uₙ);       u ← uₙ + U·(1 − uₙ);  factor u·x
 *     NEST order:                 u ← uₙ + U·(1 − uₙ);   factor u·xₙ;          x ← xₙ·(1 − u)
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>U</td><td>0.15</td><td>1</td><td>U</td><td>utilisation increment, in (0, 1]</td></tr>
 *   <tr><td>tauF</td><td>1500</td><td>ms</td><td>τf</td><td>facilitation time constant, &gt; 0</td></tr>
 *   <tr><td>tauD</td><td>200</td><td>ms</td><td>τd</td><td>depression (recovery) time constant, &gt; 0</td></tr>
 *   <tr><td>order</td><td>brainstate</td><td></td><td></td><td>order of the event updates, {@link EventOrder}</td></tr>
 * </table>
 *
 * <p>State per presynaptic neuron: {@code u} (initial U; 0 in the NEST order, as NEST's and PyNN's
 * {@code u} start) and {@code x} (initial 1), dimensionless.
 *
 * <p>Order of the event updates, pinned: brainstate's ({@code STP.update}) decays u and x
 * over the step, applies the facilitation jump with the pre-decay u, then depletes x with the new
 * u times the pre-decay x, and transmits u·x after both; this is the default. NeuroML's
 * {@code tsodyksMarkramDepFacMechanism} updates x first, with the u before the jump. NEST's
 * ({@code tsodyks_synapse}, {@code tsodyks2_synapse}; PyNN's {@code TsodyksMarkramSynapse} and
 * its NEURON mechanism) decays u and x to the spike, facilitates, transmits the new u times the x
 * before the depletion, then depletes x: each spike is exact in closed form, with no step lag.
 * (NEST's {@code tsodyks_synapse} lets x recover through a third, active state that decays with
 * the postsynaptic {@code tau_psc}; this is its limit {@code tau_psc → 0}, which is
 * {@code tsodyks2_synapse}.)
 *
 * <p>Integration: event-driven and exact. Between spikes the state is advanced in closed form
 * ({@code u·e^{−t/τf}}, {@code 1 − (1 − x)·e^{−t/τd}}), which equals brainstate's per-step
 * exponential-Euler updates of these linear equations.
 *
 * <p>Steady state of a regular train of period T (dt → 0, brainstate order): {@code u* = U/(1 − (1 −
 * U)·e^{−T/τf})}, {@code x* = (1 − e^{−T/τd})·(1 − u*)/(1 − (1 − u*)·e^{−T/τd})}. In the NEST order,
 * for any dt, with u at and x just before a spike: the same {@code u*},
 * {@code x* = (1 − e^{−T/τd})/(1 − (1 − u*)·e^{−T/τd})}, factor {@code u*·x*}.
 *
 * <p>Sources: brainstate {@code STP} (U = 0.15, τf = 1500 ms, τd = 200 ms); Tsodyks,
 * Pawelzik and Markram (1998), Neural Comput. 10:821–835; Tsodyks and Markram (1997), PNAS
 * 94:719–723; NeuroML2 {@code tsodyksMarkramDepFacMechanism}; NEST {@code tsodyks_synapse} and
 * {@code tsodyks2_synapse} ({@code send}); PyNN 0.10 {@code TsodyksMarkramSynapse}.
 *
 * @see ShortTermDepression
 */
public final class ShortTermPlasticity extends EventDrivenState
{
    /** The model name. */
    public static final String NAME = "STP";

    /** Order of the event updates of {@link ShortTermPlasticity}. */
    public enum EventOrder
    {
        /** Facilitate with the pre-decay u, then deplete x with the new u (brainstate). */
        BRAINSTATE,
        /** Deplete x with the current u, then facilitate (NeuroML). */
        NEUROML,
        /** Facilitate, transmit u·x, then deplete x with the new u (NEST, PyNN); u starts at 0. */
        NEST
    }

    private final double bigU;
    private final double tauF;
    private final double tauD;
    private final EventOrder order;
    private double[] u = new double[0];
    private double[] x = new double[0];
    private double stepDecayF = Double.NaN;
    private double stepDecayD = Double.NaN;

    /**
     * @param bigU  utilisation increment U, in (0, 1].
     * @param tauF  [ms] facilitation time constant, {@code > 0}.
     * @param tauD  [ms] depression time constant, {@code > 0}.
     * @param order order of the event updates.
     */
    public ShortTermPlasticity(final double bigU, final double tauF, final double tauD, final EventOrder order)
    {
        this.bigU = Check.inHalfOpenRange(NAME, "U", bigU, 0, 1);
        this.tauF = Check.positive(NAME, "tauF", tauF, "ms");
        this.tauD = Check.positive(NAME, "tauD", tauD, "ms");
        Check.that(order != null, NAME, "order must be one of " + Arrays.toString(EventOrder.values()));
        this.order = order;
    }

    /** brainstate's defaults: U = 0.15, τf = 1500 ms, τd = 200 ms, brainstate order. */
    public ShortTermPlasticity()
    {
        this(0.15, 1500, 200, EventOrder.BRAINSTATE);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /** The utilisation increment U. */
    public double bigU()
    {
        return bigU;
    }

    /** [ms] facilitation time constant. */
    public double tauF()
    {
        return tauF;
    }

    /** [ms] depression time constant. */
    public double tauD()
    {
        return tauD;
    }

    /** The order of the event updates. */
    public EventOrder order()
    {
        return order;
    }

    @Override
    public void prepare(final int size, final double step)
    {
        super.prepare(size, step);
        stepDecayF = Math.exp(-step / tauF);
        stepDecayD = Math.exp(-step / tauD);
    }

    @Override
    protected void allocate(final int size)
    {
        u = new double[size];
        x = new double[size];
    }

    @Override
    protected void resetModel()
    {
        Arrays.fill(u, order == EventOrder.NEST ? 0.0 : bigU);
        Arrays.fill(x, 1.0);
    }

    @Override
    public double onSpike(final int pre, final long step)
    {
        final long gap = step - 1 - lastSpike[pre];
        final double uBefore = u[pre] * decay(gap, tauF);
        final double xBefore = 1.0 - (1.0 - x[pre]) * decay(gap, tauD);
        final double uStep = uBefore * stepDecayF;
        final double xStep = 1.0 - (1.0 - xBefore) * stepDecayD;
        final double uNew;
        final double xNew;
        final double factor;
        switch (order)
        {
            case BRAINSTATE ->
            {
                uNew = uStep + bigU * (1.0 - uBefore);
                xNew = xStep - uNew * xBefore;
                factor = uNew * xNew;
            }
            case NEUROML ->
            {
                xNew = xStep * (1.0 - uStep);
                uNew = uStep + bigU * (1.0 - uStep);
                factor = uNew * xNew;
            }
            default ->
            {
                uNew = uStep + bigU * (1.0 - uStep);
                factor = uNew * xStep;
                xNew = xStep - factor;
            }
        }
        u[pre] = uNew;
        x[pre] = xNew;
        lastSpike[pre] = step;
        return factor;
    }

    /** Neuron {@code pre}'s u after the update of {@code step}, if it does not spike before. */
    public double u(final int pre, final long step)
    {
        return u[pre] * decay(step - lastSpike[pre], tauF);
    }

    /** Neuron {@code pre}'s x after the update of {@code step}, if it does not spike before. */
    public double x(final int pre, final long step)
    {
        return 1.0 - (1.0 - x[pre]) * decay(step - lastSpike[pre], tauD);
    }

    @Override
    public String toString()
    {
        return NAME + "(U=" + bigU + ", tauF=" + tauF + " ms, tauD=" + tauD + " ms, order=" + order + ")";
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("u", u);
        state.doubles("x", x);
    }
}
