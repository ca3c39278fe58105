package org.myelin.connect;

import org.myelin.base.DelayRing;
import org.myelin.random.RandomStream;

/**
 * {@link FixedProbability} regenerated at each spike: row i is redrawn from its stream by
 * geometric skips up to the end of the delivering slice.
 */
final class JitFixedProbability extends JitConnectivity
{
    private final FixedProbability rule;
    private final double logQ;
    private final boolean excludeSelf;

    JitFixedProbability(
        final FixedProbability rule, final int sourceSize, final int targetSize, final boolean excludeSelf,
        final long key)
    {
        super(sourceSize, targetSize, key);
        this.rule = rule;
        this.logQ = rule.logQ();
        this.excludeSelf = excludeSelf;
    }

    @Override
    public int outDegree(final int pre)
    {
        final IntArray row = new IntArray(16);
        rule.row(key, pre, targetSize, excludeSelf, new RandomStream(0), row);
        return row.size();
    }

    /**
     * Regenerates the blocks of row {@code pre} that reach the slice; with per-synapse weights or
     * delays also the blocks before it, to count each synapse's position in the row.
     */
    @Override
    protected void walk(
        final int pre, final int slice, final double[] target, final DelayRing ring, final int base,
        final double scale)
    {
        final RandomStream stream = streams[slice];
        final int lo = sliceStart[slice];
        final int hi = sliceStart[slice + 1];
        final int self = excludeSelf ? pre : -1;
        final double q = logQ;
        final long row = Rows.rowKey(key, pre);
        final int block = FixedProbability.BLOCK;
        int m = 0;
        for (int start = needsPositions() ? 0 : lo / block * block; start < hi; start += block)
        {
            final int end = Math.min(hi, start + block);
            stream.reset(FixedProbability.blockKey(row, start / block));
            for (int j = FixedProbability.next(stream, start - 1, self, end, q); j < end;
                j = FixedProbability.next(stream, j, self, end, q), m++)
            {
                if (j >= lo)
                {
                    add(pre, m, j, target, ring, base, scale);
                }
            }
        }
    }
}
