package org.myelin.connect;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;
import org.myelin.util.ModelException;
import org.myelin.util.Sorted;

/**
 * Builds CSR connectivity row by row in parallel, and draws sorted rows for rules with a fixed
 * number of targets. Each row is a pure function of its own random stream, so the result is the
 * same for any number of threads.
 */
final class Rows
{
    private static final int ROWS_PER_TASK = 256;

    /** Appends the sorted targets of row {@code pre} to {@code out}. */
    @FunctionalInterface
    interface Rule
    {
        void row(int pre, RandomStream stream, IntArray out);

        /**
         * Appends the sorted targets of row {@code pre} that lie in {@code [from, to)} to
         * {@code out} and returns how many of the row's targets lie below {@code from} (the
         * segment's position in the row). By default the whole row is drawn and cut.
         */
        default int segment(final int pre, final RandomStream stream, final int from, final int to, final IntArray out)
        {
            final int size = out.size();
            row(pre, stream, out);
            final int[] targets = out.array();
            final int lo = Sorted.firstAtLeast(targets, size, out.size(), from);
            final int hi = Sorted.firstAtLeast(targets, lo, out.size(), to);
            System.arraycopy(targets, lo, targets, size, hi - lo);
            out.setSize(size + hi - lo);
            return lo - size;
        }
    }

    private Rows()
    {
    }

    /** The key of row {@code pre}'s stream. */
    static long rowKey(final long projectionKey, final int pre)
    {
        return Rng.mix(projectionKey ^ Rng.mix(pre + 0x632BE59BD9B4E019L));
    }

    /**
     * Builds the rows of {@code sourceSize} presynaptic neurons in parallel, in two passes so the
     * targets are held once, in their stored form: the first counts each row's synapses, the second
     * regenerates each row and stores it (rows are pure functions of their streams).
     *
     * @param owner          the rule's name, for messages.
     * @param expectedPerRow expected synapses per row, to size buffers.
     */
    static CsrConnectivity build(
        final String owner, final int sourceSize, final int targetSize, final double expectedPerRow, final Rule rule)
    {
        return build(owner, sourceSize, targetSize, expectedPerRow, rule, 0, targetSize);
    }

    /**
     * {@link #build} of only the synapses onto targets {@code [from, to)}: each row is drawn (or
     * walked) whole, and only its segment in the range is stored, with the segment's position in
     * the row; the whole range gives {@link #build}'s rows.
     */
    static CsrConnectivity build(final String owner, final int sourceSize, final int targetSize,
        final double expectedPerRow, final Rule rule, final int from, final int to)
    {
        final int[] rowStart = new int[sourceSize + 1];
        if (from <= 0 && to >= targetSize)
        {
            eachRow(sourceSize, expectedPerRow, rule, (i, row) -> rowStart[i + 1] = row.size());
            countToStarts(owner, sourceSize, rowStart);
            return CsrConnectivity.fromRows(sourceSize, targetSize, rowStart, csr ->
                eachRow(sourceSize, expectedPerRow, rule, (i, row) -> csr.storeRow(i, row.array(), 0, row.size())));
        }
        final int[] rowPosition = new int[sourceSize];
        final Rule segment = (i, stream, out) -> rowPosition[i] = rule.segment(i, stream, from, to, out);
        eachRow(sourceSize, expectedPerRow, segment, (i, row) -> rowStart[i + 1] = row.size());
        countToStarts(owner, sourceSize, rowStart);
        return CsrConnectivity.fromRowSegments(sourceSize, targetSize, rowStart, rowPosition, csr ->
            eachRow(sourceSize, expectedPerRow, segment, (i, row) -> csr.storeRow(i, row.array(), 0, row.size())));
    }

    /** Turns the row lengths {@code rowStart[i + 1]} into row starts, in place. */
    private static void countToStarts(final String owner, final int sourceSize, final int[] rowStart)
    {
        long total = 0;
        for (int i = 0; i < sourceSize; i++)
        {
            total += rowStart[i + 1];
            Check.that(total <= Integer.MAX_VALUE - 8, owner,
                "more than 2^31 synapses in one projection; use just-in-time connectivity");
            rowStart[i + 1] = (int) total;
        }
    }

    /** Receives row {@code pre}, drawn into {@code row}. */
    @FunctionalInterface
    private interface RowSink
    {
        void accept(int pre, IntArray row);
    }

    /** Draws every row, in parallel tasks of {@value #ROWS_PER_TASK} rows, and hands each to {@code sink}. */
    private static void eachRow(
        final int sourceSize, final double expectedPerRow, final Rule rule, final RowSink sink)
    {
        final int tasks = (sourceSize + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task ->
        {
            final RandomStream stream = new RandomStream(0);
            final IntArray row = new IntArray((int) Math.min(1 << 20, 2 * expectedPerRow + 16));
            for (int i = task * ROWS_PER_TASK; i < Math.min(sourceSize, (task + 1) * ROWS_PER_TASK); i++)
            {
                row.setSize(0);
                rule.row(i, stream, row);
                sink.accept(i, row);
            }
        });
    }

    /**
     * Draws {@code k} targets from {@code [0, n)} without {@code exclude} (−1: none), sorted
     * ascending, into {@code out[offset..offset + k)}: with replacement, or distinct (redrawing
     * duplicates until none is left).
     */
    static void drawSorted(
        final RandomStream stream, final int n, final int k, final int exclude, final boolean distinct,
        final int[] out, final int offset)
    {
        final int range = exclude >= 0 ? n - 1 : n;
        final int end = offset + k;
        int count = offset;
        while (count < end)
        {
            for (int m = count; m < end; m++)
            {
                final int x = stream.nextInt(range);
                out[m] = exclude >= 0 && x >= exclude ? x + 1 : x;
            }
            Arrays.sort(out, offset, end);
            if (!distinct)
            {
                return;
            }
            count = offset + 1;
            for (int m = offset + 1; m < end; m++)
            {
                if (out[m] != out[count - 1])
                {
                    out[count++] = out[m];
                }
            }
        }
    }

    /** The description of a fixed-degree rule, e.g. {@code "fixed in-degree k=50 (no multapses)"}. */
    static String describe(final String rule, final int k, final boolean allowSelf, final boolean allowMultapses)
    {
        return rule + " k=" + k + (allowSelf ? "" : " (no self-connections)")
            + (allowMultapses ? "" : " (no multapses)");
    }

    /** Checks that {@code k} targets can be drawn from a range of {@code range} candidates. */
    static void checkDegree(final String owner, final String what, final int k, final int range,
        final boolean distinct)
    {
        if (k > 0 && range <= 0 || distinct && k > range)
        {
            throw new ModelException(owner + ": " + what + "=" + k + " needs at least " + k
                + (distinct ? " distinct" : "") + " candidates, got " + range);
        }
    }
}
