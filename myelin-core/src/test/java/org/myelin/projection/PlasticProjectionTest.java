package org.myelin.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.base.Integrator;
import org.myelin.connect.AllToAll;
import org.myelin.connect.ExplicitConnections;
import org.myelin.connect.FixedProbability;
import org.myelin.connect.JustInTime;
import org.myelin.input.PoissonGroup;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.WeightMonitor;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.plasticity.PairStdp;
import org.myelin.plasticity.PairStdp.Pairing;
import org.myelin.plasticity.ShortTermDepression;
import org.myelin.plasticity.TripletStdp;
import org.myelin.plasticity.WeightDependence;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.ProgressListener;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class PlasticProjectionTest
{
    private static final double DT = 0.1;

    /** Learned weights and the target's spikes of a recurrent-free Poisson → LIF network. */
    private record Outcome(float[] w, List<Long> spikes)
    {
    }

    private static Outcome learn(final int threads, final boolean triplet)
    {
        final Network net = new Network(DT, 5, 6);
        final PoissonGroup input = net.add(new PoissonGroup("in", 400, 20));
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 2, 8, Integrator.EXACT);
        final Lif target = net.add(new Lif("out", 333, lif, Initializer.uniform(-60, -50)));
        final double wMax = 1.0;
        final AlignPostProjection synapses = new AlignPostProjection("in->out", input, target,
            new FixedProbability(0.2), new Exponential(5), new Coba(0), "ge", 0.5, 1.0)
            .withWeights(Initializer.uniform(0, 1));
        final WeightDependence bounds = WeightDependence.multiplicative(0, wMax);
        net.add(new PlasticProjection(synapses, triplet ? TripletStdp.visualCortex(false, bounds)
            : new PairStdp(20, 20, 0.01, 0.012, Pairing.ALL_TO_ALL, bounds)).withDendriticDelay(0.4));
        final SpikeMonitor spikes = net.monitorSpikes(target);
        final Simulation sim = new Simulation(net, threads);
        sim.runSteps(3000, ProgressListener.NONE);
        final List<Long> out = new ArrayList<>();
        for (int k = 0; k < spikes.size(); k++)
        {
            out.add(spikes.step(k) * 1000 + spikes.neuron(k));
        }
        final PlasticProjection p = net.deliveries(PlasticProjection.class).getFirst();
        return new Outcome(p.weights().w(), out);
    }

    @Test
    void shouldLearnTheSameWeightsAndSpikesForOneTwoAndFourThreads()
    {
        for (final boolean triplet : new boolean[] {false, true})
        {
            final Outcome one = learn(1, triplet);
            assertThat(one.spikes()).hasSizeGreaterThan(500);
            final Outcome initial = initialWeights();
            int changed = 0;
            for (int k = 0; k < one.w().length; k++)
            {
                changed += one.w()[k] != initial.w()[k] ? 1 : 0;
                assertThat(one.w()[k]).isBetween(0f, 1f);
            }
            assertThat(changed).isGreaterThan(one.w().length / 2);
            for (final int threads : new int[] {2, 4})
            {
                final Outcome other = learn(threads, triplet);
                assertThat(other.spikes()).isEqualTo(one.spikes());
                assertThat(other.w()).isEqualTo(one.w());
            }
        }
    }

    private static Outcome initialWeights()
    {
        final Network net = new Network(DT, 5, 6);
        final PoissonGroup input = net.add(new PoissonGroup("in", 400, 20));
        final Lif target = net.add(new Lif("out", 333, Lif.Parameters.defaults()));
        final AlignPostProjection synapses = new AlignPostProjection("in->out", input, target,
            new FixedProbability(0.2), new Exponential(5), new Coba(0), "ge", 0.5, 1.0)
            .withWeights(Initializer.uniform(0, 1));
        net.add(new PlasticProjection(synapses, new PairStdp(20, 20, 0, 0, Pairing.ALL_TO_ALL,
            WeightDependence.additive(0, 1))));
        new Simulation(net, 1);
        return new Outcome(net.deliveries(PlasticProjection.class).getFirst().weights().w(), List.of());
    }

    /**
     * One synapse from a spike generator onto a neuron that a teacher makes fire: the weight
     * change follows the window at Δt = (t_post + d_dendritic) − (t_pre + d_axonal).
     */
    @ParameterizedTest
    @CsvSource({"0, 0", "3, 0", "3, 3", "3, 1.5", "0.5, 0.5"})
    void shouldShiftTheWindowByTheAxonalAndDendriticDelays(final double delayMs, final double dendriticMs)
    {
        for (final double preMs : new double[] {5, 12, 20, 30})
        {
            final Network net = new Network(DT, 1);
            final SpikeGeneratorGroup pre = net.add(new SpikeGeneratorGroup("pre", 1, new int[] {0},
                new double[] {preMs}));
            final SpikeGeneratorGroup teacher = net.add(new SpikeGeneratorGroup("teacher", 1, new int[] {0},
                new double[] {15}));
            final Lif neuron = net.add(new Lif("post", 1, Lif.Parameters.defaults()));
            net.add(new AlignPostProjection("teach", teacher, neuron, new AllToAll(true),
                Inputs.delta(neuron, "v"), 30, 0));
            final PairStdp rule = new PairStdp(20, 10, 0.01, 0.02, Pairing.ALL_TO_ALL, WeightDependence.additive(0, 1));
            final PlasticProjection plastic = net.add(new PlasticProjection(new AlignPostProjection("stdp", pre,
                neuron, new AllToAll(true), Inputs.current(neuron), 0.5, delayMs), rule)
                .withDendriticDelay(dendriticMs));
            final SpikeMonitor post = net.monitorSpikes(neuron);
            new Simulation(net, 1).runSteps(800, ProgressListener.NONE);
            assertThat(post.size()).isEqualTo(1);
            final double tPost = post.step(0) * DT;
            final double deltaT = tPost + dendriticMs - (preMs + delayMs - dendriticMs);
            final double expected = deltaT >= 0 ? 0.01 * Math.exp(-deltaT / 20) : -0.02 * Math.exp(deltaT / 10);
            assertThat(plastic.weights().w()[0] - 0.5).as("pre %s ms, post %s ms", preMs, tPost)
                .isCloseTo(expected, within(2e-7));
        }
    }

    @Test
    void shouldRecordChosenWeightsFromTheInitialOne()
    {
        final Network net = new Network(DT, 2);
        final PoissonGroup input = net.add(new PoissonGroup("in", 20, 50));
        final Lif target = net.add(new Lif("out", 4, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 12,
            Integrator.EXACT)));
        final PlasticProjection plastic = net.add(new PlasticProjection(new AlignPostProjection("p", input, target,
            new AllToAll(true), Inputs.current(target), 0.3, 0), PairStdp.song2000(1)));
        final WeightMonitor monitor = plastic.monitorWeights(new int[] {0, 19, 7}, new int[] {3, 0, 2}, 10);
        new Simulation(net, 2).runSteps(2000, ProgressListener.NONE);
        assertThat(monitor.sampleCount()).isEqualTo(200);
        assertThat(monitor.timesMs()[1]).isCloseTo(1.0, within(1e-12));
        final float[][] v = monitor.values();
        assertThat(v[0]).containsExactly(0.3f, 0.3f, 0.3f);
        final PlasticProjection.Weights w = plastic.weights();
        boolean moved = false;
        for (int s = 0; s < 3; s++)
        {
            moved |= v[199][s] != 0.3f;
        }
        assertThat(moved).isTrue();
        assertThat(w.pre()).hasSize(80);
        assertThat(w.pre()[3 + 19 * 4]).isEqualTo(19);
        assertThat(w.post()[3 + 19 * 4]).isEqualTo(3);
    }

    /** Samples cleared between two runs (moved to a file) leave the later samples and their times as they were. */
    @Test
    void clearingAWeightMonitorKeepsTheTimesAndValuesOfTheSamplesAfter()
    {
        final WeightMonitor[] monitors = new WeightMonitor[2];
        final Simulation[] sims = new Simulation[2];
        for (int k = 0; k < 2; k++)
        {
            final Network net = new Network(DT, 2);
            final PoissonGroup input = net.add(new PoissonGroup("in", 20, 50));
            final Lif target = net.add(new Lif("out", 4, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 12,
                Integrator.EXACT)));
            final PlasticProjection plastic = net.add(new PlasticProjection(new AlignPostProjection("p", input,
                target, new AllToAll(true), Inputs.current(target), 0.3, 0), PairStdp.song2000(1)));
            monitors[k] = plastic.monitorWeights(new int[] {0, 19, 7}, new int[] {3, 0, 2}, 7);
            sims[k] = new Simulation(net, 2);
        }
        sims[0].runSteps(2000, ProgressListener.NONE);
        sims[1].runSteps(1234, ProgressListener.NONE);
        monitors[1].clear();
        assertThat(monitors[1].sampleCount()).isZero();
        sims[1].runSteps(766, ProgressListener.NONE);

        final int before = 1234 / 7 + 1;
        assertThat(monitors[1].sampleCount()).isEqualTo(monitors[0].sampleCount() - before);
        assertThat(monitors[1].timesMs()).containsExactly(java.util.Arrays.copyOfRange(monitors[0].timesMs(), before,
            monitors[0].sampleCount()));
        assertThat(monitors[1].timesMs()[0]).isEqualTo(before * 7 * DT);
        assertThat(monitors[1].values()).isDeepEqualTo(java.util.Arrays.copyOfRange(monitors[0].values(), before,
            monitors[0].sampleCount()));
    }

    @Test
    void shouldReportTwelveBytesPerPairSynapse()
    {
        final Network net = new Network(DT, 2);
        final PoissonGroup input = net.add(new PoissonGroup("in", 1000, 5));
        final Lif target = net.add(new Lif("out", 1000, Lif.Parameters.defaults()));
        final PlasticProjection plastic = net.add(new PlasticProjection(new AlignPostProjection("p", input, target,
            new FixedProbability(0.1), Inputs.current(target), 0.3, 0), PairStdp.song2000(1)));
        new Simulation(net, 2);
        assertThat(plastic.synapseCount()).isBetween(95_000L, 105_000L);
        assertThat(plastic.bytesPerSynapse()).isBetween(12.0, 12.2);
        // the slices hold the synapses: the static CSR they were copied from is not kept as well
        assertThat(plastic.synapses().connectivity()).isNull();
        long degrees = 0;
        for (int i = 0; i < 1000; i++)
        {
            degrees += plastic.outDegree(i);
        }
        assertThat(degrees).isEqualTo(plastic.synapseCount());
    }

    @Test
    void shouldRefuseWhatPlasticSynapsesCannotDoInOneLine()
    {
        assertThat(refusal(new FixedProbability(0.1).justInTime(), 0.3, 1, 0, null))
            .contains("must be stored").contains("just-in-time");
        assertThat(refusal(new FixedProbability(0.1), 2.0, 1, 0, null)).contains("initial weight 2")
            .contains("outside the rule's bounds [0, 1]");
        assertThat(refusal(new FixedProbability(0.1), 0.3, 1, 2, null)).contains("dendritic delay must be in [0, 1]");
        assertThat(refusal(new ExplicitConnections(new int[] {0}, new int[] {1}, new double[] {1},
            new double[] {2}), 0.3, 0, 0, null)).contains("per-synapse delays are not supported");
        assertThat(refusal(new FixedProbability(0.1), 0.3, 1, 0, new int[] {0, 99})).contains("no synapse 0 -> 99");
        final Network net = new Network(DT, 1);
        final PoissonGroup input = net.add(new PoissonGroup("in", 10, 5));
        final Lif target = net.add(new Lif("out", 10, Lif.Parameters.defaults()));
        final AlignPostProjection withStp = new AlignPostProjection("stp", input, target, new AllToAll(true),
            Inputs.current(target), 0.3, 0).withPresynaptic(new ShortTermDepression(100, 0.5));
        assertThatThrownBy(() -> new PlasticProjection(withStp, PairStdp.song2000(1)))
            .isInstanceOf(ModelException.class).hasMessageContaining("short-term plasticity and STDP");
    }

    private static String refusal(final org.myelin.connect.Connector connector, final double weight,
        final double delayMs, final double dendriticMs, final int[] monitored)
    {
        final Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
        {
            final Network net = new Network(DT, 1);
            final PoissonGroup input = net.add(new PoissonGroup("in", 10, 5));
            final Lif target = net.add(new Lif("out", 10, Lif.Parameters.defaults()));
            final PlasticProjection p = net.add(new PlasticProjection(new AlignPostProjection("p", input, target,
                connector, Inputs.current(target), weight, delayMs), PairStdp.song2000(1))
                .withDendriticDelay(dendriticMs));
            if (monitored != null)
            {
                p.monitorWeights(new int[] {monitored[0]}, new int[] {monitored[1]}, 1);
            }
            new Simulation(net, 1);
        });
        assertThat(t).isInstanceOf(ModelException.class);
        assertThat(t.getMessage()).startsWith("projection 'p'").doesNotContain("\n");
        return t.getMessage();
    }
}
