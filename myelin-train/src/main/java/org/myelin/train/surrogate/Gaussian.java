package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * A Gaussian derivative (brainstate {@code gaussian_grad}).
 *
 * <pre>
 *   derivative(x) = α · N(x; 0, σ) = α / (√(2π) σ) · e^{−x²/(2σ²)}
 *   smooth(x)     = α · Φ(x/σ) = α/2 · (1 + erf(x / (σ√2)))
 * </pre>
 *
 * @param sigma width σ, {@code > 0}; brainstate's default 0.5.
 * @param alpha height factor α, {@code > 0}; brainstate's default 0.5.
 */
public record Gaussian(double sigma, double alpha) implements Surrogate
{
    /** brainstate's default width. */
    public static final double DEFAULT_SIGMA = 0.5;
    /** brainstate's default height factor. */
    public static final double DEFAULT_ALPHA = 0.5;

    /** Validates σ and α. */
    public Gaussian
    {
        Check.positive("Gaussian surrogate", "sigma", sigma, "");
        Check.positive("Gaussian surrogate", "alpha", alpha, "");
    }

    /** The surrogate with brainstate's defaults σ = 0.5, α = 0.5. */
    public Gaussian()
    {
        this(DEFAULT_SIGMA, DEFAULT_ALPHA);
    }

    @Override
    public double derivative(final double x)
    {
        return alpha / (NormalDistribution.SQRT_TWO_PI * sigma) * Math.exp(-0.5 / (sigma * sigma) * x * x);
    }

    @Override
    public double smooth(final double x)
    {
        return alpha * NormalDistribution.cumulative(x, 0.0, sigma);
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        final double peak = alpha / (NormalDistribution.SQRT_TWO_PI * sigma);
        final double scale = -0.5 / (sigma * sigma);
        for (int i = 0; i < count; i++)
        {
            final double xi = x[xOffset + i];
            out[outOffset + i] = peak * Math.exp(scale * xi * xi);
        }
    }

    @Override
    public String name()
    {
        return "Gaussian";
    }

    @Override
    public String describe()
    {
        return "Gaussian(sigma=" + sigma + ", alpha=" + alpha + ")";
    }
}
