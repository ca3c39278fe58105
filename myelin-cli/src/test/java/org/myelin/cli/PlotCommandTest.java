package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlotCommandTest
{
    @TempDir
    static Path dir;
    static Path results;

    @BeforeAll
    static void run() throws IOException
    {
        results = dir.resolve("out");
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("run",
            RunAndValidateCommandTest.write(dir, RunAndValidateCommandTest.SMALL).toString(), "--out",
            results.toString(), "--no-progress", "--no-plot", "--threads", "1", "--duration", "100ms");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "rates", "traces", "isi"})
    void eachKindDrawsAPngFromTheSavedResults(final String kind) throws IOException
    {
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("plot", kind, results.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        final Path png = results.resolve(kind + ".png");
        assertThat(r.out()).isEqualTo("wrote " + png + System.lineSeparator());
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void svgIsWrittenOnRequest() throws IOException
    {
        final Path svg = dir.resolve("traces.svg");
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("plot", "traces", results.toString(),
            "--out", svg.toString(), "--neurons", "1");
        assertThat(r.code()).as(r.err()).isZero();
        final String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml").contains("<svg").contains(">small: E.v<");
    }

    @Test
    void aTraceAxisCarriesTheUnitOfItsVariable()
    {
        assertThat(Pictures.valueLabel(new org.myelin.io.RunInfo.State("E", "v", "states_E_v", "mV")))
            .isEqualTo("v (mV)");
        assertThat(Pictures.valueLabel(new org.myelin.io.RunInfo.State("E", "ge", "states_E_ge", "")))
            .isEqualTo("ge (unit of the projections' weights)");
    }

    @Test
    void aFolderWithoutAResultIsNamed()
    {
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("plot", "raster", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("myelin plot raster: " + dir + ": no saved run here (run-info.yaml is missing); "
            + "write one with 'myelin run --out " + dir + "'" + System.lineSeparator());
    }

    @Test
    void anUnrecordedNeuronIsNamed()
    {
        final RunAndValidateCommandTest.Result r = RunAndValidateCommandTest.run("plot", "traces", results.toString(),
            "--neurons", "7");
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("myelin plot traces: neuron 7 of E.v was not recorded; recorded: [0, 1]"
            + System.lineSeparator());
    }
}
