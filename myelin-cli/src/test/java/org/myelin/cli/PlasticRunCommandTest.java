package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Npy;

/**
 * {@code myelin run} on a model with a plastic projection: the summary reports the plastic
 * synapses, snapshots during the run equal the final weights of a run that stops there,
 * run-info.yaml lists the weight files, and {@code myelin plot weights} draws them.
 */
class PlasticRunCommandTest
{
    private static final String MODEL = """
        name: plastic
        dt: 0.1 ms
        duration: 300 ms
        seed: 7
        populations:
          in: {model: PoissonGroup, size: 200, parameters: {rate: 20 Hz}}
          out:
            model: LIF
            size: 30
            parameters: {vRest: -60 mV, vTh: -50 mV, vReset: -60 mV, tauM: 20 ms, r: 1 Gohm, tRef: 2 ms,
                         iExt: 8 pA}
        projections:
          - name: S
            source: in
            target: out
            connectivity: {model: FixedProbability, p: 0.2}
            synapse: {model: Exponential, tau: 5 ms}
            output: {model: COBA, eRev: 0 mV}
            receptor: ge
            weight: {uniform: [0 nS, 1 nS]}
            delay: 1 ms
            plasticity: {rule: stdp, tauPlus: 20 ms, tauMinus: 20 ms, aPlus: 0.01 nS, aMinus: 0.0105 nS,
                         wMax: 1 nS}
        monitors:
          spikes: [out]
          weights:
            - {projection: S, first: 4, every: 5 ms}
            - {projection: S, at: [100 ms]}
        """;

    @TempDir
    static Path dir;
    static Path full;
    static RunAndValidateCommandTest.Result fullRun;

    @BeforeAll
    static void run() throws IOException
    {
        full = dir.resolve("full");
        fullRun = RunAndValidateCommandTest.run("run", RunAndValidateCommandTest.write(dir, MODEL).toString(),
            "--out", full.toString(), "--no-progress", "--no-plot", "--threads", "2");
        assertThat(fullRun.code()).as(fullRun.err()).isZero();
    }

    @Test
    void theSummaryShouldReportThePlasticSynapsesAndTheirBytes() throws IOException
    {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
            "plastic synapses +([\\d,]+), (\\d+\\.\\d\\d) bytes per plastic synapse").matcher(fullRun.out());
        assertThat(m.find()).as(fullRun.out()).isTrue();
        final int n = Integer.parseInt(m.group(1).replace(",", ""));
        assertThat(n).isEqualTo(Npy.read(full.resolve("weights_S_w.npy")).values().length);
        // 12 bytes per synapse (float weight, int source, int post→pre index) plus, per target
        // slice, a row start per source neuron and a column start per target neuron
        final double bytes = Double.parseDouble(m.group(2)) * n;
        final double overhead = bytes - 12.0 * n;
        final double perSlice = 4 * (200 + 1) + 4;
        final long slices = Math.round((overhead - 4 * 30) / perSlice);
        assertThat(slices).isBetween(1L, 30L);
        assertThat(bytes).isCloseTo(12.0 * n + 4 * 30 + slices * perSlice, org.assertj.core.data.Offset.offset(0.005 * n));
    }

    @Test
    void aSnapshotShouldEqualTheFinalWeightsOfARunThatStopsAtItsTime() throws IOException
    {
        final Path shortRun = dir.resolve("short");
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("run",
            dir.resolve("model.yaml").toString(), "--out", shortRun.toString(), "--no-progress", "--no-plot",
            "--threads", "1", "--duration", "100ms");
        assertThat(r.code()).as(r.err()).isZero();

        final double[] snapshot = Npy.read(full.resolve("weights_S_at_100ms_w.npy")).values();
        final double[] stopped = Npy.read(shortRun.resolve("weights_S_w.npy")).values();
        assertThat(snapshot).containsExactly(stopped);
        assertThat(Npy.read(full.resolve("weights_S_at_100ms_i.npy")).values())
            .containsExactly(Npy.read(shortRun.resolve("weights_S_i.npy")).values());
        // and the run went on learning after it
        assertThat(Npy.read(full.resolve("weights_S_w.npy")).values()).isNotEqualTo(snapshot);
    }

    @Test
    void runInfoShouldListTheWeightFiles() throws IOException
    {
        final String info = Files.readString(full.resolve("run-info.yaml"));
        assertThat(info).contains("weights:").contains("weights_S").contains("weights_S_at_100ms")
            .contains("weights_S_monitor");
        assertThat(Npy.read(full.resolve("weights_S_monitor_t.npy")).values()).hasSize(60);
    }

    @Test
    void plotWeightsShouldDrawTheHistogramAndTheMonitoredWeights() throws IOException
    {
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("plot", "weights", full.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        final Path png = full.resolve("weights.png");
        assertThat(r.out()).isEqualTo("wrote " + png + System.lineSeparator());
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
        // a drawn chart, not a blank canvas: bars, four traces, axes and text in several colours
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2)
        {
            for (int x = 0; x < image.getWidth(); x += 2)
            {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(6);
    }

    @Test
    void plotWeightsOfARunWithoutPlasticityShouldSaySo() throws IOException
    {
        final Path plain = dir.resolve("plain");
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("run",
            RunAndValidateCommandTest.write(Files.createDirectories(dir.resolve("p")), RunAndValidateCommandTest.SMALL)
                .toString(), "--out", plain.toString(), "--no-progress", "--no-plot", "--threads", "1",
            "--duration", "20ms");
        assertThat(r.code()).as(r.err()).isZero();
        final RunAndValidateCommandTest.Result plot = RunAndValidateCommandTest.run("plot", "weights",
            plain.toString());
        assertThat(plot.code()).isNotZero();
        assertThat(plot.err().strip()).doesNotContain("\n").contains("no plastic projection");
    }
}
