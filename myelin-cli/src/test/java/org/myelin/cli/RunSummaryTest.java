package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Npy;
import org.myelin.io.RunInfo;

/** What {@code myelin run} reports and keeps, whatever is recorded. */
class RunSummaryTest
{
    @TempDir
    static Path dir;
    /** The plain run: every spike recorded. */
    static CliRun all;

    private static CliRun run(final String out, final String... record)
    {
        final List<String> args = new java.util.ArrayList<>(List.of("run", "-N", "400", "--duration", "100ms",
            "--no-progress", "--threads", "1", "--out", dir.resolve(out).toString()));
        args.addAll(List.of(record));
        final CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    @BeforeAll
    static void runEverything()
    {
        all = run("all");
    }

    private static String line(final CliRun r, final String label)
    {
        final Matcher m = Pattern.compile("^  " + label + " +(.*)$", Pattern.MULTILINE).matcher(r.out());
        assertThat(m.find()).as("a '%s' line in%n%s", label, r.out()).isTrue();
        return m.group(1);
    }

    @Test
    void spikesAndRatesComeFromTheEngineWhenNothingIsRecorded() throws IOException
    {
        final CliRun none = run("none", "--record", "none");

        assertThat(line(none, "spikes")).isEqualTo(line(all, "spikes")).doesNotStartWith("0");
        assertThat(line(none, "mean rate")).isEqualTo(line(all, "mean rate")).matches("E \\d+\\.\\d\\d Hz, I \\d+\\.\\d\\d"
            + " Hz, all \\d+\\.\\d\\d Hz");
        assertThat(line(none, "synaptic events")).isEqualTo(line(all, "synaptic events"));
        assertThat(line(none, "recorded")).isEqualTo("nothing (--record none)");
        assertThat(line(all, "recorded")).isEqualTo("spikes of E, I");
        try (var files = Files.list(dir.resolve("none")))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run-info.yaml",
                "summary.txt");
        }
        final RunInfo info = RunInfo.read(dir.resolve("none"));
        assertThat(info.populations()).containsExactly(new RunInfo.Population("E", 0, 320, false),
            new RunInfo.Population("I", 320, 80, false));

        final CliRun plot = CliRun.of("plot", "raster", dir.resolve("none").toString());
        assertThat(plot.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(plot.err()).isEqualTo("myelin plot raster: no spikes were recorded in this run (populations E, I"
            + " not recorded); run it again with --record spikes" + System.lineSeparator());
    }

    @Test
    void recordingOnePopulationKeepsEveryRateUnderItsOwnName() throws IOException
    {
        final CliRun e = run("E", "--record", "E");

        assertThat(line(e, "mean rate")).isEqualTo(line(all, "mean rate"));
        assertThat(line(e, "spikes")).isEqualTo(line(all, "spikes"));
        assertThat(line(e, "recorded")).isEqualTo("spikes of E; E.v (5 neurons)");
        final List<String> csv = Files.readAllLines(dir.resolve("E/spikes.csv"));
        assertThat(csv.subList(1, csv.size())).isNotEmpty().allMatch(l -> l.endsWith(",E"));
        final double[] neurons = Npy.read(dir.resolve("E/spikes_neuron.npy")).values();
        assertThat(java.util.Arrays.stream(neurons).max().orElseThrow()).isLessThan(320);
        assertThat(RunInfo.read(dir.resolve("E")).populations()).extracting(RunInfo.Population::recorded)
            .containsExactly(true, false);
        assertThat(ImageIO.read(dir.resolve("E/raster.png").toFile())).isNotNull();

        final CliRun i = run("I", "--record", "I", "--no-plot");
        final double[] ids = Npy.read(dir.resolve("I/spikes_neuron.npy")).values();
        // numbered over every population: I's neurons keep the numbers they have in a full run
        assertThat(java.util.Arrays.stream(ids).min().orElseThrow()).isGreaterThanOrEqualTo(320);
        assertThat(line(i, "recorded")).isEqualTo("spikes of I; I.v (5 neurons)");
    }

    @Test
    void recordStatesOnAReferenceNetworkRecordsTheMembranePotentialOfFiveNeuronsPerPopulation() throws IOException
    {
        final CliRun states = run("states", "--record", "states");

        assertThat(line(states, "recorded")).isEqualTo("E.v (5 neurons); I.v (5 neurons)");
        assertThat(Npy.read(dir.resolve("states/states_E_v.npy")).shape()).containsExactly(1000, 5);
        assertThat(Npy.read(dir.resolve("states/states_I_v_neurons.npy")).values()).containsExactly(0, 1, 2, 3, 4);
        assertThat(dir.resolve("states/spikes.csv")).doesNotExist();
        assertThat(RunInfo.read(dir.resolve("states")).states()).extracting(RunInfo.State::unit)
            .containsExactly("mV", "mV");
        final CliRun plot = CliRun.of("plot", "traces", dir.resolve("states").toString());
        assertThat(plot.code()).as(plot.err()).isZero();
    }

    @Test
    void aModelFileWithoutStateMonitorsSaysWhyRecordStatesKeptNone() throws IOException
    {
        final Path model = Files.writeString(dir.resolve("nostates.yaml"),
            RunAndValidateCommandTest.SMALL.replaceAll("(?s)\\n  states:.*", "\n"));
        final CliRun r = CliRun.of("run", model.toString(), "--record", "states", "--no-progress", "--out",
            dir.resolve("nostates").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(r, "note")).isEqualTo("no states recorded: nostates.yaml monitors none (add 'monitors:"
            + " states:' to it, see docs/MODEL-FILES.md)");
    }

    @Test
    void aSecondRunIntoAFolderReplacesEveryFileOfTheFirst() throws IOException
    {
        run("again", "--record", "states");
        run("again", "--record", "spikes", "--no-plot");
        try (var files = Files.list(dir.resolve("again")))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run-info.yaml",
                "summary.txt", "spikes_step.npy", "spikes_neuron.npy", "spikes.csv", "spikes.h5");
        }
    }

    @Test
    void theMemoryFigureIsTheWholeProcessesResidentPeak()
    {
        assertThat(line(all, "memory")).matches("peak \\d+\\.\\d MiB resident, whole process \\(\\d+\\.\\d MiB by the"
            + " end of the simulation\\); peak heap \\d+\\.\\d MiB");
        assertThat(line(all, "wall time")).matches("\\d+\\.\\d{3} s \\(build \\d+\\.\\d{3} s, run \\d+\\.\\d{3} s,"
            + " outputs \\d+\\.\\d{3} s\\)");
    }
}
