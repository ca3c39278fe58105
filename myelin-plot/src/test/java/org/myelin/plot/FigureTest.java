package org.myelin.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class FigureTest
{
    @Test
    void shouldAlignThePlotAreasOfStackedPanelsWhoseTickLabelsDifferInWidth()
    {
        // "4000" on the upper y axis is much wider than "0.5" on the lower one.
        final XYChart upper = panel(0.0, 4000.0);
        final XYChart lower = panel(0.0, 0.5);

        final BufferedImage image = new Figure("aligned").panel(upper, 3.0).panel(lower, 1.0).render(800, 600);

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(upper.getScreenXFromChart(0.0)).isCloseTo(lower.getScreenXFromChart(0.0), within(1.0));
        assertThat(upper.getScreenXFromChart(100.0)).isCloseTo(lower.getScreenXFromChart(100.0), within(1.0));
    }

    @Test
    void shouldRejectStackedPanelsWithoutAFixedXRange()
    {
        final XYChart free = PlotStyle.newChart("x", "y");
        PlotStyle.prepareAxes(free, 0.0, 1.0, 0.0, 1.0);
        final Figure figure = new Figure("").panel(free, 1.0).panel(panel(0.0, 1.0), 1.0);

        assertThatThrownBy(() -> figure.render(400, 300))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("Figure: stacked panels need a fixed x range, got xAxisMin=null");
    }

    private static XYChart panel(final double yMin, final double yMax)
    {
        final XYChart chart = PlotStyle.newChart("time (ms)", "value");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(100.0);
        PlotStyle.prepareAxes(chart, 0.0, 100.0, yMin, yMax);
        PlotStyle.styleLine(chart.addSeries("data", new double[]{0.0, 50.0, 100.0}, new double[]{yMin, yMax, yMin}),
            PlotStyle.SERIES[0], 800);
        return chart;
    }
}
