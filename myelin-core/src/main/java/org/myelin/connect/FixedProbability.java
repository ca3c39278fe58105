package org.myelin.connect;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * Each (pre, post) pair is connected independently with probability {@code p} (Brian2
 * {@code connect(p=...)}, NEST {@code pairwise_bernoulli}).
 *
 * <p>Row i is drawn from the counter-based stream keyed by (projection key, i) with geometric
 * skips: the gap to the next target is {@code floor(log U / log(1 − p))}, so a row costs
 * O(out-degree), not O(N_post). Rows are built in parallel and are the same for any thread count;
 * the same function regenerates a row on demand (just-in-time connectivity).
 *
 * @param p                    connection probability in [0, 1].
 * @param allowSelfConnections whether i → i is allowed when source and target are one group
 *                             (Brian2's {@code connect(p=...)} allows it).
 */
public record FixedProbability(double p, boolean allowSelfConnections) implements Connector
{
    private static final int ROWS_PER_TASK = 256;

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
        final int tasks = (sourceSize + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        final int[][] targets = new int[tasks][];
        final int[][] degrees = new int[tasks][];
        IntStream.range(0, tasks).parallel().forEach(task ->
        {
            final int first = task * ROWS_PER_TASK;
            final int last = Math.min(sourceSize, first + ROWS_PER_TASK);
            final RandomStream stream = new RandomStream(0);
            int[] buffer = new int[Math.max(16, (int) Math.min(1 << 20, 2.0 * p * targetSize * (last - first)))];
            final int[] degree = new int[last - first];
            int count = 0;
            for (int i = first; i < last; i++)
            {
                final int before = count;
                stream.reset(rowKey(key, i));
                long j = -1;
                while (true)
                {
                    j += 1 + stream.nextGeometricGap(Math.log1p(-p));
                    if (j >= targetSize || p == 0)
                    {
                        break;
                    }
                    if (sameGroup && !allowSelfConnections && j == i)
                    {
                        continue;
                    }
                    if (count == buffer.length)
                    {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    buffer[count++] = (int) j;
                }
                degree[i - first] = count - before;
            }
            targets[task] = Arrays.copyOf(buffer, count);
            degrees[task] = degree;
        });
        final int[] rowStart = new int[sourceSize + 1];
        long total = 0;
        for (int task = 0; task < tasks; task++)
        {
            final int first = task * ROWS_PER_TASK;
            for (int r = 0; r < degrees[task].length; r++)
            {
                total += degrees[task][r];
                Check.that(total <= Integer.MAX_VALUE - 8, "FixedProbability",
                    "more than 2^31 synapses in one projection; use just-in-time connectivity");
                rowStart[first + r + 1] = (int) total;
            }
        }
        final int[] post = new int[(int) total];
        for (int task = 0; task < tasks; task++)
        {
            System.arraycopy(targets[task], 0, post, rowStart[task * ROWS_PER_TASK], targets[task].length);
        }
        return new CsrConnectivity(sourceSize, targetSize, rowStart, post, null);
    }

    /** The key of row {@code pre}'s stream. */
    static long rowKey(final long projectionKey, final int pre)
    {
        return Rng.mix(projectionKey ^ Rng.mix(pre + 0x632BE59BD9B4E019L));
    }
}
