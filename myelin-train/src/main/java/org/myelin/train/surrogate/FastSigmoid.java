package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * The fast sigmoid of SuperSpike (Zenke and Ganguli 2018): the derivative of {@code x/(1 + α|x|)}
 * (SpyTorch's {@code SurrGradSpike}, snnTorch's {@code fast_sigmoid}, brainstate's
 * {@code inv_square_grad}).
 *
 * <pre>
 *   derivative(x) = 1 / (1 + α·|x|)²
 *   smooth(x)     = 1/α + x / (1 + α·|x|)          (from 0 at −∞ to 2/α at +∞)
 * </pre>
 * The derivative is 1 at threshold whatever α, and its integral is 2/α, not 1.
 *
 * @param alpha steepness α, {@code > 0}; SpyTorch's default 100.
 */
public record FastSigmoid(double alpha) implements Surrogate
{
    /** SpyTorch's (and brainstate's {@code inv_square_grad}) default steepness. */
    public static final double DEFAULT_ALPHA = 100.0;

    /** Validates α. */
    public FastSigmoid
    {
        Check.positive("FastSigmoid surrogate", "alpha", alpha, "");
    }

    /** The surrogate with SpyTorch's default α = 100. */
    public FastSigmoid()
    {
        this(DEFAULT_ALPHA);
    }

    @Override
    public double derivative(final double x)
    {
        final double d = 1.0 + alpha * Math.abs(x);
        return 1.0 / (d * d);
    }

    @Override
    public double smooth(final double x)
    {
        return 1.0 / alpha + x / (1.0 + alpha * Math.abs(x));
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        final double a = alpha;
        for (int i = 0; i < count; i++)
        {
            final double d = 1.0 + a * Math.abs(x[xOffset + i]);
            out[outOffset + i] = 1.0 / (d * d);
        }
    }

    @Override
    public String name()
    {
        return "FastSigmoid";
    }

    @Override
    public String describe()
    {
        return "FastSigmoid(alpha=" + alpha + ")";
    }
}
