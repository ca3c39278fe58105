package org.myelin.plasticity;

import java.util.Arrays;

import org.myelin.state.StateAccess;
import org.myelin.util.Check;

/**
 * Short-term depression ({@code STD}): available resources x per presynaptic neuron; each spike
 * uses a fixed fraction U of them and transmits its weight times the remaining {@code x}.
 *
 * <pre>
 *   dx/dt = (1 − x) / τ              between spikes (x recovers to 1)
 *   on a spike at step n, from x⁻ (the state after step n − 1) and xₙ (decayed over step n):
 *     x ← xₙ − U·x⁻;   factor x
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>200</td><td>ms</td><td>τ</td><td>recovery time constant, &gt; 0</td></tr>
 *   <tr><td>U</td><td>0.07</td><td>1</td><td>U</td><td>fraction used per spike, in (0, 1]</td></tr>
 * </table>
 *
 * <p>State per presynaptic neuron: {@code x} (initial 1), dimensionless. The transmitted factor is
 * x after the depletion, as in the seed (brainstate {@code STD} returns {@code x}; its
 * {@code g_syn = x}): with STP's notation it is u·x with the constant u = U folded into the
 * weight.
 *
 * <p>Integration: event-driven and exact, {@code x(t) = 1 − (1 − x)·e^{−t/τ}} between spikes.
 *
 * <p>Steady state of a regular train of period T (dt → 0): {@code x* = (1 − e^{−T/τ})·(1 − U)/(1 −
 * (1 − U)·e^{−T/τ})}.
 *
 * <p>Sources: brainstate {@code STD} (seed 001: τ = 200 ms, U = 0.07); Abbott, Varela, Sen and
 * Nelson (1997), Science 275:220–224.
 *
 * @see ShortTermPlasticity
 */
public final class ShortTermDepression extends EventDrivenState
{
    /** The model name. */
    public static final String NAME = "STD";

    private final double tau;
    private final double bigU;
    private double[] x = new double[0];
    private double stepDecay = Double.NaN;

    /**
     * @param tau  [ms] recovery time constant, {@code > 0}.
     * @param bigU fraction of resources used per spike, in (0, 1].
     */
    public ShortTermDepression(final double tau, final double bigU)
    {
        this.tau = Check.positive(NAME, "tau", tau, "ms");
        this.bigU = Check.inHalfOpenRange(NAME, "U", bigU, 0, 1);
    }

    /** brainstate's defaults: τ = 200 ms, U = 0.07. */
    public ShortTermDepression()
    {
        this(200, 0.07);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /** [ms] recovery time constant. */
    public double tau()
    {
        return tau;
    }

    /** Fraction of resources used per spike. */
    public double bigU()
    {
        return bigU;
    }

    @Override
    public void prepare(final int size, final double step)
    {
        super.prepare(size, step);
        stepDecay = Math.exp(-step / tau);
    }

    @Override
    protected void allocate(final int size)
    {
        x = new double[size];
    }

    @Override
    protected void resetModel()
    {
        Arrays.fill(x, 1.0);
    }

    @Override
    public double onSpike(final int pre, final long step)
    {
        final double xBefore = x(pre, step - 1);
        final double xNew = 1.0 - (1.0 - xBefore) * stepDecay - bigU * xBefore;
        x[pre] = xNew;
        lastSpike[pre] = step;
        return xNew;
    }

    /** Neuron {@code pre}'s x after the update of {@code step}, if it does not spike before. */
    public double x(final int pre, final long step)
    {
        return 1.0 - (1.0 - x[pre]) * decay(step - lastSpike[pre], tau);
    }

    @Override
    public String toString()
    {
        return NAME + "(tau=" + tau + " ms, U=" + bigU + ")";
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("x", x);
    }
}
