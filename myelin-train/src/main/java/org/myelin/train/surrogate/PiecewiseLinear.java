package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * A triangular derivative, zero beyond a width (brainstate {@code relu_grad}; the
 * pseudo-derivative of Bellec et al. 2018 with dampening α = 0.3 and width 1).
 *
 * <pre>
 *   derivative(x) = α · max(w − |x|, 0)
 *   smooth(x)     = 0                          for x ≤ −w
 *                   α (x + w)² / 2             for −w &lt; x ≤ 0
 *                   α (w² − (w − x)² / 2)      for 0 &lt; x &lt; w
 *                   α w²                       for x ≥ w
 * </pre>
 * Outside {@code |x| < w} the derivative is exactly 0, so the backward pass may skip those
 * neurons.
 *
 * @param alpha height per unit of distance α, {@code > 0}; brainstate's default 0.3.
 * @param width half-width w, {@code > 0}; brainstate's default 1.
 */
public record PiecewiseLinear(double alpha, double width) implements Surrogate
{
    /** brainstate's default α. */
    public static final double DEFAULT_ALPHA = 0.3;
    /** brainstate's default width. */
    public static final double DEFAULT_WIDTH = 1.0;

    /** Validates α and w. */
    public PiecewiseLinear
    {
        Check.positive("PiecewiseLinear surrogate", "alpha", alpha, "");
        Check.positive("PiecewiseLinear surrogate", "width", width, "");
    }

    /** The surrogate with brainstate's defaults α = 0.3, w = 1. */
    public PiecewiseLinear()
    {
        this(DEFAULT_ALPHA, DEFAULT_WIDTH);
    }

    @Override
    public double derivative(final double x)
    {
        return alpha * Math.max(width - Math.abs(x), 0.0);
    }

    @Override
    public double smooth(final double x)
    {
        final double w = width;
        if (x <= -w)
        {
            return 0.0;
        }
        if (x <= 0)
        {
            return 0.5 * alpha * (x + w) * (x + w);
        }
        if (x < w)
        {
            return alpha * (w * w - 0.5 * (w - x) * (w - x));
        }
        return alpha * w * w;
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        final double a = alpha;
        final double w = width;
        for (int i = 0; i < count; i++)
        {
            out[outOffset + i] = a * Math.max(w - Math.abs(x[xOffset + i]), 0.0);
        }
    }

    @Override
    public String name()
    {
        return "PiecewiseLinear";
    }

    @Override
    public String describe()
    {
        return "PiecewiseLinear(alpha=" + alpha + ", width=" + width + ")";
    }
}
