package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/** Short-term plasticity through projections: factors computed once per spike, at emission. */
class PresynapticProjectionTest
{
    private static final double DT = 0.1;
    private static final Lif.Parameters QUIET = new Lif.Parameters(-60, 1000, -70, 20, 1, 0, 0, Integrator.EULER);

    @Test
    void eachDelayedSpikeShouldAddItsWeightTimesTheFactorOfItsEmission()
    {
        final long[] spikes = {5, 6, 30, 31, 32, 600};
        final double w = 2.0;
        final double tau = 5;
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", spikes));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.connect("src->post", src, post, new FixedProbability(1), new Exponential(tau), new Cuba(), "ge", w, 1.0)
            .withPresynaptic(new ShortTermPlasticity());
        final StateMonitor g = net.monitorState(post, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(1000, null);

        final ShortTermPlasticity reference = new ShortTermPlasticity();
        reference.prepare(1, DT);
        final double[] factor = new double[spikes.length];
        for (int k = 0; k < spikes.length; k++)
        {
            factor[k] = reference.onSpike(0, spikes[k]);
        }
        for (int s = 0; s < 1000; s++)
        {
            double expected = 0;
            for (int k = 0; k < spikes.length; k++)
            {
                // emitted at step e, delivered at e + 10 after the update, seen from step e + 11
                final long first = spikes[k] + 11;
                if (s >= first)
                {
                    expected += w * factor[k] * Math.exp(-(s - first) * DT / tau);
                }
            }
            assertThat(g.value(s, 0)).as("step %d", s).isCloseTo(expected, within(1e-12));
        }
    }

    /** Counts calls, to show the simulation asks once per spike. */
    private static final class CountingState implements PresynapticState
    {
        private final AtomicLong calls = new AtomicLong();

        @Override
        public String name()
        {
            return "Counting";
        }

        @Override
        public void prepare(final int size, final double dt)
        {
            // stateless
        }

        @Override
        public void reset()
        {
            calls.set(0);
        }

        @Override
        public double onSpike(final int pre, final long step)
        {
            calls.incrementAndGet();
            return 0.5;
        }

        @Override
        public void visitState(final StateAccess state)
        {
            // the call count is what the test observes, not state of the model
        }
    }

    @Test
    void aSharedStateShouldBeAskedOncePerSpikeWhateverTheThreadsAndProjections()
    {
        final Network net = new Network(DT, 3);
        final PoissonGroup src = net.add(new PoissonGroup("src", 100, 40));
        final Lif a = net.add(new Lif("a", 50, QUIET));
        final Lif b = net.add(new Lif("b", 50, QUIET));
        final CountingState state = new CountingState();
        net.connect("src->a", src, a, new FixedProbability(0.2), new Exponential(), new Cuba(), "ge", 1, 0)
            .withPresynaptic(state);
        net.connect("src->b", src, b, new FixedProbability(0.2), new Exponential(), new Cuba(), "ge", 1, 2)
            .withPresynaptic(state);
        final SpikeMonitor spikes = net.monitorSpikes(src);

        new Simulation(net, 2).runSteps(600, null);

        assertThat(spikes.size()).isGreaterThan(150);
        assertThat(state.calls.get()).isEqualTo(spikes.size());
    }

    private static Object[] runNetwork(final int threads)
    {
        final Network net = new Network(DT, 11);
        final PoissonGroup src = net.add(new PoissonGroup("src", 200, 30));
        final Lif exc = net.add(new Lif("exc", 300, Lif.Parameters.defaults().with("iExt", 11).with("tRef", 2)));
        net.connect("src->exc", src, exc, new FixedProbability(0.1), new Exponential(5), new Coba(0), "ge", 0.6, 0)
            .withPresynaptic(new ShortTermPlasticity(0.3, 500, 150, ShortTermPlasticity.EventOrder.BRAINSTATE));
        net.connect("exc->exc", exc, exc, new FixedProbability(0.05), new Exponential(10), new Coba(-80), "gi", 1.5,
            1.5).withPresynaptic(new ShortTermDepression(100, 0.3));
        final SpikeMonitor spikes = net.monitorSpikes(exc);
        final StateMonitor ge = net.monitorState(exc, "ge", new int[] {0, 17, 150, 299}, 7);
        new Simulation(net, threads).runSteps(800, null);
        return new Object[] {spikes.steps(), spikes.neurons(), ge};
    }

    @Test
    void resultsShouldBeIdenticalForOneAndTwoThreads()
    {
        final Object[] one = runNetwork(1);
        final Object[] two = runNetwork(2);

        assertThat((long[]) one[0]).hasSizeGreaterThan(20).isEqualTo(two[0]);
        assertThat((int[]) one[1]).isEqualTo(two[1]);
        final StateMonitor g1 = (StateMonitor) one[2];
        final StateMonitor g2 = (StateMonitor) two[2];
        for (int s = 0; s < g1.sampleCount(); s++)
        {
            for (int i = 0; i < 4; i++)
            {
                assertThat(g1.value(s, i)).isEqualTo(g2.value(s, i));
            }
        }
    }

    @Test
    void oneStateShouldNotServeTwoSources()
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource s1 = net.add(ScheduledSource.single("s1", 1));
        final ScheduledSource s2 = net.add(ScheduledSource.single("s2", 1));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        final ShortTermDepression std = new ShortTermDepression();
        net.connect("s1->post", s1, post, new FixedProbability(1), new Exponential(), new Cuba(), "ge", 1, 0)
            .withPresynaptic(std);
        net.connect("s2->post", s2, post, new FixedProbability(1), new Exponential(), new Cuba(), "ge", 1, 0)
            .withPresynaptic(std);

        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 's2->post': STD state is already used by projections from 's1'; "
                + "give each source population its own");
    }
}
