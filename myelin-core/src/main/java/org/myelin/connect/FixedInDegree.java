package org.myelin.connect;

import java.util.stream.IntStream;

import org.myelin.random.RandomStream;
import org.myelin.util.Check;

/**
 * Every postsynaptic neuron receives exactly {@code k} synapses from sources drawn uniformly (NEST
 * {@code fixed_indegree}, Brian2 {@code connect(i='k for k in sample(N_pre, size=K)')}).
 *
 * <p>Column j is drawn from the stream keyed by (projection key, j), like a row of
 * {@link FixedOutDegree} with the roles swapped; the columns are then turned into presynaptic
 * rows. Both passes are parallel or in a fixed order, so the synapses do not depend on threads.
 *
 * @param k                    sources per postsynaptic neuron, {@code >= 0}.
 * @param allowSelfConnections whether i → i is allowed when source and target are one group.
 * @param allowMultapses       whether a pair may be connected more than once (NEST's default).
 */
public record FixedInDegree(int k, boolean allowSelfConnections, boolean allowMultapses) implements Connector
{
    private static final long COLUMN_SALT = 0x436F6C756D6E73L;
    private static final int COLUMNS_PER_TASK = 256;

    /** Validates the degree. */
    public FixedInDegree
    {
        Check.atLeast("FixedInDegree", "k", k, 0);
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return (double) k * targetSize;
    }

    @Override
    public String describe()
    {
        return Rows.describe("fixed in-degree", k, allowSelfConnections, allowMultapses);
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return buildTargets(sourceSize, targetSize, sameGroup, key, 0, targetSize);
    }

    /**
     * Draws the columns of the targets in the range and, for the positions of their synapses in
     * the rows, counts per source the synapses of the columns below the range (drawn, not kept).
     */
    @Override
    public Connectivity buildTargets(final int sourceSize, final int targetSize, final boolean sameGroup,
        final long key, final int targetFrom, final int targetTo)
    {
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        Rows.checkDegree("FixedInDegree", "k", k, excludeSelf ? sourceSize - 1 : sourceSize, !allowMultapses);
        Check.that((long) k * targetSize <= Integer.MAX_VALUE - 8, "FixedInDegree",
            "more than 2^31 synapses in one projection");
        final int from = Math.max(0, targetFrom);
        final int to = Math.min(targetSize, targetTo);
        final int columns = Math.max(0, to - from);
        final int[] sources = new int[k * columns];
        final long columnKey = key ^ COLUMN_SALT;
        IntStream.range(0, (columns + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK).parallel().forEach(task ->
        {
            final RandomStream stream = new RandomStream(0);
            for (int c = task * COLUMNS_PER_TASK; c < Math.min(columns, (task + 1) * COLUMNS_PER_TASK); c++)
            {
                column(stream, columnKey, from + c, sourceSize, excludeSelf, sources, c * k);
            }
        });
        final int[] rowStart = new int[sourceSize + 1];
        for (final int i : sources)
        {
            rowStart[i + 1]++;
        }
        for (int i = 0; i < sourceSize; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        final int[] fill = java.util.Arrays.copyOf(rowStart, sourceSize);
        final int[] post = new int[sources.length];
        for (int c = 0; c < columns; c++)
        {
            for (int m = c * k; m < (c + 1) * k; m++)
            {
                post[fill[sources[m]]++] = from + c;
            }
        }
        final int[] rowPosition = from == 0 && to == targetSize ? null
            : synapsesBelow(sourceSize, from, excludeSelf, columnKey);
        return CsrConnectivity.fromRowSegments(sourceSize, targetSize, rowStart, rowPosition, csr ->
        {
            for (int i = 0; i < sourceSize; i++)
            {
                csr.storeRow(i, post, rowStart[i], rowStart[i + 1] - rowStart[i]);
            }
        });
    }

    /** Draws the k sources of column {@code j}, sorted, into {@code out[offset..offset + k)}. */
    private void column(final RandomStream stream, final long columnKey, final int j, final int sourceSize,
        final boolean excludeSelf, final int[] out, final int offset)
    {
        stream.reset(Rows.rowKey(columnKey, j));
        Rows.drawSorted(stream, sourceSize, k, excludeSelf ? j : -1, !allowMultapses, out, offset);
    }

    /** Per source, its synapses onto the targets below {@code from}: each column drawn and counted. */
    private int[] synapsesBelow(final int sourceSize, final int from, final boolean excludeSelf, final long columnKey)
    {
        return IntStream.range(0, (from + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK).parallel().collect(
            () -> new int[sourceSize], (count, task) ->
            {
                final RandomStream stream = new RandomStream(0);
                final int[] column = new int[k];
                for (int j = task * COLUMNS_PER_TASK; j < Math.min(from, (task + 1) * COLUMNS_PER_TASK); j++)
                {
                    column(stream, columnKey, j, sourceSize, excludeSelf, column, 0);
                    for (final int i : column)
                    {
                        count[i]++;
                    }
                }
            }, (a, b) ->
            {
                for (int i = 0; i < a.length; i++)
                {
                    a[i] += b[i];
                }
            });
    }
}
