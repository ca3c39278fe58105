package org.myelin.io.neuroml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelFileException;
import org.myelin.io.model.ModelLoader;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Lif;
import org.myelin.sim.Simulation;

class NeuroMLImporterTest
{
    static final Path DIR = Path.of("src", "test", "resources", "neuroml");
    static final double DT = 0.1;
    static final String SUPPORTED = "iafCell, iafRefCell, spikeGeneratorPoisson, expOneSynapse, expTwoSynapse, "
        + "alphaSynapse, pulseGenerator, poissonFiringSynapse, network";

    static ModelFile load(final String name, final double durationMs)
    {
        return NeuroMLImporter.load(DIR.resolve(name), new ModelLoader.Overrides(DT, durationMs, 7L, null));
    }

    @Test
    void iafCellStepResponseMatchesTheClosedForm()
    {
        final ModelFile model = load("iaf_pulse.nml", 200);
        final Lif cells = (Lif) model.network().population("cells");
        assertThat(cells.parameters().tauM()).isCloseTo(20.0, within(1e-12));
        assertThat(cells.parameters().r()).isCloseTo(0.1, within(1e-12));
        new Simulation(model.network(), 1).run(model.durationMs());
        final StateMonitor v = model.stateMonitors().get(0);
        assertThat(v.indices()).containsExactly(0, 1);
        final double tau = 20;
        final double vPlateau = -70 + 150 * 0.1;
        final double atEnd = -70 + 15 * (1 - Math.exp(-100 / tau));
        for (int s = 0; s < v.sampleCount(); s++)
        {
            final double t = v.sampleStep(s) * DT;
            final double expected;
            if (t <= 20 + 1e-9)
            {
                expected = -70;
            }
            else if (t <= 120 + 1e-9)
            {
                expected = vPlateau - (vPlateau + 70) * Math.exp(-(t - 20) / tau);
            }
            else
            {
                expected = -70 + (atEnd + 70) * Math.exp(-(t - 120) / tau);
            }
            assertThat(v.value(s, 1)).as("t = %.1f ms", t).isCloseTo(expected, within(1e-9));
            assertThat(v.value(s, 0)).isEqualTo(-70.0);
        }
    }

    @Test
    void iafRefCellFiresWithThePeriodOfRefractorinessPlusTauLn3()
    {
        final ModelFile model = load("iafref_tonic.nml", 500);
        new Simulation(model.network(), 1).run(model.durationMs());
        final SpikeMonitor spikes = model.spikeMonitors().get(0);
        final long[] steps = spikes.spikeSteps(0);
        // first crossing of -50 mV from -70 mV towards -40 mV: t = tau ln 3, then every tRef + tau ln 3
        final double first = 20 * Math.log(3);
        final double period = 5 + 20 * Math.log(3);
        assertThat(steps.length).isEqualTo((int) Math.floor((500 - first) / period) + 1);
        assertThat(steps[0] * DT).isCloseTo(first, within(DT));
        for (int k = 1; k < steps.length; k++)
        {
            assertThat((steps[k] - steps[k - 1]) * DT).isCloseTo(period, within(DT + 1e-9));
        }
    }

    @Test
    void expOneSynapseConductanceJumpsByGbaseTimesWeightAfterTheDelayThenDecays()
    {
        final ModelFile model = load("synapse.nml", 200);
        final StateMonitor g = model.network().monitorState(model.network().population("post"), "g_ampa",
            new int[] {0}, 1);
        new Simulation(model.network(), 1).run(model.durationMs());
        final long spike = model.spikeMonitors().get(0).spikeSteps(0)[0];
        final long arrival = spike + Math.round(2 / DT);
        // delivered after step 'arrival' is updated: first seen at the start of the next step
        for (int s = 0; s <= arrival; s++)
        {
            assertThat(g.value(s, 0)).isZero();
        }
        final long next = model.spikeMonitors().get(0).spikeSteps(0)[1] + Math.round(2 / DT);
        for (int s = (int) arrival + 1; s <= next; s++)
        {
            final double expected = 0.5 * 2 * Math.exp(-(s - arrival - 1) * DT / 5);
            assertThat(g.value(s, 0)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void expTwoAndAlphaSynapsesPeakAtGbaseAtTheirClosedFormTimes()
    {
        // the presynaptic cell first fires at 20 ln 3 = 21.97 ms; its next spike comes 26.97 ms later
        final ModelFile model = load("two_synapses.nml", 48);
        final org.myelin.neuron.Population post = model.network().population("post");
        final StateMonitor dual = model.network().monitorState(post, "g_dual.g", new int[] {0}, 1);
        final StateMonitor alpha = model.network().monitorState(post, "g_alpha.g", new int[] {1}, 1);
        new Simulation(model.network(), 1).run(model.durationMs());
        final long spike = model.spikeMonitors().get(0).spikeSteps(0)[0];
        assertPeak(dual, spike, 2.0, 8.0 * 1.0 / 7.0 * Math.log(8.0));
        assertPeak(alpha, spike, 0.5, 3.0);
    }

    /** The largest sample is {@code peak} (within the sampling error) about {@code tPeak} after the spike. */
    private static void assertPeak(final StateMonitor g, final long spike, final double peak, final double tPeak)
    {
        int best = 0;
        for (int s = 1; s < g.sampleCount(); s++)
        {
            if (g.value(s, 0) > g.value(best, 0))
            {
                best = s;
            }
        }
        assertThat(g.value(best, 0)).isCloseTo(peak, within(0.002 * peak));
        // delivered after the spike's step, seen from the next one
        assertThat((best - spike - 1) * DT).isCloseTo(tPeak, within(DT));
    }

    @Test
    void poissonFiringSynapseGivesCampbellsMeanConductance()
    {
        final ModelFile model = load("synapse.nml", 4000);
        final StateMonitor g = model.network().monitorState(model.network().population("post"), "g_ampa",
            new int[] {1}, 1);
        new Simulation(model.network(), 1).run(model.durationMs());
        double sum = 0;
        for (int s = 0; s < g.sampleCount(); s++)
        {
            sum += g.value(s, 0);
        }
        // mean of a shot noise: rate * gbase * tau = 200 Hz * 0.5 nS * 5 ms = 0.5 nS; 4 s give ~5 % noise
        assertThat(sum / g.sampleCount()).isCloseTo(0.5, within(0.05));
    }

    @Test
    void spikeGeneratorPoissonFiresAtItsAverageRateAndListedConnectionsAreKept()
    {
        final ModelFile model = load("poisson_sources.nml", 2000);
        assertThat(model.network().projections()).singleElement()
            .satisfies(p -> assertThat(p.connectivity()).isNull());
        new Simulation(model.network(), 1).run(model.durationMs());
        assertThat(model.network().projections().get(0).connectivity().synapseCount()).isEqualTo(3);
        // 200 sources x 2 s x 40 Hz = 16000 spikes, standard deviation ~126
        assertThat(model.spikeMonitors().get(0).meanRateHz(2000)).isCloseTo(40.0, within(2.0));
    }

    static Stream<Arguments> errors()
    {
        return Stream.of(
            Arguments.of("<izhikevich2007Cell id=\"izh\" C=\"100pF\"/>",
                "3:45: <izhikevich2007Cell> is not supported yet: Myelin has no such model in this build; supported "
                    + "here: " + SUPPORTED),
            Arguments.of("<hhCell id=\"hh\"/>", "3:22: unsupported NeuroML element <hhCell>; supported here: "
                + SUPPORTED),
            Arguments.of("<iafCell id=\"bad\" leakReversal=\"-70ms\" thresh=\"-50mV\" reset=\"-70mV\" C=\"1nF\" "
                + "leakConductance=\"10nS\"/><network id=\"n\"><population id=\"p\" component=\"bad\" size=\"1\"/>"
                + "</network>",
                "3:105: iafCell id=\"bad\": leakReversal must be a voltage (e.g. -65 mV), got '-70ms' (a time)"),
            Arguments.of("<iafCell id=\"c\" leakReversal=\"-70mV\" thresh=\"-50mV\" reset=\"-70mV\" C=\"1nF\"/>"
                + "<network id=\"n\"><population id=\"p\" component=\"c\" size=\"1\"/></network>",
                "3:80: <iafCell id=\"c\"> needs the attribute leakConductance"),
            Arguments.of("<network id=\"n\"><population id=\"p\" component=\"nothing\" size=\"1\"/></network>",
                "3:70: undefined component 'nothing'; defined: []"),
            Arguments.of("<pulseGenerator id=\"pg\" delay=\"0ms\" duration=\"1ms\" amplitude=\"1pA\"/>"
                + "<network id=\"n\"><explicitInput target=\"q[0]\" input=\"pg\"/></network>",
                "3:130: undefined population 'q'; defined: []"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    // the column is where the element's start tag ends (what SAX reports)
    void badFilesNameTheElementAndItsPlace(final String body, final String message, @TempDir final Path dir)
        throws IOException
    {
        final Path file = dir.resolve("bad.nml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\">\n"
            + "    " + body + "\n</neuroml>\n");
        assertThatThrownBy(() -> NeuroMLImporter.load(file, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class).hasMessage(file + ":" + message);
    }
}
