package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.connect.AllToAll;
import org.myelin.connect.Connectivity;
import org.myelin.connect.Connector;
import org.myelin.connect.CsrConnectivity;
import org.myelin.connect.ExplicitConnections;
import org.myelin.connect.FixedInDegree;
import org.myelin.connect.FixedOutDegree;
import org.myelin.connect.FixedProbability;
import org.myelin.connect.FixedTotalNumber;
import org.myelin.connect.JustInTime;
import org.myelin.connect.OneToOne;
import org.myelin.delay.DelayRounding;
import org.myelin.io.ModelFileException;
import org.myelin.io.Npy;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Cuba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.synapse.Exponential;

/**
 * Every connection rule, weight form, delay form and initial-value form written in a model file
 * gives the network the Java API builds, synapse by synapse and neuron by neuron.
 */
class ConnectivityFilesTest
{
    private static final double DT = 0.1;
    private static final int N_A = 37;
    private static final int N_B = 29;

    @TempDir
    Path dir;

    /** Two LIF groups, A (37) and B (29), and one projection A->B or A->A with the given lines. */
    private ModelFile load(final String target, final String projection) throws IOException
    {
        final Path file = dir.resolve("m.yaml");
        Files.writeString(file, """
            duration: 1 ms
            populations:
              A: {model: LIF, size: 37}
              B: {model: LIF, size: 29}
            projections:
              - name: p
                source: A
                target: %s
                synapse: {model: Exponential, tau: 5 ms}
            %s
            """.formatted(target, projection.indent(4).stripTrailing()));
        return ModelLoader.load(file);
    }

    /** The same network through the Java API, with the projection made by {@code connect}. */
    private static AlignPostProjection javaApi(final boolean recurrent, final Function<Network, AlignPostProjection>
        connect)
    {
        final Network net = new Network(DT, 42);
        net.add(new Lif("A", N_A, Lif.Parameters.defaults()));
        net.add(new Lif("B", N_B, Lif.Parameters.defaults()));
        return connect.apply(net);
    }

    private static AlignPostProjection connect(final Network net, final boolean recurrent, final Connector c,
        final double weight, final double delay)
    {
        final NeuronGroup target = (NeuronGroup) net.population(recurrent ? "A" : "B");
        return net.connect("p", net.population("A"), target, c, new Exponential(5), new Cuba(), "g_p", weight, delay);
    }

    /** Every synapse as (pre, post, weight, delay steps), in CSR order. */
    private static List<String> synapses(final AlignPostProjection p, final long seed)
    {
        final Connectivity built = p.build(seed);
        final CsrConnectivity c = (CsrConnectivity) built;
        c.prepareDelays("p", DT, DelayRounding.NEAREST);
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < c.sourceSize(); i++)
        {
            for (int k = c.rowStart(i); k < c.rowStart(i + 1); k++)
            {
                out.add(i + "->" + c.target(k) + " w=" + c.weight(k) + (c.hasDelays() ? " d=" + c.delaySteps(k) : ""));
            }
        }
        return out;
    }

    static Stream<Arguments> rules()
    {
        return Stream.of(
            Arguments.of("{model: AllToAll}", new AllToAll(true), false),
            Arguments.of("{model: AllToAll, selfConnections: false}", new AllToAll(false), true),
            Arguments.of("{model: all_to_all, allow_autapses: false}", new AllToAll(false), true),
            Arguments.of("{model: AllToAllConnector}", new AllToAll(true), true),
            Arguments.of("{model: OneToOne}", new OneToOne(), true),
            Arguments.of("{model: FixedProbability, p: 0.2}", new FixedProbability(0.2, true), true),
            Arguments.of("{model: FixedProbability, p: 0.2, selfConnections: false}", new FixedProbability(0.2, false),
                true),
            Arguments.of("{model: pairwise_bernoulli, p: 0.3}", new FixedProbability(0.3, true), false),
            Arguments.of("{model: FixedProbabilityConnector, p_connect: 0.3, allow_self_connections: false}",
                new FixedProbability(0.3, false), true),
            Arguments.of("{model: FixedInDegree, k: 7}", new FixedInDegree(7, true, true), false),
            Arguments.of("{model: FixedInDegree, k: 7, selfConnections: false, multapses: false}",
                new FixedInDegree(7, false, false), true),
            Arguments.of("{model: fixed_indegree, indegree: 5, allow_multapses: false}",
                new FixedInDegree(5, true, false), true),
            Arguments.of("{model: FixedNumberPreConnector, n: 5}", new FixedInDegree(5, true, false), true),
            Arguments.of("{model: FixedOutDegree, k: 6}", new FixedOutDegree(6, true, true), false),
            Arguments.of("{model: FixedOutDegree, k: 6, selfConnections: false, multapses: false}",
                new FixedOutDegree(6, false, false), true),
            Arguments.of("{model: fixed_outdegree, outdegree: 4}", new FixedOutDegree(4, true, true), true),
            Arguments.of("{model: FixedNumberPostConnector, n: 4, with_replacement: true}",
                new FixedOutDegree(4, true, true), false),
            Arguments.of("{model: FixedTotalNumber, n: 300}", new FixedTotalNumber(300, true), false),
            Arguments.of("{model: FixedTotalNumber, n: 300, selfConnections: false}", new FixedTotalNumber(300, false),
                true),
            Arguments.of("{model: fixed_total_number, N: 250, allow_autapses: false}", new FixedTotalNumber(250, false),
                true),
            Arguments.of("{model: FixedTotalNumberConnector, n: 250}", new FixedTotalNumber(250, true), false));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyRuleShouldGiveTheJavaApisSynapses(final String rule, final Connector java, final boolean recurrent)
        throws IOException
    {
        final ModelFile model = load(recurrent ? "A" : "B", "connectivity: " + rule + "\nweight: 2 pA");
        final AlignPostProjection fromFile = model.network().projections().getFirst();

        final AlignPostProjection fromJava = javaApi(recurrent, net -> connect(net, recurrent, java, 2, 0));

        assertThat(fromFile.connector()).isEqualTo(java);
        final List<String> expected = synapses(fromJava, 42);
        assertThat(expected).isNotEmpty();
        assertThat(synapses(fromFile, model.network().connectivitySeed())).containsExactlyElementsOf(expected);
    }

    @Test
    void justInTimeShouldRegenerateTheRuleThatTheJavaApiRegenerates() throws IOException
    {
        for (final String[] rule : new String[][] {{"{model: AllToAll, selfConnections: false, justInTime: true}"},
            {"{model: FixedProbability, p: 0.1, justInTime: true}"}, {"{model: FixedOutDegree, k: 3, justInTime: yes}"},
            {"{model: FixedTotalNumber, n: 90, justInTime: true}"}})
        {
            final ModelFile model = load("A", "connectivity: " + rule[0] + "\nweight: 1 pA");
            final Connector c = model.network().projections().getFirst().connector();

            assertThat(c).isInstanceOf(JustInTime.class);
            assertThat(c).isIn(new AllToAll(false).justInTime(), new FixedProbability(0.1, true).justInTime(),
                new FixedOutDegree(3, true, true).justInTime(), new FixedTotalNumber(90, true).justInTime());
            assertThat(model.estimate().bytes()).isLessThan(1000.0 * 64);
        }
        assertThatThrownBy(() -> load("A", "connectivity: {model: FixedInDegree, k: 3, justInTime: true}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:60: projection 'p': FixedInDegree cannot be regenerated just in "
                + "time; justInTime: true works with AllToAll, FixedProbability, FixedOutDegree, FixedTotalNumber");
    }

    /**
     * A top-level justInTime: true regenerates every projection that can be regenerated and says
     * nothing itself; a projection's own justInTime: wins, and rules that cannot be regenerated, or
     * plastic projections, stay stored.
     */
    @Test
    void aTopLevelJustInTimeShouldApplyToEveryProjectionThatCanBeRegenerated() throws IOException
    {
        final Path file = dir.resolve("top.yaml");
        Files.writeString(file, """
            duration: 1 ms
            justInTime: %s
            populations:
              A: {model: LIF, size: 37}
            projections:
              - {name: total, source: A, target: A, connectivity: {model: FixedTotalNumber, n: 90}, synapse: Delta,
                 weight: 1 mV}
              - {name: own, source: A, target: A, connectivity: {model: FixedProbability, p: 0.1, justInTime: false},
                 synapse: Delta, weight: 1 mV}
              - {name: indegree, source: A, target: A, connectivity: {model: FixedInDegree, k: 3}, synapse: Delta,
                 weight: 1 mV}
              - {name: plastic, source: A, target: A, connectivity: {model: FixedOutDegree, k: 3}, synapse: Delta,
                 weight: 1 mV, plasticity: {rule: stdp, aPlus: 0.01 mV, aMinus: 0.01 mV, wMax: 2 mV}}
            """);
        Files.writeString(dir.resolve("stored.yaml"), Files.readString(file).formatted("false"));
        Files.writeString(file, Files.readString(file).formatted("true"));

        final List<AlignPostProjection> jit = ModelLoader.load(file).network().projections();
        final List<AlignPostProjection> stored = ModelLoader.load(dir.resolve("stored.yaml")).network().projections();

        assertThat(jit.get(0).connector()).isEqualTo(new FixedTotalNumber(90, true).justInTime());
        assertThat(stored.get(0).connector()).isEqualTo(new FixedTotalNumber(90, true));
        assertThat(jit).hasSize(3); // the plastic projection loads (stored: no "must be stored" error), apart
        for (final int k : new int[] {1, 2})
        {
            assertThat(jit.get(k).connector()).isEqualTo(stored.get(k).connector()).isNotInstanceOf(JustInTime.class);
        }
        Files.writeString(file, Files.readString(file).replace("justInTime: true", "justInTime: maybe"));
        assertThatThrownBy(() -> ModelLoader.load(file))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(file + ":2:13: model: justInTime must be true or false, got 'maybe'");
    }

    @Test
    void explicitConnectionsFromCsvNpzAndNpyShouldGiveTheListedSynapses() throws IOException
    {
        final int[] pre = {3, 0, 36, 3};
        final int[] post = {1, 28, 0, 1};
        final double[] w = {0.5, -1.25, 2, 4};
        final double[] d = {0.2, 1.5, 0.1, 0.3};
        org.myelin.io.ConnectionFiles.write(dir.resolve("c.csv"), pre, post, w, d);
        org.myelin.io.ConnectionFiles.write(dir.resolve("c.npz"), pre, post, w, d);
        Npy.write(dir.resolve("i.npy"), pre);
        Npy.write(dir.resolve("j.npy"), new long[] {1, 28, 0, 1});
        Npy.write(dir.resolve("w.npy"), w);
        Npy.write(dir.resolve("d.npy"), d);
        final AlignPostProjection fromJava = javaApi(false, net -> connect(net, false,
            new ExplicitConnections(pre, post, w, d), 1.5, 0));
        final List<String> expected = synapses(fromJava, 42);

        for (final String rule : new String[] {"{model: Explicit, file: c.csv}", "{model: Explicit, file: c.npz}",
            "{model: Explicit, i: i.npy, j: j.npy, weight: w.npy, delay: d.npy}",
            "{model: Explicit, file: " + dir.resolve("c.npz") + "}"})
        {
            final ModelFile model = load("B", "connectivity: " + rule + "\nweight: 1.5 pA");

            assertThat(synapses(model.network().projections().getFirst(), model.network().connectivitySeed()))
                .as(rule).containsExactlyElementsOf(expected);
            assertThat(model.estimate().synapses()).isEqualTo(4);
        }
        assertThat(expected).containsExactly("0->28 w=-1.25 d=15", "3->1 w=0.5 d=2", "3->1 w=4.0 d=3",
            "36->0 w=2.0 d=1");
    }

    @Test
    void aDenseMatrixShouldGiveOneSynapsePerNonZeroEntry() throws IOException
    {
        final double[] w = new double[N_A * N_B];
        final double[] d = new double[N_A * N_B];
        w[5 * N_B + 7] = 0.5;
        w[36 * N_B + 28] = -2;
        d[5 * N_B + 7] = 0.3;
        d[36 * N_B + 28] = 1;
        Npy.write(dir.resolve("W.npy"), w, N_A, N_B);
        Npy.write(dir.resolve("D.npy"), d, N_A, N_B);

        final ModelFile model = load("B", "connectivity: {model: DenseMatrix, weights: W.npy, delays: D.npy}\n"
            + "weight: 1 pA");

        assertThat(synapses(model.network().projections().getFirst(), 1)).containsExactly("5->7 w=0.5 d=3",
            "36->28 w=-2.0 d=10");
        assertThatThrownBy(() -> load("A", "connectivity: {model: DenseMatrix, weights: W.npy}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:19: projection 'p': " + dir.resolve("W.npy") + ": expected a "
                + "weight matrix of shape (37, 37) (source x target neurons), got shape (37, 29)");
    }

    static Stream<Arguments> weightsAndDelays()
    {
        return Stream.of(
            Arguments.of("weight: {uniform: [1 pA, 3 pA]}\ndelay: 0.5 ms",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withWeights(Initializer.uniform(1, 3)),
                1.0, 0.5),
            Arguments.of("weight: {normal: {mean: 2 pA, sd: 0.5 pA}}",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withWeights(Initializer.normal(2, 0.5)),
                1.0, 0.0),
            Arguments.of("weight: {lognormal: {median: 2 pA, sigma: 0.5}, clip: [0.5 pA, 4 pA]}",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withWeights(Initializer.clipped(
                    Initializer.lognormal(Math.log(2), 0.5), 0.5, 4)), 1.0, 0.0),
            Arguments.of("weight: 2 pA\nweights: {uniform: [0.5, 1.5]}",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withWeights(Initializer.uniform(0.5, 1.5)),
                2.0, 0.0),
            Arguments.of("weight: 2 pA\ndelay: {uniform: [0.1 ms, 2 ms]}\ndelayRounding: nearest",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withDelays(Initializer.uniform(0.1, 2),
                    DelayRounding.NEAREST), 2.0, 0.0),
            Arguments.of("weight: 2 pA\ndelay: {normal: {mean: 1 ms, sd: 0.5 ms}, clip: [0.1 ms, 5 ms]}\n"
                + "delayRounding: previous",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withDelays(Initializer.clipped(
                    Initializer.normal(1, 0.5), 0.1, 5), DelayRounding.PREVIOUS), 2.0, 0.0),
            Arguments.of("weight: 2 pA\ndelay: 1.55 ms\ndelayRounding: nearest",
                (Function<AlignPostProjection, AlignPostProjection>) p -> p.withRounding(DelayRounding.NEAREST),
                2.0, 1.55));
    }

    @ParameterizedTest
    @MethodSource("weightsAndDelays")
    void everyWeightAndDelayFormShouldGiveTheJavaApisSynapses(final String lines,
        final Function<AlignPostProjection, AlignPostProjection> perSynapse, final double weight, final double delay)
        throws IOException
    {
        final ModelFile model = load("B", "connectivity: {model: FixedProbability, p: 0.3}\n" + lines);
        final AlignPostProjection fromFile = model.network().projections().getFirst();

        final AlignPostProjection fromJava = javaApi(false, net ->
        {
            final AlignPostProjection p = new AlignPostProjection("p", net.population("A"),
                (NeuronGroup) net.population("B"), new FixedProbability(0.3, true), new Exponential(5), new Cuba(),
                "g_p", weight, delay);
            return net.add(perSynapse.apply(p));
        });

        assertThat(fromFile.weight()).isEqualTo(weight);
        assertThat(fromFile.delaySteps(DT)).isEqualTo(fromJava.delaySteps(DT));
        assertThat(synapses(fromFile, model.network().connectivitySeed())).containsExactlyElementsOf(
            synapses(fromJava, 42));
    }

    @Test
    void weightsAndDelaysFromFilesShouldFollowTheOrderOfTheSynapses() throws IOException
    {
        final long synapses = javaApi(false, net -> connect(net, false, new FixedProbability(0.3, true), 1, 0))
            .build(42).synapseCount();
        final double[] w = new double[(int) synapses];
        final double[] d = new double[(int) synapses];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = k * 0.25;
            d[k] = 0.1 * (1 + k % 7);
        }
        Npy.write(dir.resolve("w.npy"), w);
        Npy.write(dir.resolve("d.npy"), d);

        final ModelFile model = load("B", "connectivity: {model: FixedProbability, p: 0.3}\n"
            + "weight: {file: w.npy, unit: nA}\ndelay: {file: d.npy, unit: ms}");

        final AlignPostProjection fromJava = javaApi(false, net -> net.add(new AlignPostProjection("p",
            net.population("A"), (NeuronGroup) net.population("B"), new FixedProbability(0.3, true),
            new Exponential(5), new Cuba(), "g_p", 1, 0).withWeights(Initializer.values(
                java.util.Arrays.stream(w).map(x -> 1000 * x).toArray())).withDelays(Initializer.values(d),
                DelayRounding.EXACT)));
        assertThat(synapses(model.network().projections().getFirst(), model.network().connectivitySeed()))
            .containsExactlyElementsOf(synapses(fromJava, 42));

        Npy.write(dir.resolve("short.npy"), java.util.Arrays.copyOf(w, w.length - 1));
        assertThatThrownBy(() -> load("B", "connectivity: {model: FixedProbability, p: 0.3}\n"
            + "weight: {file: short.npy, unit: nA}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":11:20: projection 'p': " + dir.resolve("short.npy") + " does not "
                + "match the connectivity: expected one weight per synapse (" + synapses + "), got " + (synapses - 1)
                + " (values from a file follow the order of the synapses: by presynaptic neuron, then by target)");
    }

    static Stream<Arguments> delayErrors()
    {
        return Stream.of(
            Arguments.of("connectivity: {model: OneToOne}\nweight: 1 pA\ndelay: 1.55 ms",
                "12:12: projection 'p': delay=1.55 ms is not a whole number of time steps dt=0.1 ms (15.5 steps); use a "
                    + "multiple of dt, change dt, or add delayRounding: nearest (16 steps, 1.6 ms) or delayRounding: "
                    + "previous (15 steps, 1.5 ms)"),
            Arguments.of("connectivity: {model: OneToOne}\nweight: 1 pA\ndelay: {uniform: [1 ms, 2 ms]}",
                "12:12: projection 'p': delays drawn from a distribution are not whole numbers of time steps dt=0.1 ms; "
                    + "add delayRounding: nearest or delayRounding: previous"),
            Arguments.of("connectivity: {model: OneToOne}\nweight: 1 pA\ndelay: {normal: {mean: 1 ms, sd: 1 ms}}\n"
                    + "delayRounding: nearest",
                "12:12: projection 'p': per-synapse delays must be at least one time step dt=0.1 ms, but the "
                    + "distribution reaches below 0 ms; bound it with clip: [0.1 ms, ...]"),
            Arguments.of("connectivity: {model: OneToOne}\nweight: 1 pA\ndelayRounding: upward",
                "12:20: projection 'p': delayRounding must be one of [nearest, previous, error], got 'upward'"),
            Arguments.of("connectivity: {model: Explicit, file: bad-delay.csv}\nweight: 1 pA",
                "10:19: projection 'p': delay=0.15 ms (synapse 2 -> 3) is not a whole number of time steps dt=0.1 ms; "
                    + "use a multiple of dt or add delayRounding: nearest or delayRounding: previous"));
    }

    @ParameterizedTest
    @MethodSource("delayErrors")
    void delaysThatDoNotFitTheStepShouldNameTheDelayRoundingKey(final String lines, final String message)
        throws IOException
    {
        Files.writeString(dir.resolve("bad-delay.csv"), "i,j,delay\n0,1,0.1\n2,3,0.15\n");

        assertThatThrownBy(() -> load("A", lines))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":" + message);
    }

    static Stream<Arguments> initialValues()
    {
        final double[] fromFile = new double[N_A];
        for (int k = 0; k < N_A; k++)
        {
            fromFile[k] = -70 + 0.5 * k;
        }
        final double[] expression = new double[N_A];
        final double[] r = PerNeuronValues.sharedUniform(N_A, 42, org.myelin.random.Rng.nameId("A"));
        for (int k = 0; k < N_A; k++)
        {
            expression[k] = -65 + 15 * Math.pow(r[k], 2) + k / 100.0;
        }
        return Stream.of(
            Arguments.of("-55 mV", Initializer.constant(-55)),
            Arguments.of("-0.055 V", Initializer.constant(-55)),
            Arguments.of("{uniform: [-60 mV, -50 mV]}", Initializer.uniform(-60, -50)),
            Arguments.of("{normal: {mean: -58 mV, sd: 2 mV}}", Initializer.normal(-58, 2)),
            Arguments.of("{normal: {mean: -58 mV, sd: 2 mV}, clip: [-60 mV, -56 mV]}",
                Initializer.clipped(Initializer.normal(-58, 2), -60, -56)),
            Arguments.of("{expression: \"-65 + 15*r^2 + i/100\", unit: mV}", Initializer.values(expression)),
            Arguments.of("{file: v0.npy, unit: mV}", Initializer.values(fromFile)));
    }

    @ParameterizedTest
    @MethodSource("initialValues")
    void everyInitialValueFormShouldGiveTheJavaApisNeurons(final String value, final Initializer java)
        throws IOException
    {
        final double[] fromFile = new double[N_A];
        for (int k = 0; k < N_A; k++)
        {
            fromFile[k] = -70 + 0.5 * k;
        }
        Npy.write(dir.resolve("v0.npy"), fromFile);
        final Path file = dir.resolve("init.yaml");
        Files.writeString(file, "duration: 1 ms\npopulations:\n  A: {model: LIF, size: 37, initial: {v: " + value
            + "}}\n");
        final Lif fromYaml = (Lif) ModelLoader.load(file).network().population("A");
        final Lif fromJava = new Lif("A", N_A, Lif.Parameters.defaults(), java);

        fromYaml.reset(42);
        fromJava.reset(42);

        assertThat(fromYaml.state("v")).containsExactly(fromJava.state("v"));
    }

    @Test
    void initialValuesOfEveryStateVariableAndParametersFromFilesShouldBeRead() throws IOException
    {
        Npy.write(dir.resolve("b.npy"), new double[] {60, 70, 80});
        Npy.write(dir.resolve("bad.npy"), new double[] {60, Double.NaN, 80});
        final Path file = dir.resolve("adex.yaml");
        Files.writeString(file, """
            duration: 1 ms
            populations:
              N:
                model: AdEx
                size: 3
                parameters: {b: {file: b.npy, unit: pA}}
                initial: {v: -65 mV, w: {uniform: [10 pA, 20 pA]}}
            """);
        final NeuronGroup n = (NeuronGroup) ModelLoader.load(file).network().population("N");
        n.reset(42);

        assertThat(n.state("v")).containsExactly(-65, -65, -65);
        assertThat(java.util.Arrays.stream(n.state("w")).boxed().toList()).allSatisfy(w -> assertThat(w)
            .isBetween(10.0, 20.0));
        Files.writeString(file, Files.readString(file).replace("b.npy", "bad.npy"));
        assertThatThrownBy(() -> ModelLoader.load(file))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(file + ":6:28: AdEx: " + dir.resolve("bad.npy") + ": element 1: b NaN must be finite");
        Files.writeString(file, Files.readString(file).replace("bad.npy", "missing.npy"));
        assertThatThrownBy(() -> ModelLoader.load(file))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(file + ":6:28: AdEx: b: cannot read " + dir.resolve("missing.npy") + " (no such file)");
    }

    @Test
    void badConnectionFilesShouldGiveOneLineWithBothFilesAndTheReason() throws IOException
    {
        Files.writeString(dir.resolve("c.csv"), "i,j,weight\n0,1,0.5\n1,40,1\n");
        assertThatThrownBy(() -> load("B", "connectivity: {model: Explicit, file: c.csv}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:19: projection 'p': " + dir.resolve("c.csv") + ":3:3: column j: "
                + "index 40 is out of range [0, 29) of the target neurons");
        Files.writeString(dir.resolve("c.csv"), "i,j,weight\n0,1,1e300\n");
        assertThatThrownBy(() -> load("B", "connectivity: {model: Explicit, file: c.csv}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:19: projection 'p': " + dir.resolve("c.csv") + ":2:5: column "
                + "weight: 1e300 must be finite and at most 3.4028235e38 in magnitude (weights are stored as "
                + "32-bit floats)");
        assertThatThrownBy(() -> load("B", "connectivity: {model: Explicit, file: none.npz}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:19: projection 'p': Explicit: cannot read " + dir.resolve("none.npz")
                + " (no such file)");
        assertThatThrownBy(() -> load("B", "connectivity: {model: Explicit, i: i.npy}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:19: Explicit: j is missing; the arrays i and j are both required");
        Files.writeString(dir.resolve("c.csv"), "i,j,weight\n0,1,0.5\n");
        assertThatThrownBy(() -> load("B", "connectivity: {model: Explicit, file: c.csv}\nweight: {uniform: [1 pA, 2 pA]}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":11:13: projection 'p': weights per synapse are given twice: the "
                + "connection file gives each synapse a weight; weight: then scales them (e.g. weight: 1 nS)");
        assertThatThrownBy(() -> load("B", "connectivity: {model: FixedInDegree, k: 40, multapses: false}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(dir.resolve("m.yaml") + ":10:45: FixedInDegree: k=40 needs at least 40 distinct neurons to draw "
                + "from, got 37; set multapses: true or choose a smaller k");
        assertThatThrownBy(() -> load("B", "connectivity: {model: AllToAl}\nweight: 1 pA"))
            .isInstanceOf(ModelFileException.class)
            .hasMessageStartingWith(dir.resolve("m.yaml") + ":10:27: unknown connectivity rule 'AllToAl'; did you mean "
                + "'AllToAll'? known: AllToAll, OneToOne, FixedProbability, FixedInDegree, FixedOutDegree, "
                + "FixedTotalNumber, Explicit, "
                + "DenseMatrix (and NEST/PyNN names: all_to_all,");
    }
}
