package org.myelin.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlotStyleTest
{
    @ParameterizedTest
    @CsvSource({
        "0, 1000, 0.#",
        "0, 4000, 0.#",
        "-70, -55, 0.#",
        "0, 30, 0.#",
        "0, 1.5, 0.##",
        "0, 0.02, 0.####",
        "0, 0.0001, 0.##E0",
        "0, 5000000, 0.##E0",
        "3, 3, 0.###",
    })
    void shouldPickTickLabelDecimalsFromTheAxisSpanWithoutGrouping(
        final double min, final double max, final String expected)
    {
        assertThat(PlotStyle.decimalPattern(min, max)).isEqualTo(expected);
    }

    @Test
    void shouldAddAnInvisibleTickAnchorThatIsNotEvenlySpacedAndNotInTheLegend()
    {
        final XYChart chart = PlotStyle.newChart("x", "y");

        PlotStyle.prepareAxes(chart, 0.0, 10.0, -1.0, 1.0);

        final XYSeries anchor = chart.getSeriesMap().get(PlotStyle.TICK_ANCHOR);
        assertThat(anchor.getXData()).containsExactly(10.0, 0.0, 5.0);
        assertThat(anchor.getYData()).containsExactly(-1.0, 1.0, 0.0);
        assertThat(anchor.isShowInLegend()).isFalse();
        assertThat(chart.getSeriesMap().keySet()).containsExactly(PlotStyle.TICK_ANCHOR);
    }

    @Test
    void shouldStrokeDenseSeriesAsOnePathAndSparseSeriesAsSegments()
    {
        final XYChart chart = PlotStyle.newChart("x", "y");
        final XYSeries dense = chart.addSeries("dense", new double[1000], new double[1000]);
        final XYSeries sparse = chart.addSeries("sparse", new double[10], new double[10]);

        PlotStyle.styleLine(dense, PlotStyle.SERIES[0], 800);
        PlotStyle.styleLine(sparse, PlotStyle.SERIES[1], 800);

        assertThat(dense.isSmooth()).isTrue();
        assertThat(sparse.isSmooth()).isFalse();
        assertThat(sparse.getLineColor()).isEqualTo(PlotStyle.SERIES[1]);
    }
}
