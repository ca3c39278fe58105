package org.myelin.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.myelin.connect.Connectivity;
import org.myelin.connect.ExplicitConnections;
import org.myelin.connect.FixedProbability;
import org.myelin.delay.DelayRounding;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/** Per-synapse delays through the post-side ring buffer, on hand-built networks. */
class PerSynapseDelayTest
{
    private static final double DT = 0.1;
    private static final double TAU = 5;
    private static final Lif.Parameters QUIET = new Lif.Parameters(-60, 1000, -60, 20, 1, 0, 0, Integrator.EULER);

    /** pre, post, weight, delay [steps] of the hand-built network. */
    private static final int[] PRE = {0, 0, 0, 0, 1, 1, 1};
    private static final int[] POST = {0, 1, 2, 30, 1, 2, 30};
    private static final double[] WEIGHT = {1, 2, 3, 4, 5, 6, 7};
    private static final int[] DELAY = {1, 5, 12, 7, 3, 1, 255};
    private static final long[][] SPIKES = {{3, 40}, {5, 6}};

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void aSpikeShouldReachEachTargetAtExactlyItsOwnDelay(final int threads)
    {
        for (final int homogeneous : new int[] {0, 2})
        {
            assertArrivals(PRE, POST, WEIGHT, DELAY, SPIKES, 40, homogeneous, threads);
        }
    }

    @Property(tries = 10)
    void randomNetworksShouldDeliverEverySpikeAtItsStepPlusItsDelay(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        final int sources = 1 + random.nextInt(4);
        final int targets = 1 + random.nextInt(40);
        final int synapses = random.nextInt(30);
        final int[] pre = new int[synapses];
        final int[] post = new int[synapses];
        final double[] weight = new double[synapses];
        final int[] delay = new int[synapses];
        for (int k = 0; k < synapses; k++)
        {
            pre[k] = random.nextInt(sources);
            post[k] = random.nextInt(targets);
            weight[k] = random.nextDouble() * 4 - 2;
            delay[k] = 1 + random.nextInt(random.nextBoolean() ? 20 : 300);
        }
        final long[][] spikes = new long[sources][];
        for (int i = 0; i < sources; i++)
        {
            spikes[i] = random.longs(random.nextInt(4), 0, 60).distinct().toArray();
        }
        assertArrivals(pre, post, weight, delay, spikes, targets, random.nextInt(3), 1 + random.nextInt(2));
    }

    /**
     * Runs source → target through explicit synapses with per-synapse delays (steps) on top of a
     * homogeneous delay, and checks every target's g against the sum of exponentials that start
     * one step after each spike's arrival step n + D + d.
     */
    private static void assertArrivals(
        final int[] pre, final int[] post, final double[] weight, final int[] delaySteps, final long[][] spikes,
        final int targets, final int homogeneous, final int threads)
    {
        final double[] delaysMs = new double[delaySteps.length];
        for (int k = 0; k < delaySteps.length; k++)
        {
            delaysMs[k] = delaySteps[k] * DT;
        }
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(new ScheduledSource("src", spikes));
        final Lif target = net.add(new Lif("post", targets, QUIET));
        net.connect("src->post", src, target, new ExplicitConnections(pre, post, weight, delaysMs),
            new Exponential(TAU), new Cuba(), "g", 1.0, homogeneous * DT);
        final int[] watched = new int[targets];
        for (int j = 0; j < targets; j++)
        {
            watched[j] = j;
        }
        final StateMonitor g = net.monitorState(target, "g", watched, 1);

        new Simulation(net, threads).runSteps(400, null);

        for (int j = 0; j < targets; j++)
        {
            for (int s = 0; s < g.sampleCount(); s++)
            {
                double expected = 0;
                for (int k = 0; k < pre.length; k++)
                {
                    if (post[k] != j)
                    {
                        continue;
                    }
                    for (final long spike : spikes[pre[k]])
                    {
                        // added to g at step n + D + d, first seen at the start of the next step;
                        // weights are stored as float
                        final long arrival = spike + homogeneous + delaySteps[k];
                        if (s > arrival)
                        {
                            expected += (float) weight[k] * Math.exp(-(s - arrival - 1) * DT / TAU);
                        }
                    }
                }
                assertThat(g.value(s, j)).as("target %d at step %d", j, s)
                    .isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void firstArrivalStepsShouldBeSpikeStepPlusDelay()
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 10));
        final Lif post = net.add(new Lif("post", 4, QUIET));
        net.connect("src->post", src, post, new ExplicitConnections(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3},
            null, new double[] {0.1, 0.2, 0.9, 3.0}), new Exponential(TAU), new Cuba(), "g", 1.0, 0);
        final StateMonitor g = net.monitorState(post, "g", new int[] {0, 1, 2, 3}, 1);

        new Simulation(net, 1).runSteps(100, null);

        final int[] firstSeen = new int[4];
        for (int k = 0; k < 4; k++)
        {
            int s = 0;
            while (g.value(s, k) == 0)
            {
                s++;
            }
            firstSeen[k] = s;
        }
        // delivered at 10 + d, visible from the next step on
        assertThat(firstSeen).containsExactly(12, 13, 20, 41);
    }

    @Test
    void delaysShouldCostAtMostTwelveBytesPerSynapseWithWeights()
    {
        final Network net = new Network(DT, 7);
        final Lif a = net.add(new Lif("a", 1000, QUIET));
        final AlignPostProjection homogeneous = net.connect("a->a", a, a, new FixedProbability(0.1),
            new Exponential(TAU), new Cuba(), "g", 1.0, 0);
        final AlignPostProjection full = net.connect("a->a'", a, a, new FixedProbability(0.1),
            new Exponential(TAU), new Cuba(), "g", 1.0, 0)
            .withWeights(Initializer.uniform(0.5, 1.5))
            .withDelays(Initializer.uniform(0.1, 20), DelayRounding.NEAREST);

        new Simulation(net, 2);

        final Connectivity h = homogeneous.connectivity();
        final Connectivity f = full.connectivity();
        assertThat(h.memoryBytes() / (double) h.synapseCount()).isLessThanOrEqualTo(8);
        assertThat(f.memoryBytes() / (double) f.synapseCount()).isLessThanOrEqualTo(12);
        assertThat(f.hasDelays()).isTrue();
    }

    @Test
    void delaysLongerThan255StepsShouldUseTwoBytes()
    {
        final Network net = new Network(DT, 7);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 0));
        final Lif post = net.add(new Lif("post", 2, QUIET));
        final AlignPostProjection p = net.connect("src->post", src, post,
            new ExplicitConnections(new int[] {0, 0}, new int[] {0, 1}, null, new double[] {0.1, 30}),
            new Exponential(TAU), new Cuba(), "g", 1.0, 0);
        final StateMonitor g = net.monitorState(post, "g", new int[] {0, 1}, 1);

        new Simulation(net, 1).runSteps(400, null);

        // row offsets, targets, a row end per slice, and two bytes of delay per synapse
        assertThat(p.connectivity().memoryBytes()).isEqualTo(4L * 2 + 4L * 2 + 4L + 2L * 2);
        assertThat(g.value(300, 1)).isZero();
        assertThat(g.value(301, 1)).isEqualTo(1.0);
    }

    @Test
    void aDelayShorterThanOneStepShouldBeAnErrorNamingTheProjection()
    {
        assertThatThrownBy(() -> simulateWithDelays(new double[] {0.2, 0.05}, DelayRounding.NEAREST))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->post': delay=0.05 ms (synapse 0 -> 1) is shorter than one time step "
                + "dt=0.1 ms, the minimum for per-synapse delays");
        assertThatThrownBy(() -> simulateWithDelays(new double[] {0.2, -1}, DelayRounding.NEAREST))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->post': delay must be >= 0 ms and finite, got delay=-1 ms "
                + "(synapse 0 -> 1)");
        assertThatThrownBy(() -> simulateWithDelays(new double[] {0.2, 0.25}, DelayRounding.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->post': delay=0.25 ms (synapse 0 -> 1) is not a whole number of time "
                + "steps dt=0.1 ms; use a multiple of dt or choose rounding NEAREST or PREVIOUS");
    }

    @Test
    void roundingShouldBeTheUsersChoice()
    {
        assertThat(simulateWithDelays(new double[] {0.26, 0.34}, DelayRounding.NEAREST)).containsExactly(3, 3);
        assertThat(simulateWithDelays(new double[] {0.26, 0.34}, DelayRounding.PREVIOUS)).containsExactly(2, 3);
        assertThat(simulateWithDelays(new double[] {0.3, 1.7}, DelayRounding.EXACT)).containsExactly(3, 17);
    }

    /** Builds src → post (two synapses) with the given delays and returns the delays in steps. */
    private static int[] simulateWithDelays(final double[] delaysMs, final DelayRounding rounding)
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 0));
        final Lif post = net.add(new Lif("post", 2, QUIET));
        final AlignPostProjection p = net.connect("src->post", src, post,
            new ExplicitConnections(new int[] {0, 0}, new int[] {0, 1}, null, delaysMs),
            new Exponential(TAU), new Cuba(), "g", 1.0, 0).withDelays(null, rounding);
        new Simulation(net, 1);
        final org.myelin.connect.CsrConnectivity csr = (org.myelin.connect.CsrConnectivity) p.connectivity();
        return new int[] {csr.delaySteps(0), csr.delaySteps(1)};
    }

    @Test
    void aHomogeneousDelayShouldBeRoundedAsTheUserChooses()
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 0));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        final AlignPostProjection p = new AlignPostProjection("src->post", src, post, new FixedProbability(1),
            new Exponential(TAU), new Cuba(), "g", 1.0, 0.26);

        assertThatThrownBy(() -> net.add(p))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->post': delay=0.26 ms is not a whole number of time steps dt=0.1 ms "
                + "(2.6 steps); use a multiple of dt, change dt, or allow rounding to 3 steps (0.3 ms)");
        // choose the rounding before adding the projection
        assertThat(net.add(p.withRounding(DelayRounding.NEAREST)).delaySteps(DT)).isEqualTo(3);
        assertThat(p.withRounding(DelayRounding.PREVIOUS).delaySteps(DT)).isEqualTo(2);
        assertThat(p.withRounding(DelayRounding.PREVIOUS).delaySteps(0.13)).isEqualTo(2);
        assertThat(p.withRounding(DelayRounding.PREVIOUS).delaySteps(0.065)).isEqualTo(4);
        assertThatThrownBy(() -> p.withRounding(DelayRounding.PREVIOUS).delaySteps(0.5))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("projection 'src->post': delay=0.26 ms is shorter than one time step dt=0.5 ms");
    }
}
