package org.myelin.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

/** Distributions of the initialisers (mean and variance within 4σ) and their error messages. */
class InitializerTest
{
    private static final int N = 200_000;

    @Test
    void lognormalShouldHaveTheMomentsOfExpOfANormal()
    {
        final double mu = 0.2;
        final double sigma = 0.5;
        final double[] x = draw(Initializer.lognormal(mu, sigma));
        final double mean = Math.exp(mu + sigma * sigma / 2);
        final double variance = (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma);

        assertThat(mean(x)).isCloseTo(mean, within(4 * Math.sqrt(variance / N)));
        // log x is normal(mu, sigma)
        final double[] logs = new double[N];
        for (int i = 0; i < N; i++)
        {
            logs[i] = Math.log(x[i]);
        }
        assertThat(mean(logs)).isCloseTo(mu, within(4 * sigma / Math.sqrt(N)));
        assertThat(variance(logs)).isCloseTo(sigma * sigma, within(4 * sigma * sigma * Math.sqrt(2.0 / N)));
    }

    @Test
    void normalAndUniformShouldHaveTheirMoments()
    {
        final double[] n = draw(Initializer.normal(3, 2));
        assertThat(mean(n)).isCloseTo(3, within(4 * 2 / Math.sqrt(N)));
        assertThat(variance(n)).isCloseTo(4, within(4 * 4 * Math.sqrt(2.0 / N)));
        final double[] u = draw(Initializer.uniform(-1, 5));
        assertThat(mean(u)).isCloseTo(2, within(4 * Math.sqrt(3.0 / N)));
        assertThat(variance(u)).isCloseTo(3, within(4 * Math.sqrt((6.0 * 6 * 6 * 6 / 80 - 9) / N)));
    }

    @Test
    void clippedShouldBeTheTruncatedDistribution()
    {
        final double[] x = draw(Initializer.clipped(Initializer.normal(0, 1), 0, 10));
        // half-normal: mean sqrt(2/pi), variance 1 - 2/pi
        final double variance = 1 - 2 / Math.PI;
        assertThat(java.util.Arrays.stream(x).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(x).max().orElseThrow()).isLessThanOrEqualTo(10.0);
        assertThat(mean(x)).isCloseTo(Math.sqrt(2 / Math.PI), within(4 * Math.sqrt(variance / N)));
    }

    @Test
    void fillShouldEqualSampleAtEachIndex()
    {
        final Initializer init = Initializer.normal(1, 2);
        final double[] filled = new double[10];
        init.fill(filled, 5, 6, "v");
        final long key = Rng.key(5, Rng.PURPOSE_INIT, 6, Rng.nameId("v"));
        for (int i = 0; i < filled.length; i++)
        {
            assertThat(filled[i]).isEqualTo(init.sample(key, i));
        }
        assertThat(Initializer.constant(2).isConstant()).isTrue();
        assertThat(Initializer.values(1, 2, 3).sample(0, 2)).isEqualTo(3);
    }

    @Test
    void badParametersShouldBeErrors()
    {
        assertThatThrownBy(() -> Initializer.lognormal(0, -1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Initializer.lognormal: sigma must be >= 0 and finite, got sigma=-1");
        assertThatThrownBy(() -> Initializer.clipped(Initializer.constant(0), 2, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Initializer.clipped: low must be <= high, got low=2, high=1");
        assertThatThrownBy(() -> Initializer.clipped(Initializer.constant(0), 1, 2).sample(1, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Initializer.clipped: no draw of Constant[value=0.0] in 1000 fell in [1, 2]; "
                + "widen the bounds");
    }

    private static double[] draw(final Initializer init)
    {
        final double[] x = new double[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = init.sample(0x1234, i);
        }
        return x;
    }

    private static double mean(final double[] x)
    {
        double s = 0;
        for (final double v : x)
        {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(final double[] x)
    {
        final double m = mean(x);
        double s = 0;
        for (final double v : x)
        {
            s += (v - m) * (v - m);
        }
        return s / (x.length - 1);
    }
}
