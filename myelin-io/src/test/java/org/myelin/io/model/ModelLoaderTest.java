package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.input.PoissonGroup;
import org.myelin.io.ModelFileException;
import org.myelin.io.Suggestions;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Coba;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;

class ModelLoaderTest
{
    static final String BASE = """
        duration: 10 ms
        populations:
          E:
            model: LIF
            size: 10
            parameters: {tauM: 20 ms}
          P:
            model: PoissonGroup
            size: 5
            parameters: {rate: 10 Hz}
        projections:
          - source: P
            target: E
            connectivity: {model: FixedProbability, p: 0.5}
            synapse: {model: Exponential, tau: 5 ms}
            output: {model: COBA, eRev: 0 mV}
            weight: 1 nS
        """;

    static ModelFile load(final String text)
    {
        return new ModelLoader(Catalog.standard()).load("m.yaml", "m", text);
    }

    @Test
    void readsQuantitiesWithUnitsIntoCanonicalUnits()
    {
        final ModelFile model = load(BASE.replace("tauM: 20 ms", "tauM: 0.025 s, vTh: -0.045 V, tRef: 2000 us"));
        final Lif.Parameters p = ((Lif) model.network().population("E")).parameters();
        assertThat(p.tauM()).isEqualTo(25.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.vTh()).isEqualTo(-45.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.tRef()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void buildsPopulationsProjectionsAndDefaultSpikeMonitors()
    {
        final ModelFile model = load(BASE.replace("tauM: 20 ms", "tauM: 25 ms, vTh: -45 mV"));
        final Lif e = (Lif) model.network().population("E");
        assertThat(e.parameters().tauM()).isEqualTo(25.0);
        assertThat(e.parameters().vTh()).isEqualTo(-45.0);
        assertThat(e.parameters().vRest()).isEqualTo(Lif.Parameters.defaults().vRest());
        assertThat(((PoissonGroup) model.network().population("P")).rateHz()).isEqualTo(10.0);
        assertThat(model.network().projections()).singleElement().satisfies(p ->
        {
            assertThat(p.name()).isEqualTo("P->E");
            assertThat(p.weight()).isEqualTo(1.0);
            assertThat(p.receptor().model()).isEqualTo(new Exponential(5));
            assertThat(p.receptor().output()).isEqualTo(new Coba(0));
        });
        assertThat(model.spikeMonitors()).hasSize(2);
        assertThat(model.durationMs()).isEqualTo(10.0);
        assertThat(model.network().dt()).isEqualTo(0.1);
        assertThat(model.network().seed()).isEqualTo(42);
        assertThat(model.threads()).isNull();
        assertThat(model.estimate().synapses()).isEqualTo(25.0);
    }

    @Test
    void initialValuesAreConstantsOrSeededDistributions()
    {
        final ModelFile model = load(BASE.replace("parameters: {tauM: 20 ms}",
            "parameters: {tauM: 20 ms}\n    initial: {v: {uniform: [-60 mV, -50 mV]}}")
            + "monitors:\n  states:\n    - {population: E, variable: v, neurons: all}\n");
        new Simulation(model.network(), 1).runSteps(1, null);
        final double[] v0 = new double[10];
        for (int k = 0; k < 10; k++)
        {
            v0[k] = model.stateMonitors().get(0).value(0, k);
        }
        assertThat(java.util.Arrays.stream(v0).min().orElseThrow()).isGreaterThanOrEqualTo(-60.0);
        assertThat(java.util.Arrays.stream(v0).max().orElseThrow()).isLessThan(-50.0);
        assertThat(java.util.Arrays.stream(v0).distinct().count()).isEqualTo(10);

        final ModelFile constant = load(BASE.replace("parameters: {tauM: 20 ms}",
            "parameters: {tauM: 20 ms}\n    initial: {v: -0.055 V}")
            + "monitors:\n  states:\n    - {population: E, variable: v, neurons: [3], every: 0.2 ms}\n");
        new Simulation(constant.network(), 1).runSteps(1, null);
        assertThat(constant.stateMonitors().get(0).value(0, 0)).isEqualTo(-55.0);
    }

    @Test
    void yamlAnchorsAndMergeKeysReuseParameters()
    {
        final ModelFile model = load("""
            duration: 1 ms
            populations:
              A: &lif {model: LIF, size: 3, parameters: {tauM: 10 ms}}
              B:
                <<: *lif
                size: 4
            """);
        assertThat(model.network().population("B").size()).isEqualTo(4);
        assertThat(((Lif) model.network().population("B")).parameters().tauM()).isEqualTo(10.0);
    }

    @Test
    void plasticityAttachesAShortTermStateToTheProjection()
    {
        final ModelFile model = load(BASE.replace("weight: 1 nS",
            "weight: 1 nS\n    plasticity: {model: STP, U: 0.5, tauF: 50 ms, tauD: 100 ms, order: neuroml}"));
        assertThat(model.network().projections().get(0).presynaptic()).isInstanceOfSatisfying(
            org.myelin.plasticity.ShortTermPlasticity.class, stp ->
            {
                assertThat(stp.bigU()).isEqualTo(0.5);
                assertThat(stp.tauF()).isEqualTo(50.0);
                assertThat(stp.tauD()).isEqualTo(100.0);
                assertThat(stp.order()).isEqualTo(org.myelin.plasticity.ShortTermPlasticity.EventOrder.NEUROML);
            });
        new Simulation(model.network(), 1).run(model.durationMs());
        final ModelFile nest = load(BASE.replace("weight: 1 nS",
            "weight: 1 nS\n    plasticity: {model: STP, U: 0.5, tauF: 50 ms, tauD: 100 ms, order: nest}"));
        assertThat(((org.myelin.plasticity.ShortTermPlasticity) nest.network().projections().get(0).presynaptic())
            .order()).isEqualTo(org.myelin.plasticity.ShortTermPlasticity.EventOrder.NEST);
    }

    @Test
    void kineticSynapsesTakeRatesWithUnits()
    {
        final ModelFile model = load(BASE.replace("synapse: {model: Exponential, tau: 5 ms}",
            "synapse: {model: GABAa, alpha: 0.6 /mM/ms, beta: 0.2 /ms, T: 1 mM, tDur: 1 ms}"));
        assertThat(model.network().projections().get(0).receptor().model()).isEqualTo(
            new org.myelin.synapse.TwoStateKinetic(org.myelin.synapse.TwoStateKinetic.Kind.GABA_A, 0.6, 0.2, 1, 1, 1));
        final ModelFile nmda = load(BASE.replace("synapse: {model: Exponential, tau: 5 ms}",
            "synapse: {model: NMDA, a: 0.5 /ms}").replace("output: {model: COBA, eRev: 0 mV}", "output: MgBlock"));
        assertThat(nmda.network().projections().get(0).receptor().model()).isEqualTo(new org.myelin.synapse.Nmda());
        assertThat(nmda.network().projections().get(0).receptor().output()).isEqualTo(new org.myelin.output.MgBlock());
    }

    @Test
    void deltaSynapsesTakeVoltageWeightsAndDefaultToCuba()
    {
        final ModelFile model = load(BASE.replace("synapse: {model: Exponential, tau: 5 ms}", "synapse: Delta")
            .replace("    output: {model: COBA, eRev: 0 mV}\n", "").replace("weight: 1 nS", "weight: 0.2 mV"));
        assertThat(model.network().projections().get(0).weight()).isEqualTo(0.2);
        assertThat(((NeuronGroup) model.network().population("E")).receptors()).hasSize(1);
    }

    static Stream<Arguments> errors()
    {
        return Stream.of(
            Arguments.of(BASE.replace("model: LIF", "model: LFI"),
                "m.yaml:4:12: unknown neuron model 'LFI'; did you mean 'LIF'? known: LIF, IF, ALIF, ExpIF, AdEx,"
                + " QuaIF, AdQuaIF, GIF, Izhikevich, HH, TraubMiles, PoissonGroup, SinusoidalPoissonGroup, SpikeGeneratorGroup"
                    + SimulatorNamesTest.NEURON_ALIASES),
            Arguments.of(BASE.replace("tauM: 20 ms", "taum: 20 ms"),
                "m.yaml:6:18: LIF: unknown parameter 'taum'; did you mean 'tauM'? known: vRest, vTh, vReset, tauM, r,"
                    + " tRef, iExt, integrator"),
            Arguments.of(BASE.replace("tauM: 20 ms", "tauM: 20 mV"),
                "m.yaml:6:24: LIF: tauM must be a time (e.g. 20 ms), got '20 mV' (a voltage)"),
            Arguments.of(BASE.replace("    size: 10\n", ""),
                "m.yaml:4:5: population 'E': missing required field 'size'"),
            Arguments.of(BASE.replace("duration: 10 ms\n", ""),
                "m.yaml:1:1: the model file: missing required field 'duration'"),
            Arguments.of(BASE.replace("output: {model: COBA, eRev: 0 mV}", "output: COBA"),
                "m.yaml:16:13: COBA: missing required parameter 'eRev' (voltage, required)"),
            Arguments.of(BASE.replace("target: E", "target: F"),
                "m.yaml:13:13: projection: undefined population 'F'; did you mean 'E'? known: E, P"),
            Arguments.of(BASE.replace("tauM: 20 ms", "tauM: -20 ms"),
                "m.yaml:6:24: LIF: tauM must be > 0 ms and finite, got tauM=-20 ms"),
            Arguments.of(BASE.replace("tauM: 20 ms", "vReset: -40 mV"),
                "m.yaml:6:26: LIF: vReset must be < vTh, got vReset=-40 mV, vTh=-50 mV"),
            Arguments.of(BASE.replace("p: 0.5", "p: 1.5"),
                "m.yaml:14:48: FixedProbability: p must be in [0, 1], got p=1.5"),
            Arguments.of(BASE.replace("size: 10", "size: [10"),
                "m.yaml:6:15: malformed YAML: while parsing a flow sequence: expected ',' or ']', but got :"),
            Arguments.of(BASE.replace("    size: 10", "  size: 10"),
                "m.yaml:6:15: malformed YAML: mapping values are not allowed here"),
            Arguments.of(BASE.replace("weight: 1 nS", "weight: 1 nS\n    plasticity: {model: STDP}"),
                "m.yaml:18:25: unknown plasticity rule 'STDP'; did you mean 'STP'? known: STP, STD"),
            Arguments.of(BASE.replace("weight: 1 nS", "weight: 1 nS\n    plasticity: {model: STP, U: 1.5}"),
                "m.yaml:18:33: STP: U must be in (0, 1], got U=1.5"),
            Arguments.of(BASE + "seeds: 3\n",
                "m.yaml:18:1: the model file: unknown field 'seeds'; did you mean 'seed'? known: name, dt, duration,"
                    + " seed, threads, justInTime, populations, projections, inputs, monitors"),
            Arguments.of(BASE.replace("weight: 1 nS", "weight: 1 pA"),
                "m.yaml:17:13: projection 'P->E': weight must be a conductance (e.g. 1 nS), got '1 pA' (a current)"),
            Arguments.of(BASE.replace("weight: 1 nS", "weight: 1 nS\n    delay: 0.05 ms"),
                "m.yaml:18:12: projection 'P->E': delay=0.05 ms is not a whole number of time steps dt=0.1 ms (0.5"
                    + " steps); use a multiple of dt, change dt, or add delayRounding: nearest (1 step, 0.1 ms)"),
            Arguments.of(BASE.replace("rate: 10 Hz", "rate: 20 kHz"),
                "m.yaml:10:24: PoissonGroup: rate must be <= 1/dt = 10000 Hz, got rate=20 kHz"),
            Arguments.of(BASE.replace("tauM: 20 ms", "integrator: eular"),
                "m.yaml:6:30: LIF: integrator must be one of [exact, euler, exponential_euler, rk2, rk4], got 'eular'; "
                    + "did you mean 'euler'?"),
            Arguments.of(BASE.replace("target: E", "target: P"),
                "m.yaml:13:13: projection: target 'P' is a PoissonGroup, which cannot receive synapses or inputs"),
            Arguments.of("", "m.yaml: the file is empty; a model file is a YAML mapping (populations:, projections:,"
                + " ...)"),
            Arguments.of("- a\n- b\n", "m.yaml:1:1: the model file must be a mapping (name: value lines), got a list"),
            Arguments.of(BASE.replace("    size: 10\n", "    size: 10\n    size: 11\n"),
                "m.yaml:6:5: population 'E': 'size' is given twice"),
            Arguments.of(BASE + "monitors:\n  states:\n    - {population: E, variable: vv, neurons: [0]}\n",
                "m.yaml:20:33: state monitor of 'E': no state variable 'vv'; did you mean 'v'? known: v, g_P->E"),
            Arguments.of(BASE + "monitors:\n  states:\n    - {population: E, variable: v, neurons: [10]}\n",
                "m.yaml:20:46: state monitor of 'E': neuron must be in [0, 9], got neuron=10"),
            Arguments.of(BASE.replace("parameters: {tauM: 20 ms}",
                "parameters: {tauM: 20 ms}\n    initial: {v: {unifrom: [-60 mV, 1 mV]}}"),
                "m.yaml:7:18: LIF 'E': initial v must be a quantity, {uniform: [low, high]}, {normal: {mean: m, sd:"
                    + " s}}, {lognormal: {median: m, sigma: s}}, {expression: \"...\", unit: u} or {file: values.npy,"
                    + " unit: u}, got 'unifrom'; did you mean 'uniform'? known: uniform, normal, lognormal, expression,"
                    + " file"),
            Arguments.of(BASE.replace("parameters: {tauM: 20 ms}", "parameters: {tauM: 20 ms}\n    initial: {u: 1 mV}"),
                "m.yaml:7:15: LIF 'E': no state variable 'u' to initialise; did you mean 'v'? known: v"),
            Arguments.of(BASE.replace("size: 10", "size: ten"),
                "m.yaml:5:11: LIF 'E': size must be a whole number, got 'ten'"),
            Arguments.of(BASE.replace("model: Exponential, tau: 5 ms", "model: Delta").replace("weight: 1 nS",
                "weight: 1 mV"),
                "m.yaml:17:13: projection 'P->E': weight must be dimensionless (e.g. 0.5), got '1 mV' (a voltage)"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void badFilesGiveOneLineWithFileLineColumnAndTheRule(final String text, final String message)
    {
        assertThatThrownBy(() -> load(text)).isInstanceOf(ModelFileException.class).hasMessage(message);
    }

    @Test
    void aMissingFileIsAnErrorNamingIt()
    {
        assertThatThrownBy(() -> ModelLoader.load(java.nio.file.Path.of("no-such-model.yaml")))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("no-such-model.yaml: cannot read the file (no such file)");
    }

    @Test
    void suggestionsOnlyNameLikelyTypos()
    {
        assertThat(Suggestions.closest("tauN", java.util.List.of("tauM", "vTh"))).isEqualTo("tauM");
        assertThat(Suggestions.closest("vTH", java.util.List.of("tauM", "vTh"))).isEqualTo("vTh");
        assertThat(Suggestions.closest("xyzzy", java.util.List.of("tauM", "vTh"))).isNull();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    }

    @Test
    void deepNestingShouldBeOneLineNotAStackOverflow()
    {
        final String deep = "duration: 1 ms\npopulations: " + "[".repeat(2000) + "]".repeat(2000) + "\n";

        assertThatThrownBy(() -> load(deep))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:2:77: mappings and lists nested more than 64 levels deep; a model file needs far fewer");
    }

    @Test
    void aHugeFileShouldBeRefusedAtOnce() throws java.io.IOException
    {
        final String scalar = "name: " + "x".repeat(50 << 20) + "\n";

        assertThatThrownBy(() -> load(scalar))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml: the file has 52,428,807 characters; a model file has at most 4,194,304 characters: give"
                + " large data (synapses, values per neuron, spike times) in .npy, .npz or CSV files that it names");
        assertThatThrownBy(() -> load("name: " + "x".repeat(1 << 20) + "\n"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:1:16385: the line has 1,048,582 characters; a line of a model file has at most 16,384:"
                + " give long lists (spike times, values per neuron) in .npy or CSV files that it names");
        final java.nio.file.Path file = java.nio.file.Files.createTempFile("huge", ".yaml");
        try
        {
            java.nio.file.Files.writeString(file, "name: " + "\u00e9".repeat(9 << 20));
            assertThatThrownBy(() -> ModelLoader.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": the file has 18,874,374 bytes; a model file has at most 4,194,304 characters: give"
                    + " large data (synapses, values per neuron, spike times) in .npy, .npz or CSV files that it names");
        }
        finally
        {
            java.nio.file.Files.delete(file);
        }
    }
}
