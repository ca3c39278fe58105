package org.myelin.train.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.util.ModelException;

class SurrogateTest
{
    static Stream<Surrogate> surrogates()
    {
        return Stream.of(new Sigmoid(), new Sigmoid(10), new FastSigmoid(), new FastSigmoid(3), new Arctan(),
            new Arctan(2.5), new PiecewiseLinear(), new PiecewiseLinear(0.5, 2), new Gaussian(), new Gaussian(0.3, 1),
            new MultiGaussian(), new MultiGaussian(0.3, 4, 0.7, 1));
    }

    @ParameterizedTest
    @MethodSource("surrogates")
    void derivativeShouldMatchCentralDifferencesOfTheSmoothFunction(final Surrogate s)
    {
        for (double x = -3.013; x <= 3; x += 0.0517)
        {
            final double h = 1e-5;
            final double d1 = (s.smooth(x + h) - s.smooth(x - h)) / (2 * h);
            final double d2 = (s.smooth(x + h / 2) - s.smooth(x - h / 2)) / h;
            final double fd = (4 * d2 - d1) / 3;
            final double exact = s.derivative(x);
            assertThat(Math.abs(fd - exact)).as("%s at x=%s", s, x)
                .isLessThanOrEqualTo(1e-6 * Math.max(Math.abs(exact), 1e-3));
        }
    }

    @ParameterizedTest
    @MethodSource("surrogates")
    void smoothFunctionShouldStartAtZero(final Surrogate s)
    {
        assertThat(s.smooth(-1e6)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(s.smooth(1e6)).isGreaterThan(s.smooth(0.0));
    }

    @ParameterizedTest
    @MethodSource("surrogates")
    void arrayFormShouldGiveTheScalarDerivative(final Surrogate s)
    {
        final double[] x = {-2.5, -1, -0.3, 0, 1e-9, 0.4, 0.99, 1.7, 4};
        final double[] out = new double[x.length + 3];
        s.derivatives(x, 1, out, 3, x.length - 1);
        for (int i = 1; i < x.length; i++)
        {
            assertThat(out[i + 2]).isEqualTo(s.derivative(x[i]));
        }
    }

    @Test
    void forwardShouldBeTheHeavisideStepWithZeroAtThreshold()
    {
        assertThat(Surrogate.heaviside(0.0)).isZero();
        assertThat(Surrogate.heaviside(-0.0)).isZero();
        assertThat(Surrogate.heaviside(Double.MIN_VALUE)).isEqualTo(1.0);
        assertThat(Surrogate.heaviside(-Double.MIN_VALUE)).isZero();
        assertThat(Surrogate.heaviside(Double.NaN)).isZero();
    }

    @Test
    void derivativesShouldHaveTheirPublishedValuesAtThreshold()
    {
        assertThat(new Sigmoid(4).derivative(0)).isEqualTo(1.0);
        assertThat(new FastSigmoid(100).derivative(0)).isEqualTo(1.0);
        assertThat(new FastSigmoid(100).derivative(0.01)).isEqualTo(0.25);
        assertThat(new Arctan(1).derivative(0)).isEqualTo(0.5);
        assertThat(new PiecewiseLinear(0.3, 1).derivative(0)).isEqualTo(0.3);
        assertThat(new PiecewiseLinear(0.3, 1).derivative(1.0)).isZero();
        assertThat(new PiecewiseLinear(0.3, 1).derivative(-1.5)).isZero();
        assertThat(new Gaussian(0.5, 0.5).derivative(0)).isCloseTo(0.5 / (Math.sqrt(2 * Math.PI) * 0.5),
            org.assertj.core.data.Offset.offset(1e-15));
        final double sigma = 0.5;
        final double n0 = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        final double side = Math.exp(-0.5 / 36) / (Math.sqrt(2 * Math.PI) * 3);
        assertThat(new MultiGaussian().derivative(0)).isCloseTo(0.5 * (1.15 * n0 - 2 * 0.15 * side),
            org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void normalDistributionShouldMatchKnownValuesOfErf()
    {
        assertThat(NormalDistribution.erf(0.5)).isCloseTo(0.5204998778130465, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(NormalDistribution.erf(1.0)).isCloseTo(0.8427007929497149, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(NormalDistribution.erf(2.5)).isCloseTo(0.9995930479825550, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(NormalDistribution.erfc(3.5)).isCloseTo(7.430983723414128e-07, org.assertj.core.data.Offset.offset(1e-20));
        assertThat(NormalDistribution.erfc(5.0)).isCloseTo(1.537459794428035e-12, org.assertj.core.data.Offset.offset(1e-25));
        assertThat(NormalDistribution.erf(-1.0)).isEqualTo(-NormalDistribution.erf(1.0));
    }

    @Test
    void factoryShouldBuildEverySurrogateByNameWithDefaults()
    {
        for (final String name : Surrogates.NAMES)
        {
            assertThat(Surrogates.create(name.toLowerCase(java.util.Locale.ROOT), Map.of()).name()).isEqualTo(name);
        }
        assertThat(Surrogates.create("fastsigmoid", Map.of("alpha", 25.0))).isEqualTo(new FastSigmoid(25));
        assertThat(Surrogates.parameters("MultiGaussian")).isEqualTo(List.of("h", "s", "sigma", "scale"));
    }

    @Test
    void badSurrogatesShouldGiveOneLineNamingTheParameter()
    {
        assertThatThrownBy(() -> new FastSigmoid(-1)).isInstanceOf(ModelException.class)
            .hasMessage("FastSigmoid surrogate: alpha must be > 0 and finite, got alpha=-1");
        assertThatThrownBy(() -> new PiecewiseLinear(0.3, 0)).isInstanceOf(ModelException.class)
            .hasMessage("PiecewiseLinear surrogate: width must be > 0 and finite, got width=0");
        assertThatThrownBy(() -> new MultiGaussian(-0.1, 6, 0.5, 0.5)).isInstanceOf(ModelException.class)
            .hasMessage("MultiGaussian surrogate: h must be >= 0 and finite, got h=-0.1");
        assertThatThrownBy(() -> Surrogates.create("superspike", Map.of())).isInstanceOf(ModelException.class)
            .hasMessage("unknown surrogate 'superspike'; known: Sigmoid, FastSigmoid, Arctan, PiecewiseLinear, Gaussian, "
                + "MultiGaussian");
        assertThatThrownBy(() -> Surrogates.create("Sigmoid", Map.of("beta", 2.0))).isInstanceOf(ModelException.class)
            .hasMessage("Sigmoid surrogate: unknown parameter 'beta'; known: alpha");
    }
}
