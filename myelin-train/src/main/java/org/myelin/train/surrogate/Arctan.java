package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * The derivative of an arctangent step (brainstate {@code arctan}, Fang et al. 2021).
 *
 * <pre>
 *   smooth(x)     = 1/2 + arctan(π/2 · α · x) / π
 *   derivative(x) = (α/2) / (1 + (π/2 · α · x)²)
 * </pre>
 *
 * @param alpha steepness α, {@code > 0}; brainstate's default 1.
 */
public record Arctan(double alpha) implements Surrogate
{
    /** brainstate's default steepness. */
    public static final double DEFAULT_ALPHA = 1.0;

    /** Validates α. */
    public Arctan
    {
        Check.positive("Arctan surrogate", "alpha", alpha, "");
    }

    /** The surrogate with brainstate's default α = 1. */
    public Arctan()
    {
        this(DEFAULT_ALPHA);
    }

    @Override
    public double derivative(final double x)
    {
        final double z = 0.5 * Math.PI * alpha * x;
        return 0.5 * alpha / (1.0 + z * z);
    }

    @Override
    public double smooth(final double x)
    {
        return 0.5 + Math.atan(0.5 * Math.PI * alpha * x) / Math.PI;
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        final double scale = 0.5 * Math.PI * alpha;
        final double peak = 0.5 * alpha;
        for (int i = 0; i < count; i++)
        {
            final double z = scale * x[xOffset + i];
            out[outOffset + i] = peak / (1.0 + z * z);
        }
    }

    @Override
    public String name()
    {
        return "Arctan";
    }

    @Override
    public String describe()
    {
        return "Arctan(alpha=" + alpha + ")";
    }
}
