package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.base.SpikeObserver;
import org.myelin.input.PoissonInput;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/**
 * The simulation loop serves a delivery through {@link Delivery} alone: a class it has never seen
 * gets the spike history it asks for, its seeds, and the spike observers it registers.
 */
class DeliveryContractTest
{
    private static final double DT = 0.1;

    /** Reads its source's spikes {@code delay} steps late and records (arrival step, id). */
    private static class LateReader implements Delivery
    {
        final String name;
        final Population source;
        final Population target;
        final int delay;
        final List<long[]> arrivals = new ArrayList<>();
        DeliveryContext context;

        LateReader(final String name, final Population source, final Population target, final int delay)
        {
            this.name = name;
            this.source = source;
            this.target = target;
            this.delay = delay;
        }

        @Override
        public String kind()
        {
            return "late reader";
        }

        @Override
        public String name()
        {
            return name;
        }

        @Override
        public Population target()
        {
            return target;
        }

        @Override
        public Population source()
        {
            return source;
        }

        @Override
        public int historyDepth(final double dt)
        {
            return delay + 1;
        }

        @Override
        public void prepare(final DeliveryContext run)
        {
            this.context = run;
        }

        @Override
        public void deliver(final long step, final int slice, final int from, final int to)
        {
            if (slice != 0 || step < delay)
            {
                return;
            }
            final SpikeHistory history = source.history();
            final int slot = history.slotOf(step - delay);
            for (int s = 0; s < history.sliceCount(); s++)
            {
                for (int k = history.sliceStart(s); k < history.sliceStart(s) + history.count(slot, s); k++)
                {
                    arrivals.add(new long[] {step, history.ids(slot)[k]});
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldKeepAsMuchSpikeHistoryAsANewDeliveryClassAsksFor(final int threads)
    {
        final Network net = new Network(DT, 3);
        final SpikeGeneratorGroup source = net.add(new SpikeGeneratorGroup("src", 40, new int[] {3, 17, 39, 5},
            new double[] {0.2, 0.2, 0.5, 1.0}));
        final Lif target = net.add(new Lif("post", 40, Lif.Parameters.defaults()));
        final LateReader reader = net.add(new LateReader("late", source, target, 7));

        new Simulation(net, threads).runSteps(30, ProgressListener.NONE);

        assertThat(source.history().depth()).isGreaterThanOrEqualTo(8);
        assertThat(reader.arrivals).containsExactly(
            new long[] {9, 3}, new long[] {9, 17}, new long[] {12, 39}, new long[] {17, 5});
    }

    @Test
    void shouldGiveEveryDeliveryBothSeedsAndItsTargetSlices()
    {
        final Network net = new Network(DT, 11, 22);
        final Lif pop = net.add(new Lif("pop", 100, Lif.Parameters.defaults()));
        final LateReader reader = net.add(new LateReader("r", pop, pop, 0));

        final Simulation sim = new Simulation(net, 2);

        assertThat(reader.context.dt()).isEqualTo(DT);
        assertThat(reader.context.seed()).isEqualTo(11);
        assertThat(reader.context.connectivitySeed()).isEqualTo(22);
        assertThat(reader.context.targetSliceStart()).containsExactly(sim.sliceStarts(pop));
        assertThat(reader.context.sliceCount()).isEqualTo(2);
    }

    @Test
    void shouldRunARegisteredSpikeObserverOncePerSpikeOnTheWorkerThatOwnsIt()
    {
        final Network net = new Network(DT, 1);
        final SpikeGeneratorGroup source = net.add(new SpikeGeneratorGroup("src", 64, new int[] {1, 60, 2},
            new double[] {0.0, 0.0, 0.3}));
        final Lif target = net.add(new Lif("post", 1, Lif.Parameters.defaults()));
        final List<long[]> seen = new ArrayList<>();
        final Object sharedKey = new Object();
        final SpikeObserver observer = (history, slot, slice, step) ->
        {
            for (int k = history.sliceStart(slice); k < history.sliceStart(slice) + history.count(slot, slice); k++)
            {
                synchronized (seen)
                {
                    seen.add(new long[] {step, history.ids(slot)[k], slice});
                }
            }
        };
        final List<SpikeObserver> returned = new ArrayList<>();
        for (final String name : List.of("a", "b"))
        {
            net.add(new LateReader(name, source, target, 0)
            {
                @Override
                public void prepare(final DeliveryContext run)
                {
                    returned.add(run.observeSpikes("late reader '" + name + "'", "test state", source, sharedKey,
                        () -> observer));
                }
            });
        }

        final Simulation sim = new Simulation(net, 2);
        sim.runSteps(5, ProgressListener.NONE);

        assertThat(returned).containsExactly(observer, observer);
        final int secondSlice = sim.sliceStarts(source)[1];
        assertThat(seen).containsExactlyInAnyOrder(
            new long[] {0, 1, 0}, new long[] {0, 60, 60 >= secondSlice ? 1 : 0}, new long[] {3, 2, 0});
    }

    @Test
    void shouldRefuseOneSpikeObserverForTwoSourcePopulations()
    {
        final DeliveryContext run = new DeliveryContext(DT, 1, 1);
        final Population a = new Lif("a", 2, Lif.Parameters.defaults());
        final Population b = new Lif("b", 2, Lif.Parameters.defaults());
        final Object key = new Object();
        run.observeSpikes("projection 'a->x'", "STD state", a, key, () -> (history, slot, slice, step) -> { });

        assertThatThrownBy(() -> run.observeSpikes("projection 'b->x'", "STD state", b, key,
            () -> (history, slot, slice, step) -> { }))
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'b->x': STD state is already used by projections from 'a'; "
                + "give each source population its own");
    }

    @Test
    void shouldRejectANewDeliveryClassWhoseSourceIsNotInTheNetwork()
    {
        final Network net = new Network(DT, 1);
        final Lif target = net.add(new Lif("post", 2, Lif.Parameters.defaults()));
        final Lif stranger = new Lif("stranger", 2, Lif.Parameters.defaults());

        assertThatThrownBy(() -> net.add(new LateReader("late", stranger, target, 1)))
            .isInstanceOf(ModelException.class)
            .hasMessage("late reader 'late': source 'stranger' is not in this network; add the population first");
    }

    @Test
    void shouldGiveEveryNamedDeliveryANameOfItsOwn()
    {
        final Network net = new Network(DT, 1);
        final Lif pop = net.add(new Lif("E", 2, Lif.Parameters.defaults()));
        net.add(new PoissonInput("drive", pop, 10, 5, new Exponential(5), new Cuba(), "ge", 1));

        assertThatThrownBy(() -> net.add(new PoissonInput("drive", pop, 10, 5, new Exponential(5), new Cuba(), "ge",
            1)))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonInput 'drive': the name is already used in this network");
        assertThatThrownBy(() -> net.add(new LateReader("E", pop, pop, 0)))
            .isInstanceOf(ModelException.class)
            .hasMessage("late reader 'E': the name is already used in this network");
    }
}
