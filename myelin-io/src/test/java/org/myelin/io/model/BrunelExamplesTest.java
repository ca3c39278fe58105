package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.sim.Simulation;

class BrunelExamplesTest
{
    /**
     * The four regimes of Brunel (2000), Fig. 8, run for 30 ms each (the connectivity of 15.6
     * million synapses dominates the time). Rates over 400 ms from {@code myelin run}: A 497 Hz
     * (synchronous regular, at the refractory limit), B 61 Hz (fast oscillation), C 40.1 Hz
     * (asynchronous irregular), D 5.2 Hz (slow oscillation); the bounds here are loose because 30 ms include the onset.
     */
    @ParameterizedTest
    @CsvSource({
        "brunel2000-A-sr.yaml, -0.3, 100, 600",
        "brunel2000-B-si-fast.yaml, -0.6, 20, 200",
        "brunel2000-C-ai.yaml, -0.5, 10, 150",
        "brunel2000-D-si-slow.yaml, -0.45, 0.5, 60"})
    void brunelRegimesRun(final String file, final double inhibitoryWeight,
        final double minRate, final double maxRate)
    {
        final ModelFile model = ModelLoader.load(ExampleFilesTest.EXAMPLES.resolve(file),
            new ModelLoader.Overrides(null, 30.0, null, null));
        assertThat(model.estimate().neurons()).isEqualTo(12_500);
        assertThat(model.estimate().synapses()).isCloseTo(0.1 * 12_500 * 12_499, org.assertj.core.data.Offset.offset(1.0));
        assertThat(model.network().projections().get(2).weight()).isEqualTo(inhibitoryWeight);
        assertThat(model.network().projections().get(0).weight()).isEqualTo(0.1);
        new Simulation(model.network(), 2).run(model.durationMs());
        assertThat(ExampleFilesTest.meanRate(model, 30)).isBetween(minRate, maxRate);
    }
}
