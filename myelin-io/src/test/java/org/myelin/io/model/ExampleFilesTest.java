package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

class ExampleFilesTest
{
    static final Path EXAMPLES = Path.of("..", "examples");

    static double meanRate(final ModelFile model, final double ms)
    {
        long spikes = 0;
        long neurons = 0;
        for (final SpikeMonitor m : model.spikeMonitors())
        {
            spikes += m.size();
            neurons += m.population().size();
        }
        return spikes / (double) neurons / (ms / 1000.0);
    }

    /**
     * The files describe the built-in reference networks exactly (same names, so the same random
     * keys): the spikes of 100 ms are identical, and the rate is near Brian2's (COBA ~20 Hz, CUBA
     * ~5.3 Hz over 1 s; the first 100 ms include the onset).
     */
    @ParameterizedTest
    @CsvSource({"coba.yaml, coba, 10, 40", "cuba.yaml, cuba, 2, 15"})
    void referenceNetworkFilesGiveTheSameSpikesAsTheBuiltInNetworks(final String file, final String reference,
        final double minRate, final double maxRate)
    {
        final ModelFile model = ModelLoader.load(EXAMPLES.resolve(file));
        assertThat(model.estimate().neurons()).isEqualTo(4000);
        assertThat(model.estimate().synapses()).isEqualTo(4000 * 4000 * 0.02);
        new Simulation(model.network(), 2).run(100);

        final ReferenceNetworks.Built ref = ReferenceNetworks.build(reference, 4000, 0.1, 42);
        final SpikeMonitor e = ref.network().monitorSpikes(ref.excitatory());
        final SpikeMonitor i = ref.network().monitorSpikes(ref.inhibitory());
        new Simulation(ref.network(), 1).run(100);

        assertThat(model.spikeMonitors().get(0).steps()).isEqualTo(e.steps());
        assertThat(model.spikeMonitors().get(0).neurons()).isEqualTo(e.neurons());
        assertThat(model.spikeMonitors().get(1).neurons()).isEqualTo(i.neurons());
        assertThat(meanRate(model, 100)).isBetween(minRate, maxRate);
    }

    /**
     * ring.yaml: the kick of step 10 fires neuron 0 at step 11 (a jump delivered after step 10 acts
     * from step 11), and a spike of neuron i at step n fires neuron i + 1 at step n + d_i + 1, d_i
     * the file's delay of synapse i in steps (10, 15, 20, 25, 10, ...).
     */
    @org.junit.jupiter.api.Test
    void theRingShouldCarryItsWaveWithTheFilesDelays() throws java.io.IOException
    {
        final ModelFile model = ModelLoader.load(EXAMPLES.resolve("ring.yaml"));
        final SpikeMonitor r = model.spikeMonitors().get(0);
        new Simulation(model.network(), 2).run(model.durationMs());

        final long[] first = new long[40];
        java.util.Arrays.fill(first, -1);
        final long[] steps = r.steps();
        final int[] neurons = r.neurons();
        for (int k = 0; k < steps.length; k++)
        {
            if (first[neurons[k]] < 0)
            {
                first[neurons[k]] = steps[k];
            }
        }
        long expected = 11;
        for (int i = 0; i < 40; i++)
        {
            assertThat(first[i]).as("neuron %d", i).isEqualTo(expected);
            expected += new long[] {10, 15, 20, 25}[i % 4] + 1;
        }
        assertThat(r.size()).isEqualTo(40);
        assertThat(model.network().projections().get(2).build(model.network().connectivitySeed()).hasDelays())
            .isTrue();
    }
}
