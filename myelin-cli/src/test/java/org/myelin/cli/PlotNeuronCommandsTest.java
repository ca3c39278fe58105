package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotNeuronCommandsTest
{
    @TempDir
    Path dir;

    private static CliRun run(final String... args)
    {
        return CliRun.of(args);
    }

    @Test
    void fiShouldDrawTheCurveOfAModel() throws IOException
    {
        final Path png = dir.resolve("fi.png");
        final CliRun r = run("plot", "fi", "--model", "lif", "--max", "40", "--points", "5", "--duration", "200ms",
            "--param", "tRef=2ms", "--param", "tauM=0.02s", "--param", "vTh=-50", "--out", png.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("myelin plot fi: wrote " + png + " (5 currents, 0.000 to 40.00 pA, max rate ");
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
    }

    @Test
    void neuronShouldDrawOnePanelPerPreset() throws IOException
    {
        final Path png = dir.resolve("izh.png");
        final CliRun r = run("plot", "neuron", "--model", "izhikevich", "--preset", "rs,ch", "--current", "10",
            "--duration", "100ms", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("regular spiking: ").contains("chattering: ");
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(600);
    }

    @Test
    void badArgumentsShouldBeNamedInOneLine()
    {
        final CliRun model = run("plot", "fi", "--model", "adx", "--out", dir.resolve("x.png").toString());
        assertThat(model.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(model.err()).isEqualTo("myelin plot fi: --model: unknown neuron model 'adx'; known: [lif, if, alif,"
            + " expif, adex, quaif, adquaif, gif, izhikevich, hh, traubmiles]" + System.lineSeparator());
        final CliRun preset = run("plot", "neuron", "--model", "izhikevich", "--preset", "sleepy", "--out",
            dir.resolve("x.png").toString());
        assertThat(preset.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(preset.err()).isEqualTo("myelin plot neuron: Izhikevich: unknown preset 'sleepy'; known: "
            + "[regular_spiking, fast_spiking, bursting, chattering]" + System.lineSeparator());
        final CliRun param = run("plot", "neuron", "--model", "adex", "--param", "tauWW=3", "--out",
            dir.resolve("x.png").toString());
        assertThat(param.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(param.err()).startsWith("myelin plot neuron: AdEx: unknown parameter 'tauWW'; known: [cM, gL,");
        final CliRun unit = run("plot", "fi", "--model", "adex", "--param", "tauW=5mV", "--out",
            dir.resolve("x.png").toString());
        assertThat(unit.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(unit.err()).startsWith("myelin plot fi: AdEx: tauW must be a time");
        final CliRun presetElsewhere = run("plot", "neuron", "--model", "hh", "--preset", "rs", "--out",
            dir.resolve("x.png").toString());
        assertThat(presetElsewhere.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(presetElsewhere.err()).isEqualTo(
            "myelin plot neuron: --preset applies to --model izhikevich only, got --model hh" + System.lineSeparator());
    }
}
