package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.plasticity.ShortTermPlasticity.EventOrder;
import org.myelin.util.ModelException;

class ShortTermPlasticityTest
{
    private static final double DT = 0.1;

    /**
     * The seed's per-step update (brainstate {@code STP.update}, exponential Euler of linear
     * equations = exact decay), step by step: the independent reference for the event-driven form.
     */
    private static double[] perStep(
        final double bigU, final double tauF, final double tauD, final EventOrder order, final long[] spikes,
        final long steps)
    {
        double u = order == EventOrder.NEST ? 0 : bigU;
        double x = 1;
        final double[] factor = new double[spikes.length];
        int k = 0;
        for (long n = 0; n < steps; n++)
        {
            final double uDecayed = u * Math.exp(-DT / tauF);
            final double xDecayed = 1 - (1 - x) * Math.exp(-DT / tauD);
            if (k < spikes.length && spikes[k] == n)
            {
                final double uNew;
                final double xNew;
                if (order == EventOrder.BRAINSTATE)
                {
                    uNew = uDecayed + bigU * (1 - u);
                    xNew = xDecayed - uNew * x;
                    factor[k++] = uNew * xNew;
                }
                else if (order == EventOrder.NEUROML)
                {
                    xNew = xDecayed * (1 - uDecayed);
                    uNew = uDecayed + bigU * (1 - uDecayed);
                    factor[k++] = uNew * xNew;
                }
                else
                {
                    // NEST tsodyks2_synapse::send: u = U + u(1 - U)e^{-h/tauF}; x = 1 + (x - xu - 1)e^{-h/tauD}
                    uNew = bigU + uDecayed * (1 - bigU);
                    factor[k++] = uNew * xDecayed;
                    xNew = xDecayed * (1 - uNew);
                }
                u = uNew;
                x = xNew;
            }
            else
            {
                u = uDecayed;
                x = xDecayed;
            }
        }
        return factor;
    }

    private static double[] eventDriven(final ShortTermPlasticity stp, final long[] spikes)
    {
        stp.prepare(3, DT);
        final double[] factor = new double[spikes.length];
        for (int k = 0; k < spikes.length; k++)
        {
            factor[k] = stp.onSpike(1, spikes[k]);
        }
        return factor;
    }

    @ParameterizedTest
    @EnumSource(EventOrder.class)
    void eventDrivenUpdatesShouldEqualTheSeedsStepByStepUpdates(final EventOrder order)
    {
        final long[] spikes = {0, 1, 2, 30, 31, 500, 520, 540, 9000, 9001, 25000};
        final ShortTermPlasticity stp = new ShortTermPlasticity(0.3, 300, 120, order);

        final double[] expected = perStep(0.3, 300, 120, order, spikes, 25001);
        final double[] actual = eventDriven(stp, spikes);

        for (int k = 0; k < spikes.length; k++)
        {
            assertThat(actual[k]).as("spike %d", k).isCloseTo(expected[k], within(1e-12));
        }
    }

    @Test
    void theTwoOrdersShouldDifferAndTheSeedOrderBeTheDefault()
    {
        assertThat(new ShortTermPlasticity().order()).isEqualTo(EventOrder.BRAINSTATE);
        final long[] spikes = {100, 150};
        final double[] seed = eventDriven(new ShortTermPlasticity(0.5, 50, 100, EventOrder.BRAINSTATE), spikes);
        final double[] neuroMl = eventDriven(new ShortTermPlasticity(0.5, 50, 100, EventOrder.NEUROML), spikes);
        // first spike from rest (u decayed from U over 100 steps, x = 1)
        final double uBefore = 0.5 * Math.exp(-100 * DT / 50);
        final double uStep = uBefore * Math.exp(-DT / 50);
        final double uSeed = uStep + 0.5 * (1 - uBefore);
        assertThat(seed[0]).isCloseTo(uSeed * (1 - uSeed), within(1e-15));
        final double uNeuroMl = uStep + 0.5 * (1 - uStep);
        assertThat(neuroMl[0]).isCloseTo(uNeuroMl * (1 - uStep), within(1e-15));
        assertThat(seed[1]).isNotCloseTo(neuroMl[1], within(1e-3));
    }

    @ParameterizedTest
    @CsvSource({"5", "20", "50"})
    void aRegularTrainShouldReachTheClosedFormSteadyState(final double rateHz)
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        final long period = Math.round(1000 / rateHz / DT);
        final long[] spikes = new long[400];
        for (int k = 0; k < spikes.length; k++)
        {
            spikes[k] = 100 + k * period;
        }
        final double[] factor = eventDriven(stp, spikes);
        final double last = factor[factor.length - 1];

        // the fixed point of the discrete (brainstate-order) map, exactly
        final double a = Math.exp(-(period - 1) * DT / 1500);
        final double b = Math.exp(-DT / 1500);
        final double c = Math.exp(-(period - 1) * DT / 200);
        final double d = Math.exp(-DT / 200);
        final double u = 0.15 / (1 - a * b + 0.15 * a);
        final double x = (1 - c * d - u * (1 - c)) / (1 - c * d + u * c);
        assertThat(last).isCloseTo(u * x, within(1e-12));

        // Tsodyks–Markram's continuous steady state, which the map approaches as dt → 0: the seed
        // depletes x with its value one step earlier, an O(dt/τd) absolute difference per spike
        final double t = 1000 / rateHz;
        final double uStar = 0.15 / (1 - 0.85 * Math.exp(-t / 1500));
        final double e = Math.exp(-t / 200);
        final double xStar = (1 - e) * (1 - uStar) / (1 - (1 - uStar) * e);
        assertThat(last).isCloseTo(uStar * xStar, within(DT / 200));
    }

    @ParameterizedTest
    @CsvSource({"5, 0.1", "20, 0.1", "50, 0.1", "20, 0.025"})
    void aRegularTrainInTheNestOrderShouldReachTsodyksMarkramsSteadyStateExactly(final double rateHz, final double dt)
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity(0.1, 500, 200, EventOrder.NEST);
        stp.prepare(3, dt);
        final long period = Math.round(1000 / rateHz / dt);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int k = 0; k < 400; k++)
        {
            last = stp.onSpike(1, 100 + k * period);
            first = k == 0 ? last : first;
        }
        // u starts at 0, so the first spike transmits U, with x = 1
        assertThat(first).isCloseTo(0.1, within(1e-15));
        final double t = period * dt;
        final double uStar = 0.1 / (1 - 0.9 * Math.exp(-t / 500));
        final double e = Math.exp(-t / 200);
        final double xStar = (1 - e) / (1 - (1 - uStar) * e);
        assertThat(last).isCloseTo(uStar * xStar, within(1e-12));
    }

    @Test
    void afterTheTrainUAndXShouldRelaxAsExponentials()
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        final long[] spikes = new long[40];
        Arrays.setAll(spikes, k -> 10 + 200L * k);
        eventDriven(stp, spikes);
        final long end = spikes[spikes.length - 1];
        final double u0 = stp.u(1, end);
        final double x0 = stp.x(1, end);
        assertThat(x0).isLessThan(0.5);

        for (final long after : new long[] {1, 10, 1000, 5000, 20000})
        {
            final double t = after * DT;
            assertThat(stp.u(1, end + after)).isCloseTo(u0 * Math.exp(-t / 1500), within(1e-14));
            assertThat(stp.x(1, end + after)).isCloseTo(1 - (1 - x0) * Math.exp(-t / 200), within(1e-14));
        }
        // a probe spike long after the train sees recovered resources and relaxed facilitation
        final double probe = stp.onSpike(1, end + 100_000);
        assertThat(probe).isCloseTo(0.15 * (1 - 0.15), within(1e-3));
    }

    @Test
    void otherNeuronsShouldKeepTheirOwnState()
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        stp.prepare(3, DT);
        stp.onSpike(0, 5);
        stp.onSpike(0, 6);
        assertThat(stp.x(1, 6)).isEqualTo(1.0);
        assertThat(stp.u(2, 0)).isCloseTo(0.15 * Math.exp(-DT / 1500), within(1e-15));
        stp.reset();
        assertThat(stp.x(0, 6)).isEqualTo(1.0);
    }

    @Test
    void invalidParametersShouldNameTheModelTheParameterAndTheRange()
    {
        assertThatThrownBy(() -> new ShortTermPlasticity(0, 1500, 200, EventOrder.BRAINSTATE))
            .isInstanceOf(ModelException.class)
            .hasMessage("STP: U must be in (0, 1], got U=0");
        assertThatThrownBy(() -> new ShortTermPlasticity(1.2, 1500, 200, EventOrder.BRAINSTATE))
            .hasMessage("STP: U must be in (0, 1], got U=1.2");
        assertThatThrownBy(() -> new ShortTermPlasticity(0.15, -1, 200, EventOrder.BRAINSTATE))
            .hasMessage("STP: tauF must be > 0 ms and finite, got tauF=-1 ms");
        assertThatThrownBy(() -> new ShortTermPlasticity(0.15, 1500, 0, EventOrder.BRAINSTATE))
            .hasMessage("STP: tauD must be > 0 ms and finite, got tauD=0 ms");
        assertThatThrownBy(() -> new ShortTermPlasticity(0.15, 1500, 200, null))
            .hasMessage("STP: order must be one of [BRAINSTATE, NEUROML, NEST]");
    }
}
