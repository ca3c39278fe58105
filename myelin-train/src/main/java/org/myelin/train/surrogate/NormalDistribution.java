package org.myelin.train.surrogate;

/**
 * The normal density and distribution function in double precision, for the Gaussian
 * surrogates. The JDK has no {@code erf}; this one is accurate to about 1e-15 (absolute), so a
 * finite-difference check of a surrogate against its smooth function sees the surrogate's own
 * error, not this one's.
 */
final class NormalDistribution
{
    static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private NormalDistribution()
    {
    }

    /** The density of N(mean, sd) at x. */
    static double density(final double x, final double mean, final double sd)
    {
        final double z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z) / (SQRT_TWO_PI * sd);
    }

    /** The distribution function of N(mean, sd) at x. */
    static double cumulative(final double x, final double mean, final double sd)
    {
        final double z = (x - mean) / (sd * Math.sqrt(2));
        return z < 0 ? 0.5 * erfc(-z) : 0.5 * (1 + erf(z));
    }

    /**
     * erf(x): for |x| &lt; 3 the series {@code 2/√π · e^{−x²} · Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1))},
     * whose terms are all positive (no cancellation); beyond, {@code 1 − erfc}.
     */
    static double erf(final double x)
    {
        final double ax = Math.abs(x);
        if (ax >= 3)
        {
            return Math.copySign(1 - erfc(ax), x);
        }
        final double x2 = ax * ax;
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }
        return Math.copySign(TWO_OVER_SQRT_PI * Math.exp(-x2) * sum, x);
    }

    /**
     * erfc(x) for x ≥ 0: {@code 1 − erf} below 3, the continued fraction
     * {@code e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))} (modified Lentz) from 3 on.
     */
    static double erfc(final double x)
    {
        if (x < 3)
        {
            return 1 - erf(x);
        }
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++)
        {
            final double a = 0.5 * k;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            final double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
    }
}
