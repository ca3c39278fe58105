package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Population;
import org.myelin.connect.CsrConnectivity;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.monitor.WeightMonitor;
import org.myelin.mpi.Communicator;
import org.myelin.mpi.SingleProcess;
import org.myelin.projection.PlasticProjection;
import org.myelin.state.StateArrays;

/**
 * A simulation split over ranks (here threads that stand in for MPI processes, {@link ThreadRanks})
 * gives every rank the same spikes, spike counts and state samples as one process with one thread:
 * for every kind of state (delays, per-synapse delays, short-term plasticity, STDP, Poisson,
 * noise, AdEx) and splits of 2×1, 2×2 and 4×1 ranks × threads, over two runs in a row.
 */
class DistributedSimulationTest
{
    private static final long STEPS = 1000;

    static String[] names()
    {
        return ResumeNetworks.names();
    }

    /** What a rank recorded: per population its spike count, per monitor its spikes and samples. */
    private record Recorded(List<long[]> spikeCounts, List<long[]> spikeSteps, List<int[]> spikeNeurons,
        List<double[]> samples, int exchangeInterval, long exchanges)
    {
    }

    /**
     * [ms] The shortest delay through a spike history of each network (its per-synapse delays
     * come on top of it, a neuromodulator's spikes are read in the step of their emission): the
     * ranks exchange every shortest delay + 1 steps.
     */
    private static final Map<String, Double> SHORTEST_DELAY_MS = Map.ofEntries(Map.entry("coba", 0.0),
        Map.entry("coba-delay-3ms", 3.0), Map.entry("coba-delay-5ms", 5.0), Map.entry("per-synapse-delays", 0.0),
        Map.entry("stp", 1.0), Map.entry("per-synapse-delays-stp", 1.5), Map.entry("pair-stdp", 0.6),
        Map.entry("poisson", 2.0), Map.entry("ou-noise", 1.0), Map.entry("adex", 1.0),
        Map.entry("dopamine-stdp", 0.0), Map.entry("fixed-number-rules", 0.0));

    @ParameterizedTest
    @MethodSource("names")
    void shouldRecordTheSameOnEveryRankAsOneProcess(final String name) throws Exception
    {
        final Recorded single = run(name, 1, new SingleProcess());
        assertThat(single.spikeSteps().getFirst().length).as("spikes of %s", name).isGreaterThan(50);

        for (final int[] split : new int[][] {{2, 1}, {2, 2}, {4, 1}})
        {
            final ThreadRanks[] ranks = ThreadRanks.of(split[0]);
            final ExecutorService pool = Executors.newFixedThreadPool(split[0]);
            try
            {
                final List<Future<Recorded>> results = new ArrayList<>();
                for (final ThreadRanks rank : ranks)
                {
                    results.add(pool.submit(() -> run(name, split[1], rank)));
                }
                for (int r = 0; r < ranks.length; r++)
                {
                    final Recorded got = get(results.get(r));
                    final String what = name + ", rank " + r + " of " + split[0] + " × " + split[1] + " threads";
                    final int interval = (int) Math.round(SHORTEST_DELAY_MS.get(name) / ResumeNetworks.DT) + 1;
                    assertThat(got.exchangeInterval()).as(what).isEqualTo(interval);
                    // each of the two runs exchanges after every whole interval and after its last step
                    assertThat(got.exchanges()).as(what).isEqualTo(2 * ((STEPS / 2 + interval - 1) / interval));
                    assertThat(got.spikeCounts()).as(what).usingRecursiveComparison().isEqualTo(single.spikeCounts());
                    assertThat(got.spikeSteps()).as(what).usingRecursiveComparison().isEqualTo(single.spikeSteps());
                    assertThat(got.spikeNeurons()).as(what).usingRecursiveComparison()
                        .isEqualTo(single.spikeNeurons());
                    assertThat(got.samples()).as(what).usingRecursiveComparison().isEqualTo(single.samples());
                }
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The state the ranks put together halfway equals one process's there, array by array, on
     * every rank; restored from it into as many ranks, they run on to the state of one process
     * that never stopped (which a 1-process resume of that checkpoint gives too, it being that
     * process's state). Shared mid-run ({@link Simulation#shareState}), every rank holds that whole
     * state and the ranks run on as before.
     */
    @ParameterizedTest
    @MethodSource("gatheredNames")
    void shouldGatherTheStateOfOneProcessAndResumeFromIt(final String name) throws Exception
    {
        final Simulation single = new Simulation(ResumeNetworks.build(name), 1, new SingleProcess());
        single.runSteps(STEPS / 2, ProgressListener.NONE);
        final StateArrays halfway = single.saveState().copy();
        single.runSteps(STEPS / 2, ProgressListener.NONE);
        final StateArrays end = single.saveState().copy();

        for (final int[] split : new int[][] {{2, 1}, {2, 2}, {4, 1}})
        {
            final ThreadRanks[] ranks = ThreadRanks.of(split[0]);
            final ExecutorService pool = Executors.newFixedThreadPool(split[0]);
            try
            {
                final List<Future<StateArrays[]>> results = new ArrayList<>();
                for (final ThreadRanks rank : ranks)
                {
                    results.add(pool.submit(() ->
                    {
                        final Simulation sim = new Simulation(ResumeNetworks.build(name), split[1], rank);
                        sim.runSteps(STEPS / 2, ProgressListener.NONE);
                        final StateArrays gathered = sim.gatherState();
                        // every rank whole, then on: what the ranks change next is measured from there
                        sim.shareState();
                        sim.runSteps(STEPS / 2, ProgressListener.NONE);
                        final StateArrays shared = sim.gatherState();
                        final Simulation resumed = new Simulation(ResumeNetworks.build(name), split[1], rank);
                        resumed.restoreState(copyOf(halfway), "halfway");
                        resumed.runSteps(STEPS / 2, ProgressListener.NONE);
                        resumed.shareState();
                        return new StateArrays[] {gathered, shared, resumed.saveState().copy()};
                    }));
                }
                for (int r = 0; r < ranks.length; r++)
                {
                    final StateArrays[] got = get(results.get(r));
                    final String what = name + ", rank " + r + " of " + split[0] + " × " + split[1] + " threads";
                    assertSameState(got[0], halfway, what + ", halfway");
                    assertSameState(got[1], end, what + ", shared halfway, at the end");
                    assertSameState(got[2], end, what + ", resumed on the ranks, shared at the end");
                }
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Every network but pair STDP's, whose weight monitor holds samples: each rank records only
     * the synapses onto its slices, and such samples are refused (below).
     */
    static String[] gatheredNames()
    {
        return java.util.Arrays.stream(names()).filter(n -> !n.equals("pair-stdp")).toArray(String[]::new);
    }

    /**
     * A weight monitor of synapses onto both ranks' slices: each rank records its own, and once
     * gathered every rank holds one process's samples, bit for bit, and their times.
     */
    @Test
    void gatheredWeightMonitorsShouldHoldTheSamplesOfOneProcess() throws Exception
    {
        final float[][] expected = monitoredWeights(1, 2, new SingleProcess()).values();
        final double[] expectedTimes = monitoredWeights(1, 2, new SingleProcess()).timesMs();
        assertThat(expected.length).isGreaterThan(5);
        for (final int[] split : new int[][] {{2, 1}, {2, 2}, {4, 1}})
        {
            final ThreadRanks[] ranks = ThreadRanks.of(split[0]);
            final ExecutorService pool = Executors.newFixedThreadPool(ranks.length);
            try
            {
                final List<Future<WeightMonitor>> results = new ArrayList<>();
                for (final ThreadRanks rank : ranks)
                {
                    results.add(pool.submit(() -> monitoredWeights(split[1], 2, rank)));
                }
                for (final Future<WeightMonitor> result : results)
                {
                    final WeightMonitor m = get(result);
                    assertThat(m.values()).as("split %dx%d", split[0], split[1]).isDeepEqualTo(expected);
                    assertThat(m.timesMs()).isEqualTo(expectedTimes);
                }
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Runs the pair-STDP network with a weight monitor of two synapses from each of six sources,
     * onto their first and their last target (so onto every rank's slices), gathering its samples
     * after each of {@code runs} runs, and returns it.
     */
    private static WeightMonitor monitoredWeights(final int threads, final int runs, final Communicator rank)
    {
        final Network network = ResumeNetworks.build("pair-stdp");
        final PlasticProjection plastic = (PlasticProjection) network.deliveries().stream()
            .filter(d -> d instanceof PlasticProjection).findFirst().orElseThrow();
        final CsrConnectivity c = (CsrConnectivity) plastic.synapses().build(12);
        final int[] row = new int[plastic.target().size()];
        final int[] pre = new int[12];
        final int[] post = new int[12];
        for (int i = 0; i < 6; i++)
        {
            final int count = c.outDegree(i);
            c.copyTargets(i, row, 0);
            pre[2 * i] = i;
            post[2 * i] = row[0];
            pre[2 * i + 1] = i;
            post[2 * i + 1] = row[count - 1];
        }
        final WeightMonitor monitor = plastic.monitorWeights(pre, post, 20);
        final Simulation sim = new Simulation(network, threads, rank);
        final List<float[]> samples = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        for (int r = 0; r < runs; r++)
        {
            sim.runSteps(STEPS / runs, ProgressListener.NONE);
            sim.gatherWeightMonitors(List.of(monitor));
            samples.addAll(List.of(monitor.values()));
            for (final double t : monitor.timesMs())
            {
                times.add(t);
            }
            if (r < runs - 1)
            {
                monitor.clear();
            }
        }
        // all samples of every run, as one monitor held in memory would hold them
        final WeightMonitor all = new WeightMonitor(plastic.name(), pre, post, 20);
        all.prepare(new int[][] {java.util.stream.IntStream.range(0, pre.length).toArray()}, network.dt());
        final int[] local = java.util.stream.IntStream.range(0, pre.length).toArray();
        long step = Math.round(times.get(0) / network.dt());
        for (final float[] sample : samples)
        {
            all.record(0, step, sample, local);
            step += 20;
        }
        return all;
    }

    /** A weight monitor's samples held in memory differ between the ranks: refused, naming them. */
    @Test
    void shouldRefuseWeightMonitorSamplesHeldInMemory() throws Exception
    {
        for (final String message : gatherOnTwoRanks("pair-stdp", STEPS / 2, (network, rank) -> { }))
        {
            assertThat(message).startsWith("checkpoint across MPI ranks: rank ").contains(" and this rank differ in "
                + "the state 'delivery/in->out/weightMonitor/0/values' (an array that grows as the network runs, the "
                + "same on every rank)");
        }
    }

    /** A copy of {@code state} that a restore may consume (its growing arrays copied too). */
    private static StateArrays copyOf(final StateArrays state)
    {
        final StateArrays copy = new StateArrays();
        for (final Map.Entry<String, Object> e : state.arrays().entrySet())
        {
            final Object values = e.getValue();
            final Object same = java.lang.reflect.Array.newInstance(values.getClass().getComponentType(),
                java.lang.reflect.Array.getLength(values));
            System.arraycopy(values, 0, same, 0, java.lang.reflect.Array.getLength(values));
            copy.put(e.getKey(), same);
            if (state.grows(e.getKey()))
            {
                copy.markGrowing(e.getKey());
            }
        }
        return copy;
    }

    private static void assertSameState(final StateArrays got, final StateArrays expected, final String what)
    {
        assertThat(got.arrays().keySet()).as(what).containsExactlyElementsOf(expected.arrays().keySet());
        for (final Map.Entry<String, Object> e : expected.arrays().entrySet())
        {
            assertThat(java.util.Objects.deepEquals(got.arrays().get(e.getKey()), e.getValue()))
                .as("%s: state '%s'", what, e.getKey()).isTrue();
        }
    }

    /** Two ranks that change one value differently cannot be put together: refused with the value's name. */
    @Test
    void shouldRefuseValuesThatTwoRanksChangedDifferently() throws Exception
    {
        // neuron 0 is rank 0's; rank 1 changes it too, to another value
        for (final String message : gatherOnTwoRanks("coba", 10,
            (network, rank) -> network.populations().getFirst().state("v")[0] = -50.0 - rank.rank()))
        {
            assertThat(message).isEqualTo("checkpoint across MPI ranks: state 'population/E/v' [0] was changed by "
                + "rank 1 and a lower rank to different values; this network cannot be checkpointed under mpirun");
        }
    }

    /**
     * Runs network {@code name} for {@code steps} on 2 ranks of 1 thread, applies {@code change}
     * on each, and returns what {@link Simulation#gatherState} threw on each rank.
     */
    private static List<String> gatherOnTwoRanks(final String name, final long steps,
        final java.util.function.BiConsumer<Network, ThreadRanks> change) throws Exception
    {
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try
        {
            final List<Future<String>> results = new ArrayList<>();
            for (final ThreadRanks rank : ThreadRanks.of(2))
            {
                results.add(pool.submit(() ->
                {
                    final Network network = ResumeNetworks.build(name);
                    final Simulation sim = new Simulation(network, 1, rank);
                    sim.runSteps(steps, ProgressListener.NONE);
                    change.accept(network, rank);
                    final Throwable thrown = catchThrowable(sim::gatherState);
                    return thrown == null ? "nothing thrown" : thrown.getMessage();
                }));
            }
            final List<String> messages = new ArrayList<>();
            for (final Future<String> result : results)
            {
                messages.add(get(result));
            }
            return messages;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** What a rank saw of a run that a NaN stopped: the message, the step it stands at, the monitor's spikes. */
    private record Stopped(String message, long step, long[] spikeSteps, int[] spikeNeurons)
    {
    }

    /** A NaN at step 12 in a network whose ranks exchange every 21 steps. */
    private static Stopped runIntoNaN(final int threads, final Communicator rank)
    {
        final Network net = new Network(0.1, 4);
        final PoissonGroup source = net.add(new PoissonGroup("P", 300, 50));
        final Lif e = net.add(new Lif("E", 1001, Lif.Parameters.defaults(), Initializer.uniform(-60, -50)));
        net.connect("P->E", source, e, new FixedProbability(0.1), new Exponential(5), new Cuba(), "ge", 20, 2);
        e.addInput(new SimulationTest.NaNAt(12, 797));
        final SpikeMonitor spikes = net.monitorSpikes(source);
        final Simulation sim = new Simulation(net, threads, rank);
        final Throwable thrown = catchThrowable(() -> sim.run(100));
        assertThat(thrown).isInstanceOf(NonFiniteStateException.class);
        return new Stopped(thrown.getMessage(), sim.step(), spikes.steps(), spikes.neurons());
    }

    @Test
    void aNaNShouldStopEveryRankAfterTheStepItAppearsWithTheSpikesOfOneProcess() throws Exception
    {
        final Stopped single = runIntoNaN(1, new SingleProcess());
        assertThat(single.step()).isEqualTo(13);
        assertThat(single.spikeSteps()).isNotEmpty();
        for (final int[] split : new int[][] {{2, 1}, {2, 2}})
        {
            final ThreadRanks[] ranks = ThreadRanks.of(split[0]);
            final ExecutorService pool = Executors.newFixedThreadPool(split[0]);
            try
            {
                final List<Future<Stopped>> results = new ArrayList<>();
                for (final ThreadRanks rank : ranks)
                {
                    results.add(pool.submit(() -> runIntoNaN(split[1], rank)));
                }
                for (int r = 0; r < ranks.length; r++)
                {
                    final Stopped got = get(results.get(r));
                    final String what = "rank " + r + " of " + split[0] + " × " + split[1] + " threads";
                    assertThat(got.step()).as(what).isEqualTo(13);
                    assertThat(got.spikeSteps()).as(what).isEqualTo(single.spikeSteps());
                    assertThat(got.spikeNeurons()).as(what).isEqualTo(single.spikeNeurons());
                    // neuron 797 of 1001 lies in the last rank's slices
                    assertThat(got.message()).as(what).isEqualTo(r == ranks.length - 1 ? single.message()
                        : "E: a state became NaN or infinite at t = 1.3 ms on rank " + (ranks.length - 1)
                            + ", which names the neuron");
                }
            }
            finally
            {
                pool.shutdownNow();
            }
        }
    }

    private static <T> T get(final Future<T> result) throws Exception
    {
        try
        {
            return result.get();
        }
        catch (final ExecutionException e)
        {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Builds the network, runs it in two runs of STEPS / 2 and returns what this rank holds. */
    private static Recorded run(final String name, final int threads, final Communicator rank)
    {
        final Network network = ResumeNetworks.build(name);
        final Simulation sim = new Simulation(network, threads, rank);
        sim.runSteps(STEPS / 2, ProgressListener.NONE);
        sim.runSteps(STEPS / 2, ProgressListener.NONE);
        final List<long[]> counts = new ArrayList<>();
        for (final Population p : network.populations())
        {
            final long[] perNeuron = new long[p.size()];
            for (int i = 0; i < perNeuron.length; i++)
            {
                perNeuron[i] = sim.spikeCount(p, i);
            }
            counts.add(perNeuron);
        }
        final List<long[]> steps = new ArrayList<>();
        final List<int[]> neurons = new ArrayList<>();
        for (final SpikeMonitor m : network.spikeMonitors())
        {
            steps.add(m.steps());
            neurons.add(m.neurons());
        }
        final List<double[]> samples = new ArrayList<>();
        for (final StateMonitor m : network.stateMonitors())
        {
            final double[] stepsAndValues = new double[m.sampleCount() * (m.indices().length + 1)];
            int at = 0;
            for (int s = 0; s < m.sampleCount(); s++)
            {
                stepsAndValues[at++] = m.sampleStep(s);
                for (int k = 0; k < m.indices().length; k++)
                {
                    stepsAndValues[at++] = m.value(s, k);
                }
            }
            samples.add(stepsAndValues);
        }
        return new Recorded(counts, steps, neurons, samples, sim.exchangeInterval(), sim.exchanges());
    }
}
