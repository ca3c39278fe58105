package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder under real processes: two runs at once, a run stopped by a signal, a run killed. */
class RunFolderProcessTest
{
    @TempDir
    Path dir;

    @TempDir
    Path logs;

    private final java.util.Map<Process, Path> errors = new java.util.HashMap<>();

    /** {@code myelin run} in a JVM of its own, long enough to be caught while it runs. */
    private Process start(final Path out, final String... more) throws IOException
    {
        final List<String> args = new ArrayList<>(List.of("run", "-N", "400", "--no-progress", "--no-plot", "--out",
            out.toString()));
        args.addAll(List.of(more));
        final Path log = logs.resolve("stderr-" + errors.size());
        final Process p = ChildJvm.myelin(args.toArray(String[]::new)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile()).start();
        errors.put(p, log);
        return p;
    }

    /** Waits until the run has taken the folder: its lock file names its process. */
    private void awaitRunning(final Path out, final Process p) throws Exception
    {
        final Path lock = out.resolveSibling("." + out.getFileName() + ".myelin-lock");
        final Path staging = out.resolveSibling("." + out.getFileName() + ".myelin-new");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            if (Files.isDirectory(staging) && Files.exists(lock)
                && Files.readString(lock).startsWith(p.pid() + " "))
            {
                Thread.sleep(300); // into the simulation, past the building of the network
                return;
            }
            if (!p.isAlive())
            {
                throw new AssertionError("the run stopped early, exit " + p.exitValue() + ": " + stderr(p));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not start within 60 s");
    }

    private String stderr(final Process p) throws IOException
    {
        return Files.readString(errors.get(p), StandardCharsets.UTF_8)
            .replace("WARNING: Using incubator modules: jdk.incubator.vector" + System.lineSeparator(), "");
    }

    private static List<String> names(final Path folder) throws IOException
    {
        try (var entries = Files.list(folder))
        {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefusedAndSigtermRemovesTheUnfinishedRun() throws Exception
    {
        final Path out = dir.resolve("out");
        final Process first = start(out, "--duration", "600s");
        awaitRunning(out, first);

        final Process second = start(out, "--duration", "10ms");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(second)).matches("myelin run: --out '" + java.util.regex.Pattern.quote(out.toString())
            + "' is in use by another run \\(process " + first.pid() + ", started at \\d\\d:\\d\\d:\\d\\d\\); wait for"
            + " it to finish or choose another folder\\R");
        assertThat(second.exitValue()).isEqualTo(Main.EXIT_USAGE);

        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(first)).isEqualTo("myelin run: stopped by SIGTERM; the unfinished run was removed, '" + out
            + "' was not created" + System.lineSeparator());
        assertThat(first.exitValue()).isEqualTo(143);
        assertThat(names(dir)).containsExactly(".out.myelin-lock").allMatch(n -> !n.endsWith("-new"));
    }

    /**
     * A run killed by SIGKILL after its second checkpoint (nothing of the process runs), resumed
     * with another thread count, writes the files of the run that never stopped.
     */
    @Test
    void aKilledRunResumedFromItsCheckpointWritesTheFilesOfAnUninterruptedRun() throws Exception
    {
        final Path straight = dir.resolve("straight");
        final CliRun whole = CliRun.of("run", "-N", "400", "--duration", "20s", "--threads", "2", "--no-progress",
            "--no-plot", "--out", straight.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        final Path out = dir.resolve("out");
        final Process run = start(out, "--duration", "20s", "--threads", "2", "--checkpoint-every", "100ms");
        final Path manifest = out.resolve("checkpoint").resolve(org.myelin.io.Checkpoint.MANIFEST);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(manifest) && org.myelin.io.Checkpoint.manifest(out.resolve("checkpoint")).step() >= 2000)
            && System.nanoTime() < deadline && run.isAlive())
        {
            Thread.sleep(20);
        }
        run.destroyForcibly();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        final long stoppedAt = org.myelin.io.Checkpoint.manifest(out.resolve("checkpoint")).step();
        assertThat(stoppedAt).isBetween(2000L, 199_000L);

        final CliRun resumed = CliRun.of("resume", out.toString(), "--threads", "1", "--no-progress");

        assertThat(resumed.code()).as(resumed.err()).isZero();
        for (final String file : List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv", "run-info.yaml"))
        {
            assertThat(out.resolve(file)).as(file).hasSameBinaryContentAs(straight.resolve(file));
        }
    }

    @Test
    void ctrlCKeepsThePreviousRunWhole() throws Exception
    {
        final Path out = dir.resolve("out");
        final CliRun previous = CliRun.of("run", "-N", "400", "--duration", "50ms", "--no-progress", "--out",
            out.toString());
        assertThat(previous.code()).as(previous.err()).isZero();
        final byte[] spikes = Files.readAllBytes(out.resolve("spikes.csv"));
        final List<String> files = names(out);

        final Process run = start(out, "--duration", "600s", "--record", "none");
        awaitRunning(out, run);
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor()).isZero();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr(run)).isEqualTo("myelin run: stopped by SIGINT; the unfinished run was removed, '" + out
            + "' holds the previous run" + System.lineSeparator());
        assertThat(run.exitValue()).isEqualTo(130);
        assertThat(names(out)).isEqualTo(files);
        assertThat(Files.readAllBytes(out.resolve("spikes.csv"))).isEqualTo(spikes);
    }

    @Test
    void theLeftoversOfAKilledRunAreCleanedByTheNextOne() throws Exception
    {
        final Path out = dir.resolve("out");
        final Process run = start(out, "--duration", "600s");
        awaitRunning(out, run);
        run.destroyForcibly(); // SIGKILL: nothing of the process runs
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(names(dir)).contains(".out.myelin-new");

        final CliRun next = CliRun.of("run", "-N", "400", "--duration", "20ms", "--no-progress", "--no-plot",
            "--out", out.toString());
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.out()).contains("  note               removed the unfinished run left by an earlier run into '"
            + out + "' that stopped\n");
        assertThat(names(dir)).containsExactly(".out.myelin-lock", "out");
        assertThat(names(out)).containsExactly("run-info.yaml", "spikes.csv", "spikes.h5", "spikes_neuron.npy",
            "spikes_step.npy", "summary.txt");
    }
}
