package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * Line plot of one or more named traces (for example membrane potentials or conductances over time), written as a
 * PNG with the same look and atomic writing as {@link RasterPlot}.
 *
 * <pre>{@code
 * TracePlot.builder()
 *     .title("IafPscExp, DC input 376 pA")
 *     .xLabel("time (ms)")
 *     .yLabel("V (mV)")
 *     .series("neuron 0", timesMs, v0)
 *     .series("neuron 1", timesMs, v1)
 *     .build()
 *     .write(Path.of("v.png"));
 * }</pre>
 *
 * <p>Series are drawn as lines without markers, in the order added, with colours from a colour-blind-safe palette
 * and a legend on the right. A NaN y value leaves a gap in its line. The arrays are not copied: do not modify them
 * until the plot is written.
 */
public final class TracePlot
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 1000;

    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 600;

    /** Smallest accepted image width in pixels. */
    public static final int MIN_WIDTH = 300;

    /** Smallest accepted image height in pixels. */
    public static final int MIN_HEIGHT = 200;

    private static final String OWNER = "TracePlot";

    private record Series(String name, double[] x, double[] y)
    {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;
    private final Double xMin;
    private final Double xMax;
    private final Double yMin;
    private final Double yMax;

    private TracePlot(final Builder builder)
    {
        title = builder.title;
        xLabel = builder.xLabel;
        yLabel = builder.yLabel;
        series = List.copyOf(builder.series);
        width = builder.width;
        height = builder.height;
        xMin = builder.xMin;
        xMax = builder.xMax;
        yMin = builder.yMin;
        yMax = builder.yMax;
    }

    /**
     * Starts a builder with the default size {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} px and axis ranges
     * fitted to the data.
     *
     * @return a new builder.
     */
    public static Builder builder()
    {
        return new Builder();
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

    /** The axis titles of every panel, x then y. */
    List<String> axisTitles()
    {
        return figure().axisTitles();
    }

    private Figure figure()
    {
        return new Figure(title).panel(chart(), 1.0);
    }

    /** The chart of the traces, without title, for a panel of another figure. */
    XYChart chart()
    {
        final XYChart chart = PlotStyle.newChart(xLabel, yLabel);
        final XYStyler styler = chart.getStyler();
        styler.setLegendVisible(true);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setXAxisMin(xMin);
        styler.setXAxisMax(xMax);
        styler.setYAxisMin(yMin);
        styler.setYAxisMax(yMax);
        final double[] xRange = null == xMin ? finiteRange(true) : new double[]{ xMin, xMax };
        final double[] yRange = null == yMin ? finiteRange(false) : new double[]{ yMin, yMax };
        PlotStyle.prepareAxes(chart, xRange[0], xRange[1], yRange[0], yRange[1]);

        for (int i = 0; i < series.size(); i++)
        {
            final Series trace = series.get(i);
            final Color colour = PlotStyle.SERIES[i % PlotStyle.SERIES.length];
            PlotStyle.styleLine(chart.addSeries(trace.name(), trace.x(), trace.y()), colour, width);
        }
        return chart;
    }

    private double[] finiteRange(final boolean ofX)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final Series trace : series)
        {
            final double[] values = ofX ? trace.x() : trace.y();
            for (final double value : values)
            {
                if (Double.isFinite(value))
                {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        return min <= max ? new double[]{ min, max } : new double[]{ 0.0, 1.0 };
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

    /**
     * Collects and checks the inputs of a {@link TracePlot}. At least one series is required.
     */
    public static final class Builder
    {
        private final List<Series> series = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private Double xMin;
        private Double xMax;
        private Double yMin;
        private Double yMax;

        private Builder()
        {
        }

        /**
         * Sets the title at the top of the figure.
         *
         * @param title text; null or empty for none.
         * @return this builder.
         */
        public Builder title(final String title)
        {
            this.title = null == title ? "" : title;
            return this;
        }

        /**
         * Sets the x-axis label.
         *
         * @param xLabel with its unit, e.g. {@code "time (ms)"}.
         * @return this builder.
         */
        public Builder xLabel(final String xLabel)
        {
            this.xLabel = null == xLabel ? "" : xLabel;
            return this;
        }

        /**
         * Sets the y-axis label.
         *
         * @param yLabel with its unit, e.g. {@code "V (mV)"}.
         * @return this builder.
         */
        public Builder yLabel(final String yLabel)
        {
            this.yLabel = null == yLabel ? "" : yLabel;
            return this;
        }

        /**
         * Adds a named series; series are drawn in the order added.
         *
         * @param name shown in the legend, unique within the plot.
         * @param x    x values, as many as {@code y}, at least one; not copied.
         * @param y    y values; not copied.
         * @return this builder.
         * @throws IllegalArgumentException if the name is empty or repeated, or the arrays are null, empty or of
         *                                  different lengths.
         */
        public Builder series(final String name, final double[] x, final double[] y)
        {
            if (null == name || name.isEmpty())
            {
                throw new IllegalArgumentException(OWNER + ": series name must not be empty, got name=" +
                    (null == name ? "null" : "\"\""));
            }
            if (null == x || null == y || 0 == x.length || x.length != y.length)
            {
                throw new IllegalArgumentException(OWNER + ": series \"" + name +
                    "\" needs x and y of the same, non-zero length, got x.length=" + length(x) + ", y.length=" +
                    length(y));
            }
            if (!names.add(name))
            {
                throw new IllegalArgumentException(OWNER + ": series names must be unique, got name=\"" + name +
                    "\" twice");
            }
            series.add(new Series(name, x, y));
            return this;
        }

        /**
         * Fixes the x-axis range instead of fitting it to the data.
         *
         * @param min lower end.
         * @param max upper end, {@code > min}.
         * @return this builder.
         */
        public Builder xRange(final double min, final double max)
        {
            checkRange("x", min, max);
            xMin = min;
            xMax = max;
            return this;
        }

        /**
         * Fixes the y-axis range instead of fitting it to the data.
         *
         * @param min lower end.
         * @param max upper end, {@code > min}.
         * @return this builder.
         */
        public Builder yRange(final double min, final double max)
        {
            checkRange("y", min, max);
            yMin = min;
            yMax = max;
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
         * Checks the inputs.
         *
         * @return the plot, ready to render or write.
         * @throws IllegalArgumentException if no series was added or the size is too small.
         */
        public TracePlot build()
        {
            if (series.isEmpty())
            {
                throw new IllegalArgumentException(OWNER + ": at least one series is needed, got 0");
            }
            if (width < MIN_WIDTH || height < MIN_HEIGHT)
            {
                throw new IllegalArgumentException(OWNER + ": size must be at least " + MIN_WIDTH + " x " +
                    MIN_HEIGHT + " px, got width=" + width + ", height=" + height);
            }
            return new TracePlot(this);
        }

        private static void checkRange(final String axis, final double min, final double max)
        {
            if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max))
            {
                throw new IllegalArgumentException(OWNER + ": " + axis + " range must be finite with min < max, got " +
                    axis + "Min=" + min + ", " + axis + "Max=" + max);
            }
        }

        private static String length(final double[] values)
        {
            return null == values ? "null" : Integer.toString(values.length);
        }
    }
}
