package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.random.Initializer;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
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
            Arguments.of(new AllToAll(true), false),
            Arguments.of(new AllToAll(false), true));
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

    @Test
    void cobaShouldSpikeIdenticallyWithStoredAndJustInTimeConnectivity()
    {
        final long[][] stored = cobaSpikes(false, 1, 4000, 200);
        final long[][] jit = cobaSpikes(true, 1, 4000, 200);

        assertThat(stored[0].length).isGreaterThan(1000);
        assertThat(jit[0]).containsExactly(stored[0]);
        assertThat(jit[1]).containsExactly(stored[1]);
    }

    @Test
    void justInTimeSpikesShouldNotDependOnTheNumberOfThreads()
    {
        final long[][] one = cobaSpikes(true, 1, 1000, 60);
        final long[][] three = cobaSpikes(true, 3, 1000, 60);

        assertThat(one[0].length).isGreaterThan(100);
        assertThat(three[0]).containsExactly(one[0]);
        assertThat(three[1]).containsExactly(one[1]);
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

    /** Steps and neurons of every excitatory spike of COBA-N over the given time. */
    private static long[][] cobaSpikes(final boolean justInTime, final int threads, final int n, final double ms)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.coba(n, 0.1, 11, justInTime);
        final SpikeMonitor spikes = built.network().monitorSpikes(built.excitatory());
        new Simulation(built.network(), threads).run(ms);
        final long[] neurons = new long[spikes.size()];
        for (int k = 0; k < neurons.length; k++)
        {
            neurons[k] = spikes.neuron(k);
        }
        return new long[][] {spikes.steps(), neurons};
    }
}
