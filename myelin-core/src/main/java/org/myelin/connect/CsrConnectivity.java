package org.myelin.connect;

import org.myelin.util.ModelException;

/**
 * Static connectivity in compressed sparse rows by presynaptic neuron (DESIGN.md §4).
 *
 * <pre>
 * rowStart: | 0 | 3 | 3 | 7 | ...      synapses of pre i: [rowStart[i], rowStart[i+1])
 * post:     | 4 9 17 | 0 2 9 31 | ...  targets, ascending within a row
 * weight:   | w w w  | w w w w  | ...  optional float per synapse (null: homogeneous)
 * </pre>
 *
 * <p>The position of a synapse in {@code post} is its stable index (for plasticity and a later
 * post-to-pre index). Partitioning stores, per slice, where each row crosses into that slice, so
 * a worker walks only its part of a row: one {@code int} per row and slice, no copy of targets.
 * With a homogeneous weight a synapse costs 4 bytes plus {@code 4·(slices + 1)/outDegree}.
 */
public final class CsrConnectivity implements Connectivity
{
    private final int sourceSize;
    private final int targetSize;
    private final int[] rowStart;
    private final int[] post;
    private final float[] weight;
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

    @Override
    public long memoryBytes()
    {
        long bytes = 4L * rowStart.length + 4L * post.length + (weight == null ? 0 : 4L * weight.length);
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

    /** The same synapses with per-synapse weights (one per synapse, in synapse order). */
    CsrConnectivity withWeights(final float[] weights)
    {
        return new CsrConnectivity(sourceSize, targetSize, rowStart, post, weights);
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
}
