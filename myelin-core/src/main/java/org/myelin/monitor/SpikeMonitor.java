package org.myelin.monitor;

import java.util.Arrays;

import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;
import org.myelin.util.Sorted;

/**
 * Records every spike of one population (Brian2 {@code SpikeMonitor}: {@code i}, {@code t},
 * {@code count}). Spikes of a step are recorded in ascending neuron order.
 *
 * <p>Storage is compact and never copied as it grows: neuron ids go into fixed chunks of
 * {@value #CHUNK} ints (4 bytes per spike), and steps are stored once per step that had spikes,
 * with the index of its first spike, instead of once per spike. Doubling one big array would
 * briefly hold three times the data while copying.
 */
public final class SpikeMonitor implements Stateful
{
    private static final int CHUNK_BITS = 16;
    /** Spikes per chunk of neuron ids. */
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK - 1;

    private final Population population;
    private int[][] neuronChunks = new int[4][];
    private long[] stepValues = new long[256];
    private int[] stepFirstSpike = new int[256];
    private int stepCount;
    private int size;
    /** Spikes per neuron, counted when asked for (a random write per spike would slow recording). */
    private final long[] count;
    /** The number of spikes {@link #count} covers. */
    private int counted;

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
        final int total = history.totalCount(slot);
        if (total == 0)
        {
            return;
        }
        if ((long) size + total > Integer.MAX_VALUE - CHUNK)
        {
            throw new org.myelin.util.ModelException("SpikeMonitor of '" + population.name()
                + "': more than 2^31 spikes; record fewer populations or stream spikes to disk");
        }
        if (stepCount == stepValues.length)
        {
            stepValues = Arrays.copyOf(stepValues, stepCount * 2);
            stepFirstSpike = Arrays.copyOf(stepFirstSpike, stepCount * 2);
        }
        stepValues[stepCount] = step;
        stepFirstSpike[stepCount] = size;
        stepCount++;
        final int[] ids = history.ids(slot);
        for (int s = 0; s < history.sliceCount(); s++)
        {
            final int start = history.sliceStart(s);
            final int end = start + history.count(slot, s);
            for (int k = start; k < end; k++)
            {
                chunkFor(size)[size & CHUNK_MASK] = ids[k];
                size++;
            }
        }
    }

    private int[] chunkFor(final int index)
    {
        final int c = index >>> CHUNK_BITS;
        if (c == neuronChunks.length)
        {
            neuronChunks = Arrays.copyOf(neuronChunks, c * 2);
        }
        int[] chunk = neuronChunks[c];
        if (chunk == null)
        {
            chunk = new int[CHUNK];
            neuronChunks[c] = chunk;
        }
        return chunk;
    }

    /** Number of recorded spikes. */
    public int size()
    {
        return size;
    }

    /** The step of spike {@code k}. */
    public long step(final int k)
    {
        checkIndex(k);
        return stepValues[Sorted.lastAtMost(stepFirstSpike, stepCount, k)];
    }

    /** The neuron of spike {@code k}. */
    public int neuron(final int k)
    {
        checkIndex(k);
        return neuronChunks[k >>> CHUNK_BITS][k & CHUNK_MASK];
    }

    private void checkIndex(final int k)
    {
        if (k < 0 || k >= size)
        {
            throw new IndexOutOfBoundsException("spike " + k + " of " + size);
        }
    }

    /** Number of steps with at least one recorded spike: the runs of spikes of one step. */
    public int runs()
    {
        return stepCount;
    }

    /** The step of run {@code r}; its spikes are {@code [runStart(r), runStart(r + 1))}. */
    public long runStep(final int r)
    {
        return stepValues[r];
    }

    /** The index of the first spike of run {@code r}; {@link #size()} for {@code r == runs()}. */
    public int runStart(final int r)
    {
        return r == stepCount ? size : stepFirstSpike[r];
    }

    /** A copy of the steps of all spikes. */
    public long[] steps()
    {
        final long[] out = new long[size];
        for (int t = 0; t < stepCount; t++)
        {
            final int end = t + 1 < stepCount ? stepFirstSpike[t + 1] : size;
            Arrays.fill(out, stepFirstSpike[t], end, stepValues[t]);
        }
        return out;
    }

    /** A copy of the neurons of all spikes. */
    public int[] neurons()
    {
        final int[] out = new int[size];
        for (int from = 0; from < size; from += CHUNK)
        {
            System.arraycopy(neuronChunks[from >>> CHUNK_BITS], 0, out, from, Math.min(CHUNK, size - from));
        }
        return out;
    }

    /** Spikes of neuron {@code i}. */
    public long count(final int i)
    {
        return counts()[i];
    }

    /** Brings the spike counts up to date with the recorded spikes. */
    private long[] counts()
    {
        for (; counted < size; counted++)
        {
            count[neuronChunks[counted >>> CHUNK_BITS][counted & CHUNK_MASK]]++;
        }
        return count;
    }

    /** Mean rate [Hz] over {@code durationMs}. */
    public double meanRateHz(final double durationMs)
    {
        return durationMs <= 0 ? 0.0 : size / (double) population.size() / (durationMs / 1000.0);
    }

    /** The spike steps of neuron {@code i}, ascending. */
    public long[] spikeSteps(final int i)
    {
        final long[] out = new long[(int) counts()[i]];
        int n = 0;
        for (int t = 0; t < stepCount; t++)
        {
            final int end = t + 1 < stepCount ? stepFirstSpike[t + 1] : size;
            for (int k = stepFirstSpike[t]; k < end; k++)
            {
                if (neuronChunks[k >>> CHUNK_BITS][k & CHUNK_MASK] == i)
                {
                    out[n++] = stepValues[t];
                }
            }
        }
        return out;
    }

    /** Forgets all recorded spikes. */
    public void clear()
    {
        size = 0;
        stepCount = 0;
        counted = 0;
        Arrays.fill(count, 0);
    }

    /**
     * The recorded spikes: the steps that had spikes ({@code runSteps}), the index of each one's
     * first spike ({@code runStarts}) and the neuron of every spike ({@code neurons}).
     */
    @Override
    public void visitState(final StateAccess state)
    {
        final long[] runSteps = state.longs("runSteps", stepValues, stepCount);
        final int[] runStarts = state.ints("runStarts", stepFirstSpike, stepCount);
        final int[] neurons = state.ints("neurons", state.restoring() ? new int[0] : neurons(), size);
        if (!state.restoring())
        {
            return;
        }
        clear();
        stepCount = runSteps.length;
        stepValues = Arrays.copyOf(runSteps, Math.max(256, stepCount));
        stepFirstSpike = Arrays.copyOf(runStarts, Math.max(256, stepCount));
        for (final int id : neurons)
        {
            chunkFor(size)[size & CHUNK_MASK] = id;
            size++;
        }
    }
}
