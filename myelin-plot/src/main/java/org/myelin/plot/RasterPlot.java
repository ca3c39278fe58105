package org.myelin.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.util.AtomicFiles;

/**
 * Spike raster of any number of populations, each in its own colour with a legend, written as a
 * PNG (or SVG), with an optional population-rate panel below.
 *
 * <p>Instances hold no spike and can be written again; only the title can change after
 * {@link Builder#build()}.
 *
 * <p>The spikes are read twice from a {@link Spikes} source, in any order, and never held: the
 * first pass counts them into the rate bins, the second counts the hits of each spike's square
 * marker straight into the pixels of an image laid over the raster's plot area. So a raster
 * costs a few nanoseconds per spike and memory for its pixels only, for any number of spikes. A
 * pixel hit as often as the hit pixels are on average, or more, gets its population's colour, a
 * pixel hit less often a lighter shade of it; where the markers would cover more than a quarter
 * of the plot area, each spike is one pixel. Spike
 * {@code (step, neuron)} is drawn at time {@code step * dtMs}, with neuron 0 at the bottom;
 * spikes after {@code durationMs} are not drawn and not counted. A population whose spikes were
 * not recorded is shown as a grey band, named in the legend.
 *
 * <pre>{@code
 * RasterPlot.builder()
 *     .spikes(steps, neurons, count)          // or .spikes(consumer -> ...) streaming from disk
 *     .dtMs(0.1)
 *     .population("E", 0, 3200)
 *     .population("I", 3200, 800)
 *     .durationMs(1000.0)
 *     .title("COBA, N = 4000, 1000 ms, mean rate 20.1 Hz")
 *     .build()
 *     .write(Path.of("raster.png"));
 * }</pre>
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

    /** Default bin width of the population-rate panel, in ms. */
    public static final double DEFAULT_RATE_BIN_MS = 5.0;

    /** Default side of a spike marker, in pixels. */
    public static final int DEFAULT_MARKER_SIZE = 2;

    /** Smallest accepted image width in pixels. */
    public static final int MIN_WIDTH = 300;

    /** Smallest accepted image height in pixels. */
    public static final int MIN_HEIGHT = 240;

    /** The band of a population whose spikes were not recorded. */
    static final Color NOT_RECORDED = new Color(0xEE, 0xEE, 0xEE);

    private static final String OWNER = "RasterPlot";
    private static final double RASTER_WEIGHT = 3.0;
    private static final double RATE_WEIGHT = 1.0;
    private static final String TIME_AXIS = "time (ms)";
    private static final String NEURON_AXIS = "neuron (index)";
    private static final String RATE_AXIS = "rate (Hz)";
    /** Most bins of the rate panel: about two pixels a bin, more would not show. */
    static final int MAX_RATE_BINS = 500;

    /** Receives spikes one at a time. */
    @FunctionalInterface
    public interface SpikeConsumer
    {
        /** One spike of global neuron {@code neuron} at {@code step}. */
        void accept(long step, int neuron);
    }

    /** Spikes that can be read more than once, e.g. from arrays or from files. */
    @FunctionalInterface
    public interface Spikes
    {
        /** Gives every spike to {@code consumer}. */
        void forEach(SpikeConsumer consumer) throws IOException;
    }

    /**
     * One population: neurons {@code [first, first + size)}.
     *
     * @param name     legend name.
     * @param first    first neuron.
     * @param size     neurons.
     * @param recorded whether its spikes were recorded.
     */
    public record Population(String name, int first, int size, boolean recorded)
    {
    }

    private final Spikes spikes;
    private final double dtMs;
    private final List<Population> populations;
    private final Color[] colours;
    private final int nTotal;
    private final int recordedNeurons;
    private final double durationMs;
    private String title;
    private final int width;
    private final int height;
    private final boolean ratePanel;
    private final double rateBinMs;
    private final int markerSize;
    private final long[] rateCounts;
    private final long spikesInWindow;

    private RasterPlot(final Builder builder) throws IOException
    {
        spikes = builder.spikes;
        dtMs = builder.dtMs;
        populations = List.copyOf(builder.populations);
        colours = PlotStyle.populationColours(populations.size());
        final Population last = populations.getLast();
        nTotal = last.first() + last.size();
        recordedNeurons = populations.stream().filter(Population::recorded).mapToInt(Population::size).sum();
        durationMs = builder.durationMs;
        title = builder.title;
        width = builder.width;
        height = builder.height;
        ratePanel = builder.ratePanel;
        rateBinMs = Math.max(builder.rateBinMs, niceAtLeast(durationMs / MAX_RATE_BINS));
        markerSize = builder.markerSize;
        rateCounts = new long[Math.max(1, (int) Math.ceil(durationMs / rateBinMs - 1e-9))];
        final long[] inWindow = new long[1];
        final long[] index = new long[1];
        spikes.forEach((step, neuron) ->
        {
            if (neuron < 0 || neuron >= nTotal)
            {
                throw new IllegalArgumentException(OWNER + ": spike " + index[0] + " is of neuron " + neuron
                    + ", outside the populations [0, " + nTotal + ")");
            }
            if (step < 0)
            {
                throw new IllegalArgumentException(OWNER + ": spike " + index[0] + " has step " + step
                    + "; steps must be >= 0");
            }
            index[0]++;
            final double t = step * dtMs;
            if (t <= durationMs)
            {
                inWindow[0]++;
                rateCounts[Math.min(rateCounts.length - 1, (int) (t / rateBinMs))]++;
            }
        });
        spikesInWindow = inWindow[0];
    }

    /**
     * Writes a two-population raster with the default size, marker and rate panel: neurons
     * {@code [0, nExcitatory)} "excitatory", the rest "inhibitory".
     *
     * @throws IOException              if the file cannot be written; the target is then unchanged.
     * @throws IllegalArgumentException if an argument is out of range, naming it and its value.
     */
    public static void write(final Path target, final int[] spikeSteps, final int[] spikeNeurons, final int count,
        final double dtMs, final int nExcitatory, final int nTotal, final double durationMs, final String title)
        throws IOException
    {
        builder().spikes(spikeSteps, spikeNeurons, count).dtMs(dtMs).populations(nExcitatory, nTotal)
            .durationMs(durationMs).title(title).build().write(target);
    }

    /**
     * Starts a builder with the defaults: {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} px, rate panel on with
     * {@value #DEFAULT_RATE_BIN_MS} ms bins.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Renders a small raster in memory and encodes it as a PNG, so that a process has loaded and
     * compiled the drawing code (AWT, fonts, the axes, the PNG encoder; most of the time of a
     * first raster in a fresh JVM) before a real raster is due, e.g. on a spare core while a
     * simulation runs.
     */
    public static void warmUp()
    {
        try
        {
            final int[] steps = new int[2000];
            final int[] neurons = new int[steps.length];
            for (int k = 0; k < steps.length; k++)
            {
                steps[k] = k * 5;
                neurons[k] = k * 7 % 100;
            }
            final BufferedImage image = builder().spikes(steps, neurons, steps.length).dtMs(0.1).population("A", 0, 80)
                .population("B", 80, 20).durationMs(1000).title("warm-up").build().render();
            PngEncoder.write(image, java.io.OutputStream.nullOutputStream());
        }
        catch (final IOException | RuntimeException e)
        {
            // only a warm-up: the real raster reports its own errors
        }
    }

    /** Number of spikes with a time in {@code [0, durationMs]}. */
    public long spikesInWindow()
    {
        return spikesInWindow;
    }

    /**
     * Replaces the title, e.g. with one that quotes {@link #spikesInWindow()}, which is known only
     * once the plot is built.
     *
     * @return this plot.
     */
    public RasterPlot title(final String text)
    {
        this.title = null == text ? "" : text;
        return this;
    }

    /** The colour of each population, in order. */
    public List<Color> colours()
    {
        return List.of(colours);
    }

    /** Renders the plot in memory as an RGB image of the configured size. */
    public BufferedImage render()
    {
        return figure().render(width, height);
    }

    /**
     * Renders the plot and writes it as a PNG, or as SVG when the name ends in {@code .svg}, atomically (see
     * {@link AtomicFiles}).
     *
     * @throws IOException if the file cannot be written; the target is then unchanged and no temporary file is left.
     */
    public void write(final Path target) throws IOException
    {
        try
        {
            figure().write(target, width, height);
        }
        catch (final UncheckedIOException e)
        {
            throw e.getCause();
        }
    }

    /** The axis titles of every panel, x then y. */
    List<String> axisTitles()
    {
        return ratePanel ? List.of(TIME_AXIS, NEURON_AXIS, TIME_AXIS, RATE_AXIS) : List.of(TIME_AXIS, NEURON_AXIS);
    }

    private Figure figure()
    {
        final Figure figure = new Figure(title);
        for (int p = 0; p < populations.size(); p++)
        {
            final Population pop = populations.get(p);
            figure.legendEntry(pop.name() + " " + range(pop) + (pop.recorded() ? "" : ", not recorded"),
                pop.recorded() ? colours[p] : PlotStyle.NOT_RECORDED_SWATCH);
        }
        if (ratePanel)
        {
            figure.legendEntry("population rate, " + format(rateBinMs) + " ms bins", PlotStyle.RATE);
        }
        figure.body(this::paintPanels);
        return figure;
    }

    /** Tick positions and their labels on one axis. */
    private record Ticks(double[] values, String[] labels)
    {
        /** About {@code approx} ticks at 1, 2 or 5 times a power of ten over {@code [min, max]}. */
        static Ticks over(final double min, final double max, final int approx)
        {
            final double step = niceAtLeast((max - min) / approx);
            final java.text.DecimalFormat format = new java.text.DecimalFormat(PlotStyle.decimalPattern(min, max),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
            final List<Double> values = new ArrayList<>();
            for (double v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
            {
                values.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            }
            final double[] at = values.stream().mapToDouble(Double::doubleValue).toArray();
            final String[] text = new String[at.length];
            for (int k = 0; k < at.length; k++)
            {
                text[k] = format.format(at[k]);
            }
            return new Ticks(at, text);
        }
    }

    /**
     * Both panels, drawn with plain Java2D: the raster above, the rate below, one shared time axis,
     * so the two plot areas line up by construction (no chart library, whose text layout costs a
     * fresh JVM more than the spikes do).
     */
    private void paintPanels(final Graphics2D g, final int top, final int width, final int height)
    {
        final double[] rates = rates();
        double maxRate = 0;
        for (final double r : rates)
        {
            maxRate = Math.max(maxRate, r);
        }
        final Ticks time = Ticks.over(0, durationMs, 10);
        final Ticks neurons = Ticks.over(0, nTotal, 8);
        final Ticks hz = Ticks.over(0, maxRate > 0 ? maxRate : 1, 4);
        g.setFont(PlotStyle.TICK_FONT);
        final java.awt.FontMetrics tick = g.getFontMetrics();
        int labelWidth = 0;
        for (final String l : neurons.labels())
        {
            labelWidth = Math.max(labelWidth, tick.stringWidth(l));
        }
        for (final String l : ratePanel ? hz.labels() : new String[0])
        {
            labelWidth = Math.max(labelWidth, tick.stringWidth(l));
        }
        g.setFont(PlotStyle.AXIS_TITLE_FONT);
        final java.awt.FontMetrics titles = g.getFontMetrics();
        final int tickLength = 4;
        final int timeLabels = tickLength + 2 + tick.getHeight();
        final int left = PlotStyle.PADDING + titles.getHeight() + 6 + labelWidth + tickLength + 2;
        final int right = width - PlotStyle.PADDING - tick.stringWidth(time.labels()[time.labels().length - 1]) / 2;
        final int bottom = height - PlotStyle.PADDING - titles.getHeight() - 2;
        final int available = bottom - top;
        final int rasterBottom = ratePanel ? top + (int) Math.round((available - 2 * timeLabels)
            * RASTER_WEIGHT / (RASTER_WEIGHT + RATE_WEIGHT)) : bottom - timeLabels;
        final int rateTop = rasterBottom + timeLabels + 8;
        final int rateBottom = bottom - timeLabels;

        final double xScale = (right - left) / durationMs;
        axes(g, left, top + 2, right, rasterBottom, time, xScale, neurons, (rasterBottom - top - 2.0) / nTotal,
            NEURON_AXIS, tick, titles);
        drawSpikes(g, left, right, rasterBottom, top + 2);
        if (ratePanel)
        {
            final double hzScale = (rateBottom - rateTop) / (maxRate > 0 ? maxRate : 1);
            axes(g, left, rateTop, right, rateBottom, time, xScale, hz, hzScale, RATE_AXIS, tick, titles);
            final java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
            for (int b = 0; b < rates.length; b++)
            {
                final double centre = Math.min(durationMs, (b + 0.5) * rateBinMs);
                final double x = left + centre * xScale;
                final double y = rateBottom - rates[b] * hzScale;
                if (b == 0)
                {
                    line.moveTo(x, y);
                }
                else
                {
                    line.lineTo(x, y);
                }
            }
            g.setColor(PlotStyle.RATE);
            g.setStroke(PlotStyle.LINE);
            g.draw(line);
        }
        g.setFont(PlotStyle.AXIS_TITLE_FONT);
        g.setColor(PlotStyle.TEXT);
        g.drawString(TIME_AXIS, (left + right - titles.stringWidth(TIME_AXIS)) / 2, height - PlotStyle.PADDING
            - titles.getDescent());
    }

    /** A plot area's grid, frame, ticks with labels on the left and bottom, and its rotated y title. */
    private static void axes(final Graphics2D g, final int left, final int top, final int right, final int bottom,
        final Ticks x, final double xScale, final Ticks y, final double yScale, final String yTitle,
        final java.awt.FontMetrics tick, final java.awt.FontMetrics titles)
    {
        g.setStroke(new java.awt.BasicStroke(1f));
        g.setFont(PlotStyle.TICK_FONT);
        for (int k = 0; k < x.values().length; k++)
        {
            final int px = (int) Math.round(left + x.values()[k] * xScale);
            g.setColor(PlotStyle.GRID);
            g.drawLine(px, top, px, bottom);
            g.setColor(PlotStyle.BORDER);
            g.drawLine(px, bottom, px, bottom + 4);
            g.setColor(PlotStyle.TEXT);
            g.drawString(x.labels()[k], px - tick.stringWidth(x.labels()[k]) / 2, bottom + 6 + tick.getAscent());
        }
        for (int k = 0; k < y.values().length; k++)
        {
            final int py = (int) Math.round(bottom - y.values()[k] * yScale);
            g.setColor(PlotStyle.GRID);
            g.drawLine(left, py, right, py);
            g.setColor(PlotStyle.BORDER);
            g.drawLine(left - 4, py, left, py);
            g.setColor(PlotStyle.TEXT);
            g.drawString(y.labels()[k], left - 6 - tick.stringWidth(y.labels()[k]),
                py + (tick.getAscent() - tick.getDescent()) / 2);
        }
        g.setColor(PlotStyle.BORDER);
        g.drawRect(left, top, right - left, bottom - top);
        final Graphics2D rotated = (Graphics2D) g.create();
        try
        {
            rotated.setFont(PlotStyle.AXIS_TITLE_FONT);
            rotated.setColor(PlotStyle.TEXT);
            rotated.translate(PlotStyle.PADDING + titles.getAscent(), (top + bottom + titles.stringWidth(yTitle)) / 2.0);
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(yTitle, 0, 0);
        }
        finally
        {
            rotated.dispose();
        }
    }

    /** The population rate [Hz] of the recorded neurons in each bin. */
    private double[] rates()
    {
        final double[] rates = new double[rateCounts.length];
        for (int b = 0; b < rates.length; b++)
        {
            final double start = b * rateBinMs;
            final double end = Math.min(durationMs, start + rateBinMs);
            rates[b] = recordedNeurons == 0 || end <= start ? 0 : rateCounts[b] * 1000.0 / (recordedNeurons
                * (end - start));
        }
        return rates;
    }

    /** The second pass: every spike's square straight into the pixels of the plot area. */
    private void drawSpikes(final Graphics2D g, final double left, final double right, final double bottom,
        final double top)
    {
        final int x0 = (int) Math.floor(left);
        final int y0 = (int) Math.floor(top);
        final int w = Math.max(1, (int) Math.ceil(right) - x0 + 1);
        final int h = Math.max(1, (int) Math.ceil(bottom) - y0 + 1);
        final BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        final int[] pixels = ((DataBufferInt) layer.getRaster().getDataBuffer()).getData();
        final double xScale = (right - left) / durationMs;
        final double yScale = (bottom - top) / nTotal;
        final int[] argb = new int[populations.size()];
        final int[] starts = new int[populations.size() + 1];
        for (int p = 0; p < populations.size(); p++)
        {
            argb[p] = colours[p].getRGB();
            starts[p] = populations.get(p).first();
            starts[p + 1] = populations.get(p).first() + populations.get(p).size();
            if (!populations.get(p).recorded())
            {
                final int from = Math.max(0, (int) Math.floor(bottom - y0 - starts[p + 1] * yScale));
                final int to = Math.min(h, (int) Math.ceil(bottom - y0 - starts[p] * yScale));
                java.util.Arrays.fill(pixels, from * w, to * w, NOT_RECORDED.getRGB());
            }
        }
        // dense rasters: one pixel a spike, so that the picture still shows where spikes crowd
        final int size = spikesInWindow * markerSize * markerSize > (long) w * h / 4 ? 1 : markerSize;
        final int[] hits = new int[w * h];
        // until the last pass, a hit pixel holds the population of its last spike, not a colour
        final int[] populationAt = pixels;
        final int[] current = {0};
        try
        {
            spikes.forEach((step, neuron) ->
            {
                final double t = step * dtMs;
                if (t > durationMs)
                {
                    return;
                }
                int p = current[0];
                if (neuron < starts[p] || neuron >= starts[p + 1])
                {
                    p = 0;
                    while (neuron >= starts[p + 1])
                    {
                        p++;
                    }
                    current[0] = p;
                }
                final int x = (int) (left - x0 + t * xScale) - size / 2;
                final int y = (int) (bottom - y0 - (neuron + 0.5) * yScale) - size / 2;
                for (int dy = Math.max(0, y); dy < Math.min(h, y + size); dy++)
                {
                    final int row = dy * w;
                    for (int dx = Math.max(0, x); dx < Math.min(w, x + size); dx++)
                    {
                        hits[row + dx]++;
                        populationAt[row + dx] = p;
                    }
                }
            });
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        // a pixel with the mean number of hits of the hit pixels or more gets its population's colour;
        // fewer hits blend it with the background, so sparse rasters are all full colour
        long hitSum = 0;
        int hitPixels = 0;
        for (final int n : hits)
        {
            if (n > 0)
            {
                hitSum += n;
                hitPixels++;
            }
        }
        final double full = hitPixels == 0 ? 1 : Math.max(1, hitSum / (double) hitPixels);
        for (int k = 0; k < hits.length; k++)
        {
            if (hits[k] > 0)
            {
                final int colour = argb[populationAt[k]];
                pixels[k] = hits[k] >= full ? colour : blend(colour, Math.sqrt(hits[k] / full));
            }
        }
        g.drawImage(layer, x0, y0, null);
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code value}. */
    static double niceAtLeast(final double value)
    {
        final double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double m : new double[] {1, 2, 5, 10})
        {
            if (m * power >= value * (1 - 1e-12))
            {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** {@code argb} at {@code share} over white, opaque. */
    private static int blend(final int argb, final double share)
    {
        final int r = (int) Math.round(255 - share * (255 - (argb >> 16 & 0xff)));
        final int gr = (int) Math.round(255 - share * (255 - (argb >> 8 & 0xff)));
        final int b = (int) Math.round(255 - share * (255 - (argb & 0xff)));
        return 0xff000000 | r << 16 | gr << 8 | b;
    }

    private static String range(final Population p)
    {
        return p.size() == 1 ? "(" + p.first() + ")" : "(" + p.first() + "\u2013" + (p.first() + p.size() - 1) + ")";
    }

    private static String format(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Collects and checks the inputs of a {@link RasterPlot}. Spikes, {@code dtMs}, populations and
     * {@code durationMs} are required; everything else has a default.
     */
    public static final class Builder
    {
        private Spikes spikes;
        private double dtMs = Double.NaN;
        private final List<Population> populations = new ArrayList<>();
        private double durationMs = Double.NaN;
        private String title = "";
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private boolean ratePanel = true;
        private double rateBinMs = DEFAULT_RATE_BIN_MS;
        private int markerSize = DEFAULT_MARKER_SIZE;

        private Builder()
        {
        }

        /** Sets spikes read from a source that can be read twice. */
        public Builder spikes(final Spikes source)
        {
            this.spikes = source;
            return this;
        }

        /**
         * Sets the spikes from arrays; only the first {@code count} entries are read, and the arrays are not copied.
         *
         * @throws IllegalArgumentException if {@code count} is negative or longer than either array.
         */
        public Builder spikes(final int[] spikeSteps, final int[] spikeNeurons, final int count)
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
            this.spikes = consumer ->
            {
                for (int k = 0; k < count; k++)
                {
                    consumer.accept(spikeSteps[k], spikeNeurons[k]);
                }
            };
            return this;
        }

        /** Sets the simulation time step [ms] that converts steps to time, {@code > 0}. */
        public Builder dtMs(final double dtMs)
        {
            this.dtMs = dtMs;
            return this;
        }

        /** Adds a population whose spikes were recorded, after the previous ones. */
        public Builder population(final String name, final int first, final int size)
        {
            return population(name, first, size, true);
        }

        /**
         * Adds a population after the previous ones: neurons {@code [first, first + size)}.
         *
         * @throws IllegalArgumentException if it does not start where the previous one ends or is empty.
         */
        public Builder population(final String name, final int first, final int size, final boolean recorded)
        {
            final int expected = populations.isEmpty() ? 0 : populations.getLast().first() + populations.getLast()
                .size();
            if (first != expected || size < 1)
            {
                throw new IllegalArgumentException(OWNER + ": population '" + name + "' must start at neuron "
                    + expected + " and hold at least one neuron, got first=" + first + ", size=" + size);
            }
            populations.add(new Population(name, first, size, recorded));
            return this;
        }

        /**
         * Sets two populations, "excitatory" {@code [0, nExcitatory)} and "inhibitory" {@code [nExcitatory, nTotal)}
         * (one when either is empty).
         *
         * @throws IllegalArgumentException if {@code nTotal < 1} or {@code nExcitatory} is outside {@code [0, nTotal]}.
         */
        public Builder populations(final int nExcitatory, final int nTotal)
        {
            if (nTotal < 1)
            {
                throw new IllegalArgumentException(OWNER + ": nTotal must be >= 1, got nTotal=" + nTotal);
            }
            if (nExcitatory < 0 || nExcitatory > nTotal)
            {
                throw new IllegalArgumentException(OWNER + ": nExcitatory must be in [0, nTotal=" + nTotal +
                    "], got nExcitatory=" + nExcitatory);
            }
            populations.clear();
            if (nExcitatory > 0)
            {
                population("excitatory", 0, nExcitatory);
            }
            if (nExcitatory < nTotal)
            {
                population("inhibitory", nExcitatory, nTotal - nExcitatory);
            }
            return this;
        }

        /** Sets the end of the time axis [ms], {@code > 0}. */
        public Builder durationMs(final double durationMs)
        {
            this.durationMs = durationMs;
            return this;
        }

        /** Sets the title at the top of the figure; null or empty for none. */
        public Builder title(final String title)
        {
            this.title = null == title ? "" : title;
            return this;
        }

        /** Sets the image size in pixels, at least {@value #MIN_WIDTH} x {@value #MIN_HEIGHT}. */
        public Builder size(final int width, final int height)
        {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Turns the population-rate panel under the raster on or off (on by default). */
        public Builder ratePanel(final boolean ratePanel)
        {
            this.ratePanel = ratePanel;
            return this;
        }

        /**
         * Sets the bin width [ms] of the population rate, {@code > 0}; a long run gets wider bins, at most
         * {@value #MAX_RATE_BINS} of them (1, 2 or 5 times a power of ten ms), as the legend says.
         */
        public Builder rateBinMs(final double rateBinMs)
        {
            this.rateBinMs = rateBinMs;
            return this;
        }

        /** Sets the side of each spike's square marker in pixels, in {@code [1, 10]}. */
        public Builder markerSize(final int markerSize)
        {
            this.markerSize = markerSize;
            return this;
        }

        /**
         * Checks the inputs and counts the spikes into the rate bins (the first pass over the spikes).
         *
         * @throws IllegalArgumentException naming the first input that is missing or out of range, with its value.
         * @throws IOException              if the spikes cannot be read.
         */
        public RasterPlot build() throws IOException
        {
            if (null == spikes)
            {
                throw new IllegalArgumentException(OWNER + ": spikes must be set");
            }
            requirePositive("dtMs", dtMs);
            requirePositive("durationMs", durationMs);
            requirePositive("rateBinMs", rateBinMs);
            if (populations.isEmpty())
            {
                throw new IllegalArgumentException(OWNER + ": at least one population is needed, got none");
            }
            if (width < MIN_WIDTH || height < MIN_HEIGHT)
            {
                throw new IllegalArgumentException(OWNER + ": size must be at least " + MIN_WIDTH + " x " +
                    MIN_HEIGHT + " px, got width=" + width + ", height=" + height);
            }
            if (markerSize < 1 || markerSize > 10)
            {
                throw new IllegalArgumentException(OWNER + ": markerSize must be in [1, 10] px, got markerSize=" +
                    markerSize);
            }
            return new RasterPlot(this);
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
