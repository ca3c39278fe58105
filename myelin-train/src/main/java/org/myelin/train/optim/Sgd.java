package org.myelin.train.optim;

import java.util.List;

import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay,
 * step for step as {@code torch.optim.SGD}.
 *
 * <pre>
 *   g ← ∇ + λ·w
 *   b ← g (first step), μ·b + (1 − τ)·g (after)      (with momentum μ &gt; 0)
 *   g ← g + μ·b (Nesterov)  or  b
 *   w ← w − lr·g
 * </pre>
 */
public final class Sgd extends Optimizer
{
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;

    /**
     * @param lr          learning rate, {@code >= 0}.
     * @param momentum    μ, {@code >= 0}.
     * @param dampening   τ, in [0, 1].
     * @param nesterov    Nesterov momentum (needs μ &gt; 0 and τ = 0).
     * @param weightDecay λ, {@code >= 0}.
     */
    public Sgd(final List<Parameter> parameters, final double lr, final double momentum, final double dampening,
        final boolean nesterov, final double weightDecay)
    {
        super("SGD", parameters, lr);
        this.momentum = Check.nonNegative("SGD", "momentum", momentum, "");
        this.dampening = Check.inClosedRange("SGD", "dampening", dampening, 0, 1);
        this.weightDecay = Check.nonNegative("SGD", "weightDecay", weightDecay, "");
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ModelException("SGD: nesterov needs momentum > 0 and dampening = 0, got momentum="
                + Check.fmt(momentum) + ", dampening=" + Check.fmt(dampening));
        }
        this.nesterov = nesterov;
        if (momentum > 0)
        {
            buffer("momentum");
        }
    }

    /** Plain SGD. */
    public Sgd(final List<Parameter> parameters, final double lr)
    {
        this(parameters, lr, 0, 0, false, 0);
    }

    @Override
    protected void update(final int index, final double[] w, final double[] g, final long t, final double lr)
    {
        final double mu = momentum;
        final double lambda = weightDecay;
        final double[] buf = mu > 0 ? buffer("momentum")[index] : null;
        for (int k = 0; k < w.length; k++)
        {
            double d = g[k] + lambda * w[k];
            if (buf != null)
            {
                buf[k] = t == 1 ? d : mu * buf[k] + (1 - dampening) * d;
                d = nesterov ? d + mu * buf[k] : buf[k];
            }
            w[k] -= lr * d;
        }
    }

    @Override
    public String describe()
    {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ", dampening=" + dampening + ", nesterov="
            + nesterov + ", weightDecay=" + weightDecay + ")";
    }
}
