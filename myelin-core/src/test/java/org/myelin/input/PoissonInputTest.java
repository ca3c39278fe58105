package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.IntegrateAndFire;
import org.myelin.neuron.Integrator;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;

/**
 * Poisson input drawn per target neuron (brainstate {@code PoissonInput}): the number of source
 * spikes each neuron receives is recovered exactly from its receptor, {@code k_n =
 * (g_{n+1} − e^{−dt/τ}·g_n)/w}, and compared with the binomial mean.
 */
class PoissonInputTest
{
    private static final double DT = 0.1;
    private static final int NEURONS = 300;
    private static final int STEPS = 300;
    private static final double TAU = 2.0;

    @ParameterizedTest(name = "{0} sources at {1} Hz")
    @CsvSource({"50, 10", "20000, 40"})
    void receivedSpikesShouldBeWithinThreeSigmaOfTheBinomialMean(final int sources, final double rateHz)
    {
        final long total = totalCount(counts(sources, rateHz, 1));
        final double p = rateHz * DT / 1000;
        final double trials = (double) NEURONS * STEPS * sources;
        final double sigma = Math.sqrt(trials * p * (1 - p));
        assertThat((double) total).isBetween(trials * p - 3 * sigma, trials * p + 3 * sigma);
    }

    @ParameterizedTest(name = "{0} sources at {1} Hz")
    @CsvSource({"50, 10", "20000, 40"})
    void theSameSeedShouldGiveTheSameInputForOneAndTwoThreads(final int sources, final double rateHz)
    {
        assertThat(counts(sources, rateHz, 2)).isEqualTo(counts(sources, rateHz, 1));
    }

    private static long totalCount(final long[] counts)
    {
        long total = 0;
        for (final long c : counts)
        {
            total += c;
        }
        return total;
    }

    /** The count of every neuron and step, recovered from the receptor. */
    private static long[] counts(final int sources, final double rateHz, final int threads)
    {
        final Network net = new Network(DT, 17);
        final IntegrateAndFire target = net.add(new IntegrateAndFire("t", NEURONS,
            new IntegrateAndFire.Parameters(1e9, -60, 200, 0, 0, Integrator.EXACT)));
        net.add(new PoissonInput("drive", target, sources, rateHz, new Exponential(TAU), new Cuba(), "g", 1.0));
        final int[] all = new int[NEURONS];
        for (int i = 0; i < NEURONS; i++)
        {
            all[i] = i;
        }
        final StateMonitor g = net.monitorState(target, "g", all, 1);
        new Simulation(net, threads).runSteps(STEPS + 1, null);
        final double a = Math.exp(-DT / TAU);
        final long[] counts = new long[NEURONS * STEPS];
        double worst = 0;
        for (int s = 0; s < STEPS; s++)
        {
            for (int i = 0; i < NEURONS; i++)
            {
                final double k = g.value(s + 1, i) - a * g.value(s, i);
                counts[s * NEURONS + i] = Math.round(k);
                worst = Math.max(worst, Math.abs(k - Math.round(k)));
            }
        }
        assertThat(worst).as("distance of a recovered count from an integer").isLessThan(1e-6);
        return counts;
    }
}
