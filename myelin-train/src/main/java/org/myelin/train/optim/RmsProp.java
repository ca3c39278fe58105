package org.myelin.train.optim;

import java.util.List;

import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;

/**
 * RMSProp (Tieleman and Hinton 2012), centred or not, with momentum and L2 weight decay, step for
 * step as {@code torch.optim.RMSprop}.
 *
 * <pre>
 *   g ← ∇ + λ·w
 *   v ← α·v + (1 − α)·g²
 *   d ← √v + ε,  or  √(v − ḡ²) + ε with ḡ ← α·ḡ + (1 − α)·g   (centred)
 *   b ← μ·b + g/d;  w ← w − lr·b     (momentum μ &gt; 0)    else    w ← w − lr·g/d
 * </pre>
 */
public final class RmsProp extends Optimizer
{
    private final double alpha;
    private final double epsilon;
    private final double momentum;
    private final boolean centered;
    private final double weightDecay;

    /**
     * @param lr          learning rate, {@code >= 0}.
     * @param alpha       smoothing α, in [0, 1).
     * @param epsilon     ε, {@code >= 0}.
     * @param momentum    μ, {@code >= 0}.
     * @param centered    divide by the estimated standard deviation instead of the RMS.
     * @param weightDecay λ, {@code >= 0}.
     */
    public RmsProp(final List<Parameter> parameters, final double lr, final double alpha, final double epsilon,
        final double momentum, final boolean centered, final double weightDecay)
    {
        super("RMSProp", parameters, lr);
        this.alpha = rate("RMSProp", "alpha", alpha);
        this.epsilon = Check.nonNegative("RMSProp", "eps", epsilon, "");
        this.momentum = Check.nonNegative("RMSProp", "momentum", momentum, "");
        this.weightDecay = Check.nonNegative("RMSProp", "weightDecay", weightDecay, "");
        this.centered = centered;
        buffer("square");
        if (momentum > 0)
        {
            buffer("momentum");
        }
        if (centered)
        {
            buffer("mean");
        }
    }

    /** PyTorch's defaults α = 0.99, ε = 1e-8, no momentum, not centred, no weight decay. */
    public RmsProp(final List<Parameter> parameters, final double lr)
    {
        this(parameters, lr, 0.99, 1e-8, 0, false, 0);
    }

    @Override
    protected void update(final int index, final double[] w, final double[] g, final long t, final double lr)
    {
        final double[] v = buffer("square")[index];
        final double[] mean = centered ? buffer("mean")[index] : null;
        final double[] buf = momentum > 0 ? buffer("momentum")[index] : null;
        final double a = alpha;
        for (int k = 0; k < w.length; k++)
        {
            final double d = g[k] + weightDecay * w[k];
            v[k] = a * v[k] + (1 - a) * d * d;
            final double denominator;
            if (mean != null)
            {
                mean[k] = a * mean[k] + (1 - a) * d;
                denominator = Math.sqrt(v[k] - mean[k] * mean[k]) + epsilon;
            }
            else
            {
                denominator = Math.sqrt(v[k]) + epsilon;
            }
            if (buf != null)
            {
                buf[k] = momentum * buf[k] + d / denominator;
                w[k] -= lr * buf[k];
            }
            else
            {
                w[k] -= lr * d / denominator;
            }
        }
    }

    @Override
    public String describe()
    {
        return "RMSProp(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + epsilon + ", momentum=" + momentum
            + ", centered=" + centered + ", weightDecay=" + weightDecay + ")";
    }
}
