package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.connect.AllToAll;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.input.PoissonInput;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;
import org.myelin.units.UnitException;
import org.myelin.util.ModelException;

class SimulationTest
{
    /** Spike trains of every population of a reference network, as (steps, neurons) arrays. */
    private record Trains(List<long[]> steps, List<int[]> neurons, int total)
    {
    }

    private static Trains run(final String model, final int n, final long seed, final int threads, final double ms)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, 0.1, seed);
        final List<SpikeMonitor> monitors = new ArrayList<>();
        for (final Lif group : built.groups())
        {
            monitors.add(built.network().monitorSpikes(group));
        }
        new Simulation(built.network(), threads).run(ms);
        final List<long[]> steps = new ArrayList<>();
        final List<int[]> neurons = new ArrayList<>();
        int total = 0;
        for (final SpikeMonitor m : monitors)
        {
            steps.add(m.steps());
            neurons.add(m.neurons());
            total += m.size();
        }
        return new Trains(steps, neurons, total);
    }

    @Test
    void shouldChooseOneThreadPerTwentyThousandNeuronsUpToTheProcessorCount()
    {
        final Network small = new Network(0.1, 1);
        small.add(new PoissonGroup("P", 4000, 10));
        final Network large = new Network(0.1, 1);
        large.add(new PoissonGroup("P", 10_000_000, 10));
        final Network forty = new Network(0.1, 1);
        forty.add(new PoissonGroup("A", 20_000, 10));
        forty.add(new PoissonGroup("B", 20_000, 10));
        final int processors = Runtime.getRuntime().availableProcessors();

        assertThat(Simulation.defaultThreads(small)).isEqualTo(1);
        assertThat(Simulation.defaultThreads(large)).isEqualTo(processors);
        assertThat(Simulation.defaultThreads(forty)).isEqualTo(Math.min(2, processors));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldCountEverySpikeOfEveryPopulationWhetherMonitoredOrNot(final int threads)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.build("coba", 1000, 0.1, 42);
        final Lif e = built.groups().get(0);
        final Lif i = built.groups().get(1);
        final SpikeMonitor monitor = built.network().monitorSpikes(e);
        final Simulation sim = new Simulation(built.network(), threads);
        sim.runSteps(700, ProgressListener.NONE);
        sim.runSteps(300, ProgressListener.NONE);

        assertThat(sim.spikeCount(e)).isEqualTo(monitor.size()).isGreaterThan(100);
        for (int n = 0; n < e.size(); n++)
        {
            assertThat(sim.spikeCount(e, n)).as("neuron %d", n).isEqualTo(monitor.count(n));
        }
        final Trains unmonitored = run("coba", 1000, 42, 1, 100);
        assertThat(sim.spikeCount(i)).isEqualTo(unmonitored.neurons().get(1).length).isGreaterThan(10);
        final Lif stranger = new Lif("X", 3, new Lif.Parameters(-60, -50, -60, 20, 1, 5, 0, Integrator.EULER),
            Initializer.constant(-60));
        assertThatThrownBy(() -> sim.spikeCount(stranger)).isInstanceOf(ModelException.class)
            .hasMessage("Simulation: population 'X' is not in this network");
    }

    @Test
    void cobaShouldGiveBitIdenticalSpikeTrainsForOneTwoAndThreeThreads()
    {
        assertIdenticalAcrossThreads("coba", 200, 2, 3);
    }

    @Test
    void cubaShouldGiveBitIdenticalSpikeTrainsForOneAndTwoThreads()
    {
        // three threads on this 2-core machine cost milliseconds per step (see the report on
        // SpinBarrier); COBA covers them
        assertIdenticalAcrossThreads("cuba", 100, 2);
    }

    private static void assertIdenticalAcrossThreads(final String model, final double ms, final int... threadCounts)
    {
        final Trains one = run(model, 1000, 42, 1, ms);

        assertThat(one.total()).as("spikes in %s ms", ms).isGreaterThan(200);
        for (final int threads : threadCounts)
        {
            final Trains other = run(model, 1000, 42, threads, ms);
            for (int g = 0; g < 2; g++)
            {
                assertThat(other.steps().get(g)).as("%d threads, group %d", threads, g)
                    .isEqualTo(one.steps().get(g));
                assertThat(other.neurons().get(g)).as("%d threads, group %d", threads, g)
                    .isEqualTo(one.neurons().get(g));
            }
        }
        final Trains otherSeed = run(model, 1000, 43, 1, ms);
        assertThat(otherSeed.neurons().get(0)).isNotEqualTo(one.neurons().get(0));
    }

    @Test
    void conductanceNetworkWithExactIntegrationShouldAlsoBeIdenticalAcrossThreads()
    {
        // 203 neurons: the exponential-Euler path (always the scalar loop) on slices with a ragged end
        final long[][] trains = new long[2][];
        for (int threads = 1; threads <= 2; threads++)
        {
            final Network net = new Network(0.1, 5);
            final Lif.Parameters params = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 0, Integrator.EXACT);
            final Lif e = net.add(new Lif("E", 203, params, Initializer.uniform(-60, -50)));
            net.add(new PoissonInput("drive", e, 100, 15, new Exponential(5), new Coba(0), "ge", 1.5));
            net.connect("E->E", e, e, new FixedProbability(0.1), new Exponential(10),
                new Coba(-80), "gi", 1.0, 0.5);
            final SpikeMonitor m = net.monitorSpikes(e);
            new Simulation(net, threads).run(100);
            final long[] merged = new long[m.size()];
            for (int k = 0; k < m.size(); k++)
            {
                merged[k] = m.step(k) * 1000 + m.neuron(k);
            }
            trains[threads - 1] = merged;
        }
        assertThat(trains[0]).hasSizeGreaterThan(100);
        assertThat(trains[1]).isEqualTo(trains[0]);
    }

    @Test
    void splittingARunShouldNotChangeIt()
    {
        final ReferenceNetworks.Built whole = ReferenceNetworks.coba(500, 0.1, 3);
        final SpikeMonitor wholeSpikes = whole.network().monitorSpikes(whole.excitatory());
        final StateMonitor wholeV = whole.network().monitorState(whole.excitatory(), "v", new int[] {0, 399}, 7);
        new Simulation(whole.network(), 2).run(40);

        final ReferenceNetworks.Built split = ReferenceNetworks.coba(500, 0.1, 3);
        final SpikeMonitor splitSpikes = split.network().monitorSpikes(split.excitatory());
        final StateMonitor splitV = split.network().monitorState(split.excitatory(), "v", new int[] {0, 399}, 7);
        final Simulation sim = new Simulation(split.network(), 2);
        sim.run(13.3);
        sim.runSteps(0, null);
        sim.run(26.7);

        assertThat(sim.step()).isEqualTo(400);
        assertThat(sim.timeMs()).isEqualTo(40.0);
        assertThat(wholeSpikes.size()).isGreaterThan(20);
        assertThat(splitSpikes.steps()).isEqualTo(wholeSpikes.steps());
        assertThat(splitSpikes.neurons()).isEqualTo(wholeSpikes.neurons());
        // samples at steps 0, 7, ..., 399: 58 of them, whichever run recorded them
        assertThat(splitV.sampleCount()).isEqualTo(wholeV.sampleCount()).isEqualTo(58);
        assertThat(splitV.trace(0)).isEqualTo(wholeV.trace(0));
        assertThat(splitV.trace(1)).isEqualTo(wholeV.trace(1));
        assertThat(splitV.sampleStep(19)).isEqualTo(133);
        assertThat(splitV.sampleStep(57)).isEqualTo(399);
    }

    @Test
    void shouldStopARunWhoseStateBecomesInfiniteAtThatStepAndNameThePopulationVariableNeuronAndTime()
    {
        // forward Euler with dt/τm = 5 multiplies the distance to v∞ by −4 each step; neuron 30
        // starts 1 mV below v∞: 4^511 = 2^1022 above it after step 510, and step 511 overshoots to
        // −∞ (vTh = MAX_VALUE, so no finite value spikes); the others sit at v∞ = vRest
        final double[] v0 = new double[40];
        Arrays.fill(v0, -60);
        v0[30] = -61;
        final Network net = new Network(0.1, 1);
        final Lif e = net.add(new Lif("E", 40,
            new Lif.Parameters(-60, Double.MAX_VALUE, -70, 0.02, 1, 0, 0, Integrator.EULER), Initializer.values(v0)));
        final StateMonitor trace = net.monitorState(e, "v", new int[] {30}, 1);
        final Simulation sim = new Simulation(net, 2);

        assertThatThrownBy(() -> sim.runSteps(600, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': state v became -Infinity at neuron 30, t = 51.200 ms; "
                + "check the parameters or use a smaller dt");
        // the run ends after the step that made the state infinite, monitors hold every step until then
        assertThat(sim.step()).isEqualTo(512);
        assertThat(trace.sampleCount()).isEqualTo(512);
        assertThat(trace.trace(0)[511]).isEqualTo(-60 + Math.pow(2, 1022));
    }

    /** Adds NaN to one neuron's current at one step. */
    record NaNAt(long step, int neuron) implements org.myelin.base.CurrentInput
    {
        @Override
        public void addCurrent(final long n, final double timeMs, final int from, final int to, final double[] current)
        {
            if (n == step && neuron >= from && neuron < to)
            {
                current[neuron] += Double.NaN;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aNaNShouldStopTheRunAtTheStepItAppearsWithTheSpikesUntilThen(final int threads)
    {
        // no refractory period, so the NaN current cannot fall on a clamped neuron
        final Network net = new Network(0.1, 4);
        final PoissonGroup source = net.add(new PoissonGroup("P", 300, 50));
        final Lif e = net.add(new Lif("E", 1001, Lif.Parameters.defaults(), Initializer.uniform(-60, -50)));
        net.connect("P->E", source, e, new FixedProbability(0.1), new Exponential(5), new Cuba(), "ge", 20, 0);
        e.addInput(new NaNAt(12, 797));
        final SpikeMonitor spikes = net.monitorSpikes(source);
        final Simulation sim = new Simulation(net, threads);

        assertThatThrownBy(() -> sim.run(100))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': state v became NaN at neuron 797, t = 1.300 ms; "
                + "check the parameters or use a smaller dt");
        assertThat(sim.step()).isEqualTo(13);
        assertThat(spikes.size()).isPositive();
        assertThat(spikes.step(spikes.size() - 1)).isLessThanOrEqualTo(12);
    }

    /** The heap, free and maximum, as the messages print them. */
    private static final String HEAP = "needs an estimated [0-9,]+ MiB but the heap has [0-9,]+ MiB free "
        + "\\(maximum [0-9,]+ MiB\\); ";

    @Test
    void aPopulationThatCannotFitShouldBeRefusedBeforeItsArraysAreAllocated()
    {
        assertThatThrownBy(() -> new Lif("E", Integer.MAX_VALUE - 8, Lif.Parameters.defaults()))
            .isInstanceOf(ModelException.class)
            .hasMessageMatching("LIF 'E' \\(2,147,483,639 neurons\\) " + HEAP
                + "use fewer neurons, or give Java a larger heap \\(-Xmx[0-9]+g, e.g. MYELIN_JAVA_OPTS=-Xmx[0-9]+g "
                + "for bin/myelin\\)");
    }

    @Test
    void aNetworkWhoseConnectivityCannotFitShouldBeRefusedBeforeItIsBuilt()
    {
        // all-to-all over 200 000 neurons: 4·10^10 synapses, 80 GB of 2-byte targets
        final Network net = new Network(0.1, 1);
        final Lif e = net.add(new Lif("E", 200_000, Lif.Parameters.defaults()));
        net.connect("E->E", e, e, new AllToAll(false), new Exponential(5), new Cuba(), "ge", 0.1, 0);
        final long start = System.nanoTime();

        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessageMatching("the network \\(largest part: projection 'E->E', 76,295 MiB\\) " + HEAP
                + "use just-in-time connectivity for the largest projections, fewer synapses, or give Java a "
                + "larger heap .*");
        assertThat(System.nanoTime() - start).as("refused at once, not after building").isLessThan(2_000_000_000L);

        // just-in-time, the same rule stores nothing and fits
        final Network jit = new Network(0.1, 1);
        final Lif f = jit.add(new Lif("E", 200_000, Lif.Parameters.defaults()));
        jit.connect("E->E", f, f, new AllToAll(false).justInTime(), new Exponential(5), new Cuba(), "ge", 0.1, 0);
        assertThat(new Simulation(jit, 1).step()).isZero();
    }

    @Test
    void shouldRejectFewerThanOneThreadAndAnEmptyNetwork()
    {
        final Network net = new Network(0.1, 1);
        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("the network has no population; add one before running");
        net.add(new Lif("E", 1, Lif.Parameters.defaults()));
        assertThatThrownBy(() -> new Simulation(net, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("Simulation: threads must be >= 1, got threads=0");
    }

    @Test
    void shouldRejectADurationThatIsNegativeOrNotAWholeNumberOfSteps()
    {
        final Network net = new Network(0.1, 1);
        net.add(new Lif("E", 1, Lif.Parameters.defaults()));
        final Simulation sim = new Simulation(net, 1);

        assertThatThrownBy(() -> sim.run(1.05))
            .isInstanceOf(UnitException.class)
            .hasMessage("run: duration=1.05 ms is not a whole number of time steps dt=0.1 ms (10.5 steps);"
                + " use a multiple of dt, change dt, or allow rounding to 11 steps (1.1 ms)");
        assertThatThrownBy(() -> sim.run(-1))
            .isInstanceOf(ModelException.class)
            .hasMessage("run: duration must be >= 0 ms and finite, got duration=-1 ms");
        assertThatThrownBy(() -> sim.runSteps(-1, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("run: the number of steps must be >= 0, got -1");
    }

    @Test
    void slicesShouldBeContiguousAlignedAndCoverThePopulation()
    {
        assertThat(oneSliced(1000, 1)).containsExactly(0, 1000);
        assertThat(oneSliced(1000, 3)).containsExactly(0, 336, 672, 1000);
        assertThat(oneSliced(40, 2)).containsExactly(0, 16, 40);
        assertThat(oneSliced(5, 4)).containsExactly(0, 0, 0, 0, 5);
    }

    /** The slices of one population at the default alignment of 16. */
    private static int[] oneSliced(final int size, final int parts)
    {
        return Simulation.slices(new int[] {size}, new int[] {16}, parts)[0];
    }

    @Test
    void coarseAlignmentsShouldEvenOutOverThePopulations()
    {
        // COBA-100 000 with just-in-time rows drawn in blocks of 8192 targets, two workers
        final int[][] coba = Simulation.slices(new int[] {80_000, 20_000}, new int[] {8192, 8192}, 2);
        assertThat(coba[0]).containsExactly(0, 40_960, 80_000);
        assertThat(coba[1]).containsExactly(0, 8192, 20_000); // worker 0: 49 152 neurons, worker 1: 50 848

        // a finely aligned population after a coarse one takes up the difference (2149.5 neurons)
        final int[][] mixed = Simulation.slices(new int[] {20_683, 5834}, new int[] {8192, 16}, 2);
        assertThat(mixed[0]).containsExactly(0, 8192, 20_683);
        assertThat(mixed[1]).containsExactly(0, 5072, 5834); // worker 0: 13 264 of 26 517
    }

    @Property(tries = 500)
    void slicesShouldStartAtTheirAlignmentAndShareAllNeuronsEvenly(
        @ForAll @Size(min = 1, max = 8) final List<@IntRange(min = 0, max = 200_000) Integer> sizes,
        @ForAll @IntRange(min = 1, max = 5) final int parts,
        @ForAll final long coarse)
    {
        final int[] size = sizes.stream().mapToInt(Integer::intValue).toArray();
        final int[] align = new int[size.length];
        for (int p = 0; p < size.length; p++)
        {
            align[p] = (coarse >>> p & 1) == 0 ? 16 : 8192;
        }
        final int[][] starts = Simulation.slices(size, align, parts);

        final double total = Arrays.stream(size).asDoubleStream().sum();
        for (int k = 0; k <= parts; k++)
        {
            long before = 0;
            for (int p = 0; p < size.length; p++)
            {
                final int s = starts[p][k];
                assertThat(s).isBetween(k == 0 ? 0 : starts[p][k - 1], size[p]);
                assertThat(s % align[p] == 0 || s == size[p]).as("cut %d of population %d: %d", k, p, s).isTrue();
                before += s;
            }
            assertThat(starts[size.length - 1][parts]).isEqualTo(size[size.length - 1]);
            // the cuts of all populations together are off by at most one coarse block
            assertThat(Math.abs(before - total * k / parts)).as("cut %d", k).isLessThanOrEqualTo(8192.0);
        }
    }

    @Test
    void justInTimeTargetsShouldBeSlicedAtTheRuleBlocksWhenTheSlicesSpanWholeBlocks()
    {
        final ReferenceNetworks.Built big = ReferenceNetworks.coba(40_000, 0.1, 3, true);
        final Simulation sim = new Simulation(big.network(), 2);
        // E: 32 000 neurons, 16 000 per worker, cut at the nearest multiple of 8192; I: 4000 per worker, finer
        assertThat(sim.sliceStarts(big.excitatory())).containsExactly(0, 16_384, 32_000);
        assertThat(sim.sliceStarts(big.inhibitory())).containsExactly(0, 3616, 8000);

        final ReferenceNetworks.Built stored = ReferenceNetworks.coba(40_000, 0.1, 3, false);
        assertThat(new Simulation(stored.network(), 2).sliceStarts(stored.excitatory()))
            .containsExactly(0, 16_000, 32_000);
        assertThatThrownBy(() -> sim.sliceStarts(stored.excitatory()))
            .isInstanceOf(ModelException.class)
            .hasMessage("Simulation: population 'E' is not in this network");
    }

    /**
     * The step loop allocates nothing per neuron or spike, whatever the lane count of the vector
     * unit: the populations have sizes that are no multiple of 2, 4, 8 or 16 (COBA and CUBA at
     * N = 1001 have 201 inhibitory neurons, the Poisson network 301 targets), so every update
     * ends in a tail. Measured on JDK 25 (C2, AVX-512): the first 10⁴ steps allocate 30–170 MB
     * (Vector API boxes before C2 compiles the loop), then about 8 KB per 10⁴ steps: ~180 bytes per
     * run call plus ~400 bytes per population at each finite-state check (every 1000 steps), which
     * builds its list of state variables.
     */
    @ParameterizedTest
    @ValueSource(strings = {"coba", "cuba", "poisson"})
    void warmedStepLoopShouldNotAllocate(final String model)
    {
        final Network net;
        if ("poisson".equals(model))
        {
            net = new Network(0.1, 9);
            final PoissonGroup src = net.add(new PoissonGroup("P", 200, 20));
            final Lif e = net.add(new Lif("E", 301, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 0, Integrator.EXACT)));
            net.connect("P->E", src, e, new FixedProbability(0.1), new Exponential(5), new Cuba(),
                "ge", 20, 1.0);
            net.add(new PoissonInput("bg", e, 50, 10, new Exponential(5), new Cuba(), "ge", 5));
        }
        else
        {
            net = ReferenceNetworks.build(model, 1001, 0.1, 1).network();
        }
        final Simulation sim = new Simulation(net, 1);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        sim.runSteps(30_000, null);

        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best >= 16 * 1024; attempt++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            sim.runSteps(10_000, null);
            best = Math.min(best, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(best).as("bytes allocated in 10^4 warmed steps").isLessThan(64 * 1024);
    }
}
