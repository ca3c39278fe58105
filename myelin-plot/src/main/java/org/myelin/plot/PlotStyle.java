package org.myelin.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one place where Myelin's plots get their look: fonts, colours, strokes and the XChart styler settings shared
 * by every panel. Raster and trace plots build their charts here and lay them out with {@link Figure}.
 *
 * <p>Loading this class sets {@code java.awt.headless=true}; plots are only ever written to files.
 */
final class PlotStyle
{
    static
    {
        ensureHeadless();
    }

    /** Colour of the first (excitatory) population in rasters: a dark blue. */
    static final Color EXCITATORY = new Color(0x1F, 0x4E, 0xA0);

    /** Colour of the second (inhibitory) population in rasters: a red. */
    static final Color INHIBITORY = new Color(0xD0, 0x1C, 0x1C);


    /**
     * {@code count} distinct colours for the populations of a raster: the fixed palette first,
     * then hues a golden angle apart, alternating two saturations and brightnesses so that
     * neighbours in the list differ in more than hue.
     */
    static Color[] populationColours(final int count)
    {
        final Color[] out = new Color[count];
        final java.util.Set<Integer> used = new java.util.HashSet<>();
        for (int k = 0; k < count; k++)
        {
            Color c;
            if (k < POPULATIONS.length)
            {
                c = POPULATIONS[k];
            }
            else
            {
                int j = k;
                do
                {
                    final float hue = (float) ((j * 0.6180339887498949) % 1.0);
                    c = Color.getHSBColor(hue, j % 2 == 0 ? 0.85f : 0.55f, j % 3 == 0 ? 0.55f : 0.8f);
                    j += count;
                }
                while (used.contains(c.getRGB()) || c.equals(NOT_RECORDED_SWATCH));
            }
            used.add(c.getRGB());
            out[k] = c;
        }
        return out;
    }

    /** The legend swatch of a population that was not recorded. */
    static final Color NOT_RECORDED_SWATCH = new Color(0xEE, 0xEE, 0xEE).darker();

    /** Colour of the population-rate line. */
    static final Color RATE = new Color(0x33, 0x33, 0x33);

    /** Series colours for traces, Okabe-Ito order (colour-blind safe, yellow left out as unreadable on white). */
    static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2),
        new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7),
        new Color(0xE6, 0x9F, 0x00),
        new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00),
    };

    /**
     * Raster colours of the first populations: the blue and red of the two-population rasters,
     * then Okabe-Ito's green, orange, sky blue and reddish purple, then brown, black and grey.
     */
    private static final Color[] POPULATIONS = {
        EXCITATORY, INHIBITORY, SERIES[2], SERIES[4], SERIES[5], SERIES[3], new Color(0x8C, 0x51, 0x0A), SERIES[6],
        new Color(0x88, 0x88, 0x88),
    };

    /** Colour of all text. */
    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    /** Colour of secondary text such as subtitles. */
    static final Color SUBTLE_TEXT = new Color(0x55, 0x55, 0x55);
    /** Background of the figure and of every plot area. */
    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    static final Color BORDER = new Color(0x80, 0x80, 0x80);

    /** Font of the figure title. */
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    /** Font of the subtitle and header legend. */
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Stroke for trace and rate lines. */
    static final BasicStroke LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** Name of the invisible series added by {@link #prepareAxes}. */
    static final String TICK_ANCHOR = "\u200Btick anchor";

    /** Space in pixels around the figure and between its parts. */
    static final int PADDING = 10;

    private PlotStyle()
    {
    }

    /**
     * Sets {@code java.awt.headless=true}. Idempotent; every public plot class calls it from its static initialiser so
     * that it runs before any AWT class is touched.
     */
    static void ensureHeadless()
    {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Creates an XY chart with the shared style, no chart title (the {@link Figure} header carries it) and no legend.
     *
     * @param xAxisTitle label of the x axis, with its unit, e.g. {@code "time (ms)"}.
     * @param yAxisTitle label of the y axis, with its unit.
     * @return the styled, empty chart; {@link Figure} sets its final size.
     */
    static XYChart newChart(final String xAxisTitle, final String yAxisTitle)
    {
        final XYChart chart = new XYChartBuilder()
            .width(400)
            .height(300)
            .xAxisTitle(xAxisTitle)
            .yAxisTitle(yAxisTitle)
            .build();

        final XYStyler styler = chart.getStyler();
        styler.setChartTitleVisible(false);
        styler.setLegendVisible(false);
        styler.setToolTipsEnabled(false);
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBackgroundColor(BACKGROUND);
        styler.setPlotBorderColor(BORDER);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(TEXT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(BORDER);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendBackgroundColor(BACKGROUND);
        styler.setLegendBorderColor(BORDER);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartPadding(PADDING);
        styler.setSeriesColors(SERIES);
        return chart;
    }

    /**
     * Styles a series as a plain line in {@code colour} without markers.
     *
     * <p>XChart strokes a polyline one segment at a time; with several samples per pixel the overlapping
     * anti-aliased segment ends make a dense trace look uneven and blotchy. A dense series (more than one sample per
     * two pixels of image width) is therefore stroked as one path, via XChart's smooth mode: its Bezier pieces have
     * horizontal tangents at the samples, so they stay between neighbouring values (no overshoot) and, at sub-pixel
     * spacing, cannot be told from straight segments. Sparse series keep straight segments.
     *
     * @param series     to style.
     * @param colour     of the line.
     * @param imageWidth of the figure in pixels, to judge density.
     */
    static void styleLine(final XYSeries series, final Color colour, final int imageWidth)
    {
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(LINE);
        series.setSmooth(series.getXData().length > imageWidth / 2);
    }

    /**
     * Prepares both axes of a new chart for the data range: sets tick-label patterns that suit the range (no grouping
     * separators, as many decimals as the 1-2-5 tick steps need) and adds the tick anchor described below. Call it
     * before adding any data series.
     *
     * <p><b>Tick anchor.</b> XChart 3.8.8 collects the distinct x (and y) values of all series in insertion order; if
     * they happen to be evenly spaced (any uniformly sampled trace, bin centres, or a raster listing neurons in
     * order) it places ticks on data values instead of on round numbers, giving crowded or odd ticks such as 79, 158,
     * 237. A first, invisible series with the values max, min, mid on each axis breaks that even spacing, so the
     * usual 1-2-5 ticks are used. Its points lie inside the range and draw nothing, so they change neither fitted
     * axis ranges nor the picture. The anchor also keeps XChart happy when there is no data at all.
     *
     * @param chart from {@link #newChart(String, String)}, still without series.
     * @param xMin  smallest x value shown.
     * @param xMax  largest x value shown.
     * @param yMin  smallest y value shown.
     * @param yMax  largest y value shown.
     */
    static void prepareAxes(
        final XYChart chart, final double xMin, final double xMax, final double yMin, final double yMax)
    {
        final XYStyler styler = chart.getStyler();
        styler.setXAxisDecimalPattern(decimalPattern(xMin, xMax));
        styler.setYAxisDecimalPattern(decimalPattern(yMin, yMax));

        final XYSeries anchor = chart.addSeries(
            TICK_ANCHOR,
            new double[]{ xMax, xMin, 0.5 * (xMin + xMax) },
            new double[]{ yMin, yMax, 0.5 * (yMin + yMax) });
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineStyle(SeriesLines.NONE);
        anchor.setShowInLegend(false);
    }

    /**
     * Decimal pattern for tick labels on an axis spanning {@code [min, max]}: plain digits without grouping, one
     * decimal more than a tenth of the span needs (ticks come in 1-2-5 steps), scientific outside 1e-3..1e6.
     *
     * @param min lower end of the axis.
     * @param max upper end of the axis.
     * @return a {@link java.text.DecimalFormat} pattern.
     */
    static String decimalPattern(final double min, final double max)
    {
        final double span = Math.abs(max - min);
        final double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (!Double.isFinite(span) || magnitude >= 1e6 || (span > 0 && span < 1e-3))
        {
            return "0.##E0";
        }
        if (0 == span)
        {
            return "0.###";
        }
        final int decimals = Math.max(0, 1 - (int)Math.floor(Math.log10(span))) + 1;
        return "0." + "#".repeat(decimals);
    }
}
