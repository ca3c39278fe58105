package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.myelin.plasticity.RuleDriver.run;
import static org.myelin.plasticity.RuleDriver.steps;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.plasticity.PairStdp.Pairing;
import org.myelin.util.ModelException;

class PairStdpTest
{
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double A_PLUS = 0.01;
    private static final double A_MINUS = 0.012;
    /** A float weight near 0.5 changes in steps of 6·10⁻⁸. */
    private static final double FLOAT_ROUNDING = 2e-7;

    private static PairStdp rule(final Pairing pairing, final WeightDependence dependence)
    {
        return new PairStdp(TAU_PLUS, TAU_MINUS, A_PLUS, A_MINUS, pairing, dependence);
    }

    /** The closed-form window of one pair, Δt = t_post − t_pre in ms, at weight w in [0, 1]. */
    private static double window(final double deltaT, final double w, final double muPlus, final double muMinus)
    {
        return deltaT >= 0
            ? A_PLUS * Math.pow(1 - w, muPlus) * Math.exp(-deltaT / TAU_PLUS)
            : -A_MINUS * Math.pow(w, muMinus) * Math.exp(deltaT / TAU_MINUS);
    }

    @ParameterizedTest
    @EnumSource(Pairing.class)
    void shouldChangeAWeightByTheWindowForOnePairFromMinus100To100Ms(final Pairing pairing)
    {
        final double[][] dependences = {{0, 0}, {1, 1}, {0.4, 0.4}};
        for (final double[] mu : dependences)
        {
            final PairStdp stdp = rule(pairing, new WeightDependence(mu[0], mu[1], 0, 1));
            for (int tenths = -1000; tenths <= 1000; tenths += 7)
            {
                final double deltaT = tenths * RuleDriver.DT;
                final long[] pre = {2000};
                final long[] post = {2000 + tenths};
                final double w = run(stdp, 0.5f, pre, post);
                assertThat(w - 0.5).as("%s mu=%s dt=%s ms", pairing, mu[0], deltaT)
                    .isCloseTo(window(deltaT, 0.5, mu[0], mu[1]), within(FLOAT_ROUNDING));
            }
        }
    }

    @Test
    void shouldPairEverySpikeOrOnlyNearestOnesOnHandMadeTriplets()
    {
        final WeightDependence additive = WeightDependence.additive(0, 1);
        final double p10 = A_PLUS * Math.exp(-10 / TAU_PLUS);
        final double p20 = A_PLUS * Math.exp(-20 / TAU_PLUS);
        // pre at 0 and 10 ms, post at 20 ms
        final long[] pre = steps(0, 10);
        final long[] post = steps(20);
        assertThat(run(rule(Pairing.ALL_TO_ALL, additive), 0.5f, pre, post) - 0.5).isCloseTo(p10 + p20,
            within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_SYMMETRIC, additive), 0.5f, pre, post) - 0.5).isCloseTo(p10,
            within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_PRE_CENTERED, additive), 0.5f, pre, post) - 0.5).isCloseTo(p10 + p20,
            within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_RESTRICTED, additive), 0.5f, pre, post) - 0.5).isCloseTo(p10,
            within(FLOAT_ROUNDING));
        // post at 0 and 5 ms, pre at 10 ms: depression
        final double d5 = A_MINUS * Math.exp(-5 / TAU_MINUS);
        final double d10 = A_MINUS * Math.exp(-10 / TAU_MINUS);
        final long[] pre2 = steps(10);
        final long[] post2 = steps(0, 5);
        assertThat(run(rule(Pairing.ALL_TO_ALL, additive), 0.5f, pre2, post2) - 0.5).isCloseTo(-d5 - d10,
            within(FLOAT_ROUNDING));
        for (final Pairing nearest : new Pairing[] {Pairing.NEAREST_SYMMETRIC, Pairing.NEAREST_PRE_CENTERED,
            Pairing.NEAREST_RESTRICTED})
        {
            assertThat(run(rule(nearest, additive), 0.5f, pre2, post2) - 0.5).as("%s", nearest)
                .isCloseTo(-d5, within(FLOAT_ROUNDING));
        }
    }

    @Test
    void shouldTellTheNearestSchemesApartOnAQuadruplet()
    {
        final WeightDependence additive = WeightDependence.additive(0, 1);
        // post at 0, pre at 10, post at 20 and 30 ms
        final long[] pre = steps(10);
        final long[] post = steps(0, 20, 30);
        final double depress = -A_MINUS * Math.exp(-10 / TAU_MINUS);
        final double p10 = A_PLUS * Math.exp(-10 / TAU_PLUS);
        final double p20 = A_PLUS * Math.exp(-20 / TAU_PLUS);
        assertThat(run(rule(Pairing.ALL_TO_ALL, additive), 0.5f, pre, post) - 0.5)
            .isCloseTo(depress + p10 + p20, within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_SYMMETRIC, additive), 0.5f, pre, post) - 0.5)
            .isCloseTo(depress + p10 + p20, within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_PRE_CENTERED, additive), 0.5f, pre, post) - 0.5)
            .isCloseTo(depress + p10, within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_RESTRICTED, additive), 0.5f, pre, post) - 0.5)
            .isCloseTo(depress + p10, within(FLOAT_ROUNDING));
        // pre at 0 and 5, post at 10, pre at 15: all-to-all depresses at 15 with the post at 10 once,
        // restricted also (a post came after the pre at 5); symmetric too
        final long[] pre2 = steps(0, 5, 15);
        final long[] post2 = steps(10);
        final double p5 = A_PLUS * Math.exp(-5 / TAU_PLUS);
        final double d5 = -A_MINUS * Math.exp(-5 / TAU_MINUS);
        assertThat(run(rule(Pairing.ALL_TO_ALL, additive), 0.5f, pre2, post2) - 0.5)
            .isCloseTo(p5 + p10 + d5, within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_RESTRICTED, additive), 0.5f, pre2, post2) - 0.5)
            .isCloseTo(p5 + d5, within(FLOAT_ROUNDING));
        assertThat(run(rule(Pairing.NEAREST_PRE_CENTERED, additive), 0.5f, pre2, post2) - 0.5)
            .isCloseTo(p5 + p10 + d5, within(FLOAT_ROUNDING));
    }

    @Test
    void shouldPairCoincidentSpikesAsPreBeforePost()
    {
        final double w = run(rule(Pairing.ALL_TO_ALL, WeightDependence.additive(0, 1)), 0.5f, steps(10), steps(10));
        assertThat(w - 0.5).isCloseTo(A_PLUS, within(FLOAT_ROUNDING));
    }

    @ParameterizedTest
    @EnumSource(Pairing.class)
    void shouldNeverCrossTheBounds(final Pairing pairing)
    {
        final Random random = new Random(7);
        for (final WeightDependence d : new WeightDependence[] {WeightDependence.additive(0.1, 0.3),
            WeightDependence.multiplicative(0.1, 0.3), WeightDependence.powerLaw(0.3, 0.1, 0.3)})
        {
            final PairStdp strong = new PairStdp(20, 20, 0.05, 0.06, pairing, d);
            final long[][] pre = new long[50][];
            for (int i = 0; i < pre.length; i++)
            {
                pre[i] = random.longs(40, 0, 20_000).sorted().distinct().toArray();
            }
            final long[] post = random.longs(60, 0, 20_000).sorted().distinct().toArray();
            for (final float w : RuleDriver.run(strong, 0.2f, pre, post))
            {
                assertThat(w).isBetween(0.1f, 0.3f);
            }
        }
    }

    @Test
    void shouldRefuseBadParametersInOneLine()
    {
        assertThatThrownBy(() -> new PairStdp(-1, 20, 0.01, 0.01, Pairing.ALL_TO_ALL, WeightDependence.additive(0, 1)))
            .isInstanceOf(ModelException.class).hasMessageContaining("tauPlus").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new PairStdp(20, 20, -0.01, 0.01, Pairing.ALL_TO_ALL, WeightDependence.additive(0, 1)))
            .isInstanceOf(ModelException.class).hasMessageContaining("aPlus");
        assertThatThrownBy(() -> WeightDependence.additive(1, 1)).isInstanceOf(ModelException.class)
            .hasMessageContaining("wMax must be > wMin");
        assertThatThrownBy(() -> new WeightDependence(-1, 0, 0, 1)).isInstanceOf(ModelException.class)
            .hasMessageContaining("muPlus");
    }
}
