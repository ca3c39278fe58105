package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactly integrated linear models against their closed-form unit responses over 500 ms at
 * dt = 0.1 and 0.01 ms, within 1e-9 relative; and against the sum of shifted responses for a
 * train (superposition).
 */
class LinearKernelsTest
{
    private static final double DURATION = 500;

    static Stream<Arguments> kernels()
    {
        final DualExponential peak = new DualExponential();
        final DualExponential charge = new DualExponential(6, 0.5, 1, DualExponential.Normalization.CHARGE);
        final DualExponential none = new DualExponential(3, 7, 2, DualExponential.Normalization.NONE);
        final Stream<Arguments> models = Stream.of(
            Arguments.of(new Exponential(8), (DoubleUnaryOperator) t -> Math.exp(-t / 8)),
            Arguments.of(new ExponentialCurrent(4), (DoubleUnaryOperator) t -> Math.exp(-t / 4) / 4),
            Arguments.of(new Alpha(8), (DoubleUnaryOperator) t -> t / 8 * Math.exp(-t / 8)),
            Arguments.of(new Alpha(2.5), (DoubleUnaryOperator) t -> t / 2.5 * Math.exp(-t / 2.5)),
            Arguments.of(peak, dual(peak)),
            Arguments.of(charge, dual(charge)),
            Arguments.of(none, dual(none)));
        return models.flatMap(a -> Stream.of(0.1, 0.01).map(dt -> Arguments.of(a.get()[0], a.get()[1], dt)));
    }

    private static DoubleUnaryOperator dual(final DualExponential m)
    {
        return t -> m.scale() * (Math.exp(-t / m.tauDecay()) - Math.exp(-t / m.tauRise()));
    }

    @ParameterizedTest(name = "{0} at dt={2}")
    @MethodSource("kernels")
    void unitResponseShouldMatchTheClosedForm(
        final SynapseModel model, final DoubleUnaryOperator closedForm, final double dt)
    {
        final int steps = (int) Math.round(DURATION / dt);
        final double[] g = SynapseKernels.response(model, dt, steps + 1, 1.0, 0);

        assertThat(g[0]).isZero();
        double worst = 0;
        for (int n = 1; n <= steps; n++)
        {
            final double expected = closedForm.applyAsDouble((n - 1) * dt);
            if (expected != 0)
            {
                worst = Math.max(worst, Math.abs(g[n] - expected) / Math.abs(expected));
            }
            else
            {
                assertThat(g[n]).as("step %d", n).isZero();
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "{0} at dt={2}")
    @MethodSource("kernels")
    void aTrainShouldBeTheSumOfShiftedUnitResponses(
        final SynapseModel model, final DoubleUnaryOperator closedForm, final double dt)
    {
        final long[] spikes = {0, 7, 8, 40};
        final double w = 0.75;
        final double[] g = SynapseKernels.response(model, dt, 400, w, spikes);

        double peak = 0;
        for (final double x : g)
        {
            peak = Math.max(peak, Math.abs(x));
        }
        for (int n = 0; n < g.length; n++)
        {
            double expected = 0;
            for (final long s : spikes)
            {
                if (n > s)
                {
                    expected += w * closedForm.applyAsDouble((n - s - 1) * dt);
                }
            }
            if (Math.abs(g[n] - expected) > 1e-12 * peak)
            {
                assertThat(g[n]).as("step %d", n).isCloseTo(expected, within(1e-12 * peak));
            }
        }
    }
}
