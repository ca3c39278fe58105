package org.myelin.io.neuroml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.ModelFileException;
import org.myelin.io.load.Models;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.sim.Simulation;

/**
 * The jLEMS semantics against an independent replay of what jLEMS 0.11 does for the components
 * of {@code LEMS_jlems.xml}, written here from NeuroML's definitions and jLEMS's loop (in SI
 * units, its order of updates, its accumulated clock, its event queue): the spike lines of the
 * event file must be the same, time stamp for time stamp.
 */
class JlemsSemanticsTest
{
    private static final Path SOURCES = Path.of("src", "test", "resources", "neuroml", "lems");

    @TempDir
    Path dir;

    private Path lems;

    @BeforeEach
    void copy() throws IOException
    {
        lems = dir.resolve("LEMS_jlems.xml");
        Files.writeString(lems, Files.readString(SOURCES.resolve("LEMS_jlems.xml")).replace("@DIR@", dir.toString()));
    }

    /**
     * jLEMS's run of the file's network: for k = 1 … round(length/dt): due delayed events, then
     * the populations in order (the spike array; cell 0 with its pulse; cell 1 with its two
     * synapses, each synapse's current from its state before its Euler step), each cell's v by
     * forward Euler in the integrating regime, a spike at v > thresh entering the refractory
     * regime (v = reset, lastSpikeTime = t), which it leaves at the first step with
     * t > lastSpikeTime + refract. Returns the lines of the TIME_ID event file.
     */
    private static List<String> jlems()
    {
        final double dt = (0.025 + 0.0) * 1.0 * Math.pow(10, -3);
        final long steps = Math.round((60 + 0.0) * 1.0 * Math.pow(10, -3) / dt);
        final double c = 0.2 * Math.pow(10, -9);
        final double gL = 0.01 * Math.pow(10, -6);
        final double eL = -70 * Math.pow(10, -3);
        final double thresh = -50 * Math.pow(10, -3);
        final double reset = -70 * Math.pow(10, -3);
        final double refract = 5 * Math.pow(10, -3);
        final double[] spikeTimes = {5 * Math.pow(10, -3), 12.5 * Math.pow(10, -3), 20.0125 * Math.pow(10, -3),
            40 * Math.pow(10, -3)};
        final boolean[] spiked = new boolean[spikeTimes.length];
        final double delay = 2 * Math.pow(10, -3);
        final double duration = 50 * Math.pow(10, -3);
        final double amplitude = 0.3 * Math.pow(10, -9);
        final double fastG = 50 * Math.pow(10, -9);
        final double fastTau = 2 * Math.pow(10, -3);
        final double slowG = 20 * Math.pow(10, -9);
        final double tauRise = 0.5 * Math.pow(10, -3);
        final double tauDecay = 4 * Math.pow(10, -3);
        final double peak = Math.log(tauDecay / tauRise) * (tauRise * tauDecay) / (tauDecay - tauRise);
        final double waveform = 1 / (-Math.exp(-peak / tauRise) + Math.exp(-peak / tauDecay));
        final double connectionDelay = 1 * Math.pow(10, -3);
        final double[] v = {eL, eL};
        final boolean[] refractory = new boolean[2];
        final double[] lastSpike = new double[2];
        double g = 0;
        double a = 0;
        double b = 0;
        final List<Double> pending = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        double t = 0;
        for (long k = 0; k <= steps; k++)
        {
            if (k > 0)
            {
                while (!pending.isEmpty() && pending.get(0) <= t)
                {
                    pending.remove(0);
                    a += waveform;
                    b += waveform;
                }
                final List<String> events = new ArrayList<>();
                for (int s = 0; s < spikeTimes.length; s++)
                {
                    if (t >= spikeTimes[s] && !spiked[s])
                    {
                        spiked[s] = true;
                        events.add("2");
                        g += fastG;
                    }
                }
                // cell 0: its pulse, then itself
                final double pulse = t >= delay && t < duration + delay ? amplitude : 0;
                if (refractory[0])
                {
                    refractory[0] = !(t > lastSpike[0] + refract);
                }
                else
                {
                    v[0] = v[0] + dt * ((gL * (eL - v[0]) + pulse) / c);
                    if (v[0] > thresh)
                    {
                        events.add("0");
                        pending.add(t + connectionDelay);
                        refractory[0] = true;
                        lastSpike[0] = t;
                        v[0] = reset;
                    }
                }
                // cell 1: its synapses (currents from their states before the step), then itself
                final double iFast = g * (0 - v[1]);
                g = g + dt * (-g / fastTau);
                final double iSlow = slowG * (b - a) * (0 - v[1]);
                a = a + dt * (-a / tauRise);
                b = b + dt * (-b / tauDecay);
                if (refractory[1])
                {
                    refractory[1] = !(t > lastSpike[1] + refract);
                }
                else
                {
                    v[1] = v[1] + dt * ((gL * (eL - v[1]) + iFast + iSlow) / c);
                    if (v[1] > thresh)
                    {
                        events.add("1");
                        refractory[1] = true;
                        lastSpike[1] = t;
                        v[1] = reset;
                    }
                }
                // the file lists a step's events in the order they were emitted: source, cell 0, cell 1
                for (final String id : events)
                {
                    lines.add((float) t + "\t" + id);
                }
            }
            t += dt;
        }
        return lines;
    }

    @Test
    void theJlemsSemanticsShouldGiveJlemsSpikesStampForStamp() throws IOException
    {
        final ModelFile model = LemsSimulation.load(lems, ModelLoader.Overrides.NONE, true);

        new Simulation(model.network(), 2).run(model.durationMs());
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }

        final List<String> expected = jlems();
        assertThat(expected).hasSizeGreaterThan(8);
        assertThat(Files.readAllLines(dir.resolve("jlems.spikes"))).containsExactlyElementsOf(expected);
        assertThat(model.notes().get(0)).endsWith("network 'net', jLEMS semantics");
    }

    @Test
    void myelinsOwnSemanticsShouldDifferWhereJlemsIsLessAccurate() throws IOException
    {
        final ModelFile model = Models.load(lems, ModelLoader.Overrides.NONE);
        new Simulation(model.network(), 1).run(model.durationMs());
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }

        // exact integration and Myelin's refractory count (200 steps, jLEMS's 201 or 202) move the spikes
        assertThat(Files.readAllLines(dir.resolve("jlems.spikes"))).isNotEqualTo(jlems());
    }

    @Test
    void whatJlemsSemanticsCannotReproduceShouldBeOneLocatedError() throws IOException
    {
        final String text = Files.readString(lems);
        Files.writeString(lems, text.replace("weight=\"1\" delay=\"1ms\"", "weight=\"1\" delay=\"0ms\""));

        assertThatThrownBy(() -> LemsSimulation.load(lems, ModelLoader.Overrides.NONE, true))
            .isInstanceOf(ModelFileException.class)
            .hasMessageContaining("jLEMS semantics: a spike of cells[0] reaches cells[1] in the step it is emitted")
            .hasMessageEndingWith("give the connection a delay of at least one step (connectionWD delay=...)");
        Files.writeString(lems, text.replace("time=\"5ms\"", "time=\"0.01ms\""));
        assertThatThrownBy(() -> LemsSimulation.load(lems, ModelLoader.Overrides.NONE, true))
            .isInstanceOf(ModelFileException.class)
            .hasMessageContaining("jLEMS semantics: <spikeArray id=\"train\"> spikes in jLEMS's first step");
    }
}
