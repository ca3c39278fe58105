package org.myelin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.io.RunInfo;
import org.myelin.io.SavedRun;
import org.myelin.io.Npy;
import org.myelin.io.SpikeCursor;
import org.myelin.io.WeightFiles;
import org.myelin.plot.HistogramPlot;
import org.myelin.plot.RasterPlot;
import org.myelin.plot.TracePlot;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * The pictures of a run, drawn from its results: the raster that {@code myelin run} writes and
 * every kind of {@code myelin plot}. One place per picture, so a run and a later plot of its
 * saved results look the same.
 */
final class Pictures
{
    /** Bins of the ISI and CV histograms. */
    static final int HISTOGRAM_BINS = 50;

    private Pictures()
    {
    }

    /** The mean rate [Hz] over the neurons whose spikes were recorded. */
    static double meanRateHz(final RunInfo info, final long spikes)
    {
        final long recorded = info.recorded().stream().mapToLong(RunInfo.Population::size).sum();
        return recorded == 0 ? 0 : spikes / (double) recorded / (info.durationMs() / 1000.0);
    }

    /** Spikes read from disk each time the raster asks, one at a time. */
    static RasterPlot.Spikes spikes(final SpikeCursor.Source source)
    {
        return consumer ->
        {
            try (SpikeCursor c = source.open())
            {
                while (c.next())
                {
                    consumer.accept(c.step(), c.neuron());
                }
            }
        };
    }

    /**
     * A spike raster of every population, each in its colour (those not recorded as grey bands),
     * with the rate of the recorded ones under it; the spikes are streamed, never held.
     */
    static void raster(final Path target, final RunInfo info, final RasterPlot.Spikes spikes) throws IOException
    {
        requireSpikes(info);
        final RasterPlot.Builder plot = RasterPlot.builder().spikes(spikes).dtMs(info.dtMs())
            .durationMs(info.durationMs());
        for (final RunInfo.Population p : info.populations())
        {
            if (p.size() > 0)
            {
                plot.population(p.name(), p.first(), p.size(), p.recorded());
            }
        }
        final RasterPlot built = plot.build();
        final boolean all = info.recorded().size() == info.populations().size();
        final String rateOf = all ? "" : " of " + String.join(", ", info.recorded().stream().map(
            RunInfo.Population::name).toList());
        built.title(String.format(Locale.ROOT, "%s, N = %d, %s ms, mean rate%s %.1f Hz", info.model(),
            info.neuronCount(), Units.format(info.durationMs()), rateOf, meanRateHz(info, built.spikesInWindow())));
        built.write(target);
    }

    /** Each population's rate over time in bins of {@code binMs}. */
    static void rates(final Path target, final SavedRun run, final double binMs) throws IOException
    {
        final RunInfo info = run.info();
        requireSpikes(info);
        final int bins = (int) Math.ceil(info.durationMs() / binMs - 1e-9);
        final double[] centres = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            centres[b] = Math.min(info.durationMs(), (b + 0.5) * binMs);
        }
        final TracePlot.Builder plot = TracePlot.builder().xLabel("time (ms)").yLabel("rate (Hz)")
            .title(String.format(Locale.ROOT, "%s: population rates, %s ms bins", info.model(), Units.format(binMs)))
            .xRange(0, info.durationMs());
        for (final RunInfo.Population p : info.recorded())
        {
            plot.series(p.name(), centres, SpikeStatistics.populationRate(run.steps(), run.neurons(), info.dtMs(),
                p.first(), p.size(), info.durationMs(), binMs));
        }
        plot.build().write(target);
    }

    /**
     * Traces of one recorded variable.
     *
     * @param population the population, or null for the first recording's.
     * @param variable   the variable, or null for the first recording of the population.
     * @param neurons    neuron indices to draw, or null for the first (up to 5) recorded ones.
     */
    static void traces(final Path target, final SavedRun run, final String population, final String variable,
        final List<Integer> neurons) throws IOException
    {
        final List<SavedRun.Recording> states = run.states();
        if (states.isEmpty())
        {
            throw new ModelException(run.dir() + ": no state recordings; add monitors: states: to the model file");
        }
        SavedRun.Recording chosen = null;
        for (final SavedRun.Recording r : states)
        {
            if ((population == null || r.state().population().equals(population))
                && (variable == null || r.state().variable().equals(variable)))
            {
                chosen = r;
                break;
            }
        }
        if (chosen == null)
        {
            throw new ModelException("no recording of " + (population == null ? "" : population + ".")
                + (variable == null ? "" : variable) + " in " + run.dir() + "; recorded: "
                + states.stream().map(r -> r.state().population() + "." + r.state().variable()).toList());
        }
        final List<Integer> show = new ArrayList<>();
        if (neurons == null)
        {
            for (int k = 0; k < Math.min(5, chosen.neurons().length); k++)
            {
                show.add(chosen.neurons()[k]);
            }
        }
        else
        {
            show.addAll(neurons);
        }
        final String name = chosen.state().population() + "." + chosen.state().variable();
        final TracePlot.Builder plot = TracePlot.builder().xLabel("time (ms)").yLabel(valueLabel(chosen.state()))
            .title(run.info().model() + ": " + name);
        for (final int neuron : show)
        {
            final int k = indexOf(chosen.neurons(), neuron);
            if (k < 0)
            {
                throw new ModelException("neuron " + neuron + " of " + name + " was not recorded; recorded: "
                    + java.util.Arrays.toString(chosen.neurons()));
            }
            plot.series(chosen.state().population() + " " + neuron, chosen.timesMs(), chosen.trace(k));
        }
        plot.build().write(target);
    }

    /** The axis title of a recorded variable, with its unit. */
    static String valueLabel(final RunInfo.State state)
    {
        return state.variable() + (state.unit().isEmpty() ? " (unit of the projections' weights)"
            : " (" + state.unit() + ")");
    }

    /** Histograms of inter-spike intervals and of each neuron's CV of its intervals. */
    static void isi(final Path target, final SavedRun run) throws IOException
    {
        final RunInfo info = run.info();
        requireSpikes(info);
        final double[] isi = SpikeStatistics.intervals(run.steps(), run.neurons(), info.dtMs(), info.neuronCount());
        final double[] cv = SpikeStatistics.coefficientsOfVariation(run.steps(), run.neurons(), info.neuronCount());
        if (isi.length == 0)
        {
            throw new ModelException(run.dir() + ": no neuron spiked twice; there is no interval to plot");
        }
        // the axis ends at the 99th percentile, so a few long pauses do not squeeze the histogram into one bin
        final double[] sorted = isi.clone();
        java.util.Arrays.sort(sorted);
        final double isiMax = Math.max(info.dtMs(), sorted[(int) Math.floor(0.99 * (sorted.length - 1))]);
        final double cvMax = Math.max(2.0, java.util.Arrays.stream(cv).max().orElse(0));
        final double meanCv = java.util.Arrays.stream(cv).average().orElse(Double.NaN);
        HistogramPlot.builder()
            .title(String.format(Locale.ROOT, "%s: %d intervals, mean %.1f ms; mean CV %.2f over %d neurons",
                info.model(), isi.length, java.util.Arrays.stream(isi).average().orElse(0), meanCv, cv.length))
            .panel("inter-spike interval (ms)", "intervals (count)", SpikeStatistics.edges(0, isiMax, HISTOGRAM_BINS),
                SpikeStatistics.histogram(isi, 0, isiMax, HISTOGRAM_BINS), "ISI, all neurons (up to the 99th percentile)")
            .panel("coefficient of variation of the ISI (1)", "neurons (count)", SpikeStatistics.edges(0, cvMax, HISTOGRAM_BINS),
                SpikeStatistics.histogram(cv, 0, cvMax, HISTOGRAM_BINS), "CV per neuron (>= 3 spikes)")
            .build().write(target);
    }

    /** Synapses of the weight evolution drawn at most, so the lines stay readable. */
    static final int WEIGHT_LINES = 10;

    /**
     * The final weights of a plastic projection as a histogram of w/wMax, above the weights its
     * first monitor recorded (its first {@value #WEIGHT_LINES} synapses) over time.
     *
     * @param projection the projection, or null for the first plastic one.
     */
    static void weights(final Path target, final Path dir, final String projection) throws IOException
    {
        final RunInfo info = RunInfo.read(dir);
        final List<WeightFiles.Saved> saved = WeightFiles.read(dir);
        final WeightFiles.Saved chosen = projection == null ? saved.getFirst() : saved.stream()
            .filter(w -> w.projection().equals(projection)).findFirst().orElseThrow(() -> new ModelException(
                "no plastic projection '" + projection + "' in " + dir + "; saved: " + saved.stream()
                    .map(WeightFiles.Saved::projection).toList()));
        final double wMax = chosen.wMax();
        final double[] w = Npy.read(dir.resolve(chosen.base() + "_w.npy")).values();
        final double low = Math.min(0, chosen.wMin() / wMax);
        final double[] relative = new double[w.length];
        double mean = 0;
        for (int k = 0; k < w.length; k++)
        {
            // a float weight at the bound may round just above it
            relative[k] = Math.max(low, Math.min(1, w[k] / wMax));
            mean += relative[k] / w.length;
        }
        final org.myelin.plot.WeightPlot.Builder plot = org.myelin.plot.WeightPlot.builder()
            .title(String.format(Locale.ROOT, "%s: %s, %d synapses after %s ms, mean w/wMax %.3f (wMax = %s %s)",
                info.model(), chosen.projection(), w.length, Units.format(info.durationMs()), mean,
                Units.format(wMax), chosen.unit()))
            .histogram("w / wMax (1)", "synapses (count)", SpikeStatistics.edges(low, 1, HISTOGRAM_BINS),
                SpikeStatistics.histogram(relative, low, 1, HISTOGRAM_BINS), "final weights");
        if (!chosen.monitors().isEmpty())
        {
            final String base = chosen.monitors().getFirst();
            final double[] t = Npy.read(dir.resolve(base + "_t.npy")).values();
            final Npy.Array samples = Npy.read(dir.resolve(base + "_w.npy"));
            final int[] pre = Npy.read(dir.resolve(base + "_i.npy")).indices("presynaptic neuron", Integer.MAX_VALUE);
            final int[] post = Npy.read(dir.resolve(base + "_j.npy")).indices("postsynaptic neuron", Integer.MAX_VALUE);
            final double[] seconds = java.util.Arrays.stream(t).map(ms -> ms / 1000).toArray();
            final double[] all = samples.matrix("weight samples", t.length, pre.length);
            plot.seriesAxes("time (s)", "w / wMax (1)").seriesRange(0, Math.max(info.durationMs() / 1000,
                seconds.length == 0 ? 0 : seconds[seconds.length - 1]), low, 1);
            for (int c = 0; c < Math.min(WEIGHT_LINES, pre.length); c++)
            {
                final double[] y = new double[t.length];
                for (int k = 0; k < t.length; k++)
                {
                    y[k] = all[k * pre.length + c] / wMax;
                }
                plot.series(pre[c] + " -> " + post[c], seconds, y);
            }
        }
        plot.build().write(target);
    }

    private static void requireSpikes(final RunInfo info)
    {
        if (info.recorded().isEmpty())
        {
            throw new ModelException("no spikes were recorded in this run (" + (info.populations().isEmpty()
                ? "it has no population" : "populations " + String.join(", ", info.populations().stream().map(
                    RunInfo.Population::name).toList()) + " not recorded") + "); run it again with --record spikes");
        }
    }

    private static int indexOf(final int[] values, final int value)
    {
        for (int k = 0; k < values.length; k++)
        {
            if (values[k] == value)
            {
                return k;
            }
        }
        return -1;
    }
}
