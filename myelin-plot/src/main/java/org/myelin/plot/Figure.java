package org.myelin.plot;

import org.myelin.util.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A PNG figure: a header (title, optional legend line, optional note lines) above one or more chart panels stacked
 * vertically and sharing the full width. Owns the header drawing, the panel layout and the PNG encoding so that
 * every plot type looks and writes the same.
 *
 * <p>Stacked panels must share one fixed x range (set with {@code setXAxisMin}/{@code setXAxisMax}); their plot
 * areas are then aligned on the left so that one time in one panel is directly above the same time in the next.
 */
final class Figure
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    private static final int LEGEND_SWATCH = 11;
    private static final int LEGEND_GAP = 6;
    private static final int LEGEND_SPACING = 28;
    private static final int LINE_GAP = 4;
    private static final int MAX_ALIGNMENT_PASSES = 4;
    private record Panel(XYChart chart, double weight)
    {
    }

    private record LegendEntry(String label, Color colour)
    {
    }

    private final String title;
    private final List<LegendEntry> legend = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Panel> panels = new ArrayList<>();
    private Body body;

    /** Paints what lies below the header of a figure that draws it without charts. */
    @FunctionalInterface
    interface Body
    {
        /** Paints into {@code [0, width) x [top, height)} of {@code g}. */
        void paint(Graphics2D g, int top, int width, int height);
    }

    /**
     * Starts a figure.
     *
     * @param title shown centred at the top; empty for none.
     */
    Figure(final String title)
    {
        this.title = null == title ? "" : title;
    }

    /**
     * Adds an entry to the header legend: a filled square in {@code colour} followed by {@code label}.
     *
     * @param label  text of the entry.
     * @param colour of the square, the same as the series it names.
     * @return this figure.
     */
    Figure legendEntry(final String label, final Color colour)
    {
        legend.add(new LegendEntry(label, colour));
        return this;
    }

    /**
     * Adds a line of secondary text under the title and legend, e.g. a note that data were subsampled.
     *
     * @param note the line of text.
     * @return this figure.
     */
    Figure note(final String note)
    {
        notes.add(note);
        return this;
    }

    /**
     * Adds a panel below the previous ones.
     *
     * @param chart  styled by {@link PlotStyle#newChart(String, String)}; its size is set when rendered.
     * @param weight share of the height below the header that this panel gets, relative to the other panels.
     * @return this figure.
     */
    Figure panel(final XYChart chart, final double weight)
    {
        panels.add(new Panel(chart, weight));
        return this;
    }

    /**
     * Sets what is painted below the header instead of chart panels.
     *
     * @return this figure.
     */
    Figure body(final Body painter)
    {
        this.body = painter;
        return this;
    }

    /** The x and y axis titles of every panel, in order: what a reader sees as units. */
    List<String> axisTitles()
    {
        final List<String> titles = new ArrayList<>();
        for (final Panel panel : panels)
        {
            titles.add(panel.chart().getXAxisTitle());
            titles.add(panel.chart().getYAxisTitle());
        }
        return titles;
    }

    /**
     * Renders the figure.
     *
     * @param width  of the image in pixels.
     * @param height of the image in pixels.
     * @return an RGB image of exactly {@code width} x {@code height} pixels.
     */
    BufferedImage render(final int width, final int height)
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try
        {
            paint(g, width, height);
        }
        finally
        {
            g.dispose();
        }
        return image;
    }

    /**
     * Paints the figure onto any canvas (an image, or a vector canvas for SVG).
     *
     * @param g      the canvas.
     * @param width  in pixels.
     * @param height in pixels.
     */
    void paint(final Graphics2D g, final int width, final int height)
    {
        g.setColor(PlotStyle.BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Sub-pixel stroke geometry: the default normalisation snaps lines to the pixel grid, which puts visible
        // steps into slowly sloping traces.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        final int headerHeight = paintHeader(g, width);
        if (body != null)
        {
            body.paint(g, headerHeight, width, height);
            return;
        }
        final int[] panelHeights = panelHeights(height - headerHeight);
        alignPanels(width, panelHeights);

        int y = headerHeight;
        for (int i = 0; i < panels.size(); i++)
        {
            final Graphics2D panelGraphics = (Graphics2D)g.create(0, y, width, panelHeights[i]);
            try
            {
                panels.get(i).chart().paint(panelGraphics, width, panelHeights[i]);
            }
            finally
            {
                panelGraphics.dispose();
            }
            y += panelHeights[i];
        }
    }

    /**
     * Writes the figure as SVG when {@code target} ends in {@code .svg} (through XChart's VectorGraphics2D), else
     * as PNG; atomically either way.
     *
     * @param target file to create or replace.
     * @param width  in pixels.
     * @param height in pixels.
     * @throws IOException if the file cannot be written; the target is then unchanged.
     */
    void write(final Path target, final int width, final int height) throws IOException
    {
        if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg"))
        {
            PngEncoder.write(target, render(width, height));
            return;
        }
        final de.erichseifert.vectorgraphics2d.VectorGraphics2D g = new de.erichseifert.vectorgraphics2d.VectorGraphics2D();
        paint(g, width, height);
        final de.erichseifert.vectorgraphics2d.Document svg = new de.erichseifert.vectorgraphics2d.svg.SVGProcessor()
            .getDocument(g.getCommands(), new de.erichseifert.vectorgraphics2d.util.PageSize(0, 0, width, height));
        AtomicFiles.write(target, svg::writeTo);
    }

    private int paintHeader(final Graphics2D g, final int width)
    {
        int y = PlotStyle.PADDING;
        if (!title.isEmpty())
        {
            y = paintCentredLine(g, title, PlotStyle.TITLE_FONT, PlotStyle.TEXT, width, y);
        }
        if (!legend.isEmpty())
        {
            y = paintLegend(g, width, y + LINE_GAP);
        }
        for (final String note : notes)
        {
            y = paintCentredLine(g, note, PlotStyle.SUBTITLE_FONT, PlotStyle.SUBTLE_TEXT, width, y + LINE_GAP);
        }
        return y + PlotStyle.PADDING / 2;
    }

    private static int paintCentredLine(
        final Graphics2D g, final String text, final Font font, final Color colour, final int width,
        final int top)
    {
        g.setFont(font);
        g.setColor(colour);
        final FontMetrics metrics = g.getFontMetrics();
        final int textWidth = metrics.stringWidth(text);
        g.drawString(text, Math.max(PlotStyle.PADDING, (width - textWidth) / 2), top + metrics.getAscent());
        return top + metrics.getHeight();
    }

    /** The legend in centred lines, as many entries on a line as fit the width. */
    private int paintLegend(final Graphics2D g, final int width, final int top)
    {
        g.setFont(PlotStyle.SUBTITLE_FONT);
        final FontMetrics metrics = g.getFontMetrics();
        final int available = width - 2 * PlotStyle.PADDING;
        int y = top;
        int from = 0;
        while (from < legend.size())
        {
            int lineWidth = entryWidth(metrics, legend.get(from));
            int to = from + 1;
            while (to < legend.size() && lineWidth + LEGEND_SPACING + entryWidth(metrics, legend.get(to)) <= available)
            {
                lineWidth += LEGEND_SPACING + entryWidth(metrics, legend.get(to));
                to++;
            }
            int x = Math.max(PlotStyle.PADDING, (width - lineWidth) / 2);
            final int baseline = y + metrics.getAscent();
            final int swatchTop = baseline - (metrics.getAscent() + LEGEND_SWATCH) / 2 + metrics.getDescent() / 2;
            for (int k = from; k < to; k++)
            {
                final LegendEntry entry = legend.get(k);
                g.setColor(entry.colour());
                g.fillRect(x, swatchTop, LEGEND_SWATCH, LEGEND_SWATCH);
                x += LEGEND_SWATCH + LEGEND_GAP;
                g.setColor(PlotStyle.TEXT);
                g.drawString(entry.label(), x, baseline);
                x += metrics.stringWidth(entry.label()) + LEGEND_SPACING;
            }
            y += metrics.getHeight();
            from = to;
        }
        return y;
    }

    private static int entryWidth(final FontMetrics metrics, final LegendEntry entry)
    {
        return LEGEND_SWATCH + LEGEND_GAP + metrics.stringWidth(entry.label());
    }

    private int[] panelHeights(final int available)
    {
        final int count = panels.size();
        final int[] heights = new int[count];
        double totalWeight = 0;
        for (final Panel panel : panels)
        {
            totalWeight += panel.weight();
        }
        int used = 0;
        for (int i = 0; i < count - 1; i++)
        {
            heights[i] = (int)Math.round(available * panels.get(i).weight() / totalWeight);
            used += heights[i];
        }
        if (count > 0)
        {
            heights[count - 1] = available - used;
        }
        return heights;
    }

    /**
     * Gives the panels left y-axis widths that make their plot areas start at the same x.
     *
     * <p>XChart's {@code yAxisLeftWidthHint} moves a plot area right by exactly the amount the hint grows, but its
     * own estimate of the axis width differs from the painted width by a few pixels, varying with the tick labels.
     * So the hints are found by measurement: lay every panel out on a 1 x 1 scratch image, read where its plot area
     * starts, and move each one to the rightmost start; two or three passes settle to within a pixel. During these
     * passes only the tick anchor of {@link PlotStyle#prepareAxes} stays enabled (it spans the same range, so axes and
     * ticks come out the same), which keeps hundreds of thousands of raster markers out of the layout passes.
     */
    private void alignPanels(final int width, final int[] panelHeights)
    {
        final int count = panels.size();
        if (count < 2)
        {
            return;
        }
        final List<XYSeries> switchedOff = new ArrayList<>();
        try
        {
            final int[] hints = new int[count];
            final double[] starts = new double[count];
            for (int i = 0; i < count; i++)
            {
                final XYChart chart = panels.get(i).chart();
                if (null == chart.getStyler().getXAxisMin())
                {
                    throw new IllegalStateException("Figure: stacked panels need a fixed x range, got xAxisMin=null");
                }
                if (chart.getSeriesMap().containsKey(PlotStyle.TICK_ANCHOR))
                {
                    for (final XYSeries series : chart.getSeriesMap().values())
                    {
                        if (series.isEnabled() && !PlotStyle.TICK_ANCHOR.equals(series.getName()))
                        {
                            series.setEnabled(false);
                            switchedOff.add(series);
                        }
                    }
                }
            }

            for (int pass = 0; pass < MAX_ALIGNMENT_PASSES; pass++)
            {
                double rightmost = Double.NEGATIVE_INFINITY;
                double leftmost = Double.POSITIVE_INFINITY;
                for (int i = 0; i < count; i++)
                {
                    starts[i] = plotAreaStart(panels.get(i).chart(), hints[i], width, panelHeights[i]);
                    rightmost = Math.max(rightmost, starts[i]);
                    leftmost = Math.min(leftmost, starts[i]);
                }
                if (rightmost - leftmost < 1.0)
                {
                    break;
                }
                for (int i = 0; i < count; i++)
                {
                    // The first pass measures the natural starts, which are also safe lower bounds for the hint.
                    final int shift = 0 == pass ? (int)Math.ceil(rightmost) : (int)Math.round(rightmost - starts[i]);
                    hints[i] += shift;
                }
            }
            for (int i = 0; i < count; i++)
            {
                panels.get(i).chart().getStyler().setYAxisLeftWidthHint(hints[i]);
            }
        }
        finally
        {
            for (final XYSeries series : switchedOff)
            {
                series.setEnabled(true);
            }
        }
    }

    private static double plotAreaStart(final XYChart chart, final int hint, final int width, final int height)
    {
        chart.getStyler().setYAxisLeftWidthHint(hint);
        final BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = scratch.createGraphics();
        try
        {
            chart.paint(g, width, height);
        }
        finally
        {
            g.dispose();
        }
        return chart.getScreenXFromChart(chart.getStyler().getXAxisMin());
    }
}
