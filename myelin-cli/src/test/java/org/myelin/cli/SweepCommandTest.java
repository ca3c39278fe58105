package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.io.SavedRun;
import org.myelin.io.YamlNode;

class SweepCommandTest
{
    private static final String WEIGHT = "projections.0.weight";
    private static final String RATE = "populations.P.parameters.rate";

    private static Path model(final Path dir) throws IOException
    {
        return RunAndValidateCommandTest.write(dir, RunAndValidateCommandTest.SMALL);
    }

    private static List<String[]> rows(final Path csv) throws IOException
    {
        return Files.readAllLines(csv).stream().map(l -> l.split(",", -1)).toList();
    }

    /** Mean over E's neurons with three spikes or more of sd / mean of their intervals, computed here on its own. */
    private static double meanCvOfE(final SavedRun run)
    {
        final int first = run.info().populations().get(0).first();
        final int size = run.info().populations().get(0).size();
        double sum = 0;
        int counted = 0;
        for (int i = first; i < first + size; i++)
        {
            final List<Long> times = new ArrayList<>();
            for (int k = 0; k < run.steps().length; k++)
            {
                if (run.neurons()[k] == i)
                {
                    times.add(run.steps()[k]);
                }
            }
            if (times.size() >= 3)
            {
                final double[] isi = new double[times.size() - 1];
                for (int k = 0; k < isi.length; k++)
                {
                    isi[k] = times.get(k + 1) - times.get(k);
                }
                final double mean = Arrays.stream(isi).average().orElseThrow();
                final double var = Arrays.stream(isi).map(x -> (x - mean) * (x - mean)).sum() / isi.length;
                sum += Math.sqrt(var) / mean;
                counted++;
            }
        }
        return sum / counted;
    }

    @Test
    void aTwoByTwoGridGivesFourRowsEqualToSeparateRunsOfTheSamePoints(@TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final CliRun sweep = CliRun.of("sweep", file.toString(), "--vary", WEIGHT + "=0.3 nS,0.9 nS", "--vary",
            RATE + "=20 Hz,80 Hz", "--parallel", "2", "--no-progress", "--out", dir.resolve("s").toString());
        assertThat(sweep.code()).as(sweep.err()).isZero();
        assertThat(sweep.out()).startsWith("myelin sweep: 4 points of " + file + " (2 x 2 values), 2 at a time");
        final List<String[]> rows = rows(dir.resolve("s/sweep.csv"));
        assertThat(rows.get(0)).containsExactly("point", WEIGHT, RATE, "seed", "spikes", "rate_E_Hz", "cv_isi_E",
            "rate_P_Hz", "cv_isi_P", "run_s", "error");
        assertThat(rows).hasSize(5);
        final String[][] points = {{"0.3 nS", "20 Hz"}, {"0.3 nS", "80 Hz"}, {"0.9 nS", "20 Hz"}, {"0.9 nS", "80 Hz"}};
        for (int k = 0; k < 4; k++)
        {
            final String[] row = rows.get(k + 1);
            assertThat(row[0]).isEqualTo(Integer.toString(k + 1));
            assertThat(row[1]).isEqualTo(points[k][0]);
            assertThat(row[2]).isEqualTo(points[k][1]);
            final Path alone = dir.resolve("alone-" + k);
            final CliRun run = CliRun.of("run", file.toString(), "--set", WEIGHT + "=" + points[k][0], "--set",
                RATE + "=" + points[k][1], "--no-plot", "--no-progress", "--out", alone.toString());
            assertThat(run.code()).as(run.err()).isZero();
            final Path point = dir.resolve("s").resolve(SweepCommand.folder(k + 1, 4));
            assertThat(Files.readAllBytes(point.resolve("spikes_step.npy")))
                .isEqualTo(Files.readAllBytes(alone.resolve("spikes_step.npy")));
            assertThat(Files.readAllBytes(point.resolve("spikes_neuron.npy")))
                .isEqualTo(Files.readAllBytes(alone.resolve("spikes_neuron.npy")));
            final SavedRun saved = SavedRun.read(alone);
            final long spikesOfE = Arrays.stream(saved.neurons()).filter(n -> n < 40).count();
            assertThat(row[3]).isEqualTo("3");
            assertThat(Long.parseLong(row[4])).isEqualTo(saved.steps().length);
            assertThat(Double.parseDouble(row[5])).isCloseTo(spikesOfE / 40.0 / 0.05, within(1e-9));
            assertThat(Double.parseDouble(row[7])).isCloseTo((saved.steps().length - spikesOfE) / 20.0 / 0.05,
                within(1e-9));
            assertThat(Double.parseDouble(row[6])).isCloseTo(meanCvOfE(saved), within(1e-8));
            assertThat(row[10]).isEmpty();
        }
        // more weight, more spikes of E; more input rate, more spikes of P
        assertThat(Long.parseLong(rows.get(3)[4])).isGreaterThan(Long.parseLong(rows.get(1)[4]));
        assertThat(Double.parseDouble(rows.get(2)[7])).isGreaterThan(Double.parseDouble(rows.get(1)[7]));
        final YamlNode grid = YamlNode.parse("sweep.yaml", Files.readString(dir.resolve("s/sweep.yaml")));
        assertThat(grid.get("points").text()).isEqualTo("4");
        assertThat(grid.get("vary").items().get(1).get("values").items().stream().map(YamlNode::text).toList())
            .containsExactly("20 Hz", "80 Hz");
        assertThat(grid.get("seeds").items().get(0).text()).isEqualTo("3");
    }

    @Test
    void oneAndTwoPointsAtATimeGiveTheSameTableButForItsTimes(@TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final List<List<String>> tables = new ArrayList<>();
        for (final String parallel : List.of("1", "2"))
        {
            final Path out = dir.resolve("p" + parallel);
            final CliRun r = CliRun.of("sweep", file.toString(), "--vary", WEIGHT + "=lin(0.2 nS, 1 nS, 3)",
                "--repeat-seeds", "2", "--seed", "7", "--duration", "30ms", "--parallel", parallel, "--out",
                out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            final List<String[]> rows = rows(out.resolve("sweep.csv"));
            final int time = Arrays.asList(rows.get(0)).indexOf("run_s");
            tables.add(rows.stream().map(row ->
            {
                final List<String> cells = new ArrayList<>(Arrays.asList(row));
                cells.remove(time);
                return String.join(",", cells);
            }).toList());
        }
        assertThat(tables.get(0)).hasSize(7).isEqualTo(tables.get(1));
        assertThat(tables.get(0).stream().skip(1).map(l -> String.join(",", Arrays.asList(l.split(",")).subList(0, 3)))
            .toList()).containsExactly("1,0.2 nS,7", "2,0.2 nS,8", "3,0.6 nS,7", "4,0.6 nS,8", "5,1 nS,7", "6,1 nS,8");
    }

    @Test
    void aPointThatFailsIsNamedTheOthersRunAndTheExitCodeIsOne(@TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final CliRun r = CliRun.of("sweep", file.toString(), "--vary", "populations.E.parameters.tauM=10 ms,-5 ms,20 ms",
            "--parallel", "2", "--out", dir.resolve("s").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).isEqualTo("myelin sweep: point 2 (populations.E.parameters.tauM=-5 ms) failed: --set "
            + "populations.E.parameters.tauM: LIF: tauM must be > 0 ms and finite, got tauM=-5 ms\n"
            + "myelin sweep: 1 of 3 points failed (point 2); the error column of " + dir.resolve("s/sweep.csv")
            + " says why\n");
        assertThat(r.out()).contains("2 finished, 1 failed");
        final List<String[]> rows = rows(dir.resolve("s/sweep.csv"));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)[rows.get(1).length - 1]).isEmpty();
        assertThat(rows.get(3)[rows.get(3).length - 1]).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("s/sweep.csv")).get(2)).isEqualTo("2,-5 ms,,,,,,,,\"--set "
            + "populations.E.parameters.tauM: LIF: tauM must be > 0 ms and finite, got tauM=-5 ms\"");
        assertThat(dir.resolve("s/point-0001/spikes_step.npy")).exists();
        assertThat(dir.resolve("s/point-0003/spikes_step.npy")).exists();
        assertThat(dir.resolve("s/point-0002")).doesNotExist();
    }

    @Test
    void withoutRecordedSpikesTheRatesStayAndTheCvIsEmpty(@TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final CliRun r = CliRun.of("sweep", file.toString(), "--vary", WEIGHT + "=0.5 nS", "--record", "none", "--out",
            dir.resolve("s").toString());
        assertThat(r.code()).as(r.err()).isZero();
        final String[] row = rows(dir.resolve("s/sweep.csv")).get(1);
        final CliRun alone = CliRun.of("run", file.toString(), "--no-plot", "--out", dir.resolve("a").toString());
        final long spikesOfE = Arrays.stream(SavedRun.read(dir.resolve("a")).neurons()).filter(n -> n < 40).count();
        assertThat(Double.parseDouble(row[4])).as(alone.err()).isCloseTo(spikesOfE / 40.0 / 0.05, within(1e-9));
        assertThat(row[5]).isEmpty();
        assertThat(row[7]).isEmpty();
        assertThat(dir.resolve("s/point-0001/spikes_step.npy")).doesNotExist();
        assertThat(Files.readString(dir.resolve("s/sweep.yaml"))).contains("record: \"none\"\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--vary|projections.7.weight=1 nS|1|myelin sweep: --vary projections.7.weight: no item '7' in the list at "
            + "projections; items there (by name or index from 0): 0",
        "--vary|populations.X.size=3|1|myelin sweep: --vary populations.X.size: no key 'X' at populations; keys "
            + "there: E, P",
        "--vary|populations.E.size|2|myelin sweep: --vary takes PATH=V1,V2,... or PATH=lin(a, b, n) or PATH=log(a, b,"
            + " n), such as --vary populations.E.parameters.tauM=10ms,20ms, got --vary populations.E.size",
        "--vary|populations.E.size=|2|myelin sweep: --vary populations.E.size=: no values; give V1,V2,... or lin(a, "
            + "b, n) or log(a, b, n)",
        "--vary|populations.E.size=10,,20|2|myelin sweep: --vary populations.E.size=10,,20: an empty value between "
            + "commas",
        "--vary|populations.E.size=lin(10, 20)|2|myelin sweep: --vary populations.E.size=lin(10, 20): lin(a, b, n) "
            + "takes two numbers with the same unit and a count n >= 2, such as lin(1 Hz, 100 Hz, 3)",
        "--vary|populations.E.size=lin(1 ms, 2 mV, 3)|2|myelin sweep: --vary populations.E.size=lin(1 ms, 2 mV, 3): "
            + "lin(a, b, n) takes two numbers with the same unit and a count n >= 2, such as lin(1 Hz, 100 Hz, 3); "
            + "got units 'ms' and 'mV'",
        "--vary|populations.E.size=log(0, 10, 3)|2|myelin sweep: --vary populations.E.size=log(0, 10, 3): log(a, b, "
            + "n) needs a and b of the same sign and not 0, got a = 0, b = 10",
        "--vary|populations.E.size=lin(1, 2, 1)|2|myelin sweep: --vary populations.E.size=lin(1, 2, 1): lin(a, b, n)"
            + " takes two numbers with the same unit and a count n >= 2, such as lin(1 Hz, 100 Hz, 3) (n at most "
            + "100000), got n = 1",
        "--vary|populations.E.size=[1|1|myelin sweep: --vary populations.E.size=[1: malformed value (while parsing a "
            + "flow sequence)",
        "--vary|,populations.E.size=1|2|myelin sweep: --vary takes PATH=V1,V2,... or PATH=lin(a, b, n) or PATH=log(a,"
            + " b, n), such as --vary populations.E.parameters.tauM=10ms,20ms, got --vary ,populations.E.size=1 (an "
            + "empty path)",
        "--parallel|0|2|myelin sweep: --parallel must be in [1, 1024], got --parallel=0",
        "--repeat-seeds|0|2|myelin sweep: --repeat-seeds must be in [1, 100000], got --repeat-seeds=0",
        "--duration|5 mV|2|myelin sweep: --duration",
        "--duration|-1 ms|2|myelin sweep: --duration must be > 0 ms, got --duration=-1 ms",
        "--set|populations.E.size=5|2|myelin sweep: populations.E.size is given to both --set and --vary",
        "--vary|populations.E.size=5,6|2|myelin sweep: --vary populations.E.size is given twice",
        "--vary|seed=1,2|2|myelin sweep: --vary seed=... gives the seeds; it cannot be combined with --seed or "
            + "--repeat-seeds"})
    void aBadArgumentGivesOneLineAndWritesNothing(final String option, final String value, final int code,
        final String message, @TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out",
            dir.resolve("s").toString(), option, value));
        if (!option.equals("--vary") || value.startsWith("seed") || value.startsWith("populations.E.size=5"))
        {
            args.addAll(List.of("--vary", "populations.E.size=40,41"));
        }
        if (value.startsWith("seed"))
        {
            args.addAll(List.of("--repeat-seeds", "2"));
        }
        final CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().lines().filter(l -> !l.startsWith("Try ")).count()).isEqualTo(1);
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void withoutVaryTheGridIsEmptyAndANeuroMLFileIsRefused(@TempDir final Path dir) throws IOException
    {
        final CliRun empty = CliRun.of("sweep", model(dir).toString(), "--out", dir.resolve("s").toString());
        assertThat(empty.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(empty.err()).isEqualTo("myelin sweep: the grid is empty: give at least one --vary "
            + "PATH=V1,V2,... (or --set PATH=V1,V2,...)\n");
        final Path nml = Files.writeString(dir.resolve("net.nml"), "<neuroml/>");
        final CliRun xml = CliRun.of("sweep", nml.toString(), "--vary", "a=1", "--out", dir.resolve("s").toString());
        assertThat(xml.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(xml.err()).isEqualTo("myelin sweep: " + nml + ": myelin sweep varies values of YAML model files; "
            + "this is a NeuroML or LEMS file\n");
        final CliRun missing = CliRun.of("sweep", dir.resolve("none.yaml").toString(), "--vary", "a=1", "--out",
            dir.resolve("s").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(missing.err()).isEqualTo("myelin sweep: " + dir.resolve("none.yaml")
            + ": cannot read the file (no such file)\n");
        assertThat(dir.resolve("s")).doesNotExist();
    }

    @Test
    void ctrlCStopsTheSweepWithOneLineAndNoTable(@TempDir final Path dir) throws Exception
    {
        final Path file = model(dir);
        final Path out = dir.resolve("s");
        final Path log = dir.resolve("stderr");
        final Process sweep = ChildJvm.myelin("sweep", file.toString(), "--vary", WEIGHT + "=0.3 nS,0.9 nS", "--duration",
            "600s", "--record", "none", "--parallel", "1", "--out", out.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!Files.isDirectory(out.resolve(".point-0001.myelin-new")) && System.nanoTime() < deadline
            && sweep.isAlive())
        {
            Thread.sleep(50);
        }
        Thread.sleep(300);
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).start().waitFor()).isZero();
        assertThat(sweep.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log).replace("WARNING: Using incubator modules: jdk.incubator.vector"
            + System.lineSeparator(), "")).isEqualTo("myelin sweep: stopped by SIGINT; 0 of 2 points finished in '"
                + out + "', no sweep.csv written (an unfinished point is cleaned by the next run into its folder)"
                + System.lineSeparator());
        assertThat(sweep.exitValue()).isEqualTo(130);
        assertThat(out.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void valuesAreSplitAtTopLevelCommasAndRangesGiveExactEnds()
    {
        assertThat(SweepCommand.values("x", "{uniform: [0 mV, 1 mV]}, [1, 2] ,'a,b',3")).containsExactly(
            "{uniform: [0 mV, 1 mV]}", "[1, 2]", "'a,b'", "3");
        assertThat(SweepCommand.values("x", "lin(0.2 nS, 1 nS, 5)")).containsExactly("0.2 nS", "0.4 nS", "0.6 nS",
            "0.8 nS", "1 nS");
        assertThat(SweepCommand.values("x", "lin(-1, 1e0 ms, 3)")).containsExactly("-1 ms", "0 ms", "1 ms");
        assertThat(SweepCommand.values("x", " log(1 Hz, 100 Hz, 3) ")).containsExactly("1 Hz", "10 Hz", "100 Hz");
        assertThat(SweepCommand.values("x", "log(-0.1, -10, 3)")).containsExactly("-0.1", "-1", "-10");
        assertThat(SweepCommand.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(SweepCommand.number(-0.0)).isEqualTo("0");
        assertThat(SweepCommand.folder(7, 12)).isEqualTo("point-0007");
        assertThat(SweepCommand.folder(7, 12345)).isEqualTo("point-00007");
        assertThat(SweepCommand.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }

    @Test
    void theFirstAxisVariesSlowestAndTheSeedsFastestAndLinkedPathsShareAValue()
    {
        final SweepCommand.Axis a = SweepCommand.axis("x.y, z=1,2");
        assertThat(a.paths()).containsExactly("x.y", "z");
        assertThat(a.label()).isEqualTo("x.y, z");
        final SweepCommand.Axis b = SweepCommand.axis("w=lin(0, 1, 3)");
        final List<SweepCommand.Point> points = SweepCommand.points(List.of(a, b), List.of(5L, 6L));
        assertThat(points).hasSize(12);
        assertThat(points.stream().map(p -> p.values() + "/" + p.seed()).limit(7).toList()).containsExactly(
            "[1, 0]/5", "[1, 0]/6", "[1, 0.5]/5", "[1, 0.5]/6", "[1, 1]/5", "[1, 1]/6", "[2, 0]/5");
        assertThat(points.get(11).index()).isEqualTo(12);
        assertThatThrownBy(() -> SweepCommand.points(List.of(SweepCommand.axis("w=lin(0, 1, 1000)"),
            SweepCommand.axis("v=lin(0, 1, 1000)")), List.of(1L)))
            .hasMessage("the grid has more than 100000 points (1000 x 1000 values); vary fewer values");
    }

    @Test
    void aCsvCellWithACommaOrQuoteIsQuoted()
    {
        final SweepCommand.Axis a = SweepCommand.axis("x=[1, 2]");
        final SweepCommand.Point p = new SweepCommand.Point(1, List.of("[1, 2]"), null);
        final String table = SweepCommand.csv(List.of(a), List.of(new SweepCommand.Outcome(p, 0, List.of(), 0,
            Double.NaN, "bad \"value\", here")));
        assertThat(table).isEqualTo("point,x,seed,spikes,run_s,error\n1,\"[1, 2]\",,,,\"bad \"\"value\"\", here\"\n");
    }

    @Test
    void aTerminalShowsTheFinishedPointsOnOneLineAndALogNothing()
    {
        final long[] now = {0};
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SweepProgress p = new SweepProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
            () -> now[0], 4))
        {
            p.begin();
            now[0] += 2_000_000_000L;
            p.finished(true);
            now[0] += 2_000_000_000L;
            final StringWriter err = new StringWriter();
            p.message("point 2 failed", new PrintWriter(err, true));
            assertThat(err.toString()).isEqualTo("point 2 failed\n");
            p.finished(false);
            p.finished(true);
            p.finished(true);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
            "\rsweeping [                        ]   0 %, 0 of 4 points, elapsed 0:00, ETA ?\033[K"
            + "\rsweeping [======                  ]  25 %, 1 of 4 points, elapsed 0:02, ETA 0:06\033[K"
            + "\r\033[K"
            + "\rsweeping [============            ]  50 %, 2 of 4 points (1 failed), elapsed 0:04, ETA 0:04\033[K"
            + "\rsweeping [==================      ]  75 %, 3 of 4 points (1 failed), elapsed 0:04, ETA 0:01\033[K"
            + "\r\033[K");
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SweepProgress p = new SweepProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false,
            () -> now[0], 2))
        {
            p.begin();
            p.finished(true);
            p.finished(true);
        }
        assertThat(log.toByteArray()).isEmpty();
    }

    /**
     * The sweep of examples/ring.yaml that docs/MODEL-FILES.md shows: below 15 mV (vTh − vRest) a
     * synapse of the chain cannot fire the next neuron, so only neuron 0 fires; at 20 mV neuron
     * i + 1 fires d_i + delay + one step after neuron i (d_i from ring/ring.csv: 10, 15, 20, 25
     * steps in turn), and those that the wave reaches within 100 ms fire once each.
     */
    @Test
    void theRingExamplesSweepShouldCountTheNeuronsItsWaveReaches(@TempDir final Path dir) throws IOException
    {
        final CliRun sweep = CliRun.of("sweep", RunAndValidateCommandTest.EXAMPLES.resolve("ring.yaml").toString(),
            "--vary", "projections.chain.weight=12 mV,20 mV", "--vary", "projections.chain.delay=0 ms,1 ms",
            "--no-progress", "--out", dir.resolve("s").toString());
        assertThat(sweep.code()).as(sweep.err()).isZero();

        final List<String[]> rows = rows(dir.resolve("s/sweep.csv"));
        assertThat(rows.get(0)).startsWith("point", "projections.chain.weight", "projections.chain.delay", "seed",
            "spikes", "rate_R_Hz");
        final long[] reached = new long[2];
        for (int extra = 0; extra < 2; extra++)
        {
            long step = 11;
            for (int i = 0; i < 40 && step < 1000; i++)
            {
                reached[extra]++;
                step += new long[] {10, 15, 20, 25}[i % 4] + 10L * extra + 1;
            }
        }
        assertThat(reached).containsExactly(40, 35);
        final long[] expected = {1, 1, reached[0], reached[1]};
        for (int k = 0; k < 4; k++)
        {
            // the kick's one spike and those of R
            assertThat(rows.get(k + 1)[4]).as("point %d", k + 1).isEqualTo(Long.toString(expected[k] + 1));
            assertThat(Double.parseDouble(rows.get(k + 1)[5])).isCloseTo(expected[k] / 40.0 / 0.1, within(1e-9));
        }
    }

    /** A --set of several values is an axis, the same as --vary; a --set of one value stays fixed. */
    @Test
    void aSetOfSeveralValuesShouldBeAnAxisAsVaryIs(@TempDir final Path dir) throws IOException
    {
        final Path file = model(dir);
        final CliRun bySet = CliRun.of("sweep", file.toString(), "--set", WEIGHT + "=0.3 nS,0.9 nS", "--set",
            RATE + "=40 Hz", "--no-progress", "--out", dir.resolve("set").toString());
        final CliRun byVary = CliRun.of("sweep", file.toString(), "--vary", WEIGHT + "=0.3 nS,0.9 nS", "--set",
            RATE + "=40 Hz", "--no-progress", "--out", dir.resolve("vary").toString());
        assertThat(bySet.code()).as(bySet.err()).isZero();
        assertThat(byVary.code()).as(byVary.err()).isZero();

        final List<String[]> set = rows(dir.resolve("set/sweep.csv"));
        final List<String[]> varied = rows(dir.resolve("vary/sweep.csv"));
        assertThat(set).hasSize(3);
        assertThat(set.get(0)).startsWith("point", WEIGHT, "seed");
        for (int k = 0; k < 3; k++)
        {
            // every column but run_s and error
            assertThat(Arrays.copyOf(set.get(k), 7)).isEqualTo(Arrays.copyOf(varied.get(k), 7));
        }
        final CliRun bad = CliRun.of("sweep", file.toString(), "--set", WEIGHT + "=0.3 nS,,0.9 nS", "--out",
            dir.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--set " + WEIGHT + "=0.3 nS,,0.9 nS: an empty value between commas");
    }
}
