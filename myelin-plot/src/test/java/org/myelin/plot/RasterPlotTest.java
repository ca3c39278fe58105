package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.myelin.plot.PlotFixtures.countExact;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RasterPlotTest
{
    private static final int N_TOTAL = 4000;
    private static final int N_EXCITATORY = 3200;
    private static final double DT_MS = 0.1;
    private static final double DURATION_MS = 1000.0;
    /** Each spike is a 2 x 2 square, so a population with thousands of spikes covers far more than a legend swatch. */
    private static final int MANY_PIXELS = 5_000;

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
    void shouldDrawOnlyTheSecondPopulationColourWhenNoNeuronIsExcitatory()
    {
        final BufferedImage image = cobaBuilder(0).ratePanel(false).build().render();

        assertThat(countExact(image, PlotStyle.EXCITATORY)).isZero();
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isGreaterThan(MANY_PIXELS);
    }

    @Test
    void shouldReadOnlyTheFirstCountEntriesOfLongerArrays()
    {
        assertThat(coba.neurons().length).isGreaterThan(coba.count());

        final RasterPlot plot = cobaBuilder(N_EXCITATORY).build();

        assertThat(plot.spikesInWindow()).isEqualTo(coba.count());
        assertThat(plot.neuronStride()).isEqualTo(1);
        assertThat(plot.drawnSpikeCount()).isEqualTo(coba.count());
    }

    @Test
    void shouldLeaveOutSpikesAfterTheDuration()
    {
        final int[] steps = {0, 5, 10, 11, 50};
        final int[] neurons = {0, 1, 2, 3, 4};

        final RasterPlot plot = RasterPlot.builder()
            .spikes(steps, neurons, steps.length).dtMs(0.1).populations(5, 5).durationMs(1.0).build();

        assertThat(plot.spikesInWindow()).isEqualTo(3);
    }

    @Test
    void shouldDrawEveryKthNeuronWithTheSmallestKThatMeetsTheLimit()
    {
        // Neuron 0 fires 50 spikes and neurons 1..9 fire 10 each: 140 spikes, limit 60.
        // k = ceil(140 / 60) = 3 keeps 0,3,6,9 = 80 spikes; k = 4 keeps 0,4,8 = 70; k = 5 keeps 0,5 = 60.
        final int[] spikesPerNeuron = {50, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        final PlotFixtures.Spikes spikes = regularSpikes(spikesPerNeuron);

        final RasterPlot plot = RasterPlot.builder()
            .spikes(spikes.steps(), spikes.neurons(), spikes.count())
            .dtMs(1.0)
            .populations(8, 10)
            .durationMs(100.0)
            .maxDrawnSpikes(60)
            .build();

        assertThat(plot.spikesInWindow()).isEqualTo(140);
        assertThat(plot.neuronStride()).isEqualTo(5);
        assertThat(plot.drawnSpikeCount()).isEqualTo(60);
        assertThat(plot.render().getWidth()).isEqualTo(RasterPlot.DEFAULT_WIDTH);
    }

    @Test
    void shouldSubsampleNeuronsWhenThereAreMoreThanTwoHundredThousandSpikes() throws IOException
    {
        // 5000 neurons at 50 Hz for 1 s: about 250 000 spikes, so every 2nd neuron is drawn.
        final PlotFixtures.Spikes dense = PlotFixtures.modulatedPoisson(5000, 50.0, DURATION_MS, DT_MS, 7L);
        assertThat(dense.count()).isGreaterThan(RasterPlot.DEFAULT_MAX_DRAWN_SPIKES);
        final Path target = PlotFixtures.samplePath("raster-subsampled.png");

        final RasterPlot plot = RasterPlot.builder()
            .spikes(dense.steps(), dense.neurons(), dense.count())
            .dtMs(DT_MS)
            .populations(4000, 5000)
            .durationMs(DURATION_MS)
            .title(String.format(Locale.ROOT, "Dense test, N = 5000, 1000 ms, %,d spikes", dense.count()))
            .build();
        plot.write(target);

        assertThat(plot.neuronStride()).isEqualTo(2);
        assertThat(plot.drawnSpikeCount()).isLessThanOrEqualTo(RasterPlot.DEFAULT_MAX_DRAWN_SPIKES);
        final BufferedImage image = ImageIO.read(target.toFile());
        assertThat(countExact(image, PlotStyle.EXCITATORY)).isGreaterThan(MANY_PIXELS);
        assertThat(countExact(image, PlotStyle.INHIBITORY)).isGreaterThan(MANY_PIXELS);
    }

    @Test
    void shouldRenderAnEmptyRasterWithAxesOnly()
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
    void shouldFailWithTheTargetInTheMessageAndLeaveNoFileWhenTheDirectoryDoesNotExist()
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
    void shouldRejectANeuronIndexOutsideThePopulation()
    {
        final int[] steps = {0, 1, 2};
        final int[] neurons = {0, 10, 1};

        assertThatThrownBy(() -> RasterPlot.builder()
            .spikes(steps, neurons, 3).dtMs(0.1).populations(8, 10).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spikeNeurons[1] must be in [0, nTotal=10), got spikeNeurons[1]=10");
    }

    @Test
    void shouldRejectANegativeStep()
    {
        assertThatThrownBy(() -> RasterPlot.builder()
            .spikes(new int[]{-3}, new int[]{0}, 1).dtMs(0.1).populations(1, 1).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spikeSteps[0] must be >= 0, got spikeSteps[0]=-3");
    }

    @Test
    void shouldRejectMoreExcitatoryNeuronsThanNeurons()
    {
        assertThatThrownBy(() -> cobaBuilder(N_TOTAL + 1).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: nExcitatory must be in [0, nTotal=4000], got nExcitatory=4001");
    }

    @Test
    void shouldRejectACountLargerThanTheArrays()
    {
        assertThatThrownBy(() -> RasterPlot.builder()
            .spikes(new int[2], new int[3], 3).dtMs(0.1).populations(1, 1).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                "RasterPlot: count must be in [0, min(spikeSteps.length=2, spikeNeurons.length=3)], got count=3");
    }

    @Test
    void shouldRejectANonPositiveTimeStep()
    {
        assertThatThrownBy(() -> cobaBuilder(N_EXCITATORY).dtMs(0.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: dtMs must be > 0 ms and finite, got dtMs=0.0");
    }

    @Test
    void shouldRejectMissingSpikes()
    {
        assertThatThrownBy(() -> RasterPlot.builder().dtMs(0.1).populations(1, 1).durationMs(1.0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: spikes must be set, got spikeSteps=null, spikeNeurons=null");
    }

    @Test
    void shouldRejectATooSmallImage()
    {
        assertThatThrownBy(() -> cobaBuilder(N_EXCITATORY).size(100, 100).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("RasterPlot: size must be at least 300 x 240 px, got width=100, height=100");
    }

    @ParameterizedTest
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "112, 112th"})
    void shouldSpellTheStrideAsAnEnglishOrdinal(final int k, final String expected)
    {
        assertThat(RasterPlot.ordinal(k)).isEqualTo(expected);
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

    /** {@code spikesPerNeuron[i]} spikes for neuron {@code i}, at steps 0, 1, 2, ... */
    private static PlotFixtures.Spikes regularSpikes(final int[] spikesPerNeuron)
    {
        final int total = Arrays.stream(spikesPerNeuron).sum();
        final int[] steps = new int[total];
        final int[] neurons = new int[total];
        int next = 0;
        for (int neuron = 0; neuron < spikesPerNeuron.length; neuron++)
        {
            for (int s = 0; s < spikesPerNeuron[neuron]; s++)
            {
                steps[next] = s;
                neurons[next] = neuron;
                next++;
            }
        }
        return new PlotFixtures.Spikes(steps, neurons, total);
    }

    private List<Path> listing() throws IOException
    {
        try (var entries = Files.list(directory))
        {
            return entries.toList();
        }
    }
}
