package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.io.ModelFileException;
import org.myelin.io.YamlNode;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.AdEx;
import org.myelin.neuron.HeterogeneousLif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Izhikevich;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.NeuronModels;
import org.myelin.sim.Simulation;
import org.myelin.units.Dimension;

/** The models of {@link NeuronModels} in model files: parameters, units, presets, per-neuron values. */
class NeuronModelFilesTest
{
    private static final String ONE = """
        duration: 50 ms
        populations:
          N:
            model: %s
            size: 3
            parameters: {%s}
        inputs:
          - {model: StepCurrent, target: N, amplitude: %s, start: 5 ms}
        """;

    static ModelFile load(final String text)
    {
        return new ModelLoader(Catalog.standard()).load("m.yaml", "m", text);
    }

    static Stream<Arguments> models()
    {
        return NeuronModels.names().stream().filter(k -> !"lif".equals(k)).map(k -> NeuronModels.get(k))
            .map(m -> Arguments.of(m.kind(), "HH".equals(m.kind()) ? "20 pA" : "IF".equals(m.kind()) ? "300 pA"
                : "2 nA"));
    }

    /** Each catalogue model is a file type under its own name; a strong step current makes it spike. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyCatalogueModelRunsFromAFileAndSpikesUnderAStrongCurrent(final String kind, final String current)
    {
        final ModelFile model = load(ONE.formatted(kind, "", current));
        assertThat(model.network().population("N").kind()).isEqualTo(kind);
        new Simulation(model.network(), 1).run(50);
        final SpikeMonitor spikes = model.spikeMonitors().get(0);
        assertThat(spikes.size()).isPositive();
        assertThat(spikes.step(0)).isGreaterThanOrEqualTo(50);
    }

    @Test
    void parametersAreReadInAnyUnitOfTheirDimensionIntoTheModelsOwnUnit()
    {
        final ModelFile model = load(ONE.formatted("Izhikevich", "a: 20 Hz, c: -0.06 V, d: 8 mV/ms, cM: 0.001 nF",
            "10 pA"));
        final Izhikevich.Parameters p = ((Izhikevich) model.network().population("N")).parameters();
        assertThat(p.a()).isCloseTo(0.02, within(1e-12));
        assertThat(p.c()).isCloseTo(-60.0, within(1e-12));
        assertThat(p.cM()).isCloseTo(1.0, within(1e-12));
        final AdEx.Parameters adex = ((AdEx) load(ONE.formatted("AdEx", "tauW: 0.1 s, a: 2 nS, integrator: rk4",
            "1 nA")).network().population("N")).parameters();
        assertThat(adex.tauW()).isCloseTo(100.0, within(1e-12));
        assertThat(adex.integrator()).isEqualTo(Integrator.RK4);
        final org.myelin.neuron.HodgkinHuxley.Parameters hh = ((org.myelin.neuron.HodgkinHuxley) load(ONE.formatted(
            "HH", "gNa: 0.1 S/cm^2, area: 0.01 mm^2", "1 nA")).network().population("N")).parameters();
        assertThat(hh.gNa()).isCloseTo(100.0, within(1e-9));
        assertThat(hh.area()).isCloseTo(10_000.0, within(1e-6));
    }

    @Test
    void aPresetGivesItsParametersAndTheGivenOnesOverrideIt()
    {
        final Izhikevich.Parameters p = ((Izhikevich) load(ONE.formatted("Izhikevich", "preset: bursting, d: 3 mV/ms",
            "10 pA")).network().population("N")).parameters();
        assertThat(p.c()).isEqualTo(-55.0);
        assertThat(p.d()).isEqualTo(3.0);
        assertThat(p.a()).isEqualTo(0.02);
    }

    @Test
    void parametersPerNeuronComeFromADistributionOrAnExpressionOfOneSharedDrawPerNeuron()
    {
        final YamlNode node = YamlNode.parse("m.yaml", """
            c: {expression: "-65 + 15*r^2", unit: mV}
            d: {expression: "8 - 6*r^2", unit: mV/ms}
            a: {uniform: [0.02 /ms, 0.1 /ms]}
            b: {expression: "0.2 + i/1000", unit: 1/ms}
            """);
        final List<Param> params = List.of(Param.perNeuron("a", Dimension.FREQUENCY, 20.0),
            Param.perNeuron("b", Dimension.FREQUENCY, 200.0), Param.perNeuron("c", Dimension.VOLTAGE, -65.0),
            Param.perNeuron("d", Dimension.VOLTAGE.divide(Dimension.TIME), 8.0));
        final Map<String, double[]> v = ParamValues.read("Izhikevich", params, node, node, Set.of())
            .sample(500, 42, 7).sampled();
        for (int k = 0; k < 500; k++)
        {
            final double r2 = (v.get("c")[k] + 65.0) / 15.0;
            assertThat(r2).isBetween(0.0, 1.0);
            assertThat(v.get("d")[k]).isCloseTo(8.0 - 6.0 * r2, within(1e-9));
            assertThat(v.get("a")[k]).isBetween(20.0, 100.0);
            assertThat(v.get("b")[k]).isCloseTo(200.0 + k, within(1e-9));
        }
        assertThat(java.util.Arrays.stream(v.get("c")).distinct().count()).isEqualTo(500);
    }

    @Test
    void perNeuronParametersReachTheModelAndAreValidatedPerNeuron()
    {
        final ModelFile model = load(ONE.formatted("Izhikevich", "c: {uniform: [-65 mV, -50 mV]}", "10 pA"));
        new Simulation(model.network(), 1).run(10);
        assertThatThrownBy(() -> load(ONE.formatted("Izhikevich", "c: {expression: \"20 + 20*i\", unit: mV}",
            "10 pA"))).isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:6:21: Izhikevich: c must be < vPeak, got c=40 mV, vPeak=30 mV (neuron 1)");
    }

    @Test
    void lifTakesParametersPerNeuronThroughTheGeneralPathAndScalarsThroughTheVectorisedOne()
    {
        final String perNeuron = ONE.formatted("LIF", "vTh: {expression: \"-50 - i\", unit: mV}, tauM: 10 ms,"
            + " integrator: euler", "20 pA").replace("    parameters:", "    initial: {v: -58 mV}\n    parameters:");
        final ModelFile model = load(perNeuron);
        final NeuronGroup group = (NeuronGroup) model.network().population("N");
        assertThat(group).isInstanceOf(HeterogeneousLif.class);
        assertThat(group.kind()).isEqualTo("LIF");
        assertThat(((HeterogeneousLif) group).integrator()).isEqualTo(Integrator.EULER);
        assertThat(((HeterogeneousLif) group).parameters().tauM()).isEqualTo(10.0);
        new Simulation(model.network(), 1).run(0.1);
        assertThat(group.state("v")[2]).isCloseTo(-58.0 + 0.1 / 10.0 * (-60.0 + 58.0), within(1e-12));
        assertThat(load(ONE.formatted("LIF", "vTh: -52 mV", "20 pA")).network().population("N"))
            .isInstanceOf(Lif.class);
        assertThatThrownBy(() -> load(ONE.formatted("LIF", "vReset: {expression: \"-70 + 10*i\", unit: mV}",
            "20 pA"))).isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:6:26: LIF: vReset must be < vTh, got vReset=-50 mV, vTh=-50 mV (neuron 2)");
    }

    @Test
    void initialVOfACatalogueModelComesFromTheFile()
    {
        final ModelFile model = load(ONE.formatted("AdEx", "", "0 pA").replace("    parameters: {}",
            "    parameters: {}\n    initial: {v: {uniform: [-80 mV, -75 mV]}}"));
        final NeuronGroup group = (NeuronGroup) model.network().population("N");
        new Simulation(model.network(), 1).run(0.1);
        for (final double v : group.state("v"))
        {
            assertThat(v).isBetween(-80.0, -74.0);
        }
        assertThat(group.state("v")[0]).isNotEqualTo(group.state("v")[1]);
        assertThatThrownBy(() -> load(ONE.formatted("AdEx", "", "0 pA").replace("    parameters: {}",
            "    parameters: {}\n    initial: {u: 1 pA}"))).isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:7:15: AdEx 'N': no state variable 'u' to initialise; did you mean 'v'? known: v, w");
    }

    @Test
    void projectionsTakeWeightsPerSynapseThatScaleTheirWeight()
    {
        final ModelFile model = load(ModelLoaderTest.BASE.replace("p: 0.5}", "p: 1}\n    weights: {uniform: [0, 0.5]}"));
        final var projection = model.network().projections().get(0);
        final var c = (org.myelin.connect.CsrConnectivity) projection.build(42);
        assertThat(c.synapseCount()).isEqualTo(50);
        double sum = 0;
        for (int k = 0; k < 50; k++)
        {
            assertThat(c.weight(k)).isBetween(0.0, 0.5);
            sum += c.weight(k);
        }
        assertThat(sum / 50).isBetween(0.15, 0.35);
        final var constant = (org.myelin.connect.CsrConnectivity) load(ModelLoaderTest.BASE.replace("p: 0.5}",
            "p: 1}\n    weights: 0.25")).network().projections().get(0).build(42);
        assertThat(constant.weight(7)).isEqualTo(0.25);
    }

    static Stream<Arguments> errors()
    {
        return Stream.of(
            Arguments.of(ONE.formatted("AdEx", "tauw: 100 ms", "1 nA"),
                "m.yaml:6:18: AdEx: unknown parameter 'tauw'; did you mean 'tauW'? known: cM, gL, eL, vT, deltaT,"
                    + " vPeak, vReset, tauW, a, b, tRef, iExt, integrator"),
            Arguments.of(ONE.formatted("Izhikevic", "", "1 nA"),
                "m.yaml:4:12: unknown neuron model 'Izhikevic'; did you mean 'Izhikevich'? known: LIF, IF, ALIF, ExpIF,"
                    + " AdEx, QuaIF, AdQuaIF, GIF, Izhikevich, HH, TraubMiles, PoissonGroup, SinusoidalPoissonGroup,"
                    + " SpikeGeneratorGroup"
                    + SimulatorNamesTest.NEURON_ALIASES),
            Arguments.of(ONE.formatted("Izhikevich", "c: 5 ms", "1 nA"),
                "m.yaml:6:21: Izhikevich: c must be a voltage (e.g. -65 mV), got '5 ms' (a time)"),
            Arguments.of(ONE.formatted("Izhikevich", "preset: burst", "1 nA"),
                "m.yaml:6:26: Izhikevich: preset must be one of [none, regular_spiking, fast_spiking, bursting,"
                    + " chattering], got 'burst'"),
            Arguments.of(ONE.formatted("Izhikevich", "c: {expression: \"-65 + 15*q\", unit: mV}", "1 nA"),
                "m.yaml:6:34: Izhikevich: c: expression '-65 + 15*q': unknown name 'q' at position 10; variables:"
                    + " [r, i], functions: sin cos exp log sqrt abs, constant pi"),
            Arguments.of(ONE.formatted("Izhikevich", "c: {expression: \"-65\"}", "1 nA"),
                "m.yaml:6:21: Izhikevich: c: an expression needs a unit of voltage, e.g. unit: mV"),
            Arguments.of(ONE.formatted("Izhikevich", "c: {expression: \"-65\", unit: ms}", "1 nA"),
                "m.yaml:6:47: Izhikevich: c must be a voltage (e.g. -65 mV), got '1 ms' (a time)"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void mistakesGiveTheFileLineColumnAndTheRule(final String text, final String message)
    {
        assertThatThrownBy(() -> load(text)).isInstanceOf(ModelFileException.class).hasMessage(message);
    }

    /**
     * LIF by every integrator from a model file: with a constant current, dv/dt = (v∞ − v)/τm is
     * linear, so each method multiplies v − v∞ by one factor per step, h = dt/τm: e^{−h} for exact
     * and exponential Euler, 1 − h for Euler, 1 − h + h²/2 for RK2 and
     * 1 − h + h²/2 − h³/6 + h⁴/24 for RK4. v∞ = vRest + R·iExt = −30 mV, below vTh = 0 mV.
     */
    @ParameterizedTest
    @CsvSource({"exact, Lif", "exponential_euler, HeterogeneousLif", "euler, Lif", "rk2, HeterogeneousLif",
        "rk4, HeterogeneousLif"})
    void lifShouldStepByEveryIntegratorAsItsRecurrenceSays(final String integrator, final String kind)
    {
        final ModelFile model = ModelLoaderTest.load("""
            duration: 20 ms
            populations:
              E: {model: LIF, size: 1, parameters: {vRest: -60 mV, vTh: 0 mV, tauM: 20 ms, iExt: 30 pA,
                  integrator: %s}}
            monitors:
              states: [{population: E, variable: v, neurons: all}]
            """.formatted(integrator));
        assertThat(model.network().population("E").getClass().getSimpleName()).isEqualTo(kind);
        final StateMonitor v = model.stateMonitors().getFirst();
        new Simulation(model.network(), 1).run(model.durationMs());

        final double h = 0.1 / 20;
        final double factor = switch (integrator)
        {
            case "euler" -> 1 - h;
            case "rk2" -> 1 - h + h * h / 2;
            case "rk4" -> 1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24;
            default -> Math.exp(-h);
        };
        double expected = -60;
        // sample s: v after s steps
        for (int s = 0; s < v.sampleCount(); s++)
        {
            assertThat(v.value(s, 0)).as("step %d", s).isCloseTo(expected, within(1e-9));
            expected = -30 + (expected + 30) * factor;
        }
        assertThat(v.sampleCount()).isEqualTo(200);
    }
}
