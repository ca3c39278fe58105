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
 * one process with one thread: 1×1, 1×2, 2×1 and 2×2 (ranks × threads) on COBA and CUBA. Skipped
 * where {@code mpirun} is not installed.
 */
class DistributedRunTest
{
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String DURATION = "200ms";

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

    @Test
    void shouldRefuseCheckpointsAcrossRanks() throws Exception
    {
        assumeMpirun();

        final Result result = run(ChildJvm.mpirun(2, "run", EXAMPLES.resolve("cuba.yaml").toString(), "--duration",
            "10ms", "--checkpoint-every", "5ms", "--no-plot", "--no-progress", "--out", dir.resolve("c").toString()));

        assertThat(result.output()).contains("myelin run: checkpoints (--checkpoint-every, resume) do not work "
            + "across MPI ranks yet; run without mpirun");
        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
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
