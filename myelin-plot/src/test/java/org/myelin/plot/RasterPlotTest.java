package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.myelin.plot.PlotFixtures.countExact;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RasterPlotTest
{
    private static final int N_TOTAL = 4000;
    private static final int N_EXCITATORY = 3200;
    private static final double DT_MS = 0.1;
    private static final double DURATION_MS = 1000.0;
    /** Far more pixels than a legend swatch (121) holds: where spikes are dense, a pixel is hit at least as often as most. */
    private static final int MANY_PIXELS = 1_000;

    /** About 80 000 spikes: 4000 neurons at 20 Hz for 1 s, as in the COBA benchmark. */
    private static PlotFixtures.Spikes coba;

    @TempDir
    Path directory;

    @BeforeAll
    static void generateSpikes()
    {
        coba = PlotFixtures.modulatedPoisson(N_TOTAL, 20.0, DURATION_MS, DT_MS, 42L);
    }

    @Test
    void shouldWriteAPngThatImageIoReadsWithTheRequestedSize() throws IOException
    {
        final Path target = directory.resolve("raster.png");

        cobaBuilder(N_EXCITATORY).size(900, 600).build().write(target);

        final BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldWriteTheDefaultSizeThroughTheStaticShortcut() throws IOException
    {
        final Path target = PlotFixtures.samplePath("raster-coba.png");

        RasterPlot.write(target, coba.steps(), coba.neurons(), coba.count(), DT_MS, N_EXCITATORY, N_TOTAL,
            DURATION_MS, title(coba.count()));

        final BufferedImage image = ImageIO.read(target.toFile());
        assertThat(image.getWidth()).isEqualTo(RasterPlot.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(RasterPlot.DEFAULT_HEIGHT);
    }

    @Test
    void shouldDrawBothPopulationColoursWhenBothPopulationsSpike() throws IOException
    {
        final Path target = directory.resolve("two-populations.png");
        cobaBuilder(N_EXCITATORY).build().write(target);

        final BufferedImage image = ImageIO.read(target.toFile());

        assertThat(countExact(image, PlotStyle.EXCITATORY)).isGreaterThan(MANY_PIXELS);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isGreaterThan(MANY_PIXELS);
    }

    @Test
    void shouldDrawOnlyTheFirstPopulationColourWhenAllNeuronsAreExcitatory() throws IOException
    {
        final Path target = PlotFixtures.samplePath("raster-one-population.png");
        cobaBuilder(N_TOTAL).build().write(target);

        final BufferedImage image = ImageIO.read(target.toFile());

        assertThat(countExact(image, PlotStyle.EXCITATORY)).isGreaterThan(MANY_PIXELS);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isZero();
    }

    @Test
    void shouldDrawASinglePopulationInTheFirstColourWhateverItsName() throws IOException
    {
        final BufferedImage image = cobaBuilder(0).ratePanel(false).build().render();

        assertThat(countExact(image, PlotStyle.EXCITATORY)).isGreaterThan(MANY_PIXELS);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isZero();
    }

    @Test
    void shouldReadOnlyTheFirstCountEntriesOfLongerArrays() throws IOException
    {
        assertThat(coba.neurons().length).isGreaterThan(coba.count());

        final RasterPlot plot = cobaBuilder(N_EXCITATORY).build();

        assertThat(plot.spikesInWindow()).isEqualTo(coba.count());
    }

    @Test
    void shouldLeaveOutSpikesAfterTheDuration() throws IOException
    {
        final int[] steps = {0, 5, 10, 11, 50};
        final int[] neurons = {0, 1, 2, 3, 4};

        final RasterPlot plot = RasterPlot.builder()
            .spikes(steps, neurons, steps.length).dtMs(0.1).populations(5, 5).durationMs(1.0).build();

        assertThat(plot.spikesInWindow()).isEqualTo(3);
    }

    @Test
    void shouldRenderAnEmptyRasterWithAxesOnly() throws IOException
    {
        final BufferedImage image = RasterPlot.builder()
            .spikes(new int[0], new int[0], 0)
            .dtMs(DT_MS)
            .populations(80, 100)
            .durationMs(100.0)
            .title("silent network")
            .build()
            .render();

        assertThat(image.getHeight()).isEqualTo(RasterPlot.DEFAULT_HEIGHT);
        // Only the two header legend swatches carry the population colours.
        assertThat(countExact(image, PlotStyle.EXCITATORY)).isLessThan(200);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isLessThan(200);
    }

    @Test
    void shouldFailWithTheTargetInTheMessageAndLeaveNoFileWhenTheDirectoryDoesNotExist() throws IOException
    {
        final Path missing = directory.resolve("missing");
        final Path target = missing.resolve("raster.png");
        final RasterPlot plot = cobaBuilder(N_EXCITATORY).build();

        assertThatThrownBy(() -> plot.write(target))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': directory '" + missing + "' does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldFailAndLeaveNoFileWhenTheTargetIsADirectory() throws IOException
    {
        final Path target = Files.createDirectory(directory.resolve("raster.png"));
        final RasterPlot plot = cobaBuilder(N_EXCITATORY).build();

        assertThatThrownBy(() -> plot.write(target))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("a directory of that name exists");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldRejectANeuronIndexOutsideThePopulation() throws IOException
    {
        final int[] steps = {0, 1, 2};
        final int[] neurons = {0, 10, 1};

        assertThatThrownBy(() -> RasterPlot.builder()
            .spikes(steps, neurons, 3).dtMs(0.1).populations(8, 10).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spike 1 is of neuron 10, outside the populations [0, 10)");
    }

    @Test
    void shouldRejectANegativeStep() throws IOException
    {
        assertThatThrownBy(() -> RasterPlot.builder()
            .spikes(new int[]{-3}, new int[]{0}, 1).dtMs(0.1).populations(1, 1).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spike 0 has step -3; steps must be >= 0");
    }

    @Test
    void shouldRejectMoreExcitatoryNeuronsThanNeurons() throws IOException
    {
        assertThatThrownBy(() -> cobaBuilder(N_TOTAL + 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: nExcitatory must be in [0, nTotal=4000], got nExcitatory=4001");
    }

    @Test
    void shouldRejectACountLargerThanTheArrays() throws IOException
    {
        assertThatThrownBy(() -> RasterPlot.builder().spikes(new int[2], new int[3], 3))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "RasterPlot: count must be in [0, min(spikeSteps.length=2, spikeNeurons.length=3)], got count=3");
    }

    @Test
    void shouldRejectANonPositiveTimeStep() throws IOException
    {
        assertThatThrownBy(() -> cobaBuilder(N_EXCITATORY).dtMs(0.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: dtMs must be > 0 ms and finite, got dtMs=0.0");
    }

    @Test
    void shouldRejectMissingSpikes() throws IOException
    {
        assertThatThrownBy(() -> RasterPlot.builder().dtMs(0.1).populations(1, 1).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spikes must be set");
    }

    @Test
    void shouldRejectATooSmallImage() throws IOException
    {
        assertThatThrownBy(() -> cobaBuilder(N_EXCITATORY).size(100, 100).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: size must be at least 300 x 240 px, got width=100, height=100");
    }

    @Test
    void shouldDrawAnyNumberOfPopulationsInDistinctColoursNamedInTheLegend() throws IOException
    {
        final int populations = 12;
        final RasterPlot.Builder builder = RasterPlot.builder().spikes(coba.steps(), coba.neurons(), coba.count())
            .dtMs(DT_MS).durationMs(DURATION_MS).ratePanel(false);
        for (int p = 0; p < populations; p++)
        {
            final int first = p * N_TOTAL / populations;
            builder.population("P" + p, first, (p + 1) * N_TOTAL / populations - first);
        }
        final RasterPlot plot = builder.build();
        final BufferedImage image = plot.render();
        ImageIO.write(image, "png", PlotFixtures.samplePath("raster-twelve-populations.png").toFile());

        final Set<Integer> distinct = new HashSet<>();
        for (final Color c : plot.colours())
        {
            distinct.add(c.getRGB());
            assertThat(countExact(image, c)).as("pixels of %s", c).isGreaterThan(MANY_PIXELS / populations);
        }
        assertThat(distinct).hasSize(populations);
        assertThat(plot.colours().subList(0, 2)).containsExactly(PlotStyle.EXCITATORY, PlotStyle.INHIBITORY);
    }

    @Test
    void shouldGiveDistinctColoursToAHundredPopulations()
    {
        final Set<Integer> distinct = new HashSet<>();
        for (final Color c : PlotStyle.populationColours(100))
        {
            distinct.add(c.getRGB());
        }
        assertThat(distinct).hasSize(100);
    }

    @Test
    void shouldSetTheMarkerOfASpikeAtItsTimeAndNeuron() throws IOException
    {
        final int[] start = marker(100, 1);
        final int[] middle = marker(5000, 50);
        final int[] end = marker(9900, 98);

        // linear in time and neuron, spanning the plot area (t = 0 to 1000 ms, neurons 0 to 100)
        assertThat(end[0] - start[0]).isGreaterThan(900);
        assertThat(start[1] - end[1]).isGreaterThan(450);
        final double x = start[0] + (5000.0 - 100) / (9900 - 100) * (end[0] - start[0]);
        final double y = start[1] - (50.0 - 1) / (98 - 1) * (start[1] - end[1]);
        assertThat((double) middle[0]).isCloseTo(x, org.assertj.core.data.Offset.offset(1.0));
        assertThat((double) middle[1]).isCloseTo(y, org.assertj.core.data.Offset.offset(1.0));
    }

    /** The top-left pixel of the 4 x 4 marker of a single spike, asserting that it is the only one drawn. */
    private static int[] marker(final int step, final int neuron) throws IOException
    {
        final BufferedImage image = RasterPlot.builder().spikes(new int[] {step}, new int[] {neuron}, 1).dtMs(DT_MS)
            .population("A", 0, 100).durationMs(DURATION_MS).ratePanel(false).markerSize(4).build().render();
        final List<int[]> blue = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++)
        {
            final List<int[]> row = new ArrayList<>();
            for (int x = 0; x < image.getWidth(); x++)
            {
                if (image.getRGB(x, y) == PlotStyle.EXCITATORY.getRGB())
                {
                    row.add(new int[] {x, y});
                }
            }
            if (row.size() <= 4) // the legend's swatch has rows of 11
            {
                blue.addAll(row);
            }
        }
        assertThat(blue).as("marker pixels of step %d, neuron %d", step, neuron).hasSize(16);
        final int[] corner = blue.get(0);
        assertThat(blue).allMatch(p -> p[0] >= corner[0] && p[0] < corner[0] + 4 && p[1] >= corner[1]
            && p[1] < corner[1] + 4);
        return corner;
    }

    @Test
    void shouldReadAStreamingSourceTwiceAndDrawAPopulationThatWasNotRecordedAsAGreyBand() throws IOException
    {
        final int[] passes = {0};
        final RasterPlot plot = RasterPlot.builder()
            .spikes(consumer ->
            {
                passes[0]++;
                for (int k = 0; k < coba.count(); k++)
                {
                    if (coba.neurons()[k] < N_EXCITATORY)
                    {
                        consumer.accept(coba.steps()[k], coba.neurons()[k]);
                    }
                }
            })
            .dtMs(DT_MS).population("E", 0, N_EXCITATORY).population("I", N_EXCITATORY, N_TOTAL - N_EXCITATORY, false)
            .durationMs(DURATION_MS).build();
        final BufferedImage image = plot.render();

        assertThat(passes[0]).isEqualTo(2);
        assertThat(countExact(image, PlotStyle.EXCITATORY)).isGreaterThan(MANY_PIXELS);
        assertThat(countExact(image, RasterPlot.NOT_RECORDED)).isGreaterThan(50_000);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isZero();
    }

    @Test
    void shouldRejectAPopulationThatDoesNotStartWhereThePreviousEnds()
    {
        assertThatThrownBy(() -> RasterPlot.builder().population("A", 0, 10).population("B", 12, 5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: population 'B' must start at neuron 10 and hold at least one neuron, got first=12,"
                + " size=5");
    }

    @Test
    void everyAxisCarriesItsUnit() throws IOException
    {
        assertThat(cobaBuilder(N_EXCITATORY).build().axisTitles()).containsExactly("time (ms)", "neuron (index)",
            "time (ms)", "rate (Hz)");
    }

    @Test
    void aLongRunGetsWiderRateBinsOfRoundWidths()
    {
        assertThat(RasterPlot.niceAtLeast(10_000.0 / RasterPlot.MAX_RATE_BINS)).isEqualTo(20.0);
        assertThat(RasterPlot.niceAtLeast(60_000.0 / RasterPlot.MAX_RATE_BINS)).isEqualTo(200.0);
        assertThat(RasterPlot.niceAtLeast(5.0)).isEqualTo(5.0);
        assertThat(RasterPlot.niceAtLeast(0.3)).isEqualTo(0.5);
    }

    private static RasterPlot.Builder cobaBuilder(final int nExcitatory)
    {
        return RasterPlot.builder()
            .spikes(coba.steps(), coba.neurons(), coba.count())
            .dtMs(DT_MS)
            .populations(nExcitatory, N_TOTAL)
            .durationMs(DURATION_MS)
            .title(title(coba.count()));
    }

    private static String title(final int count)
    {
        final double meanRateHz = count / (N_TOTAL * DURATION_MS / 1000.0);
        return String.format(Locale.ROOT, "COBA, N = %d, %.0f ms, mean rate %.1f Hz", N_TOTAL, DURATION_MS,
            meanRateHz);
    }

    private List<Path> listing() throws IOException
    {
        try (var entries = Files.list(directory))
        {
            return entries.toList();
        }
    }
}
