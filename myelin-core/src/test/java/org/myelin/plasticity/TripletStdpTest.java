package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

class TripletStdpTest
{
    private static final double[] FREQUENCIES_HZ = {0.1, 1, 5, 10, 20, 30, 40, 50};
    private static final int PAIRINGS = 60;

    /**
     * The rule's weight change summed over spike pairs and triplets directly from its
     * definition, with no traces: at a post spike, r₁ sums the pre spikes up to and including its
     * step and o₂ the earlier post spikes; at a pre spike, o₁ the earlier post spikes and r₂ the
     * earlier pre spikes; nearest keeps only the latest of each.
     */
    private static double directSum(final double[] p, final long[] pre, final long[] post, final boolean nearest)
    {
        final double tauPlus = p[0];
        final double tauMinus = p[1];
        final double tauX = p[2];
        final double tauY = p[3];
        double dw = 0;
        for (final long t : post)
        {
            final double r1 = kernel(pre, t, true, tauPlus, nearest);
            final double o2 = kernel(post, t, false, tauY, nearest);
            dw += r1 * (p[4] + p[5] * o2);
        }
        for (final long t : pre)
        {
            final double o1 = kernel(post, t, false, tauMinus, nearest);
            final double r2 = kernel(pre, t, false, tauX, nearest);
            dw -= o1 * (p[6] + p[7] * r2);
        }
        return dw;
    }

    /** Σ exp(−(t − s)·dt/τ) over spikes s before t (and at t when {@code inclusive}); nearest: the latest only. */
    private static double kernel(final long[] spikes, final long t, final boolean inclusive, final double tau,
        final boolean nearest)
    {
        double sum = 0;
        double latest = 0;
        for (final long s : spikes)
        {
            if (s < t || inclusive && s == t)
            {
                final double k = Math.exp(-(t - s) * RuleDriver.DT / tau);
                sum += k;
                latest = k;
            }
        }
        return nearest ? latest : sum;
    }

    /** Sjöström's protocol: {@value #PAIRINGS} pairs at {@code hz}, the post spike {@code deltaMs} after the pre spike. */
    private static long[][] pairing(final double hz, final double deltaMs)
    {
        final long[] pre = new long[PAIRINGS];
        final long[] post = new long[PAIRINGS];
        final long period = Math.round(1000 / hz / RuleDriver.DT);
        final long shift = Math.round(deltaMs / RuleDriver.DT);
        for (int k = 0; k < PAIRINGS; k++)
        {
            pre[k] = 1000 + k * period + Math.max(0, -shift);
            post[k] = 1000 + k * period + Math.max(0, shift);
        }
        return new long[][] {pre, post};
    }

    private static double[] parameters(final boolean visual, final boolean nearest)
    {
        if (visual)
        {
            return nearest ? new double[] {16.8, 33.7, 714, 40, 8.8e-11, 5.3e-2, 6.6e-3, 3.1e-3}
                : new double[] {16.8, 33.7, 101, 125, 5e-10, 6.2e-3, 7e-3, 2.3e-4};
        }
        return nearest ? new double[] {16.8, 33.7, 575, 47, 4.6e-3, 9.1e-3, 3e-3, 7.5e-9}
            : new double[] {16.8, 33.7, 946, 27, 6.1e-3, 6.7e-3, 1.6e-3, 1.4e-3};
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldFollowTheRuleAgainstPairingFrequency(final boolean nearest)
    {
        final WeightDependence wide = WeightDependence.additive(-10, 10);
        for (final boolean visual : new boolean[] {true, false})
        {
            final TripletStdp rule = visual ? TripletStdp.visualCortex(nearest, wide)
                : TripletStdp.hippocampal(nearest, wide);
            for (final double hz : FREQUENCIES_HZ)
            {
                for (final double delta : new double[] {10, -10})
                {
                    final long[][] spikes = pairing(hz, delta);
                    final double dw = RuleDriver.run(rule, 0f, spikes[0], spikes[1]);
                    final double expected = directSum(parameters(visual, nearest), spikes[0], spikes[1], nearest);
                    assertThat(dw).as("%s %s Hz dt=%s ms", rule.describe(), hz, delta)
                        .isCloseTo(expected, within(1e-6 + 1e-5 * Math.abs(expected)));
                }
            }
        }
    }

    @Test
    void shouldTurnDepressionIntoPotentiationAtHighPairingFrequencyAsInVisualCortex()
    {
        final TripletStdp rule = TripletStdp.visualCortex(false, WeightDependence.additive(-10, 10));
        final long[][] slow = pairing(0.1, -10);
        final long[][] fast = pairing(50, -10);
        assertThat(RuleDriver.run(rule, 0f, slow[0], slow[1])).isNegative();
        assertThat(RuleDriver.run(rule, 0f, fast[0], fast[1])).isPositive();
        final long[][] causalSlow = pairing(0.1, 10);
        final long[][] causalFast = pairing(50, 10);
        assertThat(RuleDriver.run(rule, 0f, causalFast[0], causalFast[1]))
            .isGreaterThan(RuleDriver.run(rule, 0f, causalSlow[0], causalSlow[1]));
    }

    @Test
    void shouldRefuseANegativeTimeConstant()
    {
        assertThatThrownBy(() -> new TripletStdp(16.8, 33.7, -1, 125, 0, 0, 0, 0, false,
            WeightDependence.additive(0, 1))).isInstanceOf(ModelException.class).hasMessageContaining("tauX")
            .hasMessageNotContaining("\n");
    }
}
