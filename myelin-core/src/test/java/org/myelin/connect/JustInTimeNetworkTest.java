package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.delay.DelayRounding;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/** Whole networks with just-in-time connectivity spike exactly as with stored connectivity. */
class JustInTimeNetworkTest
{
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
    void cobaWithPerSynapseDelaysShouldSpikeIdenticallyStoredAndJustInTime()
    {
        final long[][] stored = delayedCobaSpikes(false);
        final long[][] jit = delayedCobaSpikes(true);

        assertThat(stored[0].length).isGreaterThan(100);
        assertThat(jit[0]).containsExactly(stored[0]);
        assertThat(jit[1]).containsExactly(stored[1]);
    }

    private static long[][] delayedCobaSpikes(final boolean justInTime)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.coba(1000, 0.1, 5, justInTime);
        for (final AlignPostProjection p : built.network().projections())
        {
            p.withDelays(Initializer.uniform(0.1, 3), DelayRounding.NEAREST);
        }
        return excitatorySpikes(built, 1, 100);
    }

    /** At N = 40 000 the 32 000 excitatory neurons are cut at a block of 8192 targets for 2 threads. */
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1000, 40_000})
    void justInTimeSpikesShouldNotDependOnTheNumberOfThreads(final int n)
    {
        final double ms = n > 10_000 ? 15 : 40;
        final long[][] one = cobaSpikes(true, 1, n, ms);
        final long[][] two = cobaSpikes(true, 2, n, ms);

        assertThat(one[0].length).isGreaterThan(100);
        assertThat(two[0]).containsExactly(one[0]);
        assertThat(two[1]).containsExactly(one[1]);
    }

    /** Steps and neurons of every excitatory spike of COBA-N over the given time. */
    private static long[][] cobaSpikes(final boolean justInTime, final int threads, final int n, final double ms)
    {
        return excitatorySpikes(ReferenceNetworks.coba(n, 0.1, 11, justInTime), threads, ms);
    }

    private static long[][] excitatorySpikes(final ReferenceNetworks.Built built, final int threads, final double ms)
    {
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
