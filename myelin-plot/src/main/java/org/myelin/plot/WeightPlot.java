package org.myelin.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The weights of a plastic projection: the histogram of its final weights above the evolution of
 * the monitored ones over time, written as PNG or SVG. The panels are a {@link HistogramPlot}'s
 * and a {@link TracePlot}'s charts in one figure.
 *
 * <pre>{@code
 * WeightPlot.builder().title("S: 1000 synapses")
 *     .histogram("w / wMax", "synapses", edges, counts, "final weights")
 *     .series("0 -> 0", timesS, w0).series("1 -> 0", timesS, w1)
 *     .build().write(Path.of("weights.png"));
 * }</pre>
 */
public final class WeightPlot
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 1000;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 800;

    private final String title;
    private final HistogramPlot histogram;
    private final String legend;
    private final TracePlot traces;
    private final int width;
    private final int height;

    private WeightPlot(final Builder b)
    {
        this.title = b.title;
        this.histogram = b.histogram.build();
        this.legend = b.legend;
        this.traces = b.hasSeries ? b.traces.build() : null;
        this.width = b.width;
        this.height = b.height;
    }

    /** A new builder. */
    public static Builder builder()
    {
        return new Builder();
    }

    /** Renders the plot in memory. */
    public BufferedImage render()
    {
        return figure().render(width, height);
    }

    /**
     * Writes the plot as PNG, or SVG when the name ends in {@code .svg}, atomically.
     *
     * @param target file to create or replace; its directory must exist.
     * @throws IOException if the file cannot be written; the target is then unchanged.
     */
    public void write(final Path target) throws IOException
    {
        figure().write(target, width, height);
    }

    private Figure figure()
    {
        final Figure figure = new Figure(title).legendEntry(legend, PlotStyle.SERIES[0]).panel(histogram.chart(0), 1.0);
        return traces == null ? figure : figure.panel(traces.chart(), 1.0);
    }

    /** Collects the histogram and the traces. */
    public static final class Builder
    {
        private String title = "";
        private final HistogramPlot.Builder histogram = HistogramPlot.builder();
        private String legend = "";
        private boolean hasHistogram;
        private final TracePlot.Builder traces = TracePlot.builder();
        private boolean hasSeries;
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;

        private Builder()
        {
        }

        /** Sets the title. */
        public Builder title(final String title)
        {
            this.title = title == null ? "" : title;
            return this;
        }

        /**
         * Sets the histogram of the weights (the upper panel).
         *
         * @throws IllegalArgumentException if the edges and counts do not fit (see {@link HistogramPlot.Builder#panel}).
         */
        public Builder histogram(final String xLabel, final String yLabel, final double[] edges, final double[] counts,
            final String legend)
        {
            if (hasHistogram)
            {
                throw new IllegalArgumentException("WeightPlot: the histogram is already set");
            }
            histogram.panel(xLabel, yLabel, edges, counts, legend);
            this.legend = legend;
            hasHistogram = true;
            return this;
        }

        /** Sets the axis titles of the lower panel. */
        public Builder seriesAxes(final String xLabel, final String yLabel)
        {
            traces.xLabel(xLabel).yLabel(yLabel);
            return this;
        }

        /** Adds a monitored weight over time to the lower panel (see {@link TracePlot.Builder#series}). */
        public Builder series(final String name, final double[] x, final double[] y)
        {
            traces.series(name, x, y);
            hasSeries = true;
            return this;
        }

        /** Sets the x and y ranges of the lower panel (panels stacked in one figure need a fixed x range). */
        public Builder seriesRange(final double xMin, final double xMax, final double yMin, final double yMax)
        {
            traces.xRange(xMin, xMax).yRange(yMin, yMax);
            return this;
        }

        /** Sets the image size in pixels. */
        public Builder size(final int width, final int height)
        {
            if (width < TracePlot.MIN_WIDTH || height < TracePlot.MIN_HEIGHT)
            {
                throw new IllegalArgumentException("WeightPlot: size must be at least " + TracePlot.MIN_WIDTH + " x "
                    + TracePlot.MIN_HEIGHT + " px, got " + width + " x " + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** The plot; the histogram is required, the traces are not. */
        public WeightPlot build()
        {
            if (!hasHistogram)
            {
                throw new IllegalArgumentException("WeightPlot: the histogram is required");
            }
            return new WeightPlot(this);
        }
    }
}
