package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code myelin run} split over MPI ranks and threads writes the same files, byte for byte, as
 * one process with one thread: 1×1, 1×2, 2×1 and 2×2 (ranks × threads) on COBA and CUBA; and a
 * checkpointed run of 2 ranks, killed, resumes on 1, 2 or 4 ranks to the files of a run that never
 * stopped. Skipped where {@code mpirun} is not installed.
 */
class DistributedRunTest
{
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String DURATION = "200ms";
    /** A checkpointed run's length: killed after its first checkpoint, at 100 ms, it has most of its steps to go. */
    private static final String CHECKPOINTED = "400ms";

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameCobaFilesForAnySplitOfRanksAndThreads() throws Exception
    {
        assumeMpirun();

        assertSameFilesForEverySplit(EXAMPLES.resolve("coba.yaml"));
    }

    /** CUBA, with state monitors on neurons that fall into different ranks' slices. */
    @Test
    void shouldWriteTheSameCubaFilesAndStatesForAnySplitOfRanksAndThreads() throws Exception
    {
        assumeMpirun();
        final Path model = dir.resolve("cuba-states.yaml");
        Files.writeString(model, Files.readString(EXAMPLES.resolve("cuba.yaml")) + """
              states:
                - {population: E, variable: v, neurons: [0, 1700, 3199], every: 1 ms}
                - {population: I, variable: v, neurons: [5, 799], every: 0.5 ms}
            """);

        assertSameFilesForEverySplit(model);
    }

    /** COBA with a delay of 1 ms on every projection: the ranks exchange every 11 steps instead of every step. */
    @Test
    void shouldWriteTheSameFilesWhenTheRanksExchangeOncePerShortestDelay() throws Exception
    {
        assumeMpirun();
        final Path model = dir.resolve("coba-delayed.yaml");
        final String coba = Files.readString(EXAMPLES.resolve("coba.yaml"));
        final String delayed = coba.replace("    weight: 0.6 nS\n", "    weight: 0.6 nS\n    delay: 1 ms\n")
            .replace("    weight: 6.7 nS\n", "    weight: 6.7 nS\n    delay: 1 ms\n");
        assertThat(delayed.split("delay: 1 ms", -1)).as("both anchors delayed").hasSize(3);
        Files.writeString(model, delayed);

        assertSameFilesForEverySplit(model);
        final Result result = run(ChildJvm.mpirun(2, "run", model.toString(), "--duration", "10ms", "--no-plot",
            "--no-progress", "--out", dir.resolve("interval").toString()));
        assertThat(result.output()).as(result.output()).contains("spikes exchanged every 11 steps");
    }

    /**
     * The Potjans–Diesmann microcircuit at 1 % (sizes and synapse counts scaled alike): fixed
     * total numbers with per-synapse normal weights and delays, whose rows each rank draws whole and
     * keeps its targets' part of. The summary counts every rank's synapses, and rank 0 holds part.
     */
    @Test
    void shouldWriteTheSameMicrocircuitFilesWhenEachRankHoldsItsPartOfTheSynapses() throws Exception
    {
        assumeMpirun();
        final Path model = dir.resolve("microcircuit-1pc.yaml");
        final String full = Files.readString(EXAMPLES.resolve("potjans-diesmann.yaml"));
        final String scaled = scale(scale(full, "size: (\\d+)"), "\\bn: (\\d+)");
        assertThat(scaled).contains("size: 58,", "n: 454998}").doesNotContain("size: 20683", "mean: 1 pA");
        Files.writeString(model, scaled);

        assertSameFilesForEverySplit(model);
        final String single = Files.readString(dir.resolve("1x1").resolve("summary.txt"));
        final String split = Files.readString(dir.resolve("2x1").resolve("summary.txt"));
        final long synapses = figure(single, "  synapses +([\\d,]+)\\R");
        assertThat(synapses).isGreaterThan(2_000_000);
        assertThat(figure(split, "  synapses +([\\d,]+) \\(")).as(split).isEqualTo(synapses);
        final long onRank0 = figure(split, "\\(([\\d,]+) of them on rank 0\\)");
        assertThat(onRank0).as(split).isLessThan(synapses * 6 / 10).isGreaterThan(synapses * 4 / 10);
        assertThat(split).contains("MiB on rank 0)").containsPattern("peak resident per rank [\\d.]+, [\\d.]+ MiB");
    }

    /** Every match of {@code pattern}'s number scaled by 1/100 and rounded. */
    private static String scale(final String yaml, final String pattern)
    {
        return java.util.regex.Pattern.compile(pattern).matcher(yaml).replaceAll(m -> m.group().replace(m.group(1),
            Long.toString(Math.round(Long.parseLong(m.group(1)) / 100.0))));
    }

    /** The number that {@code pattern}'s group 1 finds in {@code text}. */
    private static long figure(final String text, final String pattern)
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /**
     * COBA-400 under 2 ranks with a checkpoint every 100 ms, killed (SIGKILL to both ranks) once a
     * checkpoint is complete, continues with {@code myelin resume} in 1 process, 2 ranks and 4
     * ranks to the files of a run that never stopped.
     */
    @Test
    void shouldResumeACobaCheckpointOfTwoRanksOnOneTwoAndFourRanks() throws Exception
    {
        assumeMpirun();

        assertResumedFilesEqualUninterrupted(List.of("--model", "coba", "-N", "400"), 1, 2, 4);
    }

    /**
     * COBA with pair STDP on E->E (1 ms delay) at a tenth of its size (same in-degree), per-synapse
     * delays of 0.5–3 ms and short-term plasticity on E->I, and a state monitor: delay rings, STP
     * states, the factors of the spikes in flight and the plastic weights and traces are put
     * together from both ranks. Resumed on 2 ranks, rank 0 writes the final weights of both
     * ranks' synapses.
     */
    @Test
    void shouldResumeACheckpointOfTwoRanksWithPerSynapseDelaysShortTermPlasticityAndPairStdp() throws Exception
    {
        assumeMpirun();
        final Path model = dir.resolve("coba-stdp-delays-stp.yaml");
        final String text = tenth(Files.readString(EXAMPLES.resolve("coba-stdp.yaml")))
            .replace("    weight: 0.6 nS\n", "    weight: 0.6 nS\n    delay: {uniform: [0.5 ms, 3 ms]}\n"
                + "    delayRounding: nearest\n    plasticity: {model: STP, U: 0.5, tauF: 50 ms, tauD: 800 ms}\n")
            .replace("    name: E->E\n    target: E\n", "    name: E->E\n    target: E\n    delay: 1 ms\n");
        assertThat(text).contains("plasticity: {model: STP", "rule: stdp", "target: E\n    delay: 1 ms\n",
            "size: 320\n");
        Files.writeString(model, text);

        assertResumedFilesEqualUninterrupted(List.of(model.toString()), 1, 2);
    }

    /** A COBA model file at a tenth of its size with the same in-degree (p ten times higher). */
    private static String tenth(final String coba)
    {
        final String scaled = coba.replace("size: 3200\n", "size: 320\n").replace("size: 800\n", "size: 80\n")
            .replace("p: 0.02}", "p: 0.2}");
        assertThat(scaled).doesNotContain("size: 3200", "p: 0.02}");
        return scaled;
    }

    /**
     * Runs {@code model} for {@value #CHECKPOINTED} uninterrupted in one process, and under 2 ranks with a
     * checkpoint every 100 ms killed after its first checkpoint; resumes a copy of the killed
     * folder with each of {@code resumeRanks} and compares every recorded file and
     * {@code run-info.yaml} with the uninterrupted run's, byte for byte.
     */
    private void assertResumedFilesEqualUninterrupted(final List<String> model, final int... resumeRanks)
        throws Exception
    {
        final Path whole = dir.resolve("uninterrupted");
        final Result plain = run(ChildJvm.myelin(args(model, "--duration", CHECKPOINTED, "--no-plot", "--no-progress",
            "--out", whole.toString())));
        assertThat(plain.exitCode()).as(plain.output()).isZero();
        final List<Path> files;
        try (Stream<Path> listed = Files.list(whole))
        {
            files = listed.filter(p -> p.toString().matches(".*\\.(npy|csv|h5)$")
                || p.getFileName().toString().equals("run-info.yaml")).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString())).contains("spikes_step.npy",
            "spikes_neuron.npy", "spikes.csv", "spikes.h5", "run-info.yaml");

        final Path killed = dir.resolve("killed");
        final Process process = ChildJvm.mpirun(2, args(model, "--duration", CHECKPOINTED, "--checkpoint-every",
            "100ms", "--threads", "1", "--no-plot", "--no-progress", "--out", killed.toString())).redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile()).start();
        final Path manifest = killed.resolve(RunCommand.CHECKPOINT).resolve("manifest.yaml");
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(manifest) && process.isAlive() && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(killed.resolve("summary.txt")).as(Files.readString(dir.resolve("killed.log")))
            .doesNotExist();
        assertThat(manifest).as("a complete checkpoint before the kill").exists();

        for (final int ranks : resumeRanks)
        {
            final Path resumed = dir.resolve("resumed-" + ranks);
            copyTree(killed, resumed);
            final String[] resume = {"resume", resumed.toString(), "--no-progress"};
            final Result result = run(ranks == 1 ? ChildJvm.myelin(resume) : ChildJvm.mpirun(ranks, resume));
            assertThat(result.exitCode()).as(result.output()).isZero();
            for (final Path f : files)
            {
                assertThat(Files.readAllBytes(resumed.resolve(f.getFileName())))
                    .as("%s resumed on %d rank(s) from a checkpoint of 2 ranks", f.getFileName(), ranks)
                    .isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    private static String[] args(final List<String> model, final String... more)
    {
        final List<String> all = new java.util.ArrayList<>(List.of("run"));
        all.addAll(model);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** Copies the folder {@code from}, hidden files included, to {@code to}. */
    private static void copyTree(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> paths = Files.walk(from))
        {
            for (final Path p : paths.toList())
            {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private void assertSameFilesForEverySplit(final Path model) throws Exception
    {
        final Path single = dir.resolve("1x1");
        runSplit(model, 1, 1, single);
        final List<Path> files = recorded(single);
        assertThat(files.stream().map(p -> p.getFileName().toString())).contains("spikes_step.npy",
            "spikes_neuron.npy", "spikes.csv");
        assertThat(Files.size(single.resolve("spikes_neuron.npy"))).isGreaterThan(1000);
        for (final int[] split : new int[][] {{1, 2}, {2, 1}, {2, 2}})
        {
            final Path other = dir.resolve(split[0] + "x" + split[1]);
            runSplit(model, split[0], split[1], other);
            assertThat(recorded(other).stream().map(p -> p.getFileName().toString()))
                .containsExactlyElementsOf(files.stream().map(p -> p.getFileName().toString()).toList());
            for (final Path f : files)
            {
                assertThat(Files.readAllBytes(other.resolve(f.getFileName())))
                    .as("%s with %d ranks × %d threads", f.getFileName(), split[0], split[1])
                    .isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    private static void runSplit(final Path model, final int ranks, final int threads, final Path out)
        throws Exception
    {
        final String[] args = {"run", model.toString(), "--duration", DURATION, "--threads",
            Integer.toString(threads), "--no-plot", "--no-progress", "--out", out.toString()};
        final Result result = run(ranks == 1 ? ChildJvm.myelin(args) : ChildJvm.mpirun(ranks, args));
        assertThat(result.exitCode()).as(result.output()).isZero();
        if (ranks > 1)
        {
            // one summary, from rank 0
            assertThat(result.output().split("Myelin ", -1)).as(result.output()).hasSize(2);
            assertThat(result.output()).contains("distributed over " + ranks + " MPI ranks × " + threads + " thread");
        }
    }

    /** The spike and state files of a run folder (the summary holds timings, so it differs). */
    private static List<Path> recorded(final Path out) throws IOException
    {
        try (Stream<Path> files = Files.list(out))
        {
            return files.filter(p -> p.toString().endsWith(".npy") || p.toString().endsWith(".csv")).sorted()
                .toList();
        }
    }

    private record Result(int exitCode, String output)
    {
    }

    private static Result run(final ProcessBuilder builder) throws IOException, InterruptedException
    {
        final Process process = builder.redirectErrorStream(true).start();
        final byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
            throw new IllegalStateException("did not end within 5 minutes: " + builder.command());
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void assumeMpirun()
    {
        boolean found = false;
        for (final String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            found |= new File(d, "mpirun").canExecute();
        }
        assumeTrue(found, "mpirun is not installed (Debian: apt-get install openmpi-bin libopenmpi-dev); "
            + "the MPI runs are skipped");
    }
}
