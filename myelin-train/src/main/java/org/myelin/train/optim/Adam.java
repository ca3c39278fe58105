package org.myelin.train.optim;

import java.util.List;

import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;

/**
 * Adam (Kingma and Ba 2015) with L2 weight decay, and AdamW (Loshchilov and Hutter 2019) with
 * decoupled weight decay, step for step as {@code torch.optim.Adam} / {@code AdamW}.
 *
 * <pre>
 *   w ← w·(1 − lr·λ)                          (AdamW)
 *   g ← ∇ + λ·w                               (Adam)
 *   m ← β1·m + (1 − β1)·g        v ← β2·v + (1 − β2)·g²
 *   w ← w − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 */
public final class Adam extends Optimizer
{
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    /**
     * @param lr          learning rate, {@code >= 0}.
     * @param beta1       β1, in [0, 1).
     * @param beta2       β2, in [0, 1).
     * @param epsilon     ε, {@code >= 0}.
     * @param weightDecay λ, {@code >= 0}.
     * @param decoupled   AdamW's decoupled decay instead of L2.
     */
    public Adam(final List<Parameter> parameters, final double lr, final double beta1, final double beta2,
        final double epsilon, final double weightDecay, final boolean decoupled)
    {
        super(decoupled ? "AdamW" : "Adam", parameters, lr);
        final String owner = kind();
        this.beta1 = rate(owner, "beta1", beta1);
        this.beta2 = rate(owner, "beta2", beta2);
        this.epsilon = Check.nonNegative(owner, "eps", epsilon, "");
        this.weightDecay = Check.nonNegative(owner, "weightDecay", weightDecay, "");
        this.decoupled = decoupled;
        buffer("m");
        buffer("v");
    }

    /** Adam with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8, no weight decay. */
    public static Adam adam(final List<Parameter> parameters, final double lr)
    {
        return new Adam(parameters, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /** AdamW with PyTorch's defaults β = (0.9, 0.999), ε = 1e-8, weight decay 0.01. */
    public static Adam adamW(final List<Parameter> parameters, final double lr)
    {
        return new Adam(parameters, lr, 0.9, 0.999, 1e-8, 0.01, true);
    }

    @Override
    protected void update(final int index, final double[] w, final double[] g, final long t, final double lr)
    {
        final double[] m = buffer("m")[index];
        final double[] v = buffer("v")[index];
        final double b1 = beta1;
        final double b2 = beta2;
        final double stepSize = lr / (1 - Math.pow(b1, t));
        final double correction2 = Math.sqrt(1 - Math.pow(b2, t));
        final double lambda = weightDecay;
        final double shrink = 1 - lr * lambda;
        for (int k = 0; k < w.length; k++)
        {
            double d = g[k];
            if (decoupled)
            {
                w[k] *= shrink;
            }
            else
            {
                d += lambda * w[k];
            }
            m[k] = b1 * m[k] + (1 - b1) * d;
            v[k] = b2 * v[k] + (1 - b2) * d * d;
            w[k] -= stepSize * m[k] / (Math.sqrt(v[k]) / correction2 + epsilon);
        }
    }

    @Override
    public String describe()
    {
        return kind() + "(lr=" + learningRate() + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon
            + ", weightDecay=" + weightDecay + ")";
    }
}
