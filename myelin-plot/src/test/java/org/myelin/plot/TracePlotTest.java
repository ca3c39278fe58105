package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.myelin.plot.PlotFixtures.countNear;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracePlotTest
{
    /** Antialiased lines blend into the background at their edges; their centres stay close to the series colour. */
    private static final int LINE_TOLERANCE = 40;

    @TempDir
    Path directory;

    @Test
    void shouldWriteAPngWithOneColouredLinePerSeries() throws IOException
    {
        final double[] timeMs = new double[2001];
        final double[] decay = new double[timeMs.length];
        final double[] rise = new double[timeMs.length];
        for (int i = 0; i < timeMs.length; i++)
        {
            timeMs[i] = 0.1 * i;
            decay[i] = -70.0 + 15.0 * Math.exp(-timeMs[i] / 10.0);
            rise[i] = -70.0 + 15.0 * (1.0 - Math.exp(-timeMs[i] / 20.0));
        }
        final Path target = PlotFixtures.samplePath("trace.png");

        TracePlot.builder()
            .title("Relaxation to rest, tauM = 10 ms and 20 ms")
            .xLabel("time (ms)")
            .yLabel("V (mV)")
            .series("decay, tau 10 ms", timeMs, decay)
            .series("rise, tau 20 ms", timeMs, rise)
            .size(800, 500)
            .build()
            .write(target);

        final BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(countNear(image, PlotStyle.SERIES[0], LINE_TOLERANCE)).isGreaterThan(500);
        assertThat(countNear(image, PlotStyle.SERIES[1], LINE_TOLERANCE)).isGreaterThan(500);
        assertThat(countNear(image, PlotStyle.SERIES[2], LINE_TOLERANCE)).isZero();
    }

    @Test
    void shouldTitleTheAxesWithTheirUnitsAsGiven()
    {
        assertThat(TracePlot.builder().xLabel("time (ms)").yLabel("v (mV)").series("a", new double[] {0, 1},
            new double[] {2, 3}).build().axisTitles()).containsExactly("time (ms)", "v (mV)");
    }

    @Test
    void shouldRenderAFixedRangeAndANaNGap()
    {
        final double[] x = {0, 1, 2, 3, 4};
        final double[] y = {0, 1, Double.NaN, 3, 4};

        final BufferedImage image = TracePlot.builder()
            .series("with gap", x, y)
            .xRange(-1, 5)
            .yRange(-1, 5)
            .build()
            .render();

        assertThat(image.getWidth()).isEqualTo(TracePlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(TracePlot.DEFAULT_HEIGHT);
    }

    @Test
    void shouldFailAndLeaveNoFileWhenTheDirectoryDoesNotExist()
    {
        final Path missing = directory.resolve("missing");
        final Path target = missing.resolve("trace.png");
        final TracePlot plot = TracePlot.builder().series("a", new double[]{0, 1}, new double[]{1, 2}).build();

        assertThatThrownBy(() -> plot.write(target))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': directory '" + missing + "' does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldReplaceAnExistingPlotAndLeaveNoTemporaryFile() throws IOException
    {
        final Path target = Files.writeString(directory.resolve("trace.png"), "not a png");

        TracePlot.builder().series("a", new double[]{0, 1}, new double[]{1, 2}).build().write(target);

        assertThat(ImageIO.read(target.toFile())).isNotNull();
        try (var entries = Files.list(directory))
        {
            assertThat(entries).containsExactly(target);
        }
    }

    @Test
    void shouldRejectSeriesOfDifferentLengths()
    {
        assertThatThrownBy(() -> TracePlot.builder().series("v", new double[3], new double[2]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "TracePlot: series \"v\" needs x and y of the same, non-zero length, got x.length=3, y.length=2");
    }

    @Test
    void shouldRejectARepeatedSeriesName()
    {
        final TracePlot.Builder builder = TracePlot.builder().series("v", new double[1], new double[1]);

        assertThatThrownBy(() -> builder.series("v", new double[1], new double[1]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("TracePlot: series names must be unique, got name=\"v\" twice");
    }

    @Test
    void shouldRejectAPlotWithoutSeries()
    {
        assertThatThrownBy(() -> TracePlot.builder().title("empty").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("TracePlot: at least one series is needed, got 0");
    }

    @Test
    void shouldRejectAnEmptyRange()
    {
        assertThatThrownBy(() -> TracePlot.builder().yRange(2.0, 2.0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("TracePlot: y range must be finite with min < max, got yMin=2.0, yMax=2.0");
    }
}
