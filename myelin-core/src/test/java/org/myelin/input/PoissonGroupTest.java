package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class PoissonGroupTest
{
    private static SpikeMonitor run(final int size, final double rateHz, final long seed, final int threads,
        final long steps)
    {
        final Network net = new Network(0.1, seed);
        final SpikeMonitor m = net.monitorSpikes(net.add(new PoissonGroup("P", size, rateHz)));
        new Simulation(net, threads).runSteps(steps, null);
        return m;
    }

    @Test
    void spikeCountsShouldMatchTheRateWithinThreeSigma()
    {
        // 5000 sources × 2000 steps, p = rate·dt = 0.002: 20000 ± 141 spikes
        final SpikeMonitor m = run(5000, 20, 11, 1, 2000);

        final double p = 20 * 0.1 / 1000;
        final double mean = 5000 * 2000 * p;
        final double sd = Math.sqrt(mean * (1 - p));
        assertThat((double) m.size()).isBetween(mean - 3 * sd, mean + 3 * sd);
        assertThat(m.meanRateHz(200)).isBetween(20 * (1 - 3 * sd / mean), 20 * (1 + 3 * sd / mean));
        // per-source counts ~ Binomial(2000, p): variance 3.992, the sources are independent
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < 5000; i++)
        {
            sum += m.count(i);
            sumSq += (double) m.count(i) * m.count(i);
        }
        final double var = (sumSq - sum * sum / 5000) / 4999;
        final double expectedVar = 2000 * p * (1 - p);
        final double se = Math.sqrt((2 * expectedVar * expectedVar + expectedVar) / 5000);
        assertThat(var).isBetween(expectedVar - 4 * se, expectedVar + 4 * se);
    }

    @Test
    void shouldGiveTheSameTrainsForOneAndTwoThreadsAndOtherTrainsForAnotherSeed()
    {
        final SpikeMonitor one = run(1000, 50, 3, 1, 200);
        final SpikeMonitor two = run(1000, 50, 3, 2, 200);
        final SpikeMonitor otherSeed = run(1000, 50, 4, 1, 200);

        assertThat(one.size()).isGreaterThan(800);
        assertThat(two.steps()).isEqualTo(one.steps());
        assertThat(two.neurons()).isEqualTo(one.neurons());
        assertThat(otherSeed.neurons()).isNotEqualTo(one.neurons());
    }

    @Test
    void rateZeroShouldNeverSpikeAndRateOneOverDtShouldSpikeEveryStep()
    {
        assertThat(run(100, 0, 1, 1, 100).size()).isZero();
        final SpikeMonitor always = run(3, 10_000, 1, 1, 100);
        assertThat(always.size()).isEqualTo(300);
        assertThat(always.spikeSteps(2)).hasSize(100).startsWith(0, 1, 2).endsWith(99);
    }

    @Test
    void shouldRejectANegativeRateOrOneAboveOneOverDt()
    {
        assertThatThrownBy(() -> new PoissonGroup("P", 10, -1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonGroup 'P': rate must be >= 0 Hz and finite, got rate=-1 Hz");
        final Network net = new Network(0.1, 1);
        net.add(new PoissonGroup("P", 10, 20_000));
        assertThatThrownBy(() -> new Simulation(net, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonGroup 'P': rate must be <= 1/dt = 10000 Hz, got rate=20000 Hz");
        assertThatThrownBy(() -> new PoissonGroup("P", 0, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("PoissonGroup 'P': size must be >= 1, got size=0");
    }
}
