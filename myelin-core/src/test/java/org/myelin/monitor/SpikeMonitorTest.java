package org.myelin.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.input.PoissonGroup;
import org.myelin.neuron.ScheduledSource;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;

class SpikeMonitorTest
{
    @Test
    void shouldKeepEverySpikeAcrossStorageChunksInStepThenNeuronOrder()
    {
        // rate = 1/dt: every source spikes at every step, 10 000 spikes a step, 100 000 in all
        final Network net = new Network(0.1, 3);
        final PoissonGroup all = net.add(new PoissonGroup("P", 10_000, 10_000));
        final SpikeMonitor monitor = net.monitorSpikes(all);
        new Simulation(net, 2).runSteps(10, null);

        assertThat(monitor.size()).isEqualTo(100_000).isGreaterThan(SpikeMonitor.CHUNK);
        final long[] steps = monitor.steps();
        final int[] neurons = monitor.neurons();
        for (int k = 0; k < monitor.size(); k += 997)
        {
            assertThat(steps[k]).isEqualTo(k / 10_000).isEqualTo(monitor.step(k));
            assertThat(neurons[k]).isEqualTo(k % 10_000).isEqualTo(monitor.neuron(k));
        }
        assertThat(monitor.spikeSteps(4321)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(monitor.count(4321)).isEqualTo(10);
        monitor.clear();
        assertThat(monitor.size()).isZero();
        assertThat(monitor.steps()).isEmpty();
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2, 3})
    void shouldRecordStepsAndNeuronsInAscendingOrderWhateverTheThreads(final int threads)
    {
        final long[][] schedule = new long[50][];
        for (int i = 0; i < 50; i++)
        {
            schedule[i] = i == 49 ? new long[] {0, 3, 149} : i % 7 == 0 ? new long[] {3, 100 + i} : new long[0];
        }
        final Network net = new Network(0.1, 1);
        final ScheduledSource src = net.add(new ScheduledSource("src", schedule));
        final SpikeMonitor m = net.monitorSpikes(src);

        new Simulation(net, threads).runSteps(150, null);

        assertThat(m.steps()).containsExactly(0, 3, 3, 3, 3, 3, 3, 3, 3,
            100, 107, 114, 121, 128, 135, 142, 149);
        assertThat(m.neurons()).containsExactly(49, 0, 7, 14, 21, 28, 35, 42, 49, 0, 7, 14, 21, 28, 35, 42, 49);
        assertThat(m.size()).isEqualTo(17);
        assertThat(m.step(9)).isEqualTo(100);
        assertThat(m.neuron(9)).isZero();
        assertThat(m.count(49)).isEqualTo(3);
        assertThat(m.count(7)).isEqualTo(2);
        assertThat(m.count(1)).isZero();
        assertThat(m.spikeSteps(14)).containsExactly(3, 114);
        assertThat(m.meanRateHz(15)).isEqualTo(17 / 50.0 / 0.015);
        m.clear();
        assertThat(m.size()).isZero();
        assertThat(m.count(7)).isZero();
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void shouldGrowPastItsInitialCapacityWithoutLosingSpikes(final int threads)
    {
        // 50 neurons × 30 steps = 1500 spikes, more than the initial 1024 slots
        final long[] steps = new long[30];
        for (int k = 0; k < 30; k++)
        {
            steps[k] = 100 + k;
        }
        final long[][] schedule = new long[50][];
        Arrays.fill(schedule, steps);
        final Network net = new Network(0.1, 1);
        final SpikeMonitor m = net.monitorSpikes(net.add(new ScheduledSource("src", schedule)));

        new Simulation(net, threads).runSteps(200, null);

        assertThat(m.size()).isEqualTo(1500);
        for (int k = 0; k < 1500; k++)
        {
            assertThat(m.step(k)).isEqualTo(100 + k / 50);
            assertThat(m.neuron(k)).isEqualTo(k % 50);
        }
    }
}
