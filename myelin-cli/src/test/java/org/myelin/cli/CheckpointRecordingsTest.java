package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Checkpoint;

/**
 * The recordings of a checkpointed run besides its spikes: the samples of a state monitor stream
 * into {@code DIR/.checkpoint.states/}, those of a weight monitor and the weight snapshots into
 * {@code DIR/.checkpoint.weights/};
 * a run stopped or killed and resumed with another thread count writes every file of the run that
 * never stopped, byte for byte, and its checkpoint does not grow with the recordings.
 */
class CheckpointRecordingsTest
{
    @TempDir
    private Path dir;

    private Path model;

    @BeforeEach
    void writeModel() throws IOException
    {
        model = write("recorded.yaml", """
              weights:
                - {projection: E->E, first: 6, every: 2 ms}
                - {projection: E->E, at: [0 ms, 20 ms, 150 ms, 300 ms, 1 s, 1.6 s]}
            """);
    }

    /** The small COBA network with STDP on E->E, recording spikes, v of 40 neurons every step and {@code weights}. */
    private Path write(final String name, final String weights) throws IOException
    {
        return Files.writeString(dir.resolve(name), ResumeCommandTest.smallCoba("""
            delay: 2 ms,
                 plasticity: {rule: stdp, tauPlus: 20 ms, tauMinus: 20 ms, aPlus: 0.01 nS, aMinus: 0.0105 nS,
                              wMin: 0 nS, wMax: 1 nS}""", "{population: E, variable: v, neurons: "
            + java.util.stream.IntStream.range(0, 40).boxed().toList() + ", every: 0.1 ms}", weights));
    }

    /**
     * A run stopped at its end after 200 ms and extended to 400 ms with another thread count: the
     * spike, state, weight-monitor, snapshot and final-weight files and run-info.yaml equal those
     * of one run of 400 ms.
     */
    @Test
    void aStoppedRunExtendedWithAnotherThreadCountWritesEveryFileOfOneUninterruptedRun() throws IOException
    {
        final Path straight = dir.resolve("straight");
        final Path resumed = dir.resolve("resumed");
        CliRun.ok("run", model.toString(), "--duration", "400ms", "--threads", "2", "--no-progress", "--no-plot", "--out",
            straight.toString());
        CliRun.ok("run", model.toString(), "--duration", "200ms", "--checkpoint-every", "50ms", "--threads", "1",
            "--no-progress", "--no-plot", "--out", resumed.toString());
        assertThat(resumed.resolve("weights_E-_E_at_300ms_w.npy")).doesNotExist();

        CliRun.ok("resume", resumed.toString(), "--duration", "400ms", "--threads", "3", "--no-progress");

        assertSameFiles(resumed, straight);
        assertThat(straight.resolve("weights_E-_E_at_300ms_w.npy")).exists();
        assertThat(Files.size(straight.resolve("states_E_v.npy"))).isEqualTo(128 + 8L * 40 * 4000);
    }

    /**
     * A run killed by SIGKILL between two checkpoints (its spools hold more than its last
     * checkpoint says), resumed with one thread, writes every file of the run that never stopped.
     */
    @Test
    void aKilledRunResumedWritesEveryFileOfOneUninterruptedRun() throws Exception
    {
        final Path straight = dir.resolve("straight");
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "2s", "--threads", "1", "--no-progress", "--no-plot", "--out",
            straight.toString());
        final Process child = ChildJvm.myelin("run", model.toString(), "--duration", "2s", "--threads", "2",
            "--checkpoint-every", "100ms", "--no-progress", "--no-plot", "--out", out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final Path checkpoint = out.resolve("checkpoint");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(checkpoint.resolve(Checkpoint.MANIFEST)) && Checkpoint.manifest(checkpoint).step()
            >= 4000) && System.nanoTime() < deadline && child.isAlive())
        {
            Thread.sleep(10);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        final long stoppedAt = Checkpoint.manifest(checkpoint).step();
        assertThat(stoppedAt).isBetween(4000L, 19_000L);
        assertThat(out.resolve(RunCommand.STATE_SPOOL).resolve("states_E_v_t.npy")).exists();
        assertThat(out.resolve(RunCommand.WEIGHT_SPOOL).resolve("weights_E-_E_at_150ms_w.npy")).exists();

        CliRun.ok("resume", out.toString(), "--threads", "1", "--no-progress");

        assertSameFiles(out, straight);
    }

    /**
     * The checkpoint of a run twice as long holds the same files of the same size, but for the
     * spikes in flight (as many as the activity of the moment) and the digits of the spools'
     * lengths in its manifest: the state and weight samples and the snapshots are in the spools,
     * not in the checkpoint.
     */
    @Test
    void theCheckpointDoesNotGrowWithTheStateRecording() throws IOException
    {
        final Path snapshotsOnly = write("snapshots.yaml", """
              weights:
                - {projection: E->E, first: 6, every: 2 ms}
                - {projection: E->E, at: [20 ms, 150 ms]}
            """);
        final Path shorter = dir.resolve("shorter");
        final Path longer = dir.resolve("longer");
        CliRun.ok("run", snapshotsOnly.toString(), "--duration", "200ms", "--checkpoint-every", "50ms", "--no-progress",
            "--no-plot", "--out", shorter.toString());
        CliRun.ok("run", snapshotsOnly.toString(), "--duration", "400ms", "--checkpoint-every", "50ms", "--no-progress",
            "--no-plot", "--out", longer.toString());

        assertThat(Files.size(longer.resolve("states_E_v.npy")) - 128).isEqualTo(2 * (Files.size(shorter.resolve(
            "states_E_v.npy")) - 128));
        final List<Path> shortFiles = files(shorter.resolve("checkpoint"));
        final List<Path> longFiles = files(longer.resolve("checkpoint"));
        assertThat(longFiles.stream().map(p -> p.getFileName().toString()).toList()).isEqualTo(shortFiles.stream()
            .map(p -> p.getFileName().toString()).toList());
        for (int k = 0; k < shortFiles.size(); k++)
        {
            final String name = shortFiles.get(k).getFileName().toString();
            final long difference = Files.size(longFiles.get(k)) - Files.size(shortFiles.get(k));
            if (name.equals(Checkpoint.MANIFEST))
            {
                assertThat(difference).as(name).isBetween(0L, 8L);
            }
            else if (!name.endsWith("_spikes_ids.npy"))
            {
                assertThat(difference).as(name).isZero();
            }
        }
        assertThat(Files.size(longer.resolve("weights_E-_E_monitor_t.npy"))).isEqualTo(128 + 8 * 200);
        assertThat(bytes(longFiles)).isLessThan(Files.size(shorter.resolve("states_E_v.npy")) / 4);
    }

    /** A state file cut shorter than the checkpoint says is refused with one line naming it. */
    @Test
    void resumingARunWhoseStateSpoolWasCutShouldBeRefusedNamingTheFile() throws IOException
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "100ms", "--checkpoint-every", "50ms", "--no-progress",
            "--no-plot", "--out", out.toString());
        final Path states = out.resolve("states_E_v.npy");
        final long size = Files.size(states);
        try (FileChannel c = FileChannel.open(states, StandardOpenOption.WRITE))
        {
            c.truncate(size - 8);
        }

        final CliRun r = CliRun.of("resume", out.toString(), "--duration", "200ms", "--no-progress");

        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("myelin resume: " + out.resolve(RunCommand.STATE_SPOOL).resolve("states_E_v.npy")
            + ": holds " + (size - 8) + " bytes, the checkpoint needs " + size + "; the file was cut or belongs to "
            + "another run" + System.lineSeparator());
    }

    /** Every file of {@code expected} but the summary (timings) and the checkpoint, equal in {@code actual}. */
    private static void assertSameFiles(final Path actual, final Path expected) throws IOException
    {
        final List<String> names;
        try (Stream<Path> entries = Files.list(expected))
        {
            names = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("summary.txt")).sorted()
                .toList();
        }
        assertThat(names).contains("spikes_step.npy", "spikes.h5", "states_E_v.npy", "states_E_v.csv",
            "states_E_v_t.npy", "states_E_v_neurons.npy", "weights_E-_E_i.npy", "weights_E-_E_w.npy",
            "weights_E-_E_monitor_w.npy", "weights_E-_E_monitor_t.npy", "weights_E-_E_at_0ms_w.npy",
            "weights_E-_E_at_150ms_w.npy", "run-info.yaml");
        try (Stream<Path> entries = Files.list(actual))
        {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("summary.txt")
                && !n.equals("checkpoint")).sorted().toList()).isEqualTo(names);
        }
        for (final String name : names)
        {
            assertThat(actual.resolve(name)).as(name).hasSameBinaryContentAs(expected.resolve(name));
        }
        assertThat(Files.readAllBytes(expected.resolve("weights_E-_E_w.npy"))).as("STDP changed the weights")
            .isNotEqualTo(Files.readAllBytes(expected.resolve("weights_E-_E_at_0ms_w.npy")));
    }

    private static List<Path> files(final Path folder) throws IOException
    {
        try (Stream<Path> entries = Files.list(folder))
        {
            return entries.sorted().toList();
        }
    }

    private static long bytes(final List<Path> files) throws IOException
    {
        long total = 0;
        for (final Path f : files)
        {
            total += Files.size(f);
        }
        return total;
    }
}
