package org.myelin.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;

/**
 * The loss and accuracy of a training run per epoch, two panels sharing the epoch axis: training
 * and test loss above, training and test accuracy (in %) below. Written as a PNG like the other
 * plots. NaN values (no test set) leave their series out.
 */
public final class TrainingCurvesPlot
{
    static
    {
        PlotStyle.ensureHeadless();
    }

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;

    private final String title;
    private final double[] epochs;
    private final double[] trainLoss;
    private final double[] testLoss;
    private final double[] trainAccuracy;
    private final double[] testAccuracy;

    /**
     * @param title         the figure's title.
     * @param epochs        the epochs (x).
     * @param trainLoss     training loss per epoch.
     * @param testLoss      test loss per epoch (NaN when none).
     * @param trainAccuracy training accuracy per epoch, in [0, 1].
     * @param testAccuracy  test accuracy per epoch, in [0, 1] (NaN when none).
     */
    public TrainingCurvesPlot(final String title, final double[] epochs, final double[] trainLoss,
        final double[] testLoss, final double[] trainAccuracy, final double[] testAccuracy)
    {
        if (epochs.length == 0 || trainLoss.length != epochs.length || testLoss.length != epochs.length
            || trainAccuracy.length != epochs.length || testAccuracy.length != epochs.length)
        {
            throw new IllegalArgumentException("TrainingCurvesPlot: every series needs one value per epoch ("
                + epochs.length + ")");
        }
        this.title = title;
        this.epochs = epochs.clone();
        this.trainLoss = trainLoss.clone();
        this.testLoss = testLoss.clone();
        this.trainAccuracy = percent(trainAccuracy);
        this.testAccuracy = percent(testAccuracy);
    }

    private static double[] percent(final double[] values)
    {
        final double[] p = new double[values.length];
        for (int k = 0; k < p.length; k++)
        {
            p[k] = 100 * values[k];
        }
        return p;
    }

    /** Renders the figure in memory. */
    public BufferedImage render()
    {
        return figure().render(WIDTH, HEIGHT);
    }

    /** Writes the PNG atomically. */
    public void write(final Path target) throws IOException
    {
        figure().write(target, WIDTH, HEIGHT);
    }

    private Figure figure()
    {
        final double xMin = epochs[0];
        final double xMax = epochs.length == 1 ? epochs[0] + 1 : epochs[epochs.length - 1];
        final XYChart loss = panel("loss", xMin, xMax, range(trainLoss, testLoss));
        add(loss, "training loss", trainLoss, 0);
        add(loss, "test loss", testLoss, 1);
        final XYChart accuracy = panel("accuracy (%)", xMin, xMax, new double[] {0, 100});
        add(accuracy, "training accuracy", trainAccuracy, 0);
        add(accuracy, "test accuracy", testAccuracy, 1);
        return new Figure(title).panel(loss, 1.0).panel(accuracy, 1.0);
    }

    private static XYChart panel(final String yLabel, final double xMin, final double xMax, final double[] yRange)
    {
        final XYChart chart = PlotStyle.newChart("epoch", yLabel);
        final XYStyler styler = chart.getStyler();
        styler.setLegendVisible(true);
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setXAxisMin(xMin);
        styler.setXAxisMax(xMax);
        styler.setYAxisMin(yRange[0]);
        styler.setYAxisMax(yRange[1]);
        PlotStyle.prepareAxes(chart, xMin, xMax, yRange[0], yRange[1]);
        return chart;
    }

    private void add(final XYChart chart, final String name, final double[] y, final int colour)
    {
        for (final double v : y)
        {
            if (Double.isFinite(v))
            {
                PlotStyle.styleLine(chart.addSeries(name, epochs, y), PlotStyle.SERIES[colour], WIDTH);
                return;
            }
        }
    }

    private static double[] range(final double[] a, final double[] b)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final double[] values : new double[][] {a, b})
        {
            for (final double v : values)
            {
                if (Double.isFinite(v))
                {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min < max))
        {
            return new double[] {min - 1, min + 1};
        }
        return new double[] {Math.min(0, min), max * 1.05};
    }
}
