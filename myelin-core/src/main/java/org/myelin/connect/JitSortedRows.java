package org.myelin.connect;

import org.myelin.base.DelayRing;
import org.myelin.random.RandomStream;

/**
 * A rule whose rows are drawn whole and sorted ({@link FixedOutDegree}, {@link FixedTotalNumber})
 * regenerated at each spike: row i is redrawn from its stream into a per-slice scratch row, and
 * the synapses that reach the slice are delivered.
 */
final class JitSortedRows extends JitConnectivity
{
    /** Draws the sorted rows of a rule. */
    interface SortedRows
    {
        /** The number of synapses of row {@code pre}. */
        int degree(int pre);

        /** The largest number of synapses of a row, to size the scratch rows. */
        int maxDegree();

        /** Draws the sorted targets of row {@code pre} into {@code out[0..degree(pre))}. */
        void row(RandomStream stream, int pre, int[] out);
    }

    private final SortedRows rows;
    private int[][] scratch = new int[0][];

    JitSortedRows(final SortedRows rows, final int sourceSize, final int targetSize, final long key)
    {
        super(sourceSize, targetSize, key);
        this.rows = rows;
        prepareSlices(1);
    }

    @Override
    protected void prepareSlices(final int slices)
    {
        if (rows == null)
        {
            return; // called from the super constructor, before the rows are set
        }
        scratch = new int[slices][rows.maxDegree()];
    }

    @Override
    public int outDegree(final int pre)
    {
        return rows.degree(pre);
    }

    @Override
    protected void walk(
        final int pre, final int slice, final double[] target, final DelayRing ring, final int base,
        final double scale)
    {
        final int[] row = scratch[slice];
        rows.row(streams[slice], pre, row);
        final int degree = rows.degree(pre);
        final int lo = sliceStart[slice];
        final int hi = sliceStart[slice + 1];
        for (int m = 0; m < degree; m++)
        {
            final int j = row[m];
            if (j >= lo && j < hi)
            {
                add(pre, m, j, target, ring, base, scale);
            }
        }
    }
}
