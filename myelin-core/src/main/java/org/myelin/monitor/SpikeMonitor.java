package org.myelin.monitor;

import java.util.Arrays;

import org.myelin.delay.SpikeHistory;
import org.myelin.neuron.Population;

/**
 * Records every spike of one population as (step, neuron) pairs in growable primitive arrays
 * (Brian2 {@code SpikeMonitor}: {@code i}, {@code t}, {@code count}). Spikes of a step are
 * recorded in ascending neuron order.
 */
public final class SpikeMonitor
{
    private final Population population;
    private long[] steps = new long[1024];
    private int[] neurons = new int[1024];
    private int size;
    private final long[] count;

    /** @param population the population to record. */
    public SpikeMonitor(final Population population)
    {
        this.population = population;
        this.count = new long[population.size()];
    }

    /** The recorded population. */
    public Population population()
    {
        return population;
    }

    /** Appends the spikes of {@code step}, read from the population's spike history. */
    public void record(final long step)
    {
        final SpikeHistory history = population.history();
        final int slot = history.slotOf(step);
        final int[] ids = history.ids(slot);
        final int total = history.totalCount(slot);
        if (size + total > neurons.length)
        {
            final int capacity = Math.max(neurons.length * 2, size + total);
            neurons = Arrays.copyOf(neurons, capacity);
            steps = Arrays.copyOf(steps, capacity);
        }
        for (int s = 0; s < history.sliceCount(); s++)
        {
            final int start = history.sliceStart(s);
            final int end = start + history.count(slot, s);
            for (int k = start; k < end; k++)
            {
                final int id = ids[k];
                neurons[size] = id;
                steps[size] = step;
                size++;
                count[id]++;
            }
        }
    }

    /** Number of recorded spikes. */
    public int size()
    {
        return size;
    }

    /** The step of spike {@code k}. */
    public long step(final int k)
    {
        return steps[k];
    }

    /** The neuron of spike {@code k}. */
    public int neuron(final int k)
    {
        return neurons[k];
    }

    /** A copy of the steps of all spikes. */
    public long[] steps()
    {
        return Arrays.copyOf(steps, size);
    }

    /** A copy of the neurons of all spikes. */
    public int[] neurons()
    {
        return Arrays.copyOf(neurons, size);
    }

    /** Spikes of neuron {@code i}. */
    public long count(final int i)
    {
        return count[i];
    }

    /** Mean rate [Hz] over {@code durationMs}. */
    public double meanRateHz(final double durationMs)
    {
        return durationMs <= 0 ? 0.0 : size / (double) population.size() / (durationMs / 1000.0);
    }

    /** The spike steps of neuron {@code i}, ascending. */
    public long[] spikeSteps(final int i)
    {
        final long[] out = new long[(int) count[i]];
        int n = 0;
        for (int k = 0; k < size; k++)
        {
            if (neurons[k] == i)
            {
                out[n++] = steps[k];
            }
        }
        return out;
    }

    /** Forgets all recorded spikes. */
    public void clear()
    {
        size = 0;
        Arrays.fill(count, 0);
    }
}
