package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class PoissonInputTest
{
    private static final double DT = 0.1;
    private static final double W = 0.75;
    private static final int NEURONS = 200;
    private static final int STEPS = 2000;

    /**
     * The input of each step, k·w, read back from a receptor with τ = 1 µs: e^{−100} of the
     * previous value is left one step later, so sample n + 1 holds k_n·w.
     */
    private static double[][] draws(final int sources, final double rateHz, final int threads, final int steps)
    {
        final Network net = new Network(DT, 21);
        final Lif lif = net.add(new Lif("L", NEURONS, new Lif.Parameters(-60, 1000, -60, 20, 1, 0, 0,
            Integrator.EULER)));
        net.add(new PoissonInput("in", lif, sources, rateHz, new Exponential(1e-3), new Cuba(), "ge", W));
        final int[] all = IntStream.range(0, NEURONS).toArray();
        final StateMonitor g = net.monitorState(lif, "ge", all, 1);
        new Simulation(net, threads).runSteps(steps + 1, null);
        final double[][] k = new double[NEURONS][steps];
        double offInteger = 0;
        for (int i = 0; i < NEURONS; i++)
        {
            for (int s = 0; s < steps; s++)
            {
                final double value = g.value(s + 1, i);
                k[i][s] = Math.rint(value / W);
                offInteger = Math.max(offInteger, Math.abs(value - k[i][s] * W));
            }
        }
        assertThat(offInteger).as("largest distance of g from a whole number of weights").isLessThan(1e-30);
        return k;
    }

    @ParameterizedTest(name = "{0} sources at {1} Hz")
    @CsvSource({"1000, 20", "80, 125", "10000, 50"})
    void countsShouldHaveTheBinomialMeanAndVariance(final int sources, final double rateHz)
    {
        // exact inversion for n·p ≤ 30 (2 and 1), the rounded normal approximation above (50)
        final double[][] k = draws(sources, rateHz, 1, STEPS);

        final double p = rateHz * DT / 1000;
        final double mu = sources * p;
        final double var = sources * p * (1 - p);
        final double m = (double) NEURONS * STEPS;
        double sum = 0;
        double sumSq = 0;
        double max = 0;
        for (final double[] row : k)
        {
            for (final double x : row)
            {
                max = Math.max(max, x);
                sum += x;
                sumSq += x * x;
            }
        }
        assertThat(max).isLessThanOrEqualTo(sources);
        final double mean = sum / m;
        final double sampleVar = (sumSq - sum * sum / m) / (m - 1);
        assertThat(mean).isBetween(mu - 4 * Math.sqrt(var / m), mu + 4 * Math.sqrt(var / m));
        // Var(s²) ≈ (μ4 − σ⁴)/m, μ4 = 3σ⁴ + σ²(1 − 6p(1 − p)) for a binomial
        final double mu4 = 3 * var * var + var * (1 - 6 * p * (1 - p));
        final double se = Math.sqrt((mu4 - var * var) / m);
        assertThat(sampleVar).isBetween(var - 4 * se, var + 4 * se);
    }

    @Test
    void shouldDrawTheSameCountsForOneAndTwoThreads()
    {
        final double[][] one = draws(1000, 20, 1, 300);
        final double[][] two = draws(1000, 20, 2, 300);

        assertThat(two).isDeepEqualTo(one);
    }

    @Test
    void everySourceShouldFireEveryStepAtRateOneOverDt()
    {
        final double[][] k = draws(5, 1000 / DT, 1, 50);

        for (final double[] row : k)
        {
            assertThat(row).containsOnly(5.0);
        }
    }

    @Test
    void shouldRejectTooFewSourcesAndARateAboveOneOverDt()
    {
        final Network net = new Network(DT, 1);
        final Lif lif = net.add(new Lif("L", 2, Lif.Parameters.defaults()));

        assertThatThrownBy(() -> new PoissonInput("in", lif, 0, 5, new Exponential(5), new Cuba(), "ge", 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonInput 'in': sources must be >= 1, got sources=0");
        assertThatThrownBy(() -> new PoissonInput("in", lif, 10, -5, new Exponential(5), new Cuba(), "ge", 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonInput 'in': rate must be >= 0 Hz and finite, got rate=-5 Hz");
        net.add(new PoissonInput("in", lif, 10, 10_001, new Exponential(5), new Cuba(), "ge", 1));
        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonInput 'in': rate must be <= 1/dt = 10000 Hz, got rate=10001 Hz");
    }
}
