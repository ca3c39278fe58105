package org.myelin.connect;

import java.util.stream.IntStream;

import org.myelin.delay.DelayRing;
import org.myelin.delay.DelayRounding;
import org.myelin.random.Initializer;
import org.myelin.util.ModelException;

/**
 * Static connectivity in compressed sparse rows by presynaptic neuron (DESIGN.md §4).
 *
 * <pre>
 * rowStart: | 0 | 3 | 3 | 7 | ...      synapses of pre i: [rowStart[i], rowStart[i+1])
 * post:     | 4 9 17 | 0 2 9 31 | ...  targets, ascending within a row
 * weight:   | w w w  | w w w w  | ...  optional float per synapse (null: homogeneous)
 * delay:    | d d d  | d d d d  | ...  optional delay in steps, byte (≤ 255) or short (≤ 65535)
 * </pre>
 *
 * <p>The position of a synapse in {@code post} is its stable index (for plasticity and a later
 * post-to-pre index). Partitioning stores, per slice, where each row crosses into that slice, so
 * a worker walks only its part of a row: one {@code int} per row and slice, no copy of targets.
 * With a homogeneous weight a synapse costs 4 bytes plus {@code 4·(slices + 1)/outDegree}; a
 * per-synapse weight adds 4 and a per-synapse delay 1 or 2.
 *
 * <p>Per-synapse delays are given in ms (by a connector or {@link #drawDelays}) and turned into
 * steps by {@link #prepareDelays}, which keeps only the steps.
 */
public final class CsrConnectivity implements Connectivity
{
    private final int sourceSize;
    private final int targetSize;
    private final int[] rowStart;
    private final int[] post;
    private float[] weight;
    private double[] delayMs;
    private byte[] delay8;
    private short[] delay16;
    private int maxDelay;
    /** cut[s][i]: first synapse of row i whose target is in slice s or later; cut[slices][i] = row end. */
    private int[][] cut;

    /**
     * @param sourceSize neurons in the source group.
     * @param targetSize neurons in the target group.
     * @param rowStart   row offsets, length {@code sourceSize + 1}.
     * @param post       targets, ascending within each row.
     * @param weight     per-synapse weights, or null for a homogeneous weight.
     */
    public CsrConnectivity(
        final int sourceSize, final int targetSize, final int[] rowStart, final int[] post, final float[] weight)
    {
        if (rowStart.length != sourceSize + 1 || rowStart[0] != 0 || rowStart[sourceSize] != post.length)
        {
            throw new ModelException("CSR connectivity: rowStart must have sourceSize + 1 = " + (sourceSize + 1)
                + " entries from 0 to the synapse count " + post.length);
        }
        if (weight != null && weight.length != post.length)
        {
            throw new ModelException("CSR connectivity: expected one weight per synapse (" + post.length
                + "), got " + weight.length);
        }
        for (int i = 0; i < sourceSize; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw new ModelException("CSR connectivity: rowStart must be non-decreasing, got rowStart[" + (i + 1)
                    + "]=" + rowStart[i + 1] + " after rowStart[" + i + "]=" + rowStart[i]);
            }
            int previous = -1;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                final int j = post[k];
                if (j < 0 || j >= targetSize || j < previous)
                {
                    throw new ModelException("CSR connectivity: row " + i + " must hold targets in [0, "
                        + targetSize + ") in ascending order, got " + j + " after " + previous);
                }
                previous = j;
            }
        }
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.rowStart = rowStart;
        this.post = post;
        this.weight = weight;
        partition(new int[] {0, targetSize});
    }

    @Override
    public int sourceSize()
    {
        return sourceSize;
    }

    @Override
    public int targetSize()
    {
        return targetSize;
    }

    @Override
    public long synapseCount()
    {
        return post.length;
    }

    @Override
    public int outDegree(final int pre)
    {
        return rowStart[pre + 1] - rowStart[pre];
    }

    /** The target of synapse {@code k}. */
    public int target(final int k)
    {
        return post[k];
    }

    /** First synapse index of row {@code pre}. */
    public int rowStart(final int pre)
    {
        return rowStart[pre];
    }

    /** The weight of synapse {@code k}, or NaN when the weight is homogeneous. */
    public double weight(final int k)
    {
        return weight == null ? Double.NaN : weight[k];
    }

    /** The delay of synapse {@code k} in steps, 0 without per-synapse delays (or before they are prepared). */
    public int delaySteps(final int k)
    {
        return delay8 != null ? delay8[k] & 0xFF : delay16 != null ? delay16[k] & 0xFFFF : 0;
    }

    /**
     * Sets per-synapse delays in ms, one per synapse in CSR order; {@link #prepareDelays} turns
     * them into steps.
     */
    public CsrConnectivity withDelaysMs(final double[] delays)
    {
        if (delays.length != post.length)
        {
            throw new ModelException("CSR connectivity: expected one delay per synapse (" + post.length
                + "), got " + delays.length);
        }
        this.delayMs = delays;
        this.delay8 = null;
        this.delay16 = null;
        this.maxDelay = 0;
        return this;
    }

    @Override
    public void drawWeights(final Initializer weights, final long key)
    {
        final double[] values = draw(weights, key, "weight");
        final float[] w = new float[values.length];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (float) values[k];
        }
        this.weight = w;
    }

    @Override
    public void drawDelays(final Initializer delaysMs, final long key)
    {
        withDelaysMs(draw(delaysMs, key, "delay"));
    }

    private double[] draw(final Initializer init, final long key, final String what)
    {
        final double[] values = new double[post.length];
        if (init instanceof Initializer.Values given)
        {
            if (given.values().length != post.length)
            {
                throw new ModelException("CSR connectivity: expected one " + what + " per synapse (" + post.length
                    + "), got " + given.values().length);
            }
            return given.values().clone();
        }
        IntStream.range(0, sourceSize).parallel().forEach(i ->
        {
            final int start = rowStart[i];
            for (int k = start; k < rowStart[i + 1]; k++)
            {
                values[k] = init.sample(key, Connectivity.synapseCounter(i, k - start));
            }
        });
        return values;
    }

    @Override
    public int prepareDelays(final String owner, final double dt, final DelayRounding rounding)
    {
        final double[] ms = delayMs;
        if (ms == null)
        {
            return maxDelay;
        }
        if (ms.length == 0)
        {
            delayMs = null; // no synapse, so no per-synapse delay
            return 0;
        }
        final int[] steps = new int[ms.length];
        int max = 0;
        for (int i = 0; i < sourceSize; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                steps[k] = rounding.toSteps(owner, i, post[k], ms[k], dt);
                max = Math.max(max, steps[k]);
            }
        }
        if (max > 0xFFFF)
        {
            throw new ModelException(owner + ": the longest per-synapse delay is " + max
                + " steps, more than the 65535 a synapse holds; use a larger dt");
        }
        if (max <= 0xFF)
        {
            delay8 = new byte[steps.length];
            for (int k = 0; k < steps.length; k++)
            {
                delay8[k] = (byte) steps[k];
            }
        }
        else
        {
            delay16 = new short[steps.length];
            for (int k = 0; k < steps.length; k++)
            {
                delay16[k] = (short) steps[k];
            }
        }
        delayMs = null;
        maxDelay = max;
        return max;
    }

    @Override
    public boolean hasDelays()
    {
        return delay8 != null || delay16 != null;
    }

    @Override
    public long memoryBytes()
    {
        long bytes = 4L * rowStart.length + 4L * post.length + (weight == null ? 0 : 4L * weight.length)
            + (delayMs == null ? 0 : 8L * delayMs.length) + (delay8 == null ? 0 : delay8.length)
            + (delay16 == null ? 0 : 2L * delay16.length);
        for (int s = 1; s < cut.length; s++)
        {
            bytes += 4L * cut[s].length;
        }
        return bytes;
    }

    @Override
    public void partition(final int[] targetSliceStart)
    {
        final int slices = targetSliceStart.length - 1;
        final int[][] cuts = new int[slices + 1][];
        cuts[0] = rowStart;
        for (int s = 1; s <= slices; s++)
        {
            final int[] c = new int[sourceSize];
            final int boundary = targetSliceStart[s];
            for (int i = 0; i < sourceSize; i++)
            {
                c[i] = s == slices ? rowStart[i + 1] : firstAtLeast(rowStart[i], rowStart[i + 1], boundary);
            }
            cuts[s] = c;
        }
        this.cut = cuts;
    }

    private int firstAtLeast(final int lo0, final int hi0, final int value)
    {
        int lo = lo0;
        int hi = hi0;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (post[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void deliver(final int pre, final int slice, final double[] target, final double scale)
    {
        final int[] post = this.post;
        final int lo = cut[slice][pre];
        final int hi = cut[slice + 1][pre];
        final float[] w = weight;
        if (w == null)
        {
            for (int k = lo; k < hi; k++)
            {
                target[post[k]] += scale;
            }
        }
        else
        {
            for (int k = lo; k < hi; k++)
            {
                target[post[k]] += scale * w[k];
            }
        }
    }

    @Override
    public void deliverDelayed(
        final int pre, final int slice, final DelayRing ring, final long step, final double scale)
    {
        final int[] post = this.post;
        final int lo = cut[slice][pre];
        final int hi = cut[slice + 1][pre];
        final float[] w = weight;
        final double[][] slots = ring.slots();
        final int depth = slots.length;
        final int base = ring.slot(step);
        final byte[] d8 = delay8;
        final short[] d16 = delay16;
        for (int k = lo; k < hi; k++)
        {
            int slot = base + (d8 != null ? d8[k] & 0xFF : d16[k] & 0xFFFF);
            if (slot >= depth)
            {
                slot -= depth;
            }
            slots[slot][post[k]] += w == null ? scale : scale * w[k];
        }
    }
}
