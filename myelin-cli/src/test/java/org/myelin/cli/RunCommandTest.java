package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.io.Npy;

class RunCommandTest
{
    @TempDir
    Path dir;

    private static CliRun run(final String... args)
    {
        return CliRun.of(args);
    }

    @Test
    void shouldRunASmallNetworkAndWriteSpikesRasterAndSummary() throws IOException
    {
        final Path out = dir.resolve("results");
        final CliRun r = run("run", "-N", "400", "--duration", "200ms", "--threads", "2", "--no-progress",
            "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Myelin COBA: N = 400", "synapses", "bytes per synapse", "mean rate",
            "E ", "I ", "bio-s per wall-s", "synaptic events per s", "peak heap");
        final Npy.Array steps = Npy.read(out.resolve("spikes_step.npy"));
        final Npy.Array neurons = Npy.read(out.resolve("spikes_neuron.npy"));
        assertThat(steps.descr()).isEqualTo("<i8");
        assertThat(neurons.descr()).isEqualTo("<i4");
        assertThat(steps.values()).hasSameSizeAs(neurons.values()).isNotEmpty();
        assertThat(java.util.Arrays.stream(steps.values()).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(steps.values()).max().orElseThrow()).isLessThanOrEqualTo(1999.0);
        assertThat(java.util.Arrays.stream(neurons.values()).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
        assertThat(java.util.Arrays.stream(neurons.values()).max().orElseThrow()).isLessThanOrEqualTo(399.0);
        final long csvLines = Files.lines(out.resolve("spikes.csv")).count();
        assertThat(csvLines).isEqualTo(steps.values().length + 1L);
        assertThat(ImageIO.read(out.resolve("raster.png").toFile())).isNotNull();
        assertThat(Files.readString(out.resolve("summary.txt"))).isEqualTo(r.out());
        try (var files = Files.list(out))
        {
            assertThat(files.map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("spikes_step.npy", "spikes_neuron.npy", "spikes.csv", "spikes.h5",
                    "raster.png", "run-info.yaml", "summary.txt");
        }
    }

    @Test
    void shouldRunASmallNetworkOnOneThreadWhenNoThreadCountIsGiven()
    {
        final CliRun r = run("run", "-N", "400", "--duration", "10ms", "--no-progress", "--no-plot",
            "--out", dir.resolve("auto").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("seed 42, 1 thread\n");
    }

    @Test
    void shouldGiveTheSameSpikesForOneAndTwoThreads() throws IOException
    {
        final Path one = dir.resolve("one");
        final Path two = dir.resolve("two");
        assertThat(run("run", "--model", "cuba", "-N", "400", "--duration", "100ms", "--threads", "1", "--no-plot",
            "--no-progress", "--out", one.toString()).code()).isZero();
        assertThat(run("run", "--model", "cuba", "-N", "400", "--duration", "100ms", "--threads", "2", "--no-plot",
            "--no-progress", "--out", two.toString()).code()).isZero();
        assertThat(Files.readAllBytes(two.resolve("spikes.csv"))).isEqualTo(Files.readAllBytes(one.resolve("spikes.csv")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--dt|-1ms|myelin run: --dt must be > 0 ms, got --dt=-1ms",
        "--dt|5 mV|myelin run: --dt must be a time (e.g. 20 ms), got '5 mV' (a voltage)",
        "-N|0|myelin run: -N must be >= 2 neurons, got -N=0",
        "--model|hh|myelin run: unknown --model 'hh'; known models: [coba, cuba]",
        "--duration|0.25ms|myelin run: --duration=0.25 ms is not a whole number of time steps dt=0.1 ms",
        "--threads|0|myelin run: --threads must be in [1, 1024], got --threads=0",
        "-N|many|Invalid value for option '-N': 'many' is not an int"})
    void shouldRejectABadArgumentWithOneLineAndExitTwo(final String option, final String value, final String message)
    {
        final CliRun r = run("run", option, value, "--no-progress", "--out", dir.resolve("x").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains(message).doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("x").resolve("spikes.csv")).doesNotExist();
    }

    @Test
    void shouldRejectAnUnwritableOutputFolder() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("taken"), "a file, not a folder");
        final CliRun r = run("run", "-N", "100", "--duration", "10ms", "--out", file.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo("myelin run: --out '" + file + "' is a file, not a folder"
            + System.lineSeparator());
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void shouldRejectAReadOnlyOutputFolderUnlessRunningAsRoot() throws IOException
    {
        final Path readOnly = Files.createDirectory(dir.resolve("ro"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        final CliRun r = run("run", "-N", "100", "--duration", "10ms", "--out", readOnly.toString());

        if (Files.isWritable(readOnly))
        {
            assertThat(r.code()).isZero(); // root may write anywhere
        }
        else
        {
            assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.err()).contains("is not a writable folder (permission denied)");
        }
    }

    @Test
    void largeStateRecordingsGoToDiskInSmallerChunks()
    {
        final org.myelin.sim.ReferenceNetworks.Built built = org.myelin.sim.ReferenceNetworks.coba(400, 0.1, 1);
        final int[] all = java.util.stream.IntStream.range(0, 320).toArray();
        final java.util.List<org.myelin.monitor.StateMonitor> many = new java.util.ArrayList<>();
        for (int k = 0; k < 20; k++)
        {
            many.add(built.network().monitorState(built.excitatory(), "v", all, 1));
        }
        // 20 x 320 values of 8 bytes a step: 8 MiB last 163 steps
        assertThat(RunCommand.chunkSteps(many)).isEqualTo(163);
        assertThat(RunCommand.chunkSteps(many.subList(0, 1))).isEqualTo(RunCommand.CHUNK_STEPS);
        assertThat(RunCommand.chunkSteps(java.util.List.of())).isEqualTo(RunCommand.CHUNK_STEPS);
    }

    /**
     * Forward Euler with dt/τm = 5 multiplies the distance to v∞ by −4 a step: B starts 1 mV below
     * it and overshoots to −∞ at step 511 (vTh far out of reach); P's spikes until then are kept.
     */
    @Test
    void aRunThatTurnsAStateInfiniteShouldWriteTheOutputsUpToThatStepAndFail() throws IOException
    {
        final Path model = dir.resolve("blow-up.yaml");
        Files.writeString(model, """
            name: blow-up
            dt: 0.1 ms
            duration: 100 ms
            seed: 3
            populations:
              P: {model: PoissonGroup, size: 50, parameters: {rate: 100 Hz}}
              B:
                model: LIF
                size: 3
                parameters: {vRest: -60 mV, vTh: 1.7e308 mV, vReset: -70 mV, tauM: 0.02 ms, integrator: euler}
                initial: {v: -61 mV}
            """);
        final Path out = dir.resolve("out");
        final CliRun r = run("run", model.toString(), "--no-progress", "--no-plot", "--out", out.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("myelin run: LIF 'B': state v became -Infinity at neuron 0, t = 51.200 ms; "
            + "check the parameters or use a smaller dt; the outputs up to t = 51.200 ms are in " + out
            + System.lineSeparator());
        assertThat(r.out()).contains("the run stopped after 51.200 of 100.000 ms: LIF 'B': state v became -Infinity");
        final Npy.Array steps = Npy.read(out.resolve("spikes_step.npy"));
        assertThat(steps.values()).isNotEmpty();
        assertThat(java.util.Arrays.stream(steps.values()).max().orElseThrow()).isLessThanOrEqualTo(511.0);
        assertThat(Files.readString(out.resolve("run-info.yaml"))).contains("51.2");
        assertThat(Files.readString(out.resolve("summary.txt"))).isEqualTo(r.out());
    }

    @Test
    void shouldWarnWhenTheOutputsAtTheRateSoFarWillNotFitOnTheDisk() throws IOException
    {
        final Path staging = Files.createDirectories(dir.resolve(".out.myelin-new"));
        Files.write(staging.resolve("spikes.csv"), new byte[1024]);

        // 1 KiB after one step of 10^12: about 1 EiB in the end
        assertThat(RunCommand.diskWarning(staging, 1, 1_000_000_000_000L, 10))
            .matches("at the rate of the first 0 % of the run, its outputs will take about [0-9.]+ GiB, but the disk "
                + "of .* has [0-9.]+ GiB free; record fewer populations \\(--record\\), run for less, or write "
                + "elsewhere \\(--out\\)");
        assertThat(RunCommand.diskWarning(staging, 1, 20, 10)).isNull();
    }

    @Test
    void shouldPrintHelpWithExamples()
    {
        final CliRun r = run("run", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--model", "--duration", "--dt", "--seed", "--threads", "--out", "Examples:");
    }
}
