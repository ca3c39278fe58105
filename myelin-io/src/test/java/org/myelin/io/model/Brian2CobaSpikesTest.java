package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.io.Npy;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Simulation;

/**
 * COBA (Vogels &amp; Abbott 2005, Brian2's benchmark equations) with 500 neurons and 80 inputs per
 * neuron, run for 200 ms in Brian2 2.5.1 with {@code method='euler'} and
 * {@code 'exponential_euler'} and exported with its synapses, initial potentials and spikes by
 * {@code myelin-bench/scripts/coba-brian2-export.py export DIR METHOD 0.2 42 500}. The network is
 * chaotic: one spike out of place changes every later one, so equal spike lists mean that Myelin
 * performs Brian2's arithmetic step for step.
 */
class Brian2CobaSpikesTest
{
    @TempDir
    Path dir;

    private static Path fixture(final String name)
    {
        try
        {
            return Path.of(Brian2CobaSpikesTest.class.getResource("/brian2-coba/" + name).toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** "step neuron" of every spike, sorted. */
    private static List<String> spikes(final long[] steps, final double[] neurons)
    {
        final List<String> out = new ArrayList<>();
        for (int k = 0; k < steps.length; k++)
        {
            out.add(String.format("%06d %03d", steps[k], (long) neurons[k]));
        }
        Collections.sort(out);
        return out;
    }

    private static List<String> brian2(final String method) throws IOException
    {
        final double[] steps = Npy.read(fixture(method + "_brian2_spikes_step.npy")).values();
        final long[] whole = new long[steps.length];
        for (int k = 0; k < steps.length; k++)
        {
            whole[k] = (long) steps[k];
        }
        return spikes(whole, Npy.read(fixture(method + "_brian2_spikes_neuron.npy")).values());
    }

    private static List<String> myelin(final ModelFile model)
    {
        new Simulation(model.network(), 1).run(model.durationMs());
        final List<Long> steps = new ArrayList<>();
        final List<Double> neurons = new ArrayList<>();
        int first = 0;
        for (final SpikeMonitor m : model.spikeMonitors())
        {
            for (int k = 0; k < m.size(); k++)
            {
                steps.add(m.steps()[k]);
                neurons.add((double) (first + m.neurons()[k]));
            }
            first += m.population().size();
        }
        return spikes(steps.stream().mapToLong(Long::longValue).toArray(),
            neurons.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * {@code euler}: forward Euler for v and for the synapses ({@code g + (−dt/τ)·g}), Myelin's
     * {@code integrator: euler} for both; {@code exponential_euler}: exact synapse decay and the
     * exponential Euler step of v with the conductances held, Myelin's {@code exact} for both.
     */
    @ParameterizedTest
    @ValueSource(strings = {"euler", "exponential_euler"})
    void brian2sNetworkShouldGiveBrian2sSpikesOneForOne(final String method) throws IOException
    {
        final List<String> expected = brian2(method);

        assertThat(expected).hasSizeGreaterThan(1500);
        assertThat(myelin(ModelLoader.load(fixture(method + ".yaml")))).containsExactlyElementsOf(expected);
    }

    /** With Euler neurons but exactly decaying synapses the spikes part from Brian2's within a few steps. */
    @Test
    void exactSynapsesShouldNotGiveBrian2sEulerSpikes() throws IOException
    {
        final String text = Files.readString(fixture("euler.yaml"))
            .replace("ms, integrator: euler}", "ms, integrator: exact}")
            .replaceAll("file: ([A-Za-z0-9_-]+\\.np[yz])", "file: " + fixture("v0_E.npy").getParent() + "/$1");
        final Path file = dir.resolve("exact-synapses.yaml");
        Files.writeString(file, text);
        assertThat(text).contains("tau: 5 ms, integrator: exact}");

        final List<String> expected = brian2("euler");
        final List<String> actual = myelin(ModelLoader.load(file));
        final List<String> shared = new ArrayList<>(actual);
        shared.retainAll(expected);

        assertThat(shared.size()).isLessThan(expected.size() / 4);
        assertThat(actual.getFirst()).isEqualTo(expected.getFirst());
    }
}
