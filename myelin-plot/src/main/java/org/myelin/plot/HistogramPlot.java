package org.myelin.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms stacked in panels (for example inter-spike intervals above coefficients of
 * variation), written as PNG or SVG. Each panel draws bars as a filled step outline over given
 * bin edges and counts.
 *
 * <pre>{@code
 * HistogramPlot.builder().title("ISI and CV")
 *     .panel("inter-spike interval (ms)", "neurons", isiEdges, isiCounts, "ISI")
 *     .build().write(Path.of("isi.png"));
 * }</pre>
 */
public final class HistogramPlot
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 1000;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 700;

    private record Panel(String xLabel, String yLabel, double[] edges, double[] counts, String legend)
    {
    }

    private final String title;
    private final List<Panel> panels;
    private final int width;
    private final int height;

    private HistogramPlot(final Builder b)
    {
        this.title = b.title;
        this.panels = List.copyOf(b.panels);
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
        final Figure figure = new Figure(title);
        for (int p = 0; p < panels.size(); p++)
        {
            final Panel panel = panels.get(p);
            figure.legendEntry(panel.legend(), PlotStyle.SERIES[p % PlotStyle.SERIES.length]);
            figure.panel(chart(p), 1.0);
        }
        return figure;
    }

    /** The chart of panel {@code p} in its colour, for a panel of another figure. */
    XYChart chart(final int p)
    {
        return chart(panels.get(p), PlotStyle.SERIES[p % PlotStyle.SERIES.length]);
    }

    private static XYChart chart(final Panel panel, final Color colour)
    {
        final XYChart chart = PlotStyle.newChart(panel.xLabel(), panel.yLabel());
        final XYStyler styler = chart.getStyler();
        final double[] e = panel.edges();
        double top = 0;
        for (final double c : panel.counts())
        {
            top = Math.max(top, c);
        }
        top = top > 0 ? top * 1.05 : 1.0;
        styler.setXAxisMin(e[0]);
        styler.setXAxisMax(e[e.length - 1]);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(top);
        PlotStyle.prepareAxes(chart, e[0], e[e.length - 1], 0.0, top);
        final int bins = panel.counts().length;
        final double[] x = new double[2 * bins + 2];
        final double[] y = new double[2 * bins + 2];
        x[0] = e[0];
        for (int b = 0; b < bins; b++)
        {
            x[2 * b + 1] = e[b];
            y[2 * b + 1] = panel.counts()[b];
            x[2 * b + 2] = e[b + 1];
            y[2 * b + 2] = panel.counts()[b];
        }
        x[2 * bins + 1] = e[bins];
        final XYSeries bars = chart.addSeries(panel.legend(), x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(colour);
        bars.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
        bars.setLineStyle(PlotStyle.LINE);
        return chart;
    }

    /** Collects and checks the panels. */
    public static final class Builder
    {
        private String title = "";
        private final List<Panel> panels = new ArrayList<>();
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
         * Adds a histogram panel below the previous ones.
         *
         * @param xLabel x axis title.
         * @param yLabel y axis title.
         * @param edges  bin edges, ascending, one more than {@code counts}.
         * @param counts bin heights, {@code >= 0}.
         * @param legend legend entry for the panel.
         * @return this builder.
         * @throws IllegalArgumentException if the edges and counts do not fit.
         */
        public Builder panel(final String xLabel, final String yLabel, final double[] edges, final double[] counts,
            final String legend)
        {
            if (counts.length < 1 || edges.length != counts.length + 1)
            {
                throw new IllegalArgumentException("HistogramPlot: edges must have one more entry than counts (>= 1), "
                    + "got edges=" + edges.length + ", counts=" + counts.length);
            }
            for (int k = 1; k < edges.length; k++)
            {
                if (!(edges[k] > edges[k - 1]))
                {
                    throw new IllegalArgumentException("HistogramPlot: edges must be ascending, got edges[" + (k - 1)
                        + "]=" + edges[k - 1] + ", edges[" + k + "]=" + edges[k]);
                }
            }
            panels.add(new Panel(xLabel, yLabel, edges.clone(), counts.clone(), legend));
            return this;
        }

        /** Sets the image size in pixels. */
        public Builder size(final int width, final int height)
        {
            if (width < 300 || height < 200)
            {
                throw new IllegalArgumentException("HistogramPlot: size must be at least 300 x 200 px, got " + width
                    + " x " + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** The plot; at least one panel is required. */
        public HistogramPlot build()
        {
            if (panels.isEmpty())
            {
                throw new IllegalArgumentException("HistogramPlot: at least one panel is required");
            }
            return new HistogramPlot(this);
        }
    }
}
