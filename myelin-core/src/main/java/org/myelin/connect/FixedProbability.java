package org.myelin.connect;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * Each (pre, post) pair is connected independently with probability {@code p} (Brian2
 * {@code connect(p=...)}, NEST {@code pairwise_bernoulli}).
 *
 * <p>Row i is cut into blocks of {@link #BLOCK} targets; block b is drawn from the counter-based
 * stream keyed by (projection key, i, b) with geometric skips: the gap to the next target is
 * {@code floor(log U / log(1 − p))}, so a row costs O(out-degree), not O(N_post). Rows are built
 * in parallel and are the same for any thread count; {@link #justInTime()} regenerates a row from
 * the same streams at each spike instead of storing it, each worker only the blocks that reach its
 * slice of targets.
 *
 * @param p                    connection probability in [0, 1].
 * @param allowSelfConnections whether i → i is allowed when source and target are one group
 *                             (Brian2's {@code connect(p=...)} allows it).
 */
public record FixedProbability(double p, boolean allowSelfConnections) implements JustInTime.Rule
{
    /** Targets per block of a row: each block has its own stream, so a row can be regenerated in parts. */
    static final int BLOCK = 8192;

    /** Validates the probability. */
    public FixedProbability
    {
        Check.inClosedRange("FixedProbability", "p", p, 0.0, 1.0);
    }

    /** With self-connections allowed, as Brian2's {@code connect(p=...)}. */
    public FixedProbability(final double p)
    {
        this(p, true);
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return p * ((double) sourceSize * targetSize - (sameGroup && !allowSelfConnections ? sourceSize : 0));
    }

    @Override
    public String describe()
    {
        return "fixed probability p=" + p + (allowSelfConnections ? "" : " (no self-connections)");
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return buildTargets(sourceSize, targetSize, sameGroup, key, 0, targetSize);
    }

    /**
     * Each row's blocks before {@code targetTo} are drawn: those before {@code targetFrom} only
     * counted (for the segment's position in the row), those after not at all.
     */
    @Override
    public Connectivity buildTargets(final int sourceSize, final int targetSize, final boolean sameGroup,
        final long key, final int targetFrom, final int targetTo)
    {
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        return Rows.build("FixedProbability", sourceSize, targetSize, p * targetSize, new Rows.Rule()
        {
            @Override
            public void row(final int pre, final RandomStream stream, final IntArray out)
            {
                FixedProbability.this.row(key, pre, targetSize, excludeSelf, stream, out);
            }

            @Override
            public int segment(final int pre, final RandomStream stream, final int from, final int to,
                final IntArray out)
            {
                return FixedProbability.this.segment(key, pre, targetSize, excludeSelf, stream, from, to, out);
            }
        }, targetFrom, targetTo);
    }

    /**
     * Appends the targets of row {@code pre} in {@code [from, to)} to {@code out}; returns the
     * number of the row's targets below {@code from}.
     */
    private int segment(final long key, final int pre, final int targetSize, final boolean excludeSelf,
        final RandomStream stream, final int from, final int to, final IntArray out)
    {
        final double logQ = logQ();
        final long row = rowKey(key, pre);
        final int self = excludeSelf ? pre : -1;
        int below = 0;
        for (int start = 0; start < Math.min(targetSize, to); start += BLOCK)
        {
            final int end = Math.min(targetSize, start + BLOCK);
            stream.reset(blockKey(row, start / BLOCK));
            for (int j = next(stream, start - 1, self, end, logQ); j < end && j < to;
                j = next(stream, j, self, end, logQ))
            {
                if (j < from)
                {
                    below++;
                }
                else
                {
                    out.add(j);
                }
            }
        }
        return below;
    }

    /** Appends the targets of row {@code pre} to {@code out}, block by block. */
    void row(final long key, final int pre, final int targetSize, final boolean excludeSelf,
        final RandomStream stream, final IntArray out)
    {
        final double logQ = logQ();
        final long row = rowKey(key, pre);
        final int self = excludeSelf ? pre : -1;
        for (int start = 0; start < targetSize; start += BLOCK)
        {
            final int end = Math.min(targetSize, start + BLOCK);
            stream.reset(blockKey(row, start / BLOCK));
            for (int j = next(stream, start - 1, self, end, logQ); j < end; j = next(stream, j, self, end, logQ))
            {
                out.add(j);
            }
        }
    }

    @Override
    public int regenerationBlock()
    {
        return BLOCK;
    }

    @Override
    public Connectivity buildJustInTime(
        final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return new JitFixedProbability(this, sourceSize, targetSize, sameGroup && !allowSelfConnections, key);
    }

    /** {@code log(1 − p)}, the parameter of the geometric skips. */
    double logQ()
    {
        return Math.log1p(-p);
    }

    /**
     * The next target after {@code j} drawn from {@code stream}, skipping {@code self} (−1: none),
     * or {@code bound} when it would be at or past {@code bound}.
     *
     * @param logQ {@link #logQ()}.
     */
    static int next(final RandomStream stream, final int j, final int self, final int bound, final double logQ)
    {
        if (logQ == 0)
        {
            return bound;
        }
        long k = j;
        do
        {
            k += 1 + stream.nextGeometricGap(logQ);
        }
        while (k == self);
        return k >= bound ? bound : (int) k;
    }

    /** The key of row {@code pre}'s stream (the stream of its first block). */
    static long rowKey(final long projectionKey, final int pre)
    {
        return Rows.rowKey(projectionKey, pre);
    }

    /** The key of block {@code block} of the row whose key is {@code rowKey}. */
    static long blockKey(final long rowKey, final int block)
    {
        return block == 0 ? rowKey : Rng.mix(rowKey ^ Rng.mix(block + 0x426C6F636BL));
    }
}
