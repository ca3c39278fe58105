package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Npy;
import org.myelin.projection.PlasticProjection;
import org.myelin.sim.Simulation;

/**
 * {@code examples/stdp-song2000.yaml} against Brian2 step for step: given the input spikes and
 * initial weights of a 1 s Brian2 2.5.1 run of {@code examples/synapses/STDP.py} (written by
 * {@code myelin-bench/scripts/stdp_song2000_brian2.py cpp 1 DIR 2000}; fixtures in
 * {@code src/test/resources/song2000}), the example fires at Brian2's steps and ends with Brian2's
 * weights up to float rounding: Myelin keeps weights in {@code float}, Brian2 in {@code double}.
 */
class Song2000ReferenceTest
{
    @TempDir
    Path dir;

    private static Path fixture(final String name) throws URISyntaxException
    {
        return Path.of(Song2000ReferenceTest.class.getResource("/song2000/" + name).toURI());
    }

    @Test
    void theExampleShouldFireAtBrian2sStepsAndLearnBrian2sWeights() throws IOException, URISyntaxException
    {
        final String example = Files.readString(ExampleFilesTest.EXAMPLES.resolve("stdp-song2000.yaml"));
        final String replayed = replace(replace(replace(replace(replace(example,
            "duration: 100 s", "duration: 1 s"),
            "model: PoissonGroup\n    size: 1000\n    parameters: {rate: 15 Hz}",
            "model: SpikeGeneratorGroup\n    size: 1000\n    parameters: {file: " + fixture("input.npz") + "}"),
            "connectivity: AllToAll", "connectivity: {model: Explicit, file: " + fixture("synapses.npz") + "}"),
            "weight: {uniform: [0 nS, 0.01 nS]}", "weight: 1 nS"),
            "    - {projection: S, at: [10 s, 50 s]}\n", "");
        final Path file = dir.resolve("song-replay.yaml");
        Files.writeString(file, replayed);
        final ModelFile model = ModelLoader.load(file);
        new Simulation(model.network(), 1).run(model.durationMs());

        final double[] brianSteps = Npy.read(fixture("brian2_post_step.npy")).values();
        final long[] steps = model.spikeMonitors().getFirst().steps();
        assertThat(steps).hasSize(brianSteps.length);
        for (int k = 0; k < steps.length; k++)
        {
            assertThat((double) steps[k]).as("spike %d", k).isEqualTo(brianSteps[k]);
        }

        final double[] brianW = Npy.read(fixture("brian2_w.npy")).values();
        final float[] w = model.network().deliveries(PlasticProjection.class).getFirst().weights().w();
        assertThat(w).hasSize(brianW.length);
        int atBounds = 0;
        double worstUlps = 0;
        for (int k = 0; k < w.length; k++)
        {
            // in units of float's spacing at gmax (9.3e-10): ~80 float updates per synapse round; 6.5 at most here
            worstUlps = Math.max(worstUlps, Math.abs(w[k] - brianW[k]) / Math.ulp(0.01f));
            atBounds += brianW[k] == 0 || brianW[k] == 0.01 ? 1 : 0;
        }
        assertThat(worstUlps).isLessThanOrEqualTo(8);
        // a second of learning reaches the bounds for some synapses: the clipping is compared too
        assertThat(atBounds).isPositive();
    }

    private static String replace(final String text, final String from, final String to)
    {
        assertThat(text).as("the example still contains %s", from).contains(from);
        return text.replace(from, to);
    }
}
