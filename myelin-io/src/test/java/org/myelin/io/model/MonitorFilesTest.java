package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.ModelFileException;
import org.myelin.io.Npy;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.Simulation;

/** Monitors in model files: states of neurons and receptors, population rates. */
class MonitorFilesTest
{
    @TempDir
    Path dir;

    private static final String MODEL = """
        duration: 3 ms
        populations:
          G: {model: SpikeGeneratorGroup, size: 2, parameters: {indices: [0, 1, 0], times: [0.5 ms, 0.5 ms, 2.2 ms]}}
          N: {model: LIF, size: 3}
        projections:
          - {name: a, source: G, target: N, connectivity: {model: AllToAll}, synapse: {model: Alpha, tau: 2 ms},
             receptor: ga, weight: 1 pA}
          - {name: e, source: G, target: N, connectivity: {model: AllToAll}, synapse: {model: Exponential, tau: 2 ms},
             receptor: ge, weight: 1 pA}
        monitors:
          states:
            - {population: N, variable: ge, neurons: all}
            - {population: N, variable: ga.h, neurons: [1]}
            - {population: N, variable: ga.g, neurons: [2], every: 0.5 ms}
          rates:
            - {population: G, bin: 1 ms}
            - {population: N}
        """;

    @Test
    void receptorVariablesAndPopulationRatesShouldBeRecorded() throws IOException
    {
        final ModelFile model = ModelLoaderTest.load(MODEL);

        new Simulation(model.network(), 1).run(model.durationMs());
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }

        final StateMonitor ge = model.stateMonitors().get(0);
        final StateMonitor h = model.stateMonitors().get(1);
        // two spikes of step 5 add 2 pA to ge and h, seen from step 6 on
        assertThat(ge.value(5, 0)).isZero();
        assertThat(ge.value(6, 0)).isEqualTo(2.0);
        assertThat(h.value(6, 0)).isEqualTo(2.0);
        assertThat(model.stateMonitors().get(2).sampleCount()).isEqualTo(6);
        final double[] rates = Npy.read(dir.resolve("rates_G.npy")).values();
        // bins of 10 steps: 2 spikes of 2 sources in 1 ms = 1000 Hz, then none, then 1 spike = 500 Hz
        assertThat(rates).containsExactly(1000.0, 0.0, 500.0);
        assertThat(Npy.read(dir.resolve("rates_G_t.npy")).values()).containsExactly(0.0, 1.0, 2.0);
        assertThat(Files.readAllLines(dir.resolve("rates_G.csv")).get(0)).isEqualTo("time_ms,rate_hz");
        assertThat(Npy.read(dir.resolve("rates_N.npy")).values()).hasSize(30).containsOnly(0.0);
    }

    /**
     * Each receptor's variables under the names docs/MODEL-FILES.md gives them: a spike at step 4
     * moves every one of them away from zero by step 8, and a name the receptor lacks lists them.
     */
    @ParameterizedTest
    @CsvSource({"Exponential, r", "ExpCurrent, r", "Alpha, r.g r.h", "DualExpon, r.g r.decay",
        "AMPA, r.g r.transmitter", "GABAa, r.g r.transmitter", "NMDA, r.g r.x"})
    void everyReceptorVariableShouldBeRecordedByItsDocumentedName(final String synapse, final String variables)
    {
        final String[] names = variables.split(" ");
        final StringBuilder text = new StringBuilder("""
            duration: 1 ms
            populations:
              G: {model: SpikeGeneratorGroup, size: 1, parameters: {indices: [0], times: [0.4 ms]}}
              N: {model: LIF, size: 1}
            projections:
              - {source: G, target: N, connectivity: OneToOne, synapse: %s, receptor: r, weight: 1 pA}
            monitors:
              states:
            """.formatted(synapse));
        for (final String n : names)
        {
            text.append("    - {population: N, variable: ").append(n).append(", neurons: all}\n");
        }
        final ModelFile model = ModelLoaderTest.load(text.toString());

        new Simulation(model.network(), 1).run(model.durationMs());

        for (int k = 0; k < names.length; k++)
        {
            final StateMonitor m = model.stateMonitors().get(k);
            assertThat(m.value(4, 0)).as(names[k]).isZero();
            assertThat(m.value(8, 0)).as(names[k]).isNotZero();
        }
        assertThatThrownBy(() -> ModelLoaderTest.load(text.toString().replace("variable: " + names[0] + ",",
            "variable: r.q,")))
            .isInstanceOf(ModelFileException.class)
            .hasMessageEndingWith("known: v, " + String.join(", ", names));
    }
}
