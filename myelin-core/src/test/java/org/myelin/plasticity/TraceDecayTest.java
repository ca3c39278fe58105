package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Looked-up decay factors are the numbers {@link Math#exp} gives, inside and beyond the table. */
class TraceDecayTest
{
    @ParameterizedTest
    @CsvSource({"20, 0.1", "1, 0.1", "1000, 0.1", "16.8, 0.05", "5, 0.025"})
    void factorShouldEqualExpForEveryStepCount(final double tauMs, final double dt)
    {
        final TraceDecay decay = new TraceDecay(tauMs, dt);
        final double dtOverTau = dt / tauMs;
        for (long steps = 0; steps < 200_000; steps += steps < 70_000 ? 1 : 997)
        {
            assertThat(Double.doubleToRawLongBits(decay.factor(steps))).as("factor over %d steps", steps)
                .isEqualTo(Double.doubleToRawLongBits(Math.exp(-steps * dtOverTau)));
        }
        assertThat(decay.factor(0)).isEqualTo(1.0);
    }
}
