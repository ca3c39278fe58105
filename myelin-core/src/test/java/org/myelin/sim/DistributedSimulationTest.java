package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Population;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.mpi.Communicator;
import org.myelin.mpi.SingleProcess;

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
        List<double[]> samples)
    {
    }

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

    private static Recorded get(final Future<Recorded> result) throws Exception
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
        return new Recorded(counts, steps, neurons, samples);
    }
}
