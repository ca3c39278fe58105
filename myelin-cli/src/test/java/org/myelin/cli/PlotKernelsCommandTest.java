package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotKernelsCommandTest
{
    @TempDir
    Path dir;

    private static int run(final StringWriter err, final String... args)
    {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void shouldDrawTwelvePanelsIntoOnePng() throws IOException
    {
        final Path png = dir.resolve("kernels.png");
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();

        assertThat(Main.execute(new String[] {"plot", "kernels", "--out", png.toString(), "--dt", "0.5ms"},
            new PrintWriter(out, true), new PrintWriter(err, true))).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("myelin plot kernels: wrote " + png + " (12 panels)" + System.lineSeparator());

        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(3 * 620);
        assertThat(image.getHeight()).isEqualTo(4 * 360);
        try (var files = Files.list(dir))
        {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aBadTimeStepShouldBeOneLineWithExitTwo()
    {
        final StringWriter err = new StringWriter();

        assertThat(run(err, "plot", "kernels", "--out", dir.resolve("k.png").toString(), "--dt", "-1ms"))
            .isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString().strip())
            .isEqualTo("myelin plot kernels: --dt must be in (0, 1] ms, got --dt=-1ms");
    }
}
