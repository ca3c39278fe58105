package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAndValidateCommandTest
{
    static final Path EXAMPLES = Path.of("..", "examples");

    static final String SMALL = """
        name: small
        dt: 0.1 ms
        duration: 50 ms
        seed: 3
        populations:
          E:
            model: LIF
            size: 40
            parameters: {tauM: 10 ms, iExt: 12 pA, tRef: 2 ms}
            initial: {v: {uniform: [-60 mV, -50 mV]}}
          P:
            model: PoissonGroup
            size: 20
            parameters: {rate: 50 Hz}
        projections:
          - source: P
            target: E
            connectivity: {model: FixedProbability, p: 0.3}
            synapse: {model: Exponential, tau: 5 ms}
            output: {model: COBA, eRev: 0 mV}
            receptor: ge
            weight: 0.5 nS
            delay: 1 ms
        monitors:
          spikes: all
          states:
            - {population: E, variable: v, neurons: [0, 1], every: 0.5 ms}
        """;

    record Result(int code, String out, String err)
    {
    }

    static Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static Path write(final Path dir, final String text) throws IOException
    {
        final Path file = dir.resolve("model.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void runsAModelFileAndWritesEveryOutput(@TempDir final Path dir) throws IOException
    {
        final Path outDir = dir.resolve("out");
        final Result r = run("run", write(dir, SMALL).toString(), "--out", outDir.toString(), "--no-progress",
            "--threads", "1");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Myelin small: N = 60, 50 ms of biological time, dt = 0.1 ms, seed 3, 1 thread");
        assertThat(r.out()).contains("mean rate          E ").contains(", P ");
        for (final String f : List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv", "spikes.h5", "raster.png",
            "states_E_v.npy", "states_E_v_t.npy", "states_E_v_neurons.npy", "states_E_v.csv", "summary.txt"))
        {
            assertThat(outDir.resolve(f)).exists();
        }
        assertThat(Files.readString(outDir.resolve("summary.txt"), StandardCharsets.UTF_8)).isEqualTo(r.out());
    }

    @Test
    void commandLineValuesReplaceTheFilesAndRecordChoosesWhatIsKept(@TempDir final Path dir) throws IOException
    {
        final Path outDir = dir.resolve("out");
        final Result r = run("run", write(dir, SMALL).toString(), "--out", outDir.toString(), "--no-progress",
            "--duration", "20ms", "--seed", "9", "--record", "P", "--no-plot", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Myelin small: N = 60, 20 ms of biological time, dt = 0.1 ms, seed 9");
        final List<String> csv = Files.readAllLines(outDir.resolve("spikes.csv"));
        assertThat(csv.subList(1, csv.size())).allMatch(line -> line.endsWith(",P"));
        assertThat(outDir.resolve("states_E_v.npy")).doesNotExist();
        assertThat(outDir.resolve("raster.png")).doesNotExist();
    }

    @Test
    void runsLongerThanOneChunkKeepEverySpikeAndSample(@TempDir final Path dir) throws IOException
    {
        // 2500 steps: three chunks between which the spikes go to disk
        final Path outDir = dir.resolve("out");
        final Result r = run("run", write(dir, SMALL).toString(), "--out", outDir.toString(), "--no-progress",
            "--duration", "250ms", "--no-plot", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        final double[] t = org.myelin.io.Npy.read(outDir.resolve("states_E_v_t.npy")).values();
        assertThat(t).hasSize(500);
        for (int s = 0; s < t.length; s++)
        {
            assertThat(t[s]).isCloseTo(0.5 * s, org.assertj.core.data.Offset.offset(1e-9));
        }
        final double[] steps = org.myelin.io.Npy.read(outDir.resolve("spikes_step.npy")).values();
        assertThat(steps).isSorted();
        assertThat(steps[steps.length - 1]).isGreaterThan(2000);
        assertThat(r.out()).contains("  spikes             " + String.format(java.util.Locale.ROOT, "%,d",
            steps.length) + " (E ");
        try (var files = Files.list(outDir))
        {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void theReferenceNetworksStillRunThroughTheSamePath(@TempDir final Path dir)
    {
        final Path outDir = dir.resolve("out");
        final Result r = run("run", "--model", "cuba", "-N", "400", "--duration", "50ms", "--out", outDir.toString(),
            "--no-progress", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Myelin CUBA: N = 400, 50 ms");
        assertThat(outDir.resolve("spikes.h5")).exists();
        assertThat(outDir.resolve("raster.png")).exists();
    }

    @Test
    void aBadFileGivesOneLineWithItsLocationAndWritesNothing(@TempDir final Path dir) throws IOException
    {
        final Path outDir = dir.resolve("out");
        final Path file = write(dir, SMALL.replace("tauM: 10 ms", "tauM: 10 mV"));
        final Result r = run("run", file.toString(), "--out", outDir.toString(), "--no-progress");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("myelin run: " + file + ":9:24: LIF: tauM must be a time (e.g. 20 ms), got "
            + "'10 mV' (a voltage)" + System.lineSeparator());
        assertThat(outDir).doesNotExist();
    }

    @Test
    void malformedYamlIsReportedWithoutAStackTrace(@TempDir final Path dir) throws IOException
    {
        final Path file = write(dir, "populations:\n  E: {model: LIF\n");
        final Result r = run("validate", file.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).startsWith("myelin validate: " + file + ":3:1: malformed YAML: while parsing a flow "
            + "mapping: expected ',' or '}', but got <stream end>").doesNotContain("\tat ");
    }

    @Test
    void referenceOptionsCannotBeCombinedWithAFile(@TempDir final Path dir) throws IOException
    {
        final Result r = run("run", write(dir, SMALL).toString(), "-N", "100");
        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo("myelin run: -N chooses a reference network; it cannot be combined with a model"
            + " file" + System.lineSeparator());
    }

    @Test
    void anUnknownRecordChoiceIsNamed(@TempDir final Path dir) throws IOException
    {
        final Result r = run("run", write(dir, SMALL).toString(), "--record", "spikez", "--out",
            dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("myelin run: --record: unknown 'spikez'; use all, none, spikes, states or a "
            + "population; did you mean 'spikes'? known: all, none, spikes, states, E, P" + System.lineSeparator());
    }

    @Test
    void validatePrintsNeuronsSynapsesAndMemory()
    {
        final Result r = run("validate", EXAMPLES.resolve("coba.yaml").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(EXAMPLES.resolve("coba.yaml") + ": valid\n"
            + "  model          COBA\n"
            + "  populations    E (LIF, 3,200), I (LIF, 800)\n"
            + "  neurons        4,000\n"
            + "  projections    4\n"
            + "  synapses       320,000 expected\n"
            + "  memory         1.9 MiB estimated (states, connectivity, recordings)\n"
            + "  run            1000 ms at dt = 0.1 ms (10,000 steps), seed 42\n"
            + "  recordings     2 spike monitor(s), 1 state monitor(s)\n");
    }

    @Test
    void validateAndRunReadNeuroML(@TempDir final Path dir)
    {
        final Path nml = Path.of("..", "myelin-io", "src", "test", "resources", "neuroml", "iafref_tonic.nml");
        final Result v = run("validate", nml.toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith(nml + ": valid\n  model          net\n  populations    pop (LIF, 1)\n");
        final Result r = run("run", nml.toString(), "--duration", "100ms", "--out", dir.resolve("o").toString(),
            "--no-progress", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        // period 5 ms + 20 ms ln 3 = 26.97 ms, first spike at 21.97 ms: spikes at 22, 49, 76 ms
        assertThat(r.out()).contains("  spikes             3\n");
        assertThat(dir.resolve("o").resolve("states_pop_v.npy")).exists();
    }
}
