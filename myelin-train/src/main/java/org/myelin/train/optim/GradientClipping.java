package org.myelin.train.optim;

import java.util.List;

import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;

/**
 * Clipping of the gradient by its global norm ({@code torch.nn.utils.clip_grad_norm_}): when
 * {@code ‖g‖ = √(Σ g²)} over every parameter exceeds {@code maxNorm}, every gradient is scaled by
 * {@code maxNorm / (‖g‖ + 1e-6)}.
 */
public final class GradientClipping
{
    private GradientClipping()
    {
    }

    /** Clips the gradients in place and returns the norm before clipping. */
    public static double clipByNorm(final List<Parameter> parameters, final double maxNorm)
    {
        Check.positive("gradient clipping", "maxNorm", maxNorm, "");
        double sum = 0;
        for (final Parameter p : parameters)
        {
            for (final double g : p.gradient())
            {
                sum += g * g;
            }
        }
        final double norm = Math.sqrt(sum);
        final double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1)
        {
            for (final Parameter p : parameters)
            {
                final double[] g = p.gradient();
                for (int k = 0; k < g.length; k++)
                {
                    g[k] *= coefficient;
                }
            }
        }
        return norm;
    }
}
