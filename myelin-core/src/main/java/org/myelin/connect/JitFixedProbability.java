package org.myelin.connect;

import org.myelin.random.Initializer;
import org.myelin.random.RandomStream;

/**
 * {@link FixedProbability} regenerated at each spike: row i is redrawn from its stream by
 * geometric skips up to the end of the delivering slice.
 */
final class JitFixedProbability extends JitConnectivity
{
    private final double logQ;
    private final boolean excludeSelf;

    JitFixedProbability(
        final FixedProbability rule, final int sourceSize, final int targetSize, final boolean excludeSelf,
        final long key)
    {
        super(sourceSize, targetSize, key);
        this.logQ = rule.logQ();
        this.excludeSelf = excludeSelf;
    }

    @Override
    public int outDegree(final int pre)
    {
        final RandomStream stream = new RandomStream(Rows.rowKey(key, pre));
        final int self = excludeSelf ? pre : -1;
        int count = 0;
        for (int j = FixedProbability.next(stream, -1, self, targetSize, logQ); j < targetSize;
            j = FixedProbability.next(stream, j, self, targetSize, logQ))
        {
            count++;
        }
        return count;
    }

    @Override
    public void deliver(final int pre, final int slice, final double[] target, final double scale)
    {
        final RandomStream stream = streams[slice].reset(Rows.rowKey(key, pre));
        final int lo = sliceStart[slice];
        final int hi = sliceStart[slice + 1];
        final int self = excludeSelf ? pre : -1;
        final int n = targetSize;
        final double q = logQ;
        final Initializer w = weights;
        int m = 0;
        for (int j = FixedProbability.next(stream, -1, self, n, q); j < hi;
            j = FixedProbability.next(stream, j, self, n, q), m++)
        {
            if (j >= lo)
            {
                target[j] += w == null
                    ? scale : scale * (float) w.sample(weightKey, Connectivity.synapseCounter(pre, m));
            }
        }
    }
}
