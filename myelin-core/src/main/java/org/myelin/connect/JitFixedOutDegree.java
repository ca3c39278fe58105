package org.myelin.connect;

import org.myelin.base.DelayRing;

/**
 * {@link FixedOutDegree} regenerated at each spike: the k sorted targets of row i are redrawn from
 * its stream into a per-slice scratch row.
 */
final class JitFixedOutDegree extends JitConnectivity
{
    private final FixedOutDegree rule;
    private final boolean excludeSelf;
    private int[][] scratch = new int[0][];

    JitFixedOutDegree(
        final FixedOutDegree rule, final int sourceSize, final int targetSize, final boolean excludeSelf,
        final long key)
    {
        super(sourceSize, targetSize, key);
        this.rule = rule;
        this.excludeSelf = excludeSelf;
        prepareSlices(1);
    }

    @Override
    protected void prepareSlices(final int slices)
    {
        if (rule == null)
        {
            return; // called from the super constructor, before the rule is set
        }
        scratch = new int[slices][rule.k()];
    }

    @Override
    public int outDegree(final int pre)
    {
        return rule.k();
    }

    @Override
    protected void walk(
        final int pre, final int slice, final double[] target, final DelayRing ring, final int base,
        final double scale)
    {
        final int[] row = scratch[slice];
        rule.row(streams[slice], key, pre, targetSize, excludeSelf, row, 0);
        final int lo = sliceStart[slice];
        final int hi = sliceStart[slice + 1];
        for (int m = 0; m < row.length; m++)
        {
            final int j = row[m];
            if (j >= lo && j < hi)
            {
                add(pre, m, j, target, ring, base, scale);
            }
        }
    }
}
