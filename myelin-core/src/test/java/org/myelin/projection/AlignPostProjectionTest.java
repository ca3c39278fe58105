package org.myelin.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.connect.Connectivity;
import org.myelin.connect.Connector;
import org.myelin.connect.CsrConnectivity;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.units.UnitException;
import org.myelin.util.ModelException;

class AlignPostProjectionTest
{
    private static final double DT = 0.1;
    private static final double EL = -65;
    private static final Lif.Parameters QUIET = new Lif.Parameters(EL, 1000, EL, 20, 1, 0, 0, Integrator.EXACT);

    /**
     * Brian2's schedule: a spike at step n with a delay of d steps is added to g after the update
     * of step n + d, so a StateMonitor (start of step) first sees it at sample n + d + 1 and v,
     * integrated with g from step n + d + 1 on, first moves at sample n + d + 2.
     */
    @ParameterizedTest(name = "delay {0} ms, {1} thread(s)")
    @CsvSource({"0, 1", "0, 2", "0.1, 1", "3, 1", "3, 2"})
    void shouldDeliverASpikeAfterItsDelayAndMoveVOneStepLater(final double delayMs, final int threads)
    {
        // source: from vReset = −60 towards v∞ = −35, crossing vTh = −50 during step 102
        // (closed form: 20·ln(25/15)/0.1 = 102.165 steps); tRef long enough to spike once
        final Lif.Parameters driven = new Lif.Parameters(-60, -50, -60, 20, 1, 1000, 25, Integrator.EXACT);
        final long spikeStep = (long) Math.floor(20 * Math.log(25.0 / 15.0) / DT);
        assertThat(spikeStep).isEqualTo(102);
        final int d = (int) Math.round(delayMs / DT);
        final double w = 10;
        final Network net = new Network(DT, 7);
        final Lif src = net.add(new Lif("src", 1, driven));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.connect("src->post", src, post, new FixedProbability(1), new Exponential(5), new Cuba(), "ge", w, delayMs);
        final SpikeMonitor spikes = net.monitorSpikes(src);
        final StateMonitor g = net.monitorState(post, "ge", new int[] {0}, 1);
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);

        new Simulation(net, threads).runSteps(200, null);

        assertThat(spikes.spikeSteps(0)).containsExactly(spikeStep);
        final int gFirst = (int) spikeStep + d + 1;
        for (int s = 0; s < gFirst; s++)
        {
            assertThat(g.value(s, 0)).as("g at sample %d", s).isZero();
        }
        assertThat(g.value(gFirst, 0)).isEqualTo(w);
        for (int s = 0; s <= gFirst; s++)
        {
            assertThat(v.value(s, 0)).as("v at sample %d", s).isEqualTo(EL);
        }
        assertThat(v.value(gFirst + 1, 0)).isGreaterThan(EL);
    }

    @Test
    void shouldScaleHandMadePerSynapseWeightsAndDeliverEachSynapseOnce()
    {
        // pre 0 → {0, 2} with weights 1 and 3; pre 1 → {1, 2, 2} (two synapses onto 2) with 0.5, 0.25, 2
        final CsrConnectivity csr = new CsrConnectivity(2, 3, new int[] {0, 2, 5}, new int[] {0, 2, 1, 2, 2},
            new float[] {1, 3, 0.5f, 0.25f, 2});
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(new ScheduledSource("src", new long[] {4}, new long[] {4, 9}));
        final Lif post = net.add(new Lif("post", 3, QUIET));
        net.connect("src->post", src, post, fixed(csr), new Exponential(1e-3), new Coba(0), "ge", 2.0, 0);
        final StateMonitor g = net.monitorState(post, "ge", new int[] {0, 1, 2}, 1);

        new Simulation(net, 1).runSteps(12, null);

        // τ = 1 µs: g is gone (e^{−100}) one step later, so each sample shows one step's arrivals
        assertThat(new double[] {g.value(5, 0), g.value(5, 1), g.value(5, 2)})
            .containsExactly(2 * 1.0, 2 * 0.5, 2 * (3 + 0.25 + 2.0));
        assertThat(g.value(10, 0)).isLessThan(1e-40);
        assertThat(g.value(10, 1)).isEqualTo(2 * 0.5);
        assertThat(g.value(10, 2)).isCloseTo(2 * (0.25 + 2.0), within(1e-40));
    }

    @Test
    void projectionsWithTheSameModelAndOutputShouldShareOneReceptor()
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource a = net.add(ScheduledSource.single("a", 0));
        final ScheduledSource b = net.add(ScheduledSource.single("b", 0));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        final AlignPostProjection pa = net.connect("a->post", a, post, new FixedProbability(1), new Exponential(5),
            new Coba(0), "ge", 1.0, 0);
        final AlignPostProjection pb = net.connect("b->post", b, post, new FixedProbability(1), new Exponential(5),
            new Coba(0), "ignored", 2.0, 0);
        final AlignPostProjection pc = net.connect("c->post", b, post, new FixedProbability(1), new Exponential(10),
            new Coba(-80), "gi", 4.0, 0);
        final StateMonitor ge = net.monitorState(post, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(2, null);

        assertThat(pb.receptor()).isSameAs(pa.receptor());
        assertThat(pc.receptor()).isNotSameAs(pa.receptor());
        assertThat(post.stateVariables()).containsExactly("v", "ge", "gi");
        assertThat(ge.value(1, 0)).isEqualTo(3.0);
        assertThatThrownBy(() -> net.connect("d->post", a, post, new FixedProbability(1), new Exponential(3),
            new Coba(0), "ge", 1.0, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'post': receptor label 'ge' must be a new, non-empty name; taken: [v, ge, gi]");
    }

    @Test
    void shouldRejectADelayThatIsNotAWholeNumberOfSteps()
    {
        final Network net = twoGroups();
        final Lif post = (Lif) net.population("post");

        assertThatThrownBy(() -> net.connect("P", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, 0.25))
            .isInstanceOf(UnitException.class)
            .hasMessage("projection 'P': delay=0.25 ms is not a whole number of time steps dt=0.1 ms (2.5 steps);"
                + " use a multiple of dt, change dt, or allow rounding to 3 steps (0.3 ms)");
    }

    @Test
    void shouldRejectADelayShorterThanOneStep()
    {
        final Network net = twoGroups();
        final Lif post = (Lif) net.population("post");

        assertThatThrownBy(() -> net.connect("P", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, 0.04))
            .isInstanceOf(UnitException.class)
            .hasMessage("projection 'P': delay=0.04 ms is shorter than one time step dt=0.1 ms;"
                + " set it to 0, make it at least dt, or use a smaller dt");
    }

    @Test
    void shouldRejectANegativeDelayAndANonFiniteWeight()
    {
        final Network net = twoGroups();
        final Lif post = (Lif) net.population("post");

        assertThatThrownBy(() -> net.connect("P", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, -1))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'P': delay must be >= 0 ms and finite, got delay=-1 ms");
        assertThatThrownBy(() -> net.connect("P", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", Double.NaN, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'P': weight must be a finite number, got weight=NaN");
    }

    @Test
    void shouldRejectADuplicateProjectionNameAndASourceOutsideTheNetwork()
    {
        final Network net = twoGroups();
        final Lif post = (Lif) net.population("post");
        net.connect("P", net.population("src"), post, new FixedProbability(1), new Exponential(5), new Cuba(), "ge",
            1.0, 0);
        final Lif stranger = new Lif("stranger", 1, QUIET);

        assertThatThrownBy(() -> net.connect("P", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'P': the name is already used in this network");
        assertThatThrownBy(() -> net.connect("post", net.population("src"), post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'post': the name is already used in this network");
        assertThatThrownBy(() -> net.connect("Q", stranger, post, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 1.0, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'Q': source 'stranger' is not in this network; add the population first");
        // a rejected projection leaves its name free
        assertThat(net.connect("Q", net.population("src"), post, new FixedProbability(1), new Exponential(5),
            new Cuba(), "ge", 1.0, 0).name()).isEqualTo("Q");
    }

    private static Network twoGroups()
    {
        final Network net = new Network(DT, 1);
        net.add(ScheduledSource.single("src", 0));
        net.add(new Lif("post", 1, QUIET));
        return net;
    }

    private static Connector fixed(final Connectivity connectivity)
    {
        return new Connector()
        {
            @Override
            public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup,
                final long key)
            {
                return connectivity;
            }

            @Override
            public String describe()
            {
                return "hand-made";
            }

            @Override
            public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
            {
                return connectivity.synapseCount();
            }
        };
    }

    /**
     * A rank that holds half the targets expects half the stored synapses (2 bytes each, 6 more
     * with per-synapse delays) and every row's 8 bytes; values in CSR order need every synapse.
     */
    @Test
    void aRankShouldExpectTheBytesOfItsShareOfTheSynapses()
    {
        final Network net = new Network(0.1, 1);
        final Lif a = net.add(new Lif("A", 100, Lif.Parameters.defaults(), org.myelin.random.Initializer.constant(-60)));
        final Lif b = net.add(new Lif("B", 50, Lif.Parameters.defaults(), org.myelin.random.Initializer.constant(-60)));
        final AlignPostProjection p = net.connect("A->B", a, b, new org.myelin.connect.FixedTotalNumber(10_000, true),
            new Exponential(5), new Cuba(), "ge", 1, 0);
        assertThat(p.estimatedBytes(0.1, 1)).isEqualTo(2 * 10_000 + 8 * 100);
        assertThat(p.estimatedBytes(0.1, 0.5)).isEqualTo(10_000 + 8 * 100);
        p.withDelays(org.myelin.random.Initializer.uniform(0.1, 1), org.myelin.delay.DelayRounding.NEAREST);
        assertThat(p.estimatedBytes(0.1, 0.25)).isEqualTo(0.25 * 8 * 10_000 + 8 * 100);
        p.withDelays(org.myelin.random.Initializer.values(new double[10_000]), org.myelin.delay.DelayRounding.NEAREST);
        assertThat(p.estimatedBytes(0.1, 0.25)).isEqualTo(8 * 10_000 + 8 * 100);
    }
}
