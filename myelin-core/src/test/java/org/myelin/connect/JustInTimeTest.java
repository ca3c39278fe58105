package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.DelayRing;
import org.myelin.delay.DelayRounding;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Cuba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/** Just-in-time connectivity gives the same network as the stored form for the same key. */
class JustInTimeTest
{
    private static final long KEY = 0xC0FFEEL;

    static Stream<Arguments> rules()
    {
        return Stream.of(
            Arguments.of(new FixedProbability(0.05), false),
            Arguments.of(new FixedProbability(0.05, false), true),
            Arguments.of(new FixedOutDegree(40, true, true), false),
            Arguments.of(new FixedOutDegree(40, false, false), true),
            Arguments.of(new FixedTotalNumber(12_000, true), false),
            Arguments.of(new FixedTotalNumber(12_000, false), true),
            Arguments.of(new AllToAll(true), false),
            Arguments.of(new AllToAll(false), true));
    }

    @Test
    void onlyRowsDrawnInBlocksShouldAskForSlicesAtTheirBlocks()
    {
        final NeuronGroup a = new Lif("A", 100, Lif.Parameters.defaults());
        final NeuronGroup b = new Lif("B", 100, Lif.Parameters.defaults());
        final FixedProbability p = new FixedProbability(0.1);

        assertThat(p.justInTime().targetSliceAlignment()).isEqualTo(8192);
        assertThat(p.targetSliceAlignment()).isEqualTo(1); // stored rows keep where each slice starts
        assertThat(new FixedOutDegree(10, true, true).justInTime().targetSliceAlignment()).isEqualTo(1);
        assertThat(new AllToAll(true).justInTime().targetSliceAlignment()).isEqualTo(1);

        final AlignPostProjection jit =
            new AlignPostProjection("A->B", a, b, p.justInTime(), new Exponential(5), new Cuba(), "g", 1, 0);
        assertThat(jit.targetSliceAlignment()).isEqualTo(8192);
        // per-synapse weights need each synapse's position in the row: rows are drawn from their start anyway
        assertThat(jit.withWeights(Initializer.uniform(0.5, 1.5)).targetSliceAlignment()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}, same group {1}")
    @MethodSource("rules")
    void everyRowShouldEqualTheStoredRowSynapseBySynapse(final JustInTime.Rule rule, final boolean sameGroup)
    {
        assertSameRows(rule, 400, sameGroup ? 400 : 900, sameGroup, new int[] {0, 208, sameGroup ? 400 : 900});
    }

    @Test
    void rowsLongerThanOneBlockShouldEqualTheStoredRowsInEverySlice()
    {
        final int post = 2 * FixedProbability.BLOCK + 1000;
        assertSameRows(new FixedProbability(0.01, false), 60, post, false,
            new int[] {0, 5008, FixedProbability.BLOCK + 16, post});
        assertSameRows(new FixedProbability(0.002, false), post, post, true,
            new int[] {0, FixedProbability.BLOCK, post});
    }

    private static void assertSameRows(
        final JustInTime.Rule rule, final int pre, final int post, final boolean sameGroup, final int[] slices)
    {
        for (final Initializer weights : new Initializer[] {null, Initializer.normal(1, 0.3)})
        {
            final Connectivity stored = rule.build(pre, post, sameGroup, KEY);
            final Connectivity jit = rule.justInTime().build(pre, post, sameGroup, KEY);
            if (weights != null)
            {
                stored.drawWeights(weights, 99);
                jit.drawWeights(weights, 99);
            }
            stored.partition(slices);
            jit.partition(slices);
            assertThat(jit.synapseCount()).isEqualTo(stored.synapseCount());
            assertThat(jit.memoryBytes()).isLessThan(1000);
            final double[] a = new double[post];
            final double[] b = new double[post];
            for (int i = 0; i < pre; i += Math.max(1, pre / 500))
            {
                assertThat(jit.outDegree(i)).isEqualTo(stored.outDegree(i));
                for (int s = 0; s < slices.length - 1; s++)
                {
                    Arrays.fill(a, 0);
                    Arrays.fill(b, 0);
                    stored.deliver(i, s, a, 1.5);
                    jit.deliver(i, s, b, 1.5);
                    if (!Arrays.equals(a, b))
                    {
                        assertThat(b).as("row %d, slice %d", i, s).containsExactly(a);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, same group {1}")
    @MethodSource("rules")
    void delayedSynapsesShouldFillTheRingAsTheStoredOnes(final JustInTime.Rule rule, final boolean sameGroup)
    {
        final int pre = 300;
        final int post = sameGroup ? 300 : 500;
        final int[] slices = {0, 160, post};
        final Connectivity stored = rule.build(pre, post, sameGroup, KEY);
        final Connectivity jit = rule.justInTime().build(pre, post, sameGroup, KEY);
        final Initializer delays = Initializer.uniform(0.1, 2.5);
        for (final Connectivity c : new Connectivity[] {stored, jit})
        {
            c.drawWeights(Initializer.lognormal(0, 0.5), 7);
            c.drawDelays(delays, 8);
            c.partition(slices);
        }
        final int depth = 1 + Math.max(stored.prepareDelays("p", 0.1, DelayRounding.NEAREST),
            jit.prepareDelays("p", 0.1, DelayRounding.NEAREST));
        assertThat(depth).isEqualTo(26);
        assertThat(jit.hasDelays()).isTrue();
        final DelayRing a = new DelayRing(depth, post, 2);
        final DelayRing b = new DelayRing(depth, post, 2);
        for (int i = 0; i < pre; i++)
        {
            for (int s = 0; s < 2; s++)
            {
                stored.deliverDelayed(i, s, a, 1000 + i, 1.5);
                jit.deliverDelayed(i, s, b, 1000 + i, 1.5);
            }
        }
        for (int slot = 0; slot < depth; slot++)
        {
            assertThat(b.slots()[slot]).as("slot %d", slot).containsExactly(a.slots()[slot]);
        }
    }

    @Test
    void justInTimeDelaysShouldNeedABoundedDistributionOfAtLeastOneStep()
    {
        final Connectivity jit = new FixedProbability(0.1).justInTime().build(10, 10, false, KEY);
        jit.drawDelays(Initializer.normal(2, 1), 1);
        assertThatThrownBy(() -> jit.prepareDelays("projection 'p'", 0.1, DelayRounding.NEAREST))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'p': just-in-time delays need a bounded distribution (constant, uniform or "
                + "clipped), got Normal[mean=2.0, sd=1.0]");
        jit.drawDelays(Initializer.uniform(0.05, 2), 1);
        assertThatThrownBy(() -> jit.prepareDelays("projection 'p'", 0.1, DelayRounding.NEAREST))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'p': delays drawn from Uniform[low=0.05, high=2.0] can be shorter than one "
                + "time step dt=0.1 ms, the minimum for per-synapse delays");
        jit.drawDelays(Initializer.uniform(0.5, 2), 1);
        assertThatThrownBy(() -> jit.prepareDelays("projection 'p'", 0.1, DelayRounding.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'p': delays drawn from Uniform[low=0.5, high=2.0] are not whole time steps; "
                + "choose rounding NEAREST or PREVIOUS");
        jit.drawDelays(Initializer.constant(0.7), 1);
        assertThat(jit.prepareDelays("projection 'p'", 0.1, DelayRounding.EXACT)).isEqualTo(7);
    }

    @Test
    void justInTimeConnectivityShouldRejectWeightsGivenAsAnArray()
    {
        final Connectivity jit = new FixedProbability(0.1).justInTime().build(10, 10, false, KEY);

        assertThatThrownBy(() -> jit.drawWeights(Initializer.values(1, 2), 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("JitFixedProbability: weights given as an array need stored connectivity, not just-in-time");
        assertThat(new FixedProbability(0.1).justInTime().describe())
            .isEqualTo("fixed probability p=0.1, just-in-time");
    }
}
