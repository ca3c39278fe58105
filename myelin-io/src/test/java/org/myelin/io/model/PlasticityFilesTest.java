package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.io.Npy;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.plasticity.DopamineStdp;
import org.myelin.plasticity.PairStdp;
import org.myelin.plasticity.PairStdp.Pairing;
import org.myelin.plasticity.TripletStdp;
import org.myelin.plasticity.WeightDependence;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;

/**
 * Spike-timing rules in model files: a {@code plasticity: {rule: ...}} entry builds the same
 * plastic projection as the Java API, refuses what it cannot mean in one line, and the final
 * weights it writes load back as explicit connections.
 */
class PlasticityFilesTest
{
    @TempDir
    Path dir;

    private static final String MODEL = """
        dt: 0.1 ms
        duration: 300 ms
        seed: 7
        populations:
          in: {model: PoissonGroup, size: 200, parameters: {rate: 20 Hz}}
          out:
            model: LIF
            size: 30
            parameters: {vRest: -60 mV, vTh: -50 mV, vReset: -60 mV, tauM: 20 ms, r: 1 Gohm, tRef: 2 ms,
                         iExt: 8 pA, integrator: exact}
            initial: {v: {uniform: [-60 mV, -50 mV]}}
        projections:
          - name: S
            source: in
            target: out
            connectivity: {model: FixedProbability, p: 0.2}
            synapse: {model: Exponential, tau: 5 ms}
            output: {model: COBA, eRev: 0 mV}
            receptor: ge
            weight: {uniform: [0 nS, 1 nS]}
            delay: 1 ms
            plasticity: {rule: stdp, pairing: nearest-symmetric, tauPlus: 20 ms, tauMinus: 30 ms, aPlus: 0.01 nS,
                         aMinus: 0.012 nS, weightDependence: multiplicative, wMax: 1 nS, dendriticDelay: 0.4 ms}
        """;

    /** The pair rule of {@link #MODEL} up to its weight dependence, where a test puts another rule. */
    private static final String PAIR_RULE = "plasticity: {rule: stdp, pairing: nearest-symmetric, tauPlus: 20 ms, "
        + "tauMinus: 30 ms, aPlus: 0.01 nS,\n                 aMinus: 0.012 nS,";

    /** The network of {@link #MODEL} built with the Java API. */
    private static PlasticProjection javaApi(final Network net, final boolean triplet)
    {
        final PoissonGroup input = net.add(new PoissonGroup("in", 200, 20));
        final Lif out = net.add(new Lif("out", 30, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 8, Integrator.EXACT),
            Initializer.uniform(-60, -50)));
        final AlignPostProjection synapses = new AlignPostProjection("S", input, out, new FixedProbability(0.2),
            new Exponential(5), new Coba(0), "ge", 1.0, 1.0).withWeights(Initializer.uniform(0, 1));
        final WeightDependence bounds = WeightDependence.multiplicative(0, 1);
        return net.add(new PlasticProjection(synapses, triplet ? TripletStdp.hippocampal(true, bounds)
            : new PairStdp(20, 30, 0.01, 0.012, Pairing.NEAREST_SYMMETRIC, bounds)).withDendriticDelay(0.4));
    }

    private static PlasticProjection plastic(final ModelFile model)
    {
        return model.network().deliveries(PlasticProjection.class).getFirst();
    }

    @Test
    void aPairRuleInAModelFileShouldLearnTheSameWeightsAsTheJavaApi()
    {
        final ModelFile model = ModelLoaderTest.load(MODEL);
        new Simulation(model.network(), 2).run(model.durationMs());

        final Network net = new Network(0.1, 7);
        final PlasticProjection api = javaApi(net, false);
        new Simulation(net, 1).run(300);

        final PlasticProjection.Weights fromFile = plastic(model).weights();
        assertThat(fromFile.w()).hasSize((int) api.synapseCount()).containsExactly(api.weights().w());
        assertThat(fromFile.pre()).containsExactly(api.weights().pre());
        assertThat(fromFile.post()).containsExactly(api.weights().post());
        // learning happened: the weights left their initial uniform draw
        final Network initial = new Network(0.1, 7);
        final PlasticProjection untrained = javaApi(initial, false);
        new Simulation(initial, 1).runSteps(0, org.myelin.sim.ProgressListener.NONE);
        assertThat(fromFile.w()).isNotEqualTo(untrained.weights().w());
    }

    @Test
    void aTripletPresetInAModelFileShouldBeThePapersParameterSet()
    {
        final ModelFile model = ModelLoaderTest.load(MODEL.replace(
PAIR_RULE,
            "plasticity: {rule: triplet, preset: hippocampal, nearest: true,"));
        new Simulation(model.network(), 1).run(model.durationMs());

        final Network net = new Network(0.1, 7);
        final PlasticProjection api = javaApi(net, true);
        new Simulation(net, 1).run(300);
        assertThat(plastic(model).weights().w()).containsExactly(api.weights().w());
        assertThat(plastic(model).rule().describe()).isEqualTo(api.rule().describe());
    }

    @Test
    void parametersGivenBesideATripletPresetShouldOverrideOnlyThemselves()
    {
        final ModelFile model = ModelLoaderTest.load(MODEL.replace(
PAIR_RULE,
            "plasticity: {rule: triplet, preset: visual-cortex, nearest: true, tauY: 50 ms, a3Minus: 0.002 nS,"));
        final double[] paper = TripletStdp.visualCortex(true, WeightDependence.additive(0, 1)).parameterValues();
        final TripletStdp expected = new TripletStdp(paper[0], paper[1], paper[2], 50, paper[4], paper[5], paper[6],
            0.002, true, WeightDependence.multiplicative(0, 1));
        assertThat(plastic(model).rule().describe()).isEqualTo(expected.describe());
        assertThat(paper[3]).as("the override differs from the preset").isNotEqualTo(50);
        assertThat(paper[7]).as("the override differs from the preset").isNotEqualTo(0.002);
    }

    @Test
    void finalWeightsWrittenByARunShouldLoadBackAsExplicitConnections() throws IOException
    {
        final ModelFile model = ModelLoaderTest.load(MODEL);
        new Simulation(model.network(), 1).run(model.durationMs());
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }
        final PlasticProjection.Weights learned = plastic(model).weights();
        assertThat(Npy.read(dir.resolve("weights_S_w.npy")).values()).hasSize(learned.w().length);

        // the learned synapses as a fixed projection of another model, with learning switched off
        final String reloaded = MODEL.replace("connectivity: {model: FixedProbability, p: 0.2}",
                "connectivity: {model: Explicit, i: " + dir.resolve("weights_S_i.npy") + ", j: "
                    + dir.resolve("weights_S_j.npy") + ", weight: " + dir.resolve("weights_S_w.npy") + "}")
            .replace("weight: {uniform: [0 nS, 1 nS]}", "weight: 1 nS")
            .replace("aPlus: 0.01 nS", "aPlus: 0 nS").replace("aMinus: 0.012 nS", "aMinus: 0 nS");
        final Path file = dir.resolve("reloaded.yaml");
        Files.writeString(file, reloaded);
        final ModelFile again = ModelLoader.load(file);
        new Simulation(again.network(), 1).runSteps(1, org.myelin.sim.ProgressListener.NONE);
        final PlasticProjection.Weights loaded = plastic(again).weights();
        assertThat(loaded.pre()).containsExactly(learned.pre());
        assertThat(loaded.post()).containsExactly(learned.post());
        assertThat(loaded.w()).containsExactly(learned.w());
    }

    private static final String DOPAMINE = MODEL.replace("  in: {model: PoissonGroup",
            "  DA: {model: PoissonGroup, size: 3, parameters: {rate: 30 Hz}}\n  in: {model: PoissonGroup")
        .replace("plasticity: {rule: stdp, pairing: nearest-symmetric, tauPlus: 20 ms, tauMinus: 30 ms, aPlus: 0.01 nS,\n"
            + "                 aMinus: 0.012 nS, weightDependence: multiplicative, wMax: 1 nS, dendriticDelay: 0.4 ms}",
            "plasticity: {rule: dopamine, neuromodulator: DA, aPlus: 0.2 nS, aMinus: 0.25 nS, tauC: 200 ms, "
                + "tauN: 50 ms,\n                 b: 5 Hz, wMax: 1 nS}");

    @Test
    void dopamineStdpInAModelFileShouldLearnTheSameWeightsAsTheJavaApi()
    {
        assertThat(DOPAMINE).contains("rule: dopamine").contains("DA: {");
        final ModelFile model = ModelLoaderTest.load(DOPAMINE);
        new Simulation(model.network(), 2).run(model.durationMs());

        final Network net = new Network(0.1, 7);
        final PoissonGroup dopamine = net.add(new PoissonGroup("DA", 3, 30));
        final PoissonGroup input = net.add(new PoissonGroup("in", 200, 20));
        final Lif out = net.add(new Lif("out", 30, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 8, Integrator.EXACT),
            Initializer.uniform(-60, -50)));
        final AlignPostProjection synapses = new AlignPostProjection("S", input, out, new FixedProbability(0.2),
            new Exponential(5), new Coba(0), "ge", 1.0, 1.0).withWeights(Initializer.uniform(0, 1));
        // b = 5 Hz is 0.005 per ms
        final PlasticProjection api = net.add(new PlasticProjection(synapses,
            new DopamineStdp(0.2, 0.25, 20, 20, 200, 50, 0.005, 0, 1)).withNeuromodulator(dopamine));
        new Simulation(net, 1).run(300);

        assertThat(plastic(model).weights().w()).containsExactly(api.weights().w());
        assertThat(plastic(model).rule().describe()).isEqualTo(api.rule().describe());
        assertThat(plastic(model).bytesPerSynapse()).isGreaterThan(20).isLessThan(22);
    }

    @Test
    void dopamineStdpShouldNameAMissingOrUnknownNeuromodulator()
    {
        assertThatThrownBy(() -> ModelLoaderTest.load(DOPAMINE.replace("neuromodulator: DA", "neuromodulator: VTA")))
            .hasMessageStartingWith("m.yaml:").hasMessageContaining("dopamine STDP: neuromodulator: no population "
                + "named 'VTA'; known: [DA, in, out]");
        assertThatThrownBy(() -> ModelLoaderTest.load(DOPAMINE.replace("neuromodulator: DA, ", "")))
            .hasMessageContaining("dopamine STDP: missing required parameter 'neuromodulator'");
        assertThatThrownBy(() -> ModelLoaderTest.load(DOPAMINE.replace("tauC: 200 ms", "tauC: 0 ms")))
            .hasMessageContaining("dopamine STDP: tauC must be > 0 ms");
        assertThatThrownBy(() -> ModelLoaderTest.load(DOPAMINE.replace("b: 5 Hz", "b: 5 ms")))
            .hasMessageContaining("dopamine STDP: b must be a frequency");
    }

    static Stream<Arguments> errors()
    {
        return Stream.of(
            Arguments.of("rule: stdp,", "rule: sdtp,",
                "m.yaml:22:24: plasticity: rule must be one of [stdp, triplet, dopamine], got 'sdtp'; did you mean 'stdp'?"),
            Arguments.of("pairing: nearest-symmetric", "pairing: nearest", "m.yaml:22:39: pair STDP: pairing must be one "
                + "of [all-to-all, nearest-symmetric, nearest-pre-centered, nearest-restricted], got 'nearest'"),
            Arguments.of("tauPlus: 20 ms", "tauPlus: -20 ms", "m.yaml:22:67: pair STDP: tauPlus must be > 0 ms and finite, got tauPlus=-20 ms"),
            Arguments.of("tauMinus: 30 ms", "tauMinus: 30 mV", "pair STDP: tauMinus must be a time"),
            Arguments.of("wMax: 1 nS", "wMax: -1 nS", "m.yaml:23:76: weight dependence: wMax must be > wMin, got "
                + "wMin=0 and wMax=-1"),
            Arguments.of("aPlus: 0.01 nS,", "aPlus: 0.01 nS, mu: 0.5,", "mu applies to weightDependence: power-law only"),
            Arguments.of("weightDependence: multiplicative", "weightDependence: power-law", "power-law needs mu"),
            Arguments.of("aPlus: 0.01 nS,", "aPlus: 0.01 nS, tauX: 3 ms,", "pair STDP: unknown parameter 'tauX'"),
            Arguments.of(PAIR_RULE, "plasticity: {rule: triplet, preset: visual-cortx,", "triplet STDP: preset must be "
                + "one of [none, visual-cortex, hippocampal], got 'visual-cortx'"),
            Arguments.of(PAIR_RULE, "plasticity: {rule: triplet, preset: hippocampal, aPlus: 0.01 nS,",
                "triplet STDP: unknown parameter 'aPlus'"),
            Arguments.of(PAIR_RULE, "plasticity: {rule: triplet, tauPlus: 17 ms,", "triplet STDP: missing required "
                + "parameter 'tauMinus' (give all of [tauPlus, tauMinus, tauX, tauY, a2Plus, a3Plus, a2Minus, a3Minus], "
                + "or preset: one of [visual-cortex, hippocampal])"),

            Arguments.of("connectivity: {model: FixedProbability, p: 0.2}", "connectivity: {model: FixedProbability, "
                + "p: 0.2, justInTime: true}", "plastic synapses must be stored"),
            Arguments.of("delay: 1 ms", "delay: {uniform: [1 ms, 2 ms]}\n    delayRounding: nearest", "plastic synapses must be stored and share "
                + "one delay"),
            Arguments.of("dendriticDelay: 0.4 ms", "dendriticDelay: 2 ms", "dendritic"),
            Arguments.of("weight: {uniform: [0 nS, 1 nS]}", "weight: {uniform: [0 nS, 2 nS]}",
                "projection 'S': initial weight 1.1420212984085083 of synapse 0 -> 2 is outside the rule's bounds [0, 1]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void badPlasticityShouldBeOneLineNamingTheRuleAndTheParameter(final String from, final String to,
        final String message)
    {
        final String text = MODEL.replace(from, to);
        assertThat(text).as("the test's replacement applies").isNotEqualTo(MODEL);
        assertThatThrownBy(() -> {
            final ModelFile model = ModelLoaderTest.load(text);
            new Simulation(model.network(), 1).runSteps(1, org.myelin.sim.ProgressListener.NONE);
        }).satisfies(e -> assertThat(e.getMessage()).contains(message).doesNotContain("\n")
            .doesNotContain("Exception"));
    }

    @Test
    void weightMonitorsShouldSampleTheChosenSynapsesEveryKSteps() throws IOException
    {
        final ModelFile model = ModelLoaderTest.load(MODEL + """
            monitors:
              weights:
                - {projection: S, first: 3, every: 10 ms}
            """);
        new Simulation(model.network(), 1).run(model.durationMs());
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }
        final PlasticProjection.Weights end = plastic(model).weights();
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).contains("weights_S_i.npy",
                "weights_S_j.npy", "weights_S_w.npy", "weights_S_monitor_t.npy", "weights_S_monitor_w.npy",
                "weights_S_monitor_i.npy", "weights_S_monitor_j.npy");
        }
        final Npy.Array sampled = Npy.read(dir.resolve("weights_S_monitor_w.npy"));
        final double[] t = Npy.read(dir.resolve("weights_S_monitor_t.npy")).values();
        assertThat(t).hasSize(30);
        assertThat(sampled.values()).hasSize(30 * 3);
        // the last sample of the first synapse is its weight at 290 ms; the run goes on to 300 ms,
        // so it need not equal the end weight, but it lies inside the bounds
        assertThat(java.util.Arrays.stream(sampled.values()).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(sampled.values()).max().orElseThrow()).isLessThanOrEqualTo(1.0);
        assertThat(Npy.read(dir.resolve("weights_S_monitor_i.npy")).values()).containsExactly(
            end.pre()[0], end.pre()[1], end.pre()[2]);
    }
}
