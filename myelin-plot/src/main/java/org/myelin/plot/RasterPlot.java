package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Spike raster plot of one or two populations, written as a PNG, with an optional population-rate panel below.
 *
 * <p>Spikes come as two parallel primitive arrays: spike {@code k} is neuron {@code spikeNeurons[k]} at step
 * {@code spikeSteps[k]}, i.e. at time {@code spikeSteps[k] * dtMs}. Neurons {@code [0, nExcitatory)} are drawn in
 * dark blue and {@code [nExcitatory, nTotal)} in red; with {@code nExcitatory == nTotal} there is one (blue)
 * population. The x axis is time from 0 to {@code durationMs}; spikes later than {@code durationMs} are not drawn
 * and not counted. Each spike is a small square (2 px by default), so tens of thousands of spikes stay readable.
 *
 * <p>When more than {@link #DEFAULT_MAX_DRAWN_SPIKES} spikes (configurable) fall in the window, the raster draws
 * every {@code k}-th neuron only ({@code neuron % k == 0}), with the smallest {@code k} that brings the drawn spike
 * count under the limit. This is deterministic, keeps both populations and the full index range visible, and is
 * stated in the figure's note line. The rate panel always uses all spikes.
 *
 * <pre>{@code
 * RasterPlot.builder()
 *     .spikes(monitor.steps(), monitor.neurons(), monitor.count())
 *     .dtMs(0.1)
 *     .populations(3200, 4000)
 *     .durationMs(1000.0)
 *     .title("COBA, N = 4000, 1000 ms, mean rate 20.1 Hz")
 *     .build()
 *     .write(Path.of("raster.png"));
 * }</pre>
 *
 * <p>Instances are immutable once built, but the spike arrays are not copied: do not modify them until the plot is
 * written.
 */
public final class RasterPlot
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 1200;

    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 800;

    /** Default limit on the number of spikes drawn before neurons are subsampled. */
    public static final int DEFAULT_MAX_DRAWN_SPIKES = 200_000;

    /** Default bin width of the population-rate panel, in ms. */
    public static final double DEFAULT_RATE_BIN_MS = 5.0;

    /** Default side of a spike marker, in pixels. */
    public static final int DEFAULT_MARKER_SIZE = 2;

    /** Smallest accepted image width in pixels. */
    public static final int MIN_WIDTH = 300;

    /** Smallest accepted image height in pixels. */
    public static final int MIN_HEIGHT = 240;

    private static final String OWNER = "RasterPlot";
    private static final double RASTER_WEIGHT = 3.0;
    private static final double RATE_WEIGHT = 1.0;
    private static final double PLOT_CONTENT_SIZE = 0.98;

    private final int[] spikeSteps;
    private final int[] spikeNeurons;
    private final int count;
    private final double dtMs;
    private final int nExcitatory;
    private final int nTotal;
    private final double durationMs;
    private final String title;
    private final int width;
    private final int height;
    private final boolean ratePanel;
    private final double rateBinMs;
    private final int markerSize;
    private final String firstLabel;
    private final String secondLabel;
    private final int[] spikesPerNeuron;
    private final int spikesInWindow;
    private final int neuronStride;
    private final int drawnSpikeCount;

    private RasterPlot(final Builder builder)
    {
        spikeSteps = builder.spikeSteps;
        spikeNeurons = builder.spikeNeurons;
        count = builder.count;
        dtMs = builder.dtMs;
        nExcitatory = builder.nExcitatory;
        nTotal = builder.nTotal;
        durationMs = builder.durationMs;
        title = builder.title;
        width = builder.width;
        height = builder.height;
        ratePanel = builder.ratePanel;
        rateBinMs = builder.rateBinMs;
        markerSize = builder.markerSize;
        firstLabel = builder.firstLabel;
        secondLabel = builder.secondLabel;

        spikesPerNeuron = new int[nTotal];
        int inWindow = 0;
        for (int k = 0; k < count; k++)
        {
            if (inWindow(spikeSteps[k]))
            {
                spikesPerNeuron[spikeNeurons[k]]++;
                inWindow++;
            }
        }
        spikesInWindow = inWindow;

        final int maxDrawn = builder.maxDrawnSpikes;
        int stride = 1;
        int drawn = inWindow;
        if (inWindow > maxDrawn)
        {
            stride = (int)Math.min(nTotal, ((long)inWindow + maxDrawn - 1) / maxDrawn);
            drawn = keptSpikes(spikesPerNeuron, stride);
            while (drawn > maxDrawn && stride < nTotal)
            {
                stride++;
                drawn = keptSpikes(spikesPerNeuron, stride);
            }
        }
        neuronStride = stride;
        drawnSpikeCount = drawn;
    }

    /**
     * Writes a raster with the default size, marker, rate panel and subsampling limit.
     *
     * @param target       PNG file to create or replace; its directory must exist.
     * @param spikeSteps   step of each spike; only the first {@code count} entries are read.
     * @param spikeNeurons neuron index of each spike, in {@code [0, nTotal)}; only the first {@code count} are read.
     * @param count        number of spikes.
     * @param dtMs         [ms] simulation time step, to convert steps to time.
     * @param nExcitatory  neurons {@code [0, nExcitatory)} are the first (blue) population; may equal {@code nTotal}.
     * @param nTotal       number of neurons.
     * @param durationMs   [ms] end of the time axis.
     * @param title        shown at the top, e.g. {@code "COBA, N = 4000, 1000 ms, mean rate 20.1 Hz"}.
     * @throws IOException              if the file cannot be written; the target is then unchanged.
     * @throws IllegalArgumentException if an argument is out of range, naming it and its value.
     */
    public static void write(
        final Path target,
        final int[] spikeSteps,
        final int[] spikeNeurons,
        final int count,
        final double dtMs,
        final int nExcitatory,
        final int nTotal,
        final double durationMs,
        final String title) throws IOException
    {
        builder()
            .spikes(spikeSteps, spikeNeurons, count)
            .dtMs(dtMs)
            .populations(nExcitatory, nTotal)
            .durationMs(durationMs)
            .title(title)
            .build()
            .write(target);
    }

    /**
     * Starts a builder with the defaults: {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} px, rate panel on with
     * {@value #DEFAULT_RATE_BIN_MS} ms bins, at most {@value #DEFAULT_MAX_DRAWN_SPIKES} drawn spikes.
     *
     * @return a new builder.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Number of spikes with a time in {@code [0, durationMs]}.
     *
     * @return the number of spikes in the plotted window.
     */
    public int spikesInWindow()
    {
        return spikesInWindow;
    }

    /**
     * Subsampling stride: the raster draws neurons with {@code index % neuronStride() == 0}.
     *
     * @return 1 when every neuron is drawn, otherwise the {@code k} of "every k-th neuron".
     */
    public int neuronStride()
    {
        return neuronStride;
    }

    /**
     * Number of spikes the raster panel draws after subsampling.
     *
     * @return the drawn spike count.
     */
    public int drawnSpikeCount()
    {
        return drawnSpikeCount;
    }

    /**
     * Renders the plot in memory.
     *
     * @return an RGB image of the configured width and height.
     */
    public BufferedImage render()
    {
        return figure().render(width, height);
    }

    private Figure figure()
    {
        final Figure figure = new Figure(title);
        final boolean twoPopulations = nExcitatory > 0 && nExcitatory < nTotal;
        if (nExcitatory > 0)
        {
            figure.legendEntry(populationLabel(twoPopulations ? firstLabel : "neurons", 0, nExcitatory),
                PlotStyle.EXCITATORY);
        }
        if (nExcitatory < nTotal)
        {
            figure.legendEntry(populationLabel(twoPopulations ? secondLabel : "neurons", nExcitatory, nTotal),
                PlotStyle.INHIBITORY);
        }
        if (ratePanel)
        {
            figure.legendEntry("population rate, " + format(rateBinMs) + " ms bins", PlotStyle.RATE);
        }
        if (neuronStride > 1)
        {
            figure.note(subsamplingNote());
        }

        figure.panel(rasterChart(), RASTER_WEIGHT);
        if (ratePanel)
        {
            figure.panel(rateChart(), RATE_WEIGHT);
        }
        return figure;
    }

    /**
     * Renders the plot and writes it as a PNG, or as SVG when the name ends in {@code .svg}, atomically (see
     * {@link AtomicFiles}).
     *
     * @param target PNG or SVG file to create or replace; its directory must exist.
     * @throws IOException if the file cannot be written; the target is then unchanged and no temporary file is left.
     */
    public void write(final Path target) throws IOException
    {
        figure().write(target, width, height);
    }

    private XYChart rasterChart()
    {
        final XYChart chart = PlotStyle.newChart("time (ms)", "neuron index");
        final XYStyler styler = chart.getStyler();
        timeAxis(styler);
        styler.setXAxisTitleVisible(!ratePanel);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax((double)nTotal);
        PlotStyle.prepareAxes(chart, 0.0, durationMs, 0.0, nTotal);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setMarkerSize(markerSize);
        // Crisp, opaque squares: antialiased 2 px markers at fractional positions smear into faint 3 x 3 blobs.
        styler.setAntiAlias(false);

        addPopulation(chart, firstLabel, 0, nExcitatory, PlotStyle.EXCITATORY);
        addPopulation(chart, secondLabel, nExcitatory, nTotal, PlotStyle.INHIBITORY);
        return chart;
    }

    private void addPopulation(
        final XYChart chart, final String name, final int firstNeuron, final int endNeuron, final Color colour)
    {
        final int[] spikesPerNeuron = this.spikesPerNeuron;
        final int stride = neuronStride;
        int drawn = 0;
        for (int i = firstNeuron; i < endNeuron; i++)
        {
            if (0 == i % stride)
            {
                drawn += spikesPerNeuron[i];
            }
        }
        if (0 == drawn)
        {
            return;
        }

        final int[] spikeSteps = this.spikeSteps;
        final int[] spikeNeurons = this.spikeNeurons;
        final double dtMs = this.dtMs;
        final double[] times = new double[drawn];
        final double[] neurons = new double[drawn];
        int next = 0;
        for (int k = 0, n = count; k < n; k++)
        {
            final int neuron = spikeNeurons[k];
            if (neuron >= firstNeuron && neuron < endNeuron && 0 == neuron % stride && inWindow(spikeSteps[k]))
            {
                times[next] = spikeSteps[k] * dtMs;
                neurons[next] = neuron;
                next++;
            }
        }

        final XYSeries series = chart.addSeries(name, times, neurons);
        series.setMarker(SeriesMarkers.SQUARE);
        series.setMarkerColor(colour);
        series.setLineStyle(SeriesLines.NONE);
    }

    private XYChart rateChart()
    {
        final int bins = Math.max(1, (int)Math.ceil(durationMs / rateBinMs - 1e-9));
        final int[] counts = new int[bins];
        final int[] spikeSteps = this.spikeSteps;
        for (int k = 0, n = count; k < n; k++)
        {
            if (inWindow(spikeSteps[k]))
            {
                final int bin = (int)(spikeSteps[k] * dtMs / rateBinMs);
                counts[Math.min(bin, bins - 1)]++;
            }
        }

        final double[] centres = new double[bins];
        final double[] ratesHz = new double[bins];
        double maxRateHz = 0.0;
        for (int b = 0; b < bins; b++)
        {
            final double start = b * rateBinMs;
            final double end = Math.min(durationMs, start + rateBinMs);
            centres[b] = 0.5 * (start + end);
            ratesHz[b] = counts[b] * 1000.0 / (nTotal * (end - start));
            maxRateHz = Math.max(maxRateHz, ratesHz[b]);
        }

        final XYChart chart = PlotStyle.newChart("time (ms)", "rate (Hz)");
        final XYStyler styler = chart.getStyler();
        timeAxis(styler);
        styler.setYAxisMin(0.0);
        PlotStyle.prepareAxes(chart, 0.0, durationMs, 0.0, maxRateHz > 0.0 ? maxRateHz : 1.0);
        PlotStyle.styleLine(chart.addSeries("population rate", centres, ratesHz), PlotStyle.RATE, width);
        return chart;
    }

    private void timeAxis(final XYStyler styler)
    {
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(durationMs);
        styler.setPlotContentSize(PLOT_CONTENT_SIZE);
    }

    private boolean inWindow(final int step)
    {
        return step * dtMs <= durationMs;
    }

    private String subsamplingNote()
    {
        final int drawnNeurons = (nTotal + neuronStride - 1) / neuronStride;
        return String.format(Locale.ROOT,
            "Subsampled for drawing: every %s neuron (%,d of %,d neurons, %,d of %,d spikes shown)%s",
            ordinal(neuronStride), drawnNeurons, nTotal, drawnSpikeCount, spikesInWindow,
            ratePanel ? "; the rate panel uses all spikes" : "");
    }

    private static String populationLabel(final String name, final int first, final int end)
    {
        return end - first == 1 ? name + " (" + first + ")" : name + " (" + first + "\u2013" + (end - 1) + ")";
    }

    private static int keptSpikes(final int[] spikesPerNeuron, final int stride)
    {
        int kept = 0;
        for (int i = 0; i < spikesPerNeuron.length; i += stride)
        {
            kept += spikesPerNeuron[i];
        }
        return kept;
    }

    /** English ordinal of {@code k} for the subsampling note: 1st, 2nd, 3rd, 4th, 11th, 21st, ... */
    static String ordinal(final int k)
    {
        final int lastTwo = k % 100;
        final int last = k % 10;
        final String suffix;
        if (lastTwo >= 11 && lastTwo <= 13)
        {
            suffix = "th";
        }
        else if (1 == last)
        {
            suffix = "st";
        }
        else if (2 == last)
        {
            suffix = "nd";
        }
        else if (3 == last)
        {
            suffix = "rd";
        }
        else
        {
            suffix = "th";
        }
        return k + suffix;
    }

    private static String format(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    /**
     * Collects and checks the inputs of a {@link RasterPlot}. Spikes, {@code dtMs}, populations and
     * {@code durationMs} are required; everything else has a default.
     */
    public static final class Builder
    {
        private int[] spikeSteps;
        private int[] spikeNeurons;
        private int count = -1;
        private double dtMs = Double.NaN;
        private int nExcitatory = -1;
        private int nTotal = -1;
        private double durationMs = Double.NaN;
        private String title = "";
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private boolean ratePanel = true;
        private double rateBinMs = DEFAULT_RATE_BIN_MS;
        private int maxDrawnSpikes = DEFAULT_MAX_DRAWN_SPIKES;
        private int markerSize = DEFAULT_MARKER_SIZE;
        private String firstLabel = "excitatory";
        private String secondLabel = "inhibitory";

        private Builder()
        {
        }

        /**
         * Sets the legend names of the two populations (default "excitatory" and "inhibitory").
         *
         * @param first  name of {@code [0, nExcitatory)}.
         * @param second name of {@code [nExcitatory, nTotal)}.
         * @return this builder.
         */
        public Builder labels(final String first, final String second)
        {
            this.firstLabel = first;
            this.secondLabel = second;
            return this;
        }

        /**
         * Sets the spikes; the arrays may be longer than {@code count} and are not copied.
         *
         * @param spikeSteps   step of each spike, {@code >= 0}.
         * @param spikeNeurons neuron index of each spike, in {@code [0, nTotal)}.
         * @param count        number of spikes, at most the length of either array.
         * @return this builder.
         */
        public Builder spikes(final int[] spikeSteps, final int[] spikeNeurons, final int count)
        {
            this.spikeSteps = spikeSteps;
            this.spikeNeurons = spikeNeurons;
            this.count = count;
            return this;
        }

        /**
         * Sets the simulation time step that converts steps to time.
         *
         * @param dtMs [ms] time step, {@code > 0}.
         * @return this builder.
         */
        public Builder dtMs(final double dtMs)
        {
            this.dtMs = dtMs;
            return this;
        }

        /**
         * Sets the populations: {@code [0, nExcitatory)} blue, {@code [nExcitatory, nTotal)} red.
         *
         * @param nExcitatory size of the first population, in {@code [0, nTotal]}; {@code nTotal} for one population.
         * @param nTotal      number of neurons, {@code >= 1}; the y axis spans {@code [0, nTotal]}.
         * @return this builder.
         */
        public Builder populations(final int nExcitatory, final int nTotal)
        {
            this.nExcitatory = nExcitatory;
            this.nTotal = nTotal;
            return this;
        }

        /**
         * Sets the end of the time axis.
         *
         * @param durationMs [ms] simulated duration, {@code > 0}.
         * @return this builder.
         */
        public Builder durationMs(final double durationMs)
        {
            this.durationMs = durationMs;
            return this;
        }

        /**
         * Sets the title at the top of the figure.
         *
         * @param title e.g. {@code "COBA, N = 4000, 1000 ms, mean rate 20.1 Hz"}; null or empty for none.
         * @return this builder.
         */
        public Builder title(final String title)
        {
            this.title = null == title ? "" : title;
            return this;
        }

        /**
         * Sets the image size.
         *
         * @param width  in pixels, at least {@value #MIN_WIDTH}.
         * @param height in pixels, at least {@value #MIN_HEIGHT}.
         * @return this builder.
         */
        public Builder size(final int width, final int height)
        {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Turns the population-rate panel under the raster on or off (on by default).
         *
         * @param ratePanel whether to draw it.
         * @return this builder.
         */
        public Builder ratePanel(final boolean ratePanel)
        {
            this.ratePanel = ratePanel;
            return this;
        }

        /**
         * Sets the bin width of the population rate.
         *
         * @param rateBinMs [ms] bin width, {@code > 0}.
         * @return this builder.
         */
        public Builder rateBinMs(final double rateBinMs)
        {
            this.rateBinMs = rateBinMs;
            return this;
        }

        /**
         * Sets how many spikes the raster may draw before it subsamples neurons.
         *
         * @param maxDrawnSpikes limit, {@code >= 1}.
         * @return this builder.
         */
        public Builder maxDrawnSpikes(final int maxDrawnSpikes)
        {
            this.maxDrawnSpikes = maxDrawnSpikes;
            return this;
        }

        /**
         * Sets the side of each spike's square marker.
         *
         * @param markerSize in pixels, in {@code [1, 10]}.
         * @return this builder.
         */
        public Builder markerSize(final int markerSize)
        {
            this.markerSize = markerSize;
            return this;
        }

        /**
         * Checks the inputs and counts the spikes per neuron (one pass over the spikes).
         *
         * @return the plot, ready to render or write.
         * @throws IllegalArgumentException naming the first input that is missing or out of range, with its value.
         */
        public RasterPlot build()
        {
            if (null == spikeSteps || null == spikeNeurons)
            {
                throw new IllegalArgumentException(OWNER + ": spikes must be set, got spikeSteps=" +
                    (null == spikeSteps ? "null" : "int[" + spikeSteps.length + "]") + ", spikeNeurons=" +
                    (null == spikeNeurons ? "null" : "int[" + spikeNeurons.length + "]"));
            }
            if (count < 0 || count > spikeSteps.length || count > spikeNeurons.length)
            {
                throw new IllegalArgumentException(OWNER + ": count must be in [0, min(spikeSteps.length=" +
                    spikeSteps.length + ", spikeNeurons.length=" + spikeNeurons.length + ")], got count=" + count);
            }
            requirePositive("dtMs", dtMs);
            requirePositive("durationMs", durationMs);
            requirePositive("rateBinMs", rateBinMs);
            if (nTotal < 1)
            {
                throw new IllegalArgumentException(OWNER + ": nTotal must be >= 1, got nTotal=" + nTotal);
            }
            if (nExcitatory < 0 || nExcitatory > nTotal)
            {
                throw new IllegalArgumentException(OWNER + ": nExcitatory must be in [0, nTotal=" + nTotal +
                    "], got nExcitatory=" + nExcitatory);
            }
            if (width < MIN_WIDTH || height < MIN_HEIGHT)
            {
                throw new IllegalArgumentException(OWNER + ": size must be at least " + MIN_WIDTH + " x " +
                    MIN_HEIGHT + " px, got width=" + width + ", height=" + height);
            }
            if (maxDrawnSpikes < 1)
            {
                throw new IllegalArgumentException(OWNER + ": maxDrawnSpikes must be >= 1, got maxDrawnSpikes=" +
                    maxDrawnSpikes);
            }
            if (markerSize < 1 || markerSize > 10)
            {
                throw new IllegalArgumentException(OWNER + ": markerSize must be in [1, 10] px, got markerSize=" +
                    markerSize);
            }
            checkSpikes();
            return new RasterPlot(this);
        }

        private void checkSpikes()
        {
            final int[] spikeSteps = this.spikeSteps;
            final int[] spikeNeurons = this.spikeNeurons;
            final int nTotal = this.nTotal;
            for (int k = 0, n = count; k < n; k++)
            {
                final int neuron = spikeNeurons[k];
                if (neuron < 0 || neuron >= nTotal)
                {
                    throw new IllegalArgumentException(OWNER + ": spikeNeurons[" + k + "] must be in [0, nTotal=" +
                        nTotal + "), got spikeNeurons[" + k + "]=" + neuron);
                }
                if (spikeSteps[k] < 0)
                {
                    throw new IllegalArgumentException(OWNER + ": spikeSteps[" + k + "] must be >= 0, got spikeSteps[" +
                        k + "]=" + spikeSteps[k]);
                }
            }
        }

        private static void requirePositive(final String name, final double value)
        {
            if (!(value > 0) || Double.isInfinite(value))
            {
                throw new IllegalArgumentException(OWNER + ": " + name + " must be > 0 ms and finite, got " + name +
                    "=" + value);
            }
        }
    }
}
