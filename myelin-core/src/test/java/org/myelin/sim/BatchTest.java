package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.connect.CsrConnectivity;
import org.myelin.connect.FixedProbability;
import org.myelin.delay.DelayRounding;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class BatchTest
{
    private static final double DT = 0.1;
    private static final long SEED = 2024;
    private static final int STEPS = 1500;

    /**
     * A small COBA network: stored connectivity (one projection with per-synapse delays) and one
     * just-in-time projection; random initial voltages, so replicas differ by their state seed.
     */
    private static void populate(final Network net, final int replica)
    {
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
        final Lif e = net.add(new Lif("E", 160, lif, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", 40, lif, Initializer.uniform(-60, -50)));
        final FixedProbability p = new FixedProbability(0.1);
        net.connect("E->E", e, e, p, new Exponential(5), new Coba(0), "ge", 0.6, 0);
        net.connect("E->I", e, i, p, new Exponential(5), new Coba(0), "ge", 0.6, 0.2)
            .withDelays(Initializer.uniform(0.1, 1.0), DelayRounding.NEAREST);
        net.connect("I->E", i, e, p, new Exponential(10), new Coba(-80), "gi", 4, 0);
        net.connect("I->I", i, i, p.justInTime(), new Exponential(10), new Coba(-80), "gi", 4, 0);
        net.monitorSpikes(e);
        net.monitorSpikes(i);
        net.monitorState(e, "ge", new int[] {0, 7, 100}, 10);
    }

    /** (step, neuron) of every spike of every group of {@code net}, packed in longs. */
    private static long[] spikes(final Network net)
    {
        final java.util.List<Long> out = new java.util.ArrayList<>();
        for (int g = 0; g < net.spikeMonitors().size(); g++)
        {
            final SpikeMonitor m = net.spikeMonitors().get(g);
            for (int k = 0; k < m.size(); k++)
            {
                out.add((long) g << 60 | m.step(k) << 20 | m.neuron(k));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] trace(final Network net)
    {
        return net.stateMonitors().get(0).trace(1);
    }

    private static Batch batch(final int replicas, final int pool)
    {
        return new Batch(replicas, DT, SEED, BatchTest::populate, 1, pool);
    }

    @Test
    void eachReplicaShouldSpikeExactlyAsAPlainSimulationWithItsStateSeedAndTheSharedConnectivitySeed()
    {
        final Batch batch = batch(3, 2);
        batch.run(STEPS * DT);

        for (int r = 0; r < 3; r++)
        {
            final Network plain = new Network(DT, Batch.stateSeed(SEED, r), SEED);
            populate(plain, r);
            new Simulation(plain, 1).runSteps(STEPS, null);

            assertThat(spikes(batch.network(r))).as("replica %d", r).isEqualTo(spikes(plain));
            assertThat(trace(batch.network(r))).as("replica %d", r).isEqualTo(trace(plain));
        }
        assertThat(spikes(batch.network(0)).length).isGreaterThan(200);
        assertThat(batch.timeMs()).isEqualTo(STEPS * DT, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void replicasShouldDifferFromEachOther()
    {
        final Batch batch = batch(3, 3);
        batch.run(STEPS * DT);

        assertThat(spikes(batch.network(0))).isNotEqualTo(spikes(batch.network(1)));
        assertThat(spikes(batch.network(1))).isNotEqualTo(spikes(batch.network(2)));
        assertThat(batch.stateSeed(0)).isNotEqualTo(batch.stateSeed(1));
        assertThat(batch.connectivitySeed()).isEqualTo(SEED);
        assertThat(batch.network(2).connectivitySeed()).isEqualTo(SEED);
    }

    @Test
    void storedConnectivityShouldBeOneObjectSharedByEveryReplica()
    {
        final Batch batch = batch(4, 2);
        batch.run(20 * DT);

        for (int k = 0; k < 3; k++)
        {
            final AlignPostProjection first = batch.network(0).projections().get(k);
            assertThat(first.connectivity()).isInstanceOf(CsrConnectivity.class);
            for (int r = 1; r < 4; r++)
            {
                assertThat(batch.network(r).projections().get(k).connectivity()).isSameAs(first.connectivity());
            }
        }
    }

    @Test
    void justInTimeConnectivityShouldBeOwnedByEachReplicaButDescribeTheSameSynapses()
    {
        final Batch batch = batch(2, 1);

        final AlignPostProjection a = batch.network(0).projections().get(3);
        final AlignPostProjection b = batch.network(1).projections().get(3);
        assertThat(a.connectivity().shareable()).isFalse();
        assertThat(a.connectivity()).isNotSameAs(b.connectivity());
        for (int pre = 0; pre < 40; pre++)
        {
            assertThat(b.connectivity().outDegree(pre)).isEqualTo(a.connectivity().outDegree(pre));
        }
    }

    @Test
    void resetThenRerunShouldReproduceTheFirstRunExactly()
    {
        final Batch batch = batch(3, 2);
        batch.run(STEPS * DT);
        final long[][] first = new long[3][];
        final double[][] firstTrace = new double[3][];
        for (int r = 0; r < 3; r++)
        {
            first[r] = spikes(batch.network(r));
            firstTrace[r] = trace(batch.network(r));
        }

        batch.reset();
        assertThat(batch.timeMs()).isZero();
        assertThat(spikes(batch.network(1))).isEmpty();
        batch.run(STEPS * DT);

        for (int r = 0; r < 3; r++)
        {
            assertThat(spikes(batch.network(r))).as("replica %d", r).isEqualTo(first[r]);
            assertThat(trace(batch.network(r))).as("replica %d", r).isEqualTo(firstTrace[r]);
        }
    }

    @Test
    void runningInTwoPartsShouldEqualOneRun()
    {
        final Batch whole = batch(2, 2);
        whole.run(STEPS * DT);
        final Batch parts = batch(2, 2);
        parts.run(500 * DT);
        parts.run((STEPS - 500) * DT);

        assertThat(spikes(parts.network(1))).isEqualTo(spikes(whole.network(1)));
        final StateMonitor m = parts.network(1).stateMonitors().get(0);
        assertThat(m.sampleCount()).isEqualTo(STEPS / 10);
    }

    @ParameterizedTest(name = "pool of {0}")
    @ValueSource(ints = {1, 2, 5})
    void resultsShouldNotDependOnThePoolSize(final int pool)
    {
        final Batch reference = batch(3, 3);
        reference.run(STEPS * DT);
        final Batch batch = batch(3, pool);
        batch.run(STEPS * DT);

        for (int r = 0; r < 3; r++)
        {
            assertThat(spikes(batch.network(r))).isEqualTo(spikes(reference.network(r)));
        }
    }

    @Test
    void replicasWithTwoThreadsEachShouldSpikeAsWithOne()
    {
        final Batch one = new Batch(2, DT, SEED, BatchTest::populate, 1, 2);
        final Batch two = new Batch(2, DT, SEED, BatchTest::populate, 2, 2);
        one.run(STEPS * DT);
        two.run(STEPS * DT);

        assertThat(spikes(two.network(1))).isEqualTo(spikes(one.network(1)));
    }

    @Test
    void oneReplicaShouldBeAllowedAndUseTheDefaultPool()
    {
        final Batch batch = new Batch(1, DT, SEED, BatchTest::populate);

        assertThat(batch.replicas()).isEqualTo(1);
        assertThat(batch.poolThreads()).isEqualTo(1);
    }

    @ParameterizedTest(name = "B = {0}")
    @ValueSource(ints = {0, -1})
    void aReplicaCountBelowOneShouldBeRejected(final int replicas)
    {
        assertThatThrownBy(() -> new Batch(replicas, DT, SEED, BatchTest::populate))
            .isInstanceOf(ModelException.class)
            .hasMessage("Batch: replicas must be >= 1, got replicas=" + replicas);
    }

    @Test
    void aFailingReplicaShouldReportItsError()
    {
        final Batch batch = batch(2, 2);

        assertThatThrownBy(() -> batch.run(0.05))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("run: duration");
        assertThat(batch.timeMs()).isZero();
    }

    @Test
    void threadCountsBelowOneShouldBeRejected()
    {
        assertThatThrownBy(() -> new Batch(2, DT, SEED, BatchTest::populate, 0, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Batch: threadsPerReplica must be >= 1, got threadsPerReplica=0");
        assertThatThrownBy(() -> new Batch(2, DT, SEED, BatchTest::populate, 1, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("Batch: poolThreads must be >= 1, got poolThreads=0");
    }

    @Test
    void replicasWithDifferentProjectionsShouldBeRejected()
    {
        assertThatThrownBy(() -> new Batch(2, DT, SEED, (net, r) ->
        {
            final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
            final Lif e = net.add(new Lif("E", 10, lif, Initializer.constant(-60)));
            if (r == 0)
            {
                net.connect("E->E", e, e, new FixedProbability(0.5), new Exponential(5), new Coba(0), "ge", 1, 0);
            }
        })).isInstanceOf(ModelException.class)
            .hasMessage("Batch: replica 1 has 0 projections, replica 0 has 1; populate must build the same network");
    }

    @Test
    void aProjectionShouldNotShareTheConnectivityOfADifferentOne()
    {
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
        final Network net = new Network(DT, 1);
        final Lif e = net.add(new Lif("E", 10, lif, Initializer.constant(-60)));
        final AlignPostProjection a = net.connect("A", e, e, new FixedProbability(0.5), new Exponential(5),
            new Coba(0), "ge", 1, 0);
        final AlignPostProjection b = net.connect("B", e, e, new FixedProbability(0.5), new Exponential(5),
            new Coba(0), "ge", 1, 0);
        a.build(1);

        assertThatThrownBy(() -> b.shareConnectivity(a, 1))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("projection 'B': cannot share the connectivity of projection 'A'")
            .hasMessageEndingWith("; it must be built for the same seed, name, connector and group sizes");
    }

    @Test
    void aNetworkShouldUseItsSeedForConnectivityUnlessGivenAnother()
    {
        assertThat(new Network(DT, 5).connectivitySeed()).isEqualTo(5);
        assertThat(new Network(DT, 5, 9).connectivitySeed()).isEqualTo(9);
        assertThat(new Network(DT, 5, 9).seed()).isEqualTo(5);
    }

    @Test
    void theConnectivitySeedAloneShouldChooseTheSynapses()
    {
        final Network a = new Network(DT, 1, 77);
        populate(a, 0);
        final Network b = new Network(DT, 2, 77);
        populate(b, 0);
        final Network c = new Network(DT, 1, 78);
        populate(c, 0);
        new Simulation(a, 1);
        new Simulation(b, 1);
        new Simulation(c, 1);

        final AlignPostProjection pa = a.projections().get(0);
        final AlignPostProjection pb = b.projections().get(0);
        final AlignPostProjection pc = c.projections().get(0);
        assertThat(pb.connectivity().synapseCount()).isEqualTo(pa.connectivity().synapseCount());
        for (int pre = 0; pre < 160; pre++)
        {
            assertThat(pb.connectivity().outDegree(pre)).isEqualTo(pa.connectivity().outDegree(pre));
        }
        assertThat(pc.connectivity().synapseCount()).isNotEqualTo(pa.connectivity().synapseCount());
    }
}
