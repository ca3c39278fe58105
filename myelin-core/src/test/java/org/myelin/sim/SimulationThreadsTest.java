package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;

class SimulationThreadsTest
{
    /**
     * With one barrier per step, a worker may fill the spike history of step n + 1 while another
     * still delivers step n, so the history keeps one slot more than the delay needs. Delayed
     * spikes must arrive exactly as with one thread.
     */
    @ParameterizedTest(name = "delay {0} ms")
    @ValueSource(doubles = {0, 0.1, 1.5})
    void delayedSpikesShouldBeBitIdenticalForOneTwoAndThreeThreads(final double delayMs)
    {
        final long[] one = spikes(1, delayMs);

        assertThat(one.length).isGreaterThan(300);
        assertThat(spikes(2, delayMs)).isEqualTo(one);
        assertThat(spikes(3, delayMs)).isEqualTo(one);
    }

    /** (step, neuron) pairs of a small COBA network with delayed projections, packed in longs. */
    private static long[] spikes(final int threads, final double delayMs)
    {
        final Network net = new Network(0.1, 11);
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
        final Lif e = net.add(new Lif("E", 240, lif, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", 61, lif, Initializer.uniform(-60, -50)));
        final FixedProbability p = new FixedProbability(0.1);
        net.connect("E->E", e, e, p, new Exponential(5), new Coba(0), "ge", 0.5, delayMs);
        net.connect("E->I", e, i, p, new Exponential(5), new Coba(0), "ge", 0.5, delayMs);
        net.connect("I->E", i, e, p, new Exponential(10), new Coba(-80), "gi", 1, delayMs);
        final SpikeMonitor monitor = net.monitorSpikes(e);
        new Simulation(net, threads).runSteps(2000, null);
        final long[] out = new long[monitor.size()];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = monitor.step(k) << 20 | monitor.neuron(k);
        }
        return out;
    }
}
