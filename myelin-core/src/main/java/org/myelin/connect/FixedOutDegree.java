package org.myelin.connect;

import org.myelin.random.RandomStream;
import org.myelin.util.Check;

/**
 * Every presynaptic neuron connects to exactly {@code k} targets drawn uniformly (NEST
 * {@code fixed_outdegree}, Brian2 {@code connect(j='k for k in sample(N_post, size=K)')}).
 *
 * <p>Row i is drawn from the stream keyed by (projection key, i): {@code k} uniform targets,
 * sorted, and with {@code allowMultapses = false} duplicates redrawn until all are distinct.
 * {@link #justInTime()} regenerates a row at each spike.
 *
 * @param k                    targets per presynaptic neuron, {@code >= 0}.
 * @param allowSelfConnections whether i → i is allowed when source and target are one group.
 * @param allowMultapses       whether a pair may be connected more than once (NEST's default).
 */
public record FixedOutDegree(int k, boolean allowSelfConnections, boolean allowMultapses)
    implements JustInTime.Rule
{
    /** Validates the degree. */
    public FixedOutDegree
    {
        Check.atLeast("FixedOutDegree", "k", k, 0);
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return (double) k * sourceSize;
    }

    @Override
    public String describe()
    {
        return Rows.describe("fixed out-degree", k, allowSelfConnections, allowMultapses);
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return buildTargets(sourceSize, targetSize, sameGroup, key, 0, targetSize);
    }

    /** Every row is drawn whole (without multapses its duplicates are redrawn) and cut. */
    @Override
    public Connectivity buildTargets(final int sourceSize, final int targetSize, final boolean sameGroup,
        final long key, final int targetFrom, final int targetTo)
    {
        final boolean excludeSelf = checkDegree(sourceSize, targetSize, sameGroup);
        return Rows.build("FixedOutDegree", sourceSize, targetSize, k, (i, stream, out) ->
        {
            final int size = out.size();
            row(stream, key, i, targetSize, excludeSelf, out.reserve(k), size);
            out.setSize(size + k);
        }, targetFrom, targetTo);
    }

    @Override
    public Connectivity buildJustInTime(
        final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final boolean excludeSelf = checkDegree(sourceSize, targetSize, sameGroup);
        return new JitSortedRows(new JitSortedRows.SortedRows()
        {
            @Override
            public int degree(final int pre)
            {
                return k;
            }

            @Override
            public int maxDegree()
            {
                return k;
            }

            @Override
            public void row(final RandomStream stream, final int pre, final int[] out)
            {
                FixedOutDegree.this.row(stream, key, pre, targetSize, excludeSelf, out, 0);
            }
        }, sourceSize, targetSize, key);
    }

    /** Checks that k targets can be drawn; returns whether self-connections are excluded. */
    private boolean checkDegree(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        Rows.checkDegree("FixedOutDegree", "k", k, excludeSelf ? targetSize - 1 : targetSize, !allowMultapses);
        return excludeSelf;
    }

    /** Draws the sorted targets of row {@code pre} into {@code out[offset..offset + k)}. */
    void row(final RandomStream stream, final long key, final int pre, final int targetSize,
        final boolean excludeSelf, final int[] out, final int offset)
    {
        stream.reset(Rows.rowKey(key, pre));
        Rows.drawSorted(stream, targetSize, k, excludeSelf ? pre : -1, !allowMultapses, out, offset);
    }
}
