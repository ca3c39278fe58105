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
}
