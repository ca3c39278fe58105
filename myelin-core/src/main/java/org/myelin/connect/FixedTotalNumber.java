package org.myelin.connect;

import java.util.stream.LongStream;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Exactly {@code n} synapses between the two groups, each joining a presynaptic and a
 * postsynaptic neuron drawn uniformly and independently, multapses allowed (NEST
 * {@code fixed_total_number}, PyNN {@code FixedTotalNumberConnector}). Potjans &amp; Diesmann
 * (2014) wire their cortical microcircuit this way, with n = ln(1 − C)/ln(1 − 1/(N_pre·N_post))
 * for a connection probability C.
 *
 * <p>The n sources are drawn first, in blocks of {@value #BLOCK} synapses each from its own stream,
 * and counted per presynaptic neuron (a multinomial draw of the row lengths); row i then draws its
 * count of targets uniformly, sorted, from the stream keyed by (projection key, i). Given the row
 * lengths the targets are independent and uniform, so every synapse is an independent uniform
 * pair, as in NEST. The counts are a sum of blocks, the rows pure functions of their streams, so the
 * synapses do not depend on threads; {@link #justInTime()} keeps the counts (4 bytes per
 * presynaptic neuron) and regenerates a row at each spike.
 *
 * @param n                    the number of synapses, {@code >= 0}.
 * @param allowSelfConnections whether i → i is allowed when source and target are one group (each
 *                             source then draws its targets among the others).
 */
public record FixedTotalNumber(long n, boolean allowSelfConnections) implements JustInTime.Rule
{
    /** Synapses whose sources one stream draws. */
    static final int BLOCK = 1 << 16;
    private static final long SOURCE_SALT = 0x546F74616C4EL;

    /** Validates the number. */
    public FixedTotalNumber
    {
        Check.that(n >= 0, "FixedTotalNumber", "n must be >= 0, got n=" + n);
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return n;
    }

    @Override
    public String describe()
    {
        return "fixed total number n=" + n + (allowSelfConnections ? "" : " (no self-connections)");
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return buildTargets(sourceSize, targetSize, sameGroup, key, 0, targetSize);
    }

    /**
     * Every row's targets are drawn whole, but only those in the range are sorted: sorting is
     * most of a row's cost, so the build time is divided too.
     */
    @Override
    public Connectivity buildTargets(final int sourceSize, final int targetSize, final boolean sameGroup,
        final long key, final int targetFrom, final int targetTo)
    {
        Check.that(n <= Integer.MAX_VALUE - 8, "FixedTotalNumber",
            "more than 2^31 synapses in one projection; use just-in-time connectivity");
        final Counts counts = counts(sourceSize, targetSize, sameGroup, key);
        return Rows.build("FixedTotalNumber", sourceSize, targetSize, (double) n / sourceSize, new Rows.Rule()
        {
            @Override
            public void row(final int pre, final RandomStream stream, final IntArray out)
            {
                final int size = out.size();
                final int k = counts.perSource[pre];
                counts.row(stream, pre, out.reserve(k), size);
                out.setSize(size + k);
            }

            @Override
            public int segment(final int pre, final RandomStream stream, final int from, final int to,
                final IntArray out)
            {
                return counts.segment(stream, pre, from, to, out);
            }
        }, targetFrom, targetTo);
    }

    @Override
    public Connectivity buildJustInTime(
        final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final Counts counts = counts(sourceSize, targetSize, sameGroup, key);
        int max = 0;
        for (final int k : counts.perSource)
        {
            max = Math.max(max, k);
        }
        final int maxDegree = max;
        return new JitSortedRows(new JitSortedRows.SortedRows()
        {
            @Override
            public int degree(final int pre)
            {
                return counts.perSource[pre];
            }

            @Override
            public int maxDegree()
            {
                return maxDegree;
            }

            @Override
            public void row(final RandomStream stream, final int pre, final int[] out)
            {
                counts.row(stream, pre, out, 0);
            }
        }, sourceSize, targetSize, key);
    }

    /**
     * The synapses of each presynaptic neuron and how its targets are drawn.
     *
     * @param perSource   synapses of each presynaptic neuron; they sum to n.
     * @param key         the projection's key.
     * @param targetSize  neurons in the target group.
     * @param excludeSelf whether row i draws its targets without i.
     */
    private record Counts(int[] perSource, long key, int targetSize, boolean excludeSelf)
    {
        /** Draws the sorted targets of row {@code pre} into {@code out[offset..offset + perSource[pre])}. */
        void row(final RandomStream stream, final int pre, final int[] out, final int offset)
        {
            stream.reset(Rows.rowKey(key, pre));
            Rows.drawSorted(stream, targetSize, perSource[pre], excludeSelf ? pre : -1, false, out, offset);
        }

        /**
         * Appends the targets of row {@code pre} in {@code [from, to)}, sorted, to {@code out}:
         * the draws of {@link #row}, of which only those in the range are sorted (the same values
         * as {@link #row}'s segment). Returns the number of the row's targets below {@code from}.
         */
        int segment(final RandomStream stream, final int pre, final int from, final int to, final IntArray out)
        {
            stream.reset(Rows.rowKey(key, pre));
            final int exclude = excludeSelf ? pre : -1;
            final int range = exclude >= 0 ? targetSize - 1 : targetSize;
            final int size = out.size();
            final int k = perSource[pre];
            final int[] kept = out.reserve(k);
            int count = size;
            int below = 0;
            for (int m = 0; m < k; m++)
            {
                final int x = stream.nextInt(range);
                final int j = exclude >= 0 && x >= exclude ? x + 1 : x;
                if (j < from)
                {
                    below++;
                }
                else if (j < to)
                {
                    kept[count++] = j;
                }
            }
            java.util.Arrays.sort(kept, size, count);
            out.setSize(count);
            return below;
        }
    }

    /** Draws the sources of the n synapses and counts them per presynaptic neuron. */
    private Counts counts(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        final int candidates = excludeSelf ? targetSize - 1 : targetSize;
        if (n > 0 && (sourceSize <= 0 || candidates <= 0))
        {
            throw new ModelException("FixedTotalNumber: n=" + n + " synapses need at least one source and one "
                + "target" + (excludeSelf ? " other than the source" : "") + ", got " + sourceSize + " sources and "
                + targetSize + " targets");
        }
        final long blocks = (n + BLOCK - 1) / BLOCK;
        final long sourceKey = key ^ SOURCE_SALT;
        final int[] perSource = LongStream.range(0, blocks).parallel().collect(() -> new int[sourceSize],
            (count, block) ->
            {
                final RandomStream stream = new RandomStream(Rng.mix(sourceKey + Rng.mix(block)));
                final long end = Math.min(n, (block + 1) * BLOCK);
                for (long s = block * BLOCK; s < end; s++)
                {
                    count[stream.nextInt(sourceSize)]++;
                }
            },
            (a, b) ->
            {
                for (int i = 0; i < a.length; i++)
                {
                    a[i] += b[i];
                }
            });
        return new Counts(perSource, key, targetSize, excludeSelf);
    }
}
