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
import org.myelin.io.ModelFileException;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Lif;
import org.myelin.sim.Simulation;

class NeuroMLImporterTest
{
    static final Path DIR = Path.of("src", "test", "resources", "neuroml");
    static final double DT = 0.1;
    static final String SUPPORTED = "iafCell, iafRefCell, izhikevich2007Cell, adExIaFCell, spikeGeneratorPoisson, "
        + "spikeArray, spikeGenerator, expOneSynapse, expTwoSynapse, alphaSynapse, pulseGenerator, poissonFiringSynapse, "
        + "timedSynapticInput, network";

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

    /** Spike times [ms] of a two-variable neuron with reset, by RK4 at a fine step. */
    interface Field
    {
        /** dv/dt and du/dt for input current i [pA]. */
        double[] rates(double v, double u, double i);
    }

    static java.util.List<Double> referenceSpikes(final Field f, final double v0, final double vPeak,
        final double vReset, final double jump, final double pA, final double until)
    {
        final double h = 0.0005;
        final java.util.List<Double> spikes = new java.util.ArrayList<>();
        double v = v0;
        double u = 0;
        for (long n = 0; n * h < until; n++)
        {
            final double t = n * h;
            final double i = t >= 10 ? pA : 0;
            final double[] k1 = f.rates(v, u, i);
            final double[] k2 = f.rates(v + h / 2 * k1[0], u + h / 2 * k1[1], i);
            final double[] k3 = f.rates(v + h / 2 * k2[0], u + h / 2 * k2[1], i);
            final double[] k4 = f.rates(v + h * k3[0], u + h * k3[1], i);
            v += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            u += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            if (v >= vPeak)
            {
                spikes.add(t + h);
                v = vReset;
                u += jump;
            }
        }
        return spikes;
    }

    /**
     * izhikevich2007Cell (NeuroML's own equations, integrated here by RK4 at 0.5 µs) and adExIaFCell
     * (Brette and Gerstner 2005) give the reference's spike times at dt = 0.1 ms: ten and eleven
     * spikes in 300 ms, each within 0.5 ms (measured at most 0.30 and 0.41 ms; at dt = 0.01 ms all
     * within 0.05 ms).
     */
    @Test
    void izhikevich2007AndAdExCellsSpikeAsAFineStepReferenceOfTheNeuroMlEquations()
    {
        final ModelFile model = load("izhikevich2007.nml", 300);
        new Simulation(model.network(), 1).run(model.durationMs());
        final java.util.List<Double> izh = referenceSpikes(
            (v, u, i) -> new double[] {(0.7 * (v + 60) * (v + 40) - u + i) / 100, 0.03 * (-2 * (v + 60) - u)},
            -60, 35, -50, 100, 200, 300);
        final java.util.List<Double> adex = referenceSpikes(
            (v, w, i) -> new double[] {(-30 * (v + 70.6) + 30 * 2 * Math.exp((Math.min(v, -40.4) + 50.4) / 2) - w + i)
                / 281, (4 * (v + 70.6) - w) / 144}, -70.6, -40.4, -70.6, 80.5, 1000, 300);
        assertThat(izh).hasSizeGreaterThan(3);
        assertThat(adex).hasSizeGreaterThan(3);
        final long[] izhSteps = model.spikeMonitors().get(0).spikeSteps(0);
        final long[] adexSteps = model.spikeMonitors().get(1).spikeSteps(0);
        assertThat(izhSteps).hasSize(izh.size());
        assertThat(adexSteps).hasSize(adex.size());
        for (int k = 0; k < izh.size(); k++)
        {
            assertThat(izhSteps[k] * DT).as("izhikevich2007Cell spike %d", k).isCloseTo(izh.get(k), within(0.5));
        }
        for (int k = 0; k < adex.size(); k++)
        {
            assertThat(adexSteps[k] * DT).as("adExIaFCell spike %d", k).isCloseTo(adex.get(k), within(0.5));
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
        final org.myelin.base.Population post = model.network().population("post");
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

    /**
     * timed_input.nml: the spikes at 2.05 ms and 5.03 ms are emitted at the first steps whose end
     * reaches them (steps 20 and 50 of dt = 0.1 ms), reach the synapse after their step, and the
     * conductance then decays exactly with tau = 2 ms; the inputW of weight 2 doubles it.
     */
    @Test
    void timedSynapticInputShouldDeliverItsSpikesThroughItsSynapseAtTheHandComputedSteps()
    {
        final ModelFile model = load("timed_input.nml", 10);
        final StateMonitor g = model.network().monitorState(model.network().population("cells"), "g_syn",
            new int[] {0, 1}, 1);
        new Simulation(model.network(), 1).run(model.durationMs());

        final double decay = Math.exp(-DT / 2.0);
        for (int s = 0; s < g.sampleCount(); s++)
        {
            final double expected = (s > 20 ? Math.pow(decay, s - 21) : 0) + (s > 50 ? Math.pow(decay, s - 51) : 0);
            assertThat(g.value(s, 0)).as("step %d", s).isCloseTo(expected, within(1e-12));
            assertThat(g.value(s, 1)).as("step %d", s).isCloseTo(2 * expected, within(1e-12));
        }
        assertThat(g.sampleCount()).isEqualTo(100);
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
            Arguments.of("<izhikevich2007Cell id=\"izh\" C=\"100pF\"/><network id=\"n\"><population id=\"p\""
                + " component=\"izh\" size=\"1\"/></network>",
                "3:45: <izhikevich2007Cell id=\"izh\"> needs the attribute a"),
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
