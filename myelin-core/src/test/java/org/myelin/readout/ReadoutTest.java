package org.myelin.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.input.PoissonGroup;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class ReadoutTest
{
    private static final double DT = 0.1;

    @Test
    void leakyRateReadoutShouldSumExponentiallyDecayingWeightedSpikes()
    {
        // source 0 spikes at steps 10 and 30, source 1 at step 20; W = [[1, 2], [-3, 0.5]]
        final Network net = new Network(DT, 1);
        final SpikeGeneratorGroup src = net.add(new SpikeGeneratorGroup("src", 2, new int[] {0, 1, 0},
            new double[] {1.0, 2.0, 3.0}));
        final double tau = 5;
        final LeakyRateReadout readout = new LeakyRateReadout("out", src, 2, tau, new double[] {1, 2, -3, 0.5})
            .addTo(net);
        final StateMonitor r = net.monitorState(readout, "r", new int[] {0, 1}, 1);
        new Simulation(net, 1).runSteps(200, null);

        final double[][] w = {{1, 2}, {-3, 0.5}};
        final int[] pre = {0, 1, 0};
        final int[] at = {10, 20, 30};
        for (int s = 0; s < 200; s++)
        {
            for (int j = 0; j < 2; j++)
            {
                // the monitor at step s records r(s − 1), which holds spikes of steps ≤ s − 1
                double expected = 0;
                for (int k = 0; k < 3; k++)
                {
                    if (at[k] <= s - 1)
                    {
                        expected += w[pre[k]][j] * Math.exp(-(s - 1 - at[k]) * DT / tau);
                    }
                }
                assertThat(r.value(s, j)).as("r_%d at step %d", j, s).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void leakySpikeReadoutShouldIntegrateAConstantDriveAndSoftReset()
    {
        // every source spikes at every step: x = 20 sources × 0.1 mV = 2 mV, held for each step
        final Network net = new Network(DT, 1);
        final PoissonGroup src = net.add(new PoissonGroup("src", 20, 1000.0 / DT));
        final double[] weights = new double[20];
        java.util.Arrays.fill(weights, 0.1);
        final double tau = 5;
        final double vTh = 1;
        final LeakySpikeReadout readout = new LeakySpikeReadout("out", src, 1, tau, vTh, true, weights).addTo(net);
        final SpikeMonitor spikes = net.monitorSpikes(readout);
        new Simulation(net, 1).runSteps(500, null);

        // the recurrence by hand: no drive in step 0 (spikes of step n act from n + 1)
        final double a = Math.exp(-DT / tau);
        double v = 0;
        final java.util.List<Long> expected = new java.util.ArrayList<>();
        for (long s = 0; s < 500; s++)
        {
            final double x = s == 0 ? 0 : 2.0;
            v = x + (v - x) * a;
            if (v >= vTh)
            {
                expected.add(s);
                v -= vTh;
            }
        }
        assertThat(spikes.spikeSteps(0)).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
        assertThat(readout.state("v")[0]).isCloseTo(v, within(1e-12));
        assertThat(expected).hasSizeGreaterThan(10);
    }

    @Test
    void readoutsShouldGiveTheSameResultForOneAndTwoThreads()
    {
        assertThat(rates(2)).isEqualTo(rates(1));
    }

    private static double[] rates(final int threads)
    {
        final Network net = new Network(DT, 9);
        final PoissonGroup src = net.add(new PoissonGroup("src", 300, 50));
        final double[] w = new double[300 * 40];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = Math.sin(k);
        }
        final LeakyRateReadout readout = new LeakyRateReadout("out", src, 40, 10, w).addTo(net);
        new Simulation(net, threads).run(20);
        return readout.state("r").clone();
    }

    @Test
    void shouldRejectWeightsOfTheWrongShapeAndASourceOutsideTheNetwork()
    {
        final PoissonGroup src = new PoissonGroup("src", 3, 10);
        assertThatThrownBy(() -> new LeakyRateReadout("out", src, 2, 5, new double[5]))
            .isInstanceOf(ModelException.class)
            .hasMessage("LeakyRateReadout 'out': weights must have source size × outputs = 3 × 2 = 6 values, got 5");
        assertThatThrownBy(() -> new LeakySpikeReadout("out", src, 2, 5, 0, true, new double[6]))
            .isInstanceOf(ModelException.class)
            .hasMessage("LeakySpikeReadout 'out': vTh must be > 0 mV and finite, got vTh=0 mV");
        final LeakyRateReadout readout = new LeakyRateReadout("out", src, 2, 5, new double[6]);
        assertThatThrownBy(() -> readout.addTo(new Network(DT, 1)))
            .isInstanceOf(ModelException.class)
            .hasMessage("LeakyRateReadout 'out': source 'src' is not in this network; add the population first");
    }
}
