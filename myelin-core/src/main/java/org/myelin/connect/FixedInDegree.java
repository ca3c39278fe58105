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
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        Rows.checkDegree("FixedInDegree", "k", k, excludeSelf ? sourceSize - 1 : sourceSize, !allowMultapses);
        Check.that((long) k * targetSize <= Integer.MAX_VALUE - 8, "FixedInDegree",
            "more than 2^31 synapses in one projection");
        final int[] sources = new int[k * targetSize];
        final long columnKey = key ^ COLUMN_SALT;
        IntStream.range(0, (targetSize + 255) / 256).parallel().forEach(task ->
        {
            final RandomStream stream = new RandomStream(0);
            for (int j = task * 256; j < Math.min(targetSize, task * 256 + 256); j++)
            {
                stream.reset(Rows.rowKey(columnKey, j));
                Rows.drawSorted(stream, sourceSize, k, excludeSelf ? j : -1, !allowMultapses, sources, j * k);
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
        for (int j = 0; j < targetSize; j++)
        {
            for (int m = j * k; m < (j + 1) * k; m++)
            {
                post[fill[sources[m]]++] = j;
            }
        }
        return new CsrConnectivity(sourceSize, targetSize, rowStart, post, null);
    }
}
