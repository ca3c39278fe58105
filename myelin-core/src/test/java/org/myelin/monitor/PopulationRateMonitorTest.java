package org.myelin.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class PopulationRateMonitorTest
{
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void binsShouldCountTheSpikesOfTheirStepsWhateverTheThreads(final int threads)
    {
        final Network net = new Network(0.1, 1);
        // 4 sources; spikes at steps 0, 0, 3, 9, 10, 19 (times in ms = step * 0.1)
        final SpikeGeneratorGroup g = net.add(new SpikeGeneratorGroup("G", 4, new int[] {0, 1, 2, 3, 0, 1},
            new double[] {0, 0, 0.3, 0.9, 1.0, 1.9}));
        final PopulationRateMonitor rate = net.monitorRate(g, 10);

        final Simulation sim = new Simulation(net, threads);
        sim.run(1.2);
        sim.run(1.0);

        assertThat(rate.binCount()).isEqualTo(3);
        assertThat(new long[] {rate.count(0), rate.count(1), rate.count(2)}).containsExactly(4, 2, 0);
        assertThat(rate.binStart(1)).isEqualTo(10);
        // 4 spikes of 4 neurons in 1 ms: 1000 Hz
        assertThat(rate.rate(0, 0.1)).isEqualTo(1000.0);
        assertThatThrownBy(() -> net.monitorRate(g, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("PopulationRateMonitor of 'G': bin must be at least one step, got 0 steps");
    }
}
