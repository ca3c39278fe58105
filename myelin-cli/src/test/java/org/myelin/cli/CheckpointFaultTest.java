package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Checkpoint;

/**
 * A checkpointed {@code myelin run} killed by SIGKILL again and again, at seeded random moments
 * while it steps, while it writes a checkpoint and while it writes its outputs, and resumed each
 * time (by {@code myelin resume} with a random thread count, or by the same {@code myelin run} when
 * no checkpoint was complete yet), ends with the files of the run that was never interrupted.
 *
 * <p>The number of kills and the seed come from the system properties {@code myelin.faults.kills}
 * (default 3, one of each kind, for the suite) and {@code myelin.faults.seed}; {@code bin/checkpoint-faults} runs
 * it with 20 kills.
 */
class CheckpointFaultTest
{
    private static final int KILLS = Integer.getInteger("myelin.faults.kills", 3);
    /** Further kills aimed at a moment that no kill hit yet, at most, for each kind. */
    private static final int EXTRA_KILLS = 5;
    private static final long SEED = Long.getLong("myelin.faults.seed", 15);
    /** COBA-400 recording the spikes of E and I and v of 5 neurons of each, every step. */
    private static final List<String> RUN = List.of("run", "-N", "400", "--duration", "2s", "--record", "E,I",
        "--no-progress", "--no-plot");
    private static final List<String> OUTPUTS = List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv",
        "spikes.h5", "states_E_v.npy", "states_E_v_t.npy", "states_E_v.csv", "states_I_v.npy", "states_I_v.csv",
        "run-info.yaml");

    /** Where a kill is aimed. */
    private enum Moment
    {
        /** while the simulation steps (or starts, or restores its checkpoint). */
        STEPS,
        /** while a checkpoint is written: an unfinished checkpoint folder is left. */
        CHECKPOINT,
        /** after the final checkpoint, while the output files are written and swapped in. */
        OUTPUT
    }

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    void aRunKilledAtRandomMomentsAndResumedEachTimeShouldWriteTheFilesOfAnUninterruptedRun() throws Exception
    {
        final Path straight = dir.resolve("straight");
        final List<String> plain = new ArrayList<>(RUN);
        plain.addAll(List.of("--threads", "2", "--out", straight.toString()));
        final CliRun whole = CliRun.of(plain.toArray(String[]::new));
        assertThat(whole.code()).as(whole.err()).isZero();

        final Path out = dir.resolve("out");
        final Random random = new Random(SEED);
        final Map<Moment, Integer> hit = new EnumMap<>(Moment.class);
        final List<String> history = new ArrayList<>();
        // kills of every kind during the run, then kills while it finishes; a kill aimed at the steps
        // can land in a checkpoint written meanwhile, so a kind no kill has hit is aimed at again (a
        // few times, before the run can end) so that every kind is tried however the timing fell
        final int whileFinishing = KILLS / 3;
        int k = 0;
        for (; k < KILLS - whileFinishing; k++)
        {
            killOnce(k % 2 == 0 ? Moment.STEPS : Moment.CHECKPOINT, out, random, k, hit, history);
        }
        k = aimAgainAtWhatWasMissed(List.of(Moment.STEPS, Moment.CHECKPOINT), out, random, k, hit, history);
        for (int i = 0; i < whileFinishing; i++, k++)
        {
            killOnce(Moment.OUTPUT, out, random, k, hit, history);
        }
        aimAgainAtWhatWasMissed(List.of(Moment.OUTPUT), out, random, k, hit, history);
        System.out.println("kills (aimed->hit): " + history);
        final CliRun last = CliRun.of("resume", out.toString(), "--threads", "2", "--no-progress");

        assertThat(last.code()).as(last.err()).isZero();
        for (final String file : OUTPUTS)
        {
            assertThat(out.resolve(file)).as(file + " after " + history).hasSameBinaryContentAs(straight.resolve(file));
        }
        assertThat(Checkpoint.manifest(out.resolve(RunCommand.CHECKPOINT)).step()).isEqualTo(20_000);
        assertThat(hit).as("moments hit by the kills: " + history).containsKeys(Moment.STEPS, Moment.CHECKPOINT,
            Moment.OUTPUT);
    }

    /** Up to {@value #EXTRA_KILLS} more kills at each of {@code aims} that no kill has hit; the next attempt's number. */
    private int aimAgainAtWhatWasMissed(final List<Moment> aims, final Path out, final Random random, final int first,
        final Map<Moment, Integer> hit, final List<String> history) throws Exception
    {
        int k = first;
        for (final Moment aim : aims)
        {
            for (int extra = 0; extra < EXTRA_KILLS && !hit.containsKey(aim); extra++, k++)
            {
                killOnce(aim, out, random, k, hit, history);
            }
        }
        return k;
    }

    /** Starts or resumes the run, kills it at a moment aimed at {@code aim}, and records where it hit. */
    private void killOnce(final Moment aim, final Path out, final Random random, final int k,
        final Map<Moment, Integer> hit, final List<String> history) throws Exception
    {
        final Set<Path> unfinishedBefore = unfinishedCheckpoints(out);
        final Process p = start(out, random, k);
        awaitRunning(out, p);
        final boolean killed = switch (aim)
        {
            case STEPS -> sleepWhileAlive(p, random.nextInt(1500));
            case CHECKPOINT -> awaitCheckpointWriting(out, p, 1 + random.nextInt(3))
                && sleepWhileAlive(p, random.nextInt(3));
            case OUTPUT -> awaitFinalCheckpoint(out, p) && sleepWhileAlive(p, random.nextInt(60));
        };
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        final Moment at = !killed ? null
            : !unfinishedBefore.containsAll(unfinishedCheckpoints(out)) ? Moment.CHECKPOINT
            : Files.isDirectory(staging(out).resolve(RunCommand.CHECKPOINT)) ? Moment.OUTPUT : Moment.STEPS;
        if (at != null)
        {
            hit.merge(at, 1, Integer::sum);
        }
        history.add(aim + "->" + (at == null ? "ended first (exit " + p.exitValue() + ")" : at));
    }

    /** {@code myelin resume} when a checkpoint is complete, else the run from its start. */
    private Process start(final Path out, final Random random, final int attempt) throws IOException
    {
        final String threads = Integer.toString(1 + random.nextInt(3));
        final List<String> args = new ArrayList<>();
        if (Files.isRegularFile(out.resolve(RunCommand.CHECKPOINT).resolve(Checkpoint.MANIFEST))
            || Files.isRegularFile(out.resolve(".checkpoint.previous").resolve(Checkpoint.MANIFEST)))
        {
            args.addAll(List.of("resume", out.toString(), "--no-progress", "--threads", threads));
        }
        else
        {
            args.addAll(RUN);
            args.addAll(List.of("--checkpoint-every", "100ms", "--threads", threads, "--out", out.toString()));
        }
        final Path log = logs.resolve("stderr-" + attempt);
        return ChildJvm.myelin(args.toArray(String[]::new)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile()).start();
    }

    private static Path staging(final Path out)
    {
        return out.resolveSibling("." + out.getFileName() + ".myelin-new");
    }

    /** Waits until the process holds the output folder (its lock names it), or has ended. */
    private static void awaitRunning(final Path out, final Process p) throws Exception
    {
        final Path lock = out.resolveSibling("." + out.getFileName() + ".myelin-lock");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline)
        {
            if (Files.isDirectory(staging(out)) && Files.exists(lock)
                && Files.readString(lock, StandardCharsets.UTF_8).startsWith(p.pid() + " "))
            {
                return;
            }
            Thread.sleep(5);
        }
    }

    /** Sleeps {@code ms}; false if the process ended before. */
    private static boolean sleepWhileAlive(final Process p, final int ms) throws InterruptedException
    {
        return !p.waitFor(ms, TimeUnit.MILLISECONDS);
    }

    /** Waits until the process is writing its {@code n}-th checkpoint; false if it ended first. */
    private static boolean awaitCheckpointWriting(final Path out, final Process p, final int n) throws IOException
    {
        final Set<Path> seen = new HashSet<>(unfinishedCheckpoints(out));
        final int before = seen.size();
        while (p.isAlive())
        {
            seen.addAll(unfinishedCheckpoints(out));
            if (seen.size() - before >= n)
            {
                return p.isAlive();
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** Waits until the final checkpoint is in the unfinished run's folder; false if the process ended first. */
    private static boolean awaitFinalCheckpoint(final Path out, final Process p) throws InterruptedException
    {
        final Path last = staging(out).resolve(RunCommand.CHECKPOINT);
        while (p.isAlive())
        {
            if (Files.isDirectory(last))
            {
                return p.isAlive();
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Checkpoint folders being written or left unfinished, in the output folder and the unfinished run's. */
    private static Set<Path> unfinishedCheckpoints(final Path out) throws IOException
    {
        final Set<Path> found = new HashSet<>();
        for (final Path folder : List.of(out, staging(out)))
        {
            try (Stream<Path> entries = Files.list(folder))
            {
                entries.filter(e -> e.getFileName().toString().startsWith(".checkpoint.writing-")).forEach(found::add);
            }
            catch (final java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e)
            {
                // not there (yet, or any more)
            }
            catch (final java.io.UncheckedIOException e)
            {
                // the folder went away while it was listed
            }
        }
        return found;
    }
}
