package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.input.ConstantCurrent;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * The receptors Lif takes into its own loop ({@code fuseReceptors}) must give exactly what the
 * general path gives. An external input of 0 pA forces the general path without changing any
 * number, so the two runs are compared bit for bit.
 */
class LifFusedReceptorsTest
{
    private static final int STEPS = 1000;

    @ParameterizedTest(name = "{0}, N = {1}, {2} thread(s)")
    @CsvSource({"coba, 203, 1", "coba, 203, 2", "cuba, 203, 1"})
    void fusedReceptorsShouldGiveBitIdenticalSpikesAndPotentialsToTheGeneralPath(
        final String model, final int n, final int threads)
    {
        final Run fused = run(model, n, threads, false);
        final Run general = run(model, n, threads, true);

        assertThat(fused.spikes.size()).as("spikes").isGreaterThan(n / 10);
        assertThat(fused.spikes.steps()).isEqualTo(general.spikes.steps());
        assertThat(fused.spikes.neurons()).isEqualTo(general.spikes.neurons());
        assertThat(fused.built.excitatory().state("v")).isEqualTo(general.built.excitatory().state("v"));
        assertThat(fused.built.inhibitory().state("ge")).isEqualTo(general.built.inhibitory().state("ge"));
        assertThat(fused.built.inhibitory().state("gi")).isEqualTo(general.built.inhibitory().state("gi"));
    }

    private record Run(ReferenceNetworks.Built built, SpikeMonitor spikes)
    {
    }

    private static Run run(final String model, final int n, final int threads, final boolean zeroInput)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, 0.1, 7);
        if (zeroInput)
        {
            built.groups().forEach(g -> g.addInput(new ConstantCurrent(0)));
        }
        final SpikeMonitor spikes = built.network().monitorSpikes(built.excitatory());
        new Simulation(built.network(), threads).runSteps(STEPS, null);
        return new Run(built, spikes);
    }
}
