package org.myelin.cli;

import java.util.Arrays;

/**
 * Statistics of saved spike trains for the plots: population rates in time bins, inter-spike
 * intervals and their coefficient of variation per neuron, and histograms.
 */
final class SpikeStatistics
{
    private SpikeStatistics()
    {
    }

    /**
     * The rate [Hz] of neurons {@code [first, first + size)} in bins of {@code binMs} from 0 to
     * {@code durationMs} (the last bin may be shorter and is scaled by its own width).
     */
    static double[] populationRate(final long[] steps, final int[] neurons, final double dtMs, final int first,
        final int size, final double durationMs, final double binMs)
    {
        final int bins = (int) Math.ceil(durationMs / binMs - 1e-9);
        final double[] rate = new double[bins];
        for (int k = 0; k < steps.length; k++)
        {
            if (neurons[k] >= first && neurons[k] < first + size)
            {
                final int b = (int) Math.floor(steps[k] * dtMs / binMs + 1e-9);
                if (b >= 0 && b < bins)
                {
                    rate[b]++;
                }
            }
        }
        for (int b = 0; b < bins; b++)
        {
            final double width = Math.min(binMs, durationMs - b * binMs);
            rate[b] = rate[b] / size / (width / 1000.0);
        }
        return rate;
    }

    /** Every inter-spike interval [ms] of every neuron, for spikes in time order. */
    static double[] intervals(final long[] steps, final int[] neurons, final double dtMs, final int neuronCount)
    {
        final long[] last = new long[neuronCount];
        Arrays.fill(last, -1);
        final double[] out = new double[steps.length];
        int n = 0;
        for (int k = 0; k < steps.length; k++)
        {
            final int i = neurons[k];
            if (last[i] >= 0)
            {
                out[n++] = (steps[k] - last[i]) * dtMs;
            }
            last[i] = steps[k];
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The coefficient of variation (standard deviation over mean, population formula) of each
     * neuron's intervals, for neurons with at least two intervals.
     */
    static double[] coefficientsOfVariation(final long[] steps, final int[] neurons, final int neuronCount)
    {
        return Arrays.stream(coefficientOfVariationPerNeuron(steps, neurons, neuronCount))
            .filter(cv -> !Double.isNaN(cv)).toArray();
    }

    /**
     * The coefficient of variation of the intervals of neuron {@code i} at {@code i}, NaN for a
     * neuron with fewer than two intervals (three spikes).
     */
    static double[] coefficientOfVariationPerNeuron(final long[] steps, final int[] neurons, final int neuronCount)
    {
        final long[] last = new long[neuronCount];
        Arrays.fill(last, -1);
        final long[] count = new long[neuronCount];
        final double[] sum = new double[neuronCount];
        final double[] sumSq = new double[neuronCount];
        for (int k = 0; k < steps.length; k++)
        {
            final int i = neurons[k];
            if (last[i] >= 0)
            {
                final double isi = steps[k] - last[i];
                count[i]++;
                sum[i] += isi;
                sumSq[i] += isi * isi;
            }
            last[i] = steps[k];
        }
        final double[] out = new double[neuronCount];
        for (int i = 0; i < neuronCount; i++)
        {
            final double mean = sum[i] / count[i];
            out[i] = count[i] < 2 ? Double.NaN : Math.sqrt(Math.max(0, sumSq[i] / count[i] - mean * mean)) / mean;
        }
        return out;
    }

    /**
     * The mean of {@code perNeuron} over neurons {@code [first, first + size)} that have a value
     * (not NaN); NaN when none has.
     */
    static double meanOver(final double[] perNeuron, final int first, final int size)
    {
        double sum = 0;
        int n = 0;
        for (int i = first; i < first + size; i++)
        {
            if (!Double.isNaN(perNeuron[i]))
            {
                sum += perNeuron[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Counts of {@code values} in {@code bins} equal bins over {@code [low, high]} (the top edge included). */
    static double[] histogram(final double[] values, final double low, final double high, final int bins)
    {
        final double[] counts = new double[bins];
        final double width = (high - low) / bins;
        for (final double v : values)
        {
            if (v >= low && v <= high)
            {
                counts[Math.min(bins - 1, (int) ((v - low) / width))]++;
            }
        }
        return counts;
    }

    /** {@code bins + 1} equal edges over {@code [low, high]}. */
    static double[] edges(final double low, final double high, final int bins)
    {
        final double[] e = new double[bins + 1];
        for (int b = 0; b <= bins; b++)
        {
            e[b] = low + (high - low) * b / bins;
        }
        return e;
    }
}
