package org.myelin.train.surrogate;

import org.myelin.util.Check;

/**
 * A Gaussian with two negative side lobes (brainstate {@code multi_gaussian_grad}; Yin, Corradi
 * and Bohté 2021).
 *
 * <pre>
 *   derivative(x) = scale · [(1 + h)·N(x; 0, σ) − h·N(x; σ, sσ) − h·N(x; −σ, sσ)]
 *   smooth(x)     = scale · [(1 + h)·Φ(x/σ) − h·Φ((x − σ)/(sσ)) − h·Φ((x + σ)/(sσ))]
 * </pre>
 *
 * @param h     weight of the side lobes, {@code >= 0}; brainstate's default 0.15.
 * @param s     width of the side lobes relative to σ, {@code > 0}; default 6.
 * @param sigma width σ, {@code > 0}; default 0.5.
 * @param scale overall factor, {@code > 0}; default 0.5.
 */
public record MultiGaussian(double h, double s, double sigma, double scale) implements Surrogate
{
    /** brainstate's default side-lobe weight. */
    public static final double DEFAULT_H = 0.15;
    /** brainstate's default side-lobe width factor. */
    public static final double DEFAULT_S = 6.0;
    /** brainstate's default width. */
    public static final double DEFAULT_SIGMA = 0.5;
    /** brainstate's default scale. */
    public static final double DEFAULT_SCALE = 0.5;

    /** Validates every parameter. */
    public MultiGaussian
    {
        final String owner = "MultiGaussian surrogate";
        Check.nonNegative(owner, "h", h, "");
        Check.positive(owner, "s", s, "");
        Check.positive(owner, "sigma", sigma, "");
        Check.positive(owner, "scale", scale, "");
    }

    /** The surrogate with brainstate's defaults h = 0.15, s = 6, σ = 0.5, scale = 0.5. */
    public MultiGaussian()
    {
        this(DEFAULT_H, DEFAULT_S, DEFAULT_SIGMA, DEFAULT_SCALE);
    }

    @Override
    public double derivative(final double x)
    {
        final double wide = s * sigma;
        return scale * ((1 + h) * NormalDistribution.density(x, 0.0, sigma)
            - h * NormalDistribution.density(x, sigma, wide) - h * NormalDistribution.density(x, -sigma, wide));
    }

    @Override
    public double smooth(final double x)
    {
        final double wide = s * sigma;
        return scale * ((1 + h) * NormalDistribution.cumulative(x, 0.0, sigma)
            - h * NormalDistribution.cumulative(x, sigma, wide) - h * NormalDistribution.cumulative(x, -sigma, wide));
    }

    @Override
    public void derivatives(final double[] x, final int xOffset, final double[] out, final int outOffset,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            out[outOffset + i] = derivative(x[xOffset + i]);
        }
    }

    @Override
    public String name()
    {
        return "MultiGaussian";
    }

    @Override
    public String describe()
    {
        return "MultiGaussian(h=" + h + ", s=" + s + ", sigma=" + sigma + ", scale=" + scale + ")";
    }
}
