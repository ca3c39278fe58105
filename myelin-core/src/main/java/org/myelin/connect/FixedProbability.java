package org.myelin.connect;

import org.myelin.random.RandomStream;
import org.myelin.util.Check;

/**
 * Each (pre, post) pair is connected independently with probability {@code p} (Brian2
 * {@code connect(p=...)}, NEST {@code pairwise_bernoulli}).
 *
 * <p>Row i is drawn from the counter-based stream keyed by (projection key, i) with geometric
 * skips: the gap to the next target is {@code floor(log U / log(1 − p))}, so a row costs
 * O(out-degree), not O(N_post). Rows are built in parallel and are the same for any thread count;
 * {@link #justInTime()} regenerates a row from the same stream at each spike instead of storing it.
 *
 * @param p                    connection probability in [0, 1].
 * @param allowSelfConnections whether i → i is allowed when source and target are one group
 *                             (Brian2's {@code connect(p=...)} allows it).
 */
public record FixedProbability(double p, boolean allowSelfConnections) implements JustInTime.Rule
{
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
    public String describe()
    {
        return "fixed probability p=" + p + (allowSelfConnections ? "" : " (no self-connections)");
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final int exclude = sameGroup && !allowSelfConnections ? 0 : -1;
        return Rows.build("FixedProbability", sourceSize, targetSize, p * targetSize, (i, stream, out) ->
        {
            stream.reset(rowKey(key, i));
            final int self = exclude < 0 ? -1 : i;
            final double logQ = logQ();
            for (int j = next(stream, -1, self, targetSize, logQ); j < targetSize;
                j = next(stream, j, self, targetSize, logQ))
            {
                out.add(j);
            }
        });
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
     * The next target after {@code j} in a row drawn from {@code stream}, skipping {@code self}
     * (−1: none), or {@code targetSize} when the row is complete.
     *
     * @param logQ {@link #logQ()}.
     */
    static int next(final RandomStream stream, final int j, final int self, final int targetSize, final double logQ)
    {
        if (logQ == 0)
        {
            return targetSize;
        }
        long k = j;
        do
        {
            k += 1 + stream.nextGeometricGap(logQ);
        }
        while (k == self);
        return k >= targetSize ? targetSize : (int) k;
    }

    /** The key of row {@code pre}'s stream. */
    static long rowKey(final long projectionKey, final int pre)
    {
        return Rows.rowKey(projectionKey, pre);
    }
}
