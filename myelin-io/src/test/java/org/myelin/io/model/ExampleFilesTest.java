package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
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

    @Test
    void cobaFileGivesTheSameSpikesAsTheBuiltInReferenceNetwork()
    {
        final ModelFile model = ModelLoader.load(EXAMPLES.resolve("coba.yaml"));
        assertThat(model.estimate().neurons()).isEqualTo(4000);
        assertThat(model.estimate().synapses()).isCloseTo(4000 * 4000 * 0.02, org.assertj.core.data.Offset.offset(1.0));
        new Simulation(model.network(), 2).run(100);

        final ReferenceNetworks.Built ref = ReferenceNetworks.coba(4000, 0.1, 42);
        final SpikeMonitor e = ref.network().monitorSpikes(ref.excitatory());
        new Simulation(ref.network(), 1).run(100);

        assertThat(model.spikeMonitors().get(0).steps()).isEqualTo(e.steps());
        assertThat(model.spikeMonitors().get(0).neurons()).isEqualTo(e.neurons());
        assertThat(meanRate(model, 100)).isBetween(10.0, 40.0);
    }

    @Test
    void cubaFileRunsAtAboutTheBrian2Rate()
    {
        final ModelFile model = ModelLoader.load(EXAMPLES.resolve("cuba.yaml"));
        new Simulation(model.network(), 2).run(100);
        assertThat(meanRate(model, 100)).isBetween(2.0, 15.0);
    }
}
