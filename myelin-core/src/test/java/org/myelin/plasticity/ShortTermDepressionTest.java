package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.util.ModelException;

class ShortTermDepressionTest
{
    private static final double DT = 0.1;

    @Test
    void eventDrivenUpdatesShouldEqualTheSeedsStepByStepUpdates()
    {
        final long[] spikes = {0, 1, 40, 41, 42, 3000, 3100};
        final ShortTermDepression std = new ShortTermDepression(150, 0.2);
        std.prepare(2, DT);
        double x = 1;
        int k = 0;
        for (long n = 0; n <= spikes[spikes.length - 1]; n++)
        {
            final double decayed = 1 - (1 - x) * Math.exp(-DT / 150);
            if (spikes[k] == n)
            {
                x = decayed - 0.2 * x;
                assertThat(std.onSpike(1, n)).as("spike %d", k).isCloseTo(x, within(1e-12));
                k++;
            }
            else
            {
                x = decayed;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"5", "20", "50"})
    void aRegularTrainShouldReachTheClosedFormSteadyState(final double rateHz)
    {
        final ShortTermDepression std = new ShortTermDepression();
        std.prepare(1, DT);
        final long period = Math.round(1000 / rateHz / DT);
        double last = 0;
        for (int k = 0; k < 300; k++)
        {
            last = std.onSpike(0, 7 + k * period);
        }
        final double c = Math.exp(-(period - 1) * DT / 200);
        final double d = Math.exp(-DT / 200);
        assertThat(last).isCloseTo((1 - c * d - 0.07 * (1 - c)) / (1 - (d - 0.07) * c), within(1e-12));

        final double e = Math.exp(-1000 / rateHz / 200);
        final double xStar = (1 - e) * (1 - 0.07) / (1 - (1 - 0.07) * e);
        assertThat(last).isCloseTo(xStar, within(DT / 200));
    }

    @Test
    void afterTheTrainXShouldRecoverExponentially()
    {
        final ShortTermDepression std = new ShortTermDepression();
        std.prepare(1, DT);
        for (int k = 0; k < 50; k++)
        {
            std.onSpike(0, 100L * k);
        }
        final long end = 4900;
        final double x0 = std.x(0, end);
        for (final long after : new long[] {1, 100, 2000, 10000})
        {
            assertThat(std.x(0, end + after)).isCloseTo(1 - (1 - x0) * Math.exp(-after * DT / 200), within(1e-14));
        }
    }

    @Test
    void invalidParametersShouldNameTheModelTheParameterAndTheRange()
    {
        assertThat(new ShortTermDepression().tau()).isEqualTo(200.0);
        assertThat(new ShortTermDepression().bigU()).isEqualTo(0.07);
        assertThatThrownBy(() -> new ShortTermDepression(0, 0.07))
            .isInstanceOf(ModelException.class)
            .hasMessage("STD: tau must be > 0 ms and finite, got tau=0 ms");
        assertThatThrownBy(() -> new ShortTermDepression(200, -0.1))
            .hasMessage("STD: U must be in (0, 1], got U=-0.1");
    }
}
