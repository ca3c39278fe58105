package org.myelin.connect;

import org.myelin.base.DelayRing;

/** {@link AllToAll} without stored targets: a row is every target of the slice, minus i → i if excluded. */
final class JitAllToAll extends JitConnectivity
{
    private final boolean excludeSelf;

    JitAllToAll(final int sourceSize, final int targetSize, final boolean excludeSelf, final long key)
    {
        super(sourceSize, targetSize, key);
        this.excludeSelf = excludeSelf;
    }

    @Override
    public int outDegree(final int pre)
    {
        return excludeSelf && pre < targetSize ? targetSize - 1 : targetSize;
    }

    @Override
    protected void walk(
        final int pre, final int slice, final double[] target, final DelayRing ring, final int base,
        final double scale)
    {
        final int lo = sliceStart[slice];
        final int hi = sliceStart[slice + 1];
        final int self = excludeSelf ? pre : -1;
        for (int j = lo; j < hi; j++)
        {
            if (j != self)
            {
                // position in the row: j, one less after a skipped self-connection
                add(pre, self >= 0 && j > self ? j - 1 : j, j, target, ring, base, scale);
            }
        }
    }
}
