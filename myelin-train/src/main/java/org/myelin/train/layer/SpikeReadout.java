package org.myelin.train.layer;

import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.surrogate.FastSigmoid;
import org.myelin.train.surrogate.Surrogate;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;
import org.myelin.util.Check;

/**
 * A leaky spiking readout (brainstate {@code LeakySpikeReadout}; the simulator's
 * {@link org.myelin.readout.LeakySpikeReadout}, same equation): integrate-and-fire output units
 * whose input of step n drives the membrane from step n + 1 on.
 *
 * <pre>
 *   X_n = Σ_i W[i]·x_n[i]                      (X_{−1} = 0)
 *   P_n = X_{n−1} + (V_{n−1} − X_{n−1})·a       a = e^{−dt/τ}  (exponential Euler, exact for held X)
 *   S_n = H((P_n − vTh)/vTh)                    (strictly above threshold)
 *   V_n = P_n − vTh·S_n   (soft reset)   or   P_n·(1 − S_n)   (to 0)
 * backward (sg = σ'(x)/vTh):
 *   S̄_n = e_n − vTh·v̄_n  or  − P_n·v̄_n   (dropped when detached)
 *   P̄_n = v̄_n·[1 or 1 − S_n] + sg·S̄_n;   X̄_{n−1} = (1 − a)·P̄_n;   v̄_{n−1} = a·P̄_n
 * </pre>
 * Its output is dense (0/1 per unit and step, or the smooth function in smooth mode), for the
 * losses. The simulator's readout fires at {@code v ≥ vTh}; this layer at {@code v > vTh}: the
 * two differ only when the membrane lands exactly on the threshold.
 */
public final class SpikeReadout extends WeightedLayer
{
    private final double tau;
    private final double vTh;
    private final boolean softReset;
    private final boolean detachReset;
    private final Surrogate surrogate;
    private double dt = Double.NaN;
    private double decay;
    private boolean smooth;
    private double[] drive;
    private double[] x;
    private double[] membrane;
    private double[] v;
    private double[] vBar;
    private double[] pending;
    private double[] slope;
    private double[] heldResetSpikes;
    private boolean holdDetached;

    private SpikeReadout(final String name, final int inputs, final int size, final double tau, final double vTh,
        final boolean softReset, final boolean detachReset, final Surrogate surrogate, final WeightInit init)
    {
        super("SpikeReadout", name, inputs, size, init);
        final String owner = "SpikeReadout layer '" + name + "'";
        this.tau = Check.positive(owner, "tau", tau, "ms");
        this.vTh = Check.positive(owner, "vTh", vTh, "mV");
        this.softReset = softReset;
        this.detachReset = detachReset;
        this.surrogate = surrogate;
    }

    /**
     * A spiking readout.
     *
     * @param tau         [ms] membrane time constant.
     * @param vTh         [mV] threshold, {@code > 0}.
     * @param softReset   subtract vTh at a spike (true) or reset to 0.
     * @param detachReset detach the reset from the gradient.
     */
    public static LayerSpec of(final String name, final int size, final double tau, final double vTh,
        final boolean softReset, final boolean detachReset, final Surrogate surrogate, final WeightInit init)
    {
        final Surrogate s = surrogate == null ? new FastSigmoid() : surrogate;
        return inputs -> new SpikeReadout(name, inputs, size, tau, vTh, softReset, detachReset, s, init);
    }

    /** [ms] The time constant. */
    public double tau()
    {
        return tau;
    }

    /** [mV] The threshold. */
    public double vTh()
    {
        return vTh;
    }

    /** True for the soft reset (subtract vTh). */
    public boolean softReset()
    {
        return softReset;
    }

    @Override
    public boolean spiking()
    {
        return true;
    }

    @Override
    public void prepare(final int batch, final int stepCount, final double dtMs, final boolean smoothSpikes)
    {
        if (dtMs != dt)
        {
            dt = Check.positive("SpikeReadout layer '" + name() + "'", "dt", dtMs, "ms");
            decay = Math.exp(-dtMs / tau);
        }
        super.prepare(batch, stepCount, dtMs, smoothSpikes);
        smooth = smoothSpikes;
        final int cells = batch * stepCount * outputs();
        if (x == null || x.length < cells)
        {
            x = new double[cells];
            drive = new double[cells];
            membrane = softReset || detachReset ? null : new double[cells];
        }
        if (smoothSpikes && detachReset && (heldResetSpikes == null || heldResetSpikes.length < cells))
        {
            heldResetSpikes = new double[cells];
        }
        if (v == null || v.length < batch * outputs())
        {
            v = new double[batch * outputs()];
            vBar = new double[batch * outputs()];
            pending = new double[batch * outputs()];
            slope = new double[batch * outputs()];
        }
    }

    @Override
    public void forward(final Signal in, final int from, final int to)
    {
        final int c = outputs();
        final double[] y = out.values();
        final double a = decay;
        final double th = vTh;
        for (int b = from; b < to; b++)
        {
            final int s0 = b * c;
            java.util.Arrays.fill(v, s0, s0 + c, 0.0);
            for (int n = 0; n < steps; n++)
            {
                final int o = out.offset(b, n);
                for (int k = 0; k < c; k++)
                {
                    final double held = n == 0 ? 0.0 : drive[o - c + k];
                    final double p = held + (v[s0 + k] - held) * a;
                    final double xk = (p - th) / th;
                    x[o + k] = xk;
                    if (membrane != null)
                    {
                        membrane[o + k] = p;
                    }
                    final double s = smooth ? surrogate.smooth(xk) : (xk > 0 ? 1.0 : 0.0);
                    y[o + k] = s;
                    double sReset = s;
                    if (smooth && detachReset)
                    {
                        if (holdDetached)
                        {
                            sReset = heldResetSpikes[o + k];
                        }
                        else
                        {
                            heldResetSpikes[o + k] = s;
                        }
                    }
                    v[s0 + k] = softReset ? p - th * sReset : p * (1 - sReset);
                }
                java.util.Arrays.fill(drive, o, o + c, 0.0);
                weights.addRows(in, b, n, drive, o);
            }
        }
    }

    @Override
    public void backward(final Signal in, final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        final int c = outputs();
        final double a = decay;
        final double th = vTh;
        final double invTh = 1.0 / th;
        for (int b = from; b < to; b++)
        {
            final int s0 = b * c;
            java.util.Arrays.fill(vBar, s0, s0 + c, 0.0);
            java.util.Arrays.fill(pending, s0, s0 + c, 0.0);
            for (int n = steps - 1; n >= 0; n--)
            {
                final int o = (b * steps + n) * c;
                surrogate.derivatives(x, o, slope, s0, c);
                for (int k = 0; k < c; k++)
                {
                    final double e = gradient[o + k];
                    gradient[o + k] = pending[s0 + k];
                    final double xk = x[o + k];
                    final double s = smooth ? surrogate.smooth(xk) : (xk > 0 ? 1.0 : 0.0);
                    final double vb = vBar[s0 + k];
                    double sBar = e;
                    if (!detachReset)
                    {
                        sBar += softReset ? -th * vb : -membrane[o + k] * vb;
                    }
                    final double pBar = (softReset ? vb : vb * (1 - s)) + slope[s0 + k] * invTh * sBar;
                    pending[s0 + k] = (1 - a) * pBar;
                    vBar[s0 + k] = a * pBar;
                }
            }
        }
        inputGradient(gradient, inputGradient, from, to);
    }

    @Override
    public void holdDetached(final boolean hold)
    {
        holdDetached = hold;
    }

    @Override
    public long bufferBytes()
    {
        return x == null ? 0 : 8L * (2L * x.length + (membrane == null ? 0 : membrane.length) + out.values().length);
    }
}
