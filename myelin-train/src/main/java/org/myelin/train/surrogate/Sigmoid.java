package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * The derivative of a logistic sigmoid with steepness α (brainstate {@code sigmoid}).
 *
 * <pre>
 *   smooth(x)     = 1 / (1 + e^{−αx})
 *   derivative(x) = α · smooth(x) · (1 − smooth(x))
 * </pre>
 *
 * @param alpha steepness α, {@code > 0}; brainstate's default 4.
 */
public record Sigmoid(double alpha) implements Surrogate
{
    /** brainstate's default steepness. */
    public static final double DEFAULT_ALPHA = 4.0;

    /** Validates α. */
    public Sigmoid
    {
        Check.positive("Sigmoid surrogate", "alpha", alpha, "");
    }

    /** The surrogate with brainstate's default α = 4. */
    public Sigmoid()
    {
        this(DEFAULT_ALPHA);
    }

    @Override
    public double derivative(final double x)
    {
        final double s = 1.0 / (1.0 + Math.exp(-alpha * x));
        return alpha * s * (1.0 - s);
    }

    @Override
    public double smooth(final double x)
    {
        return 1.0 / (1.0 + Math.exp(-alpha * x));
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        final double a = alpha;
        for (int i = 0; i < count; i++)
        {
            final double s = 1.0 / (1.0 + Math.exp(-a * x[xOffset + i]));
            out[outOffset + i] = a * s * (1.0 - s);
        }
    }

    @Override
    public String name()
    {
        return "Sigmoid";
    }

    @Override
    public String describe()
    {
        return "Sigmoid(alpha=" + alpha + ")";
    }
}
