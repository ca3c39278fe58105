package org.myelin.train.data;

import java.util.Arrays;

import org.myelin.util.ModelException;

/**
 * A batch of sequences: for each sample b and step n, one value per unit, either dense
 * ({@code values[(b·steps + n)·units + i]}) or, for binary spike trains, the ids of the units
 * that spiked, in ascending order.
 *
 * <p>Spike trains are stored as events so that layers that read them add one weight row per
 * spike instead of multiplying a mostly-zero vector: sample b owns the region
 * {@code [b·steps·units, (b + 1)·steps·units)} of {@link #ids()}, and {@code ends[b·steps + n]}
 * is where the ids of step n end ({@link #start(int, int)} where they begin). Each sample is
 * written by one worker, so samples fill in parallel without coordination.
 *
 * <p>Buffers grow when the batch or the number of steps grows and are reused otherwise: nothing
 * is allocated per step or per batch of the same shape.
 */
public final class Signal
{
    private final int units;
    private final boolean spikes;
    private int batch;
    private int steps;
    private double[] values = new double[0];
    private int[] ids = new int[0];
    private int[] ends = new int[0];

    private Signal(final int units, final boolean spikes)
    {
        if (units < 1)
        {
            throw new ModelException("signal: units must be >= 1, got units=" + units);
        }
        this.units = units;
        this.spikes = spikes;
    }

    /** An empty dense signal of {@code units} values per step. */
    public static Signal dense(final int units)
    {
        return new Signal(units, false);
    }

    /** An empty spike train of {@code units} sources. */
    public static Signal spikes(final int units)
    {
        return new Signal(units, true);
    }

    /** Sizes the signal for {@code batch} samples of {@code steps} steps; contents are undefined until written. */
    public Signal resize(final int batch, final int steps)
    {
        final long cells = (long) batch * steps * units;
        if (cells > Integer.MAX_VALUE - 16)
        {
            throw new ModelException("signal: a batch of " + batch + " × " + steps + " steps × " + units
                + " units does not fit in one array; use smaller batches or fewer steps");
        }
        this.batch = batch;
        this.steps = steps;
        if (spikes)
        {
            if (ids.length < cells)
            {
                ids = new int[(int) cells];
            }
            if (ends.length < batch * steps)
            {
                ends = new int[batch * steps];
            }
        }
        else if (values.length < cells)
        {
            values = new double[(int) cells];
        }
        return this;
    }

    /** Units per step. */
    public int units()
    {
        return units;
    }

    /** True for a binary spike train stored as events. */
    public boolean isSpikes()
    {
        return spikes;
    }

    /** Samples. */
    public int batch()
    {
        return batch;
    }

    /** Steps per sample. */
    public int steps()
    {
        return steps;
    }

    /** The dense values (dense signals only). */
    public double[] values()
    {
        return values;
    }

    /** The index of the first value of sample b at step n in {@link #values()}. */
    public int offset(final int b, final int n)
    {
        return (b * steps + n) * units;
    }

    /** The event ids (spike trains only). */
    public int[] ids()
    {
        return ids;
    }

    /** The first position in {@link #ids()} of sample b's region. */
    public int regionStart(final int b)
    {
        return b * steps * units;
    }

    /** Where the ids of sample b at step n begin. */
    public int start(final int b, final int n)
    {
        return n == 0 ? b * steps * units : ends[b * steps + n - 1];
    }

    /** Where the ids of sample b at step n end. */
    public int end(final int b, final int n)
    {
        return ends[b * steps + n];
    }

    /** Records that the ids of sample b at step n end at {@code end} (exclusive). */
    public void setEnd(final int b, final int n, final int end)
    {
        ends[b * steps + n] = end;
    }

    /** Spikes of sample b over all steps (spike trains), or the sum of its values (dense). */
    public double total(final int b)
    {
        if (spikes)
        {
            return end(b, steps - 1) - regionStart(b);
        }
        double sum = 0;
        final int from = offset(b, 0);
        for (int k = from; k < from + steps * units; k++)
        {
            sum += values[k];
        }
        return sum;
    }

    /** The value of unit i of sample b at step n (for tests and exports; not for hot loops). */
    public double value(final int b, final int n, final int i)
    {
        if (!spikes)
        {
            return values[offset(b, n) + i];
        }
        return Arrays.binarySearch(ids, start(b, n), end(b, n), i) >= 0 ? 1.0 : 0.0;
    }

    /** Sets every value of the samples {@code [from, to)} to 0, or empties their spike trains. */
    public void clear(final int from, final int to)
    {
        if (spikes)
        {
            for (int b = from; b < to; b++)
            {
                Arrays.fill(ends, b * steps, (b + 1) * steps, regionStart(b));
            }
        }
        else
        {
            Arrays.fill(values, offset(from, 0), offset(to, 0), 0.0);
        }
    }
}
