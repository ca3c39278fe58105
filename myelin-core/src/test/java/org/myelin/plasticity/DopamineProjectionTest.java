package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Cuba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/** Dopamine-modulated STDP through a {@link PlasticProjection} with a neuromodulator population. */
class DopamineProjectionTest
{
    private static final double DT = DopamineDriver.DT;
    private static final int SOURCES = 60;
    private static final int TARGETS = 40;
    private static final long STEPS = 4000;
    /** 1 ms, all axonal: a spike emitted at step e reaches the synapses at e + 10. */
    private static final int DELAY_STEPS = 10;
    private static final float W0 = 0.5f;

    private static DopamineStdp rule()
    {
        return new DopamineStdp(0.2, 0.25, 20, 20, 200, 50, 0.005, 0, 1);
    }

    private record Run(PlasticProjection projection, SpikeMonitor source, SpikeMonitor target, SpikeMonitor dopamine)
    {
    }

    private static Run run(final int threads)
    {
        final Network net = new Network(DT, 5);
        final PoissonGroup src = net.add(new PoissonGroup("src", SOURCES, 40));
        final Lif exc = net.add(new Lif("exc", TARGETS, Lif.Parameters.defaults().with("iExt", 11).with("tRef", 2)));
        final PoissonGroup dopa = net.add(new PoissonGroup("dopa", 3, 30));
        final AlignPostProjection synapses = new AlignPostProjection("src->exc", src, exc, new FixedProbability(0.3),
            new Exponential(5), new Cuba(), "ge", W0, DELAY_STEPS * DT);
        final PlasticProjection plastic = net.add(new PlasticProjection(synapses, rule()).withNeuromodulator(dopa));
        final Run run = new Run(plastic, net.monitorSpikes(src), net.monitorSpikes(exc), net.monitorSpikes(dopa));
        new Simulation(net, threads).runSteps(STEPS, null);
        return run;
    }

    @Test
    void weightsShouldBeIdenticalForOneTwoAndFourThreads()
    {
        final Run one = run(1);
        final PlasticProjection.Weights w1 = one.projection().weights();
        int changed = 0;
        for (final float w : w1.w())
        {
            changed += w != W0 ? 1 : 0;
        }
        assertThat(changed).as("weights that learned").isGreaterThan(w1.w().length / 2);
        for (final int threads : new int[] {2, 4})
        {
            final Run other = run(threads);
            final PlasticProjection.Weights w = other.projection().weights();
            assertThat(w.pre()).as("%d threads", threads).containsExactly(w1.pre());
            assertThat(w.post()).as("%d threads", threads).containsExactly(w1.post());
            assertThat(w.w()).as("%d threads", threads).containsExactly(w1.w());
            assertThat(other.target().steps()).as("%d threads", threads).containsExactly(one.target().steps());
        }
    }

    @Test
    void theProjectionShouldApplyTheRuleToTheSpikesOfTheRunInNestsOrder()
    {
        final Run run = run(1);
        final PlasticProjection.Weights w = run.projection().weights();
        final float[] w0 = new float[w.w().length];
        java.util.Arrays.fill(w0, W0);
        final DopamineDriver driver = new DopamineDriver(rule(), SOURCES, TARGETS, w.pre(), w.post(), w0);
        final long[][] arrivals = trains(run.source(), SOURCES, DELAY_STEPS);
        final long[][] post = trains(run.target(), TARGETS, 0);
        final long[] dopamine = new long[run.dopamine().size()];
        for (int k = 0; k < dopamine.length; k++)
        {
            dopamine[k] = run.dopamine().step(k);
        }
        driver.run(dopamine, arrivals, post, STEPS);
        assertThat(w.w()).containsExactly(driver.slice.weights());
        final long n = run.projection().synapseCount();
        assertThat(run.projection().bytesPerSynapse()).as("20 bytes per synapse and the row and column bounds")
            .isEqualTo((20.0 * n + 4 * (SOURCES + 1) + 4 * (TARGETS + 1)) / n);
    }

    @Test
    void aSynapseShouldTransmitItsWeightBroughtUpToTheArrivalStep()
    {
        final long[] preSteps = {100, 400, 700, 1500, 2200, 2900, 3500};
        final long[] dopamineSteps = {500, 520, 521, 1200, 1800, 2500, 3100};
        final double tau = 5;
        final Network net = new Network(DT, 3);
        final ScheduledSource src = net.add(ScheduledSource.single("src", preSteps));
        final Lif post = net.add(new Lif("post", 1, Lif.Parameters.defaults().with("iExt", 11).with("tRef", 2)));
        final ScheduledSource dopa = net.add(ScheduledSource.single("dopa", dopamineSteps));
        final AlignPostProjection synapses = new AlignPostProjection("src->post", src, post, new FixedProbability(1),
            new Exponential(tau), new Cuba(), "ge", W0, DELAY_STEPS * DT);
        net.add(new PlasticProjection(synapses, rule()).withNeuromodulator(dopa));
        final SpikeMonitor postSpikes = net.monitorSpikes(post);
        final StateMonitor ge = net.monitorState(post, "ge", new int[] {0}, 1);
        new Simulation(net, 1).runSteps(STEPS, null);
        final DopamineDriver driver = DopamineDriver.single(rule(), W0);
        final long[][] arrivals = {preSteps.clone()};
        for (int k = 0; k < preSteps.length; k++)
        {
            arrivals[0][k] += DELAY_STEPS;
        }
        final long[][] postTrain = trains(postSpikes, 1, 0);
        final double decay = Math.exp(-DT / tau);
        int moved = 0;
        for (final long arrival : arrivals[0])
        {
            driver.run(dopamineSteps, arrivals, postTrain, arrival);
            final double stored = driver.slice.weight(0);
            driver.run(dopamineSteps, arrivals, postTrain, arrival + 1);
            final double transmitted = ge.value((int) arrival + 1, 0) - ge.value((int) arrival, 0) * decay;
            assertThat(transmitted).as("arrival at %d", arrival).isCloseTo(driver.slice.weight(0), within(1e-12));
            moved += Math.abs(transmitted - stored) > 1e-6 ? 1 : 0;
        }
        assertThat(moved).as("arrivals whose weight moved since the synapse's last event").isGreaterThanOrEqualTo(3);
    }

    /** Per neuron, the steps of its spikes shifted by {@code delay}. */
    private static long[][] trains(final SpikeMonitor monitor, final int size, final int delay)
    {
        final List<List<Long>> byNeuron = new ArrayList<>();
        for (int i = 0; i < size; i++)
        {
            byNeuron.add(new ArrayList<>());
        }
        for (int k = 0; k < monitor.size(); k++)
        {
            byNeuron.get(monitor.neuron(k)).add(monitor.step(k) + delay);
        }
        return byNeuron.stream().map(l -> l.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
    }

    @Test
    void aNeuromodulatorShouldNeedDopamineStdpAndTheRuleANeuromodulatorOfTheNetwork()
    {
        final Network net = new Network(DT, 1);
        final PoissonGroup src = net.add(new PoissonGroup("src", 5, 10));
        final Lif exc = net.add(new Lif("exc", 5, Lif.Parameters.defaults()));
        final PoissonGroup outside = new PoissonGroup("outside", 2, 10);
        final AlignPostProjection synapses = new AlignPostProjection("src->exc", src, exc, new FixedProbability(1),
            new Exponential(5), new Cuba(), "ge", 0.5, 1);
        final PlasticProjection pair = new PlasticProjection(synapses, PairStdp.song2000(1));
        assertThatThrownBy(() -> pair.withNeuromodulator(src)).isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->exc': a neuromodulator needs dopamine STDP, the rule is "
                + PairStdp.song2000(1).describe());
        final PlasticProjection dopamine = new PlasticProjection(synapses, rule());
        assertThatThrownBy(() -> dopamine.withNeuromodulator(null)).isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->exc': the neuromodulator population is required");
        net.add(dopamine);
        assertThatThrownBy(() -> new Simulation(net, 1)).isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->exc': dopamine STDP needs a neuromodulator population; give it with "
                + "withNeuromodulator");
        dopamine.withNeuromodulator(outside);
        assertThatThrownBy(() -> new Simulation(net, 1)).isInstanceOf(ModelException.class)
            .hasMessage("projection 'src->exc': neuromodulator 'outside' is not in this network; add the population "
                + "first");
        assertThat(dopamine.neuromodulator()).isSameAs(outside);
    }
}
