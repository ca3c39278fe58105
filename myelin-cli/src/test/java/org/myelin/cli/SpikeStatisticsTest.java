package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpikeStatisticsTest
{
    @Test
    void populationRateCountsSpikesPerNeuronAndSecondInEachBin()
    {
        // two neurons of population [1, 3); dt = 0.5 ms; bins of 10 ms over 25 ms (last bin 5 ms)
        final long[] steps = {0, 1, 19, 20, 45, 49};
        final int[] neurons = {1, 2, 0, 1, 2, 2};
        final double[] rate = SpikeStatistics.populationRate(steps, neurons, 0.5, 1, 2, 25, 10);
        assertThat(rate).containsExactly(2 / 2.0 / 0.01, 1 / 2.0 / 0.01, 2 / 2.0 / 0.005);
    }

    @Test
    void intervalsAreTakenPerNeuron()
    {
        final long[] steps = {0, 3, 10, 30, 31};
        final int[] neurons = {0, 1, 0, 1, 0};
        assertThat(SpikeStatistics.intervals(steps, neurons, 0.1, 2)).containsExactly(
            new double[] {1.0, 2.7, 2.1}, within(1e-12));
    }

    @Test
    void aRegularTrainHasCvZeroAndAlternatingIntervalsHaveTheClosedForm()
    {
        // neuron 0: intervals 10, 10, 10 -> CV 0; neuron 1: intervals 10, 30 -> mean 20, sd 10 -> CV 0.5
        final long[] steps = {0, 0, 10, 10, 20, 30, 40};
        final int[] neurons = {0, 1, 0, 1, 0, 0, 1};
        assertThat(SpikeStatistics.coefficientsOfVariation(steps, neurons, 3)).containsExactly(
            new double[] {0.0, 0.5}, within(1e-12));
        final double[] perNeuron = SpikeStatistics.coefficientOfVariationPerNeuron(steps, neurons, 3);
        assertThat(perNeuron[0]).isEqualTo(0.0);
        assertThat(perNeuron[1]).isCloseTo(0.5, within(1e-12));
        assertThat(perNeuron[2]).isNaN();
        assertThat(SpikeStatistics.meanOver(perNeuron, 0, 3)).isCloseTo(0.25, within(1e-12));
        assertThat(SpikeStatistics.meanOver(perNeuron, 1, 2)).isCloseTo(0.5, within(1e-12));
        assertThat(SpikeStatistics.meanOver(perNeuron, 2, 1)).isNaN();
    }

    @Test
    void histogramsIncludeTheTopEdge()
    {
        assertThat(SpikeStatistics.histogram(new double[] {0, 0.5, 1, 2, 2, -1, 3}, 0, 2, 2)).containsExactly(2, 3);
        assertThat(SpikeStatistics.edges(0, 2, 4)).containsExactly(0, 0.5, 1, 1.5, 2);
    }
}
