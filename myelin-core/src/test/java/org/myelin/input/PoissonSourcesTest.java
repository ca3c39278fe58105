package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class PoissonSourcesTest
{
    private static final double DT = 0.1;

    @Test
    void homogeneousRateShouldBeWithinThreeSigmaOverManySources()
    {
        final int n = 5000;
        final double duration = 1000;
        final Network net = new Network(DT, 11);
        final PoissonGroup group = net.add(new PoissonGroup("p", n, 20));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(duration);
        // count ~ Binomial(n·steps, p): mean n·steps·p, σ = √(n·steps·p(1−p))
        final double p = 20 * DT / 1000;
        final double trials = n * duration / DT;
        assertWithinThreeSigma(spikes.size(), trials * p, Math.sqrt(trials * p * (1 - p)));
    }

    @Test
    void timeVaryingRateShouldBeWithinThreeSigmaInEachHalfPeriod()
    {
        // 30 + 20·sin(2π·5 Hz·t): mean count over the rising and the falling half-period differ
        final int n = 5000;
        final double duration = 1000;
        final PoissonGroup.Rate rate = t -> 30 + 20 * Math.sin(2 * Math.PI * 5 * t / 1000);
        final Network net = new Network(DT, 5);
        final PoissonGroup group = net.add(new PoissonGroup("p", n, rate));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(duration);
        final double[] observed = new double[2];
        final double[] expected = new double[2];
        final double[] variance = new double[2];
        final long steps = Math.round(duration / DT);
        for (long s = 0; s < steps; s++)
        {
            final double t = s * DT;
            final int half = (int) ((t % 200) / 100);
            final double p = rate.hz(t) * DT / 1000;
            expected[half] += n * p;
            variance[half] += n * p * (1 - p);
        }
        for (int k = 0; k < spikes.size(); k++)
        {
            observed[(int) ((spikes.step(k) * DT % 200) / 100)]++;
        }
        assertWithinThreeSigma(observed[0], expected[0], Math.sqrt(variance[0]));
        assertWithinThreeSigma(observed[1], expected[1], Math.sqrt(variance[1]));
        assertThat(observed[0]).isGreaterThan(1.5 * observed[1]);
    }

    @Test
    void theSameSeedShouldGiveTheSameSpikesForOneAndTwoThreads()
    {
        final long[][] one = spikes(1);
        final long[][] two = spikes(2);
        assertThat(two[0]).isEqualTo(one[0]);
        assertThat(two[1]).isEqualTo(one[1]);
        assertThat(one[0].length).isGreaterThan(1000);
    }

    private static long[][] spikes(final int threads)
    {
        final Network net = new Network(DT, 42);
        final PoissonGroup constant = net.add(new PoissonGroup("c", 1001, 40));
        final PoissonGroup varying = net.add(new PoissonGroup("v", 777, t -> t < 15 ? 10 : 80));
        final SpikeMonitor a = net.monitorSpikes(constant);
        final SpikeMonitor b = net.monitorSpikes(varying);
        new Simulation(net, threads).run(30);
        return new long[][] {pack(a), pack(b)};
    }

    private static long[] pack(final SpikeMonitor m)
    {
        final long[] out = new long[m.size()];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = m.step(k) * 1_000_000 + m.neuron(k);
        }
        return out;
    }

    @Test
    void aRateAboveOnePerStepShouldNameTheTime()
    {
        final Network net = new Network(DT, 1);
        net.add(new PoissonGroup("p", 3, t -> t < 1 ? 10 : 20_000));
        final Simulation sim = new Simulation(net, 1);
        assertThatThrownBy(() -> sim.run(5))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonGroup 'p': rate must be in [0, 1/dt = 10000 Hz], got rate=20000 Hz at t = 1 ms");
    }

    @Test
    void spikeGeneratorShouldEmitTheGivenSpikesAtTheirSteps()
    {
        for (final int threads : new int[] {1, 2})
        {
            final Network net = new Network(DT, 1);
            final SpikeGeneratorGroup gen = net.add(new SpikeGeneratorGroup("g", 40,
                new int[] {3, 0, 39, 3, 20}, new double[] {1.0, 0.5, 1.0, 2.5, 0}));
            final SpikeMonitor m = net.monitorSpikes(gen);
            new Simulation(net, threads).run(5);
            assertThat(pack(m)).containsExactly(20, 5_000_000, 10_000_003, 10_000_039, 25_000_003);
        }
    }

    @Test
    void spikeGeneratorShouldRejectBadIndicesAndTimesOffTheGrid()
    {
        assertThatThrownBy(() -> new SpikeGeneratorGroup("g", 4, new int[] {4}, new double[] {1}))
            .isInstanceOf(ModelException.class)
            .hasMessage("SpikeGeneratorGroup 'g': indices must be in [0, 4), got indices[0]=4");
        final Network net = new Network(DT, 1);
        net.add(new SpikeGeneratorGroup("g", 4, new int[] {1, 1}, new double[] {1, 1}));
        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("SpikeGeneratorGroup 'g': source 1 spikes twice at step 10 (t = 1 ms); give each source at"
                + " most one spike per step");
    }

    private static void assertWithinThreeSigma(final double observed, final double mean, final double sigma)
    {
        assertThat(observed).isBetween(mean - 3 * sigma, mean + 3 * sigma);
    }
}
