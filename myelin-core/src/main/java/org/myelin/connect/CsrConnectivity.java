package org.myelin.connect;

import java.util.stream.IntStream;

import org.myelin.base.DelayRing;
import org.myelin.delay.DelayRounding;
import org.myelin.random.Initializer;
import org.myelin.util.ModelException;
import org.myelin.util.Sorted;

/**
 * Static connectivity in compressed sparse rows by presynaptic neuron (DESIGN.md §4).
 *
 * <pre>
 * rowStart: | 0 | 3 | 3 | 7 | ...      synapses of pre i: [rowStart[i], rowStart[i+1])
 * post:     | 4 9 17 | 0 2 9 31 | ...  targets, ascending within a row, 2 bytes each
 * weight:   | w w w  | w w w w  | ...  optional float per synapse (null: homogeneous)
 * delay:    | d d d  | d d d d  | ...  optional delay in steps, byte (≤ 255) or short (≤ 65535)
 * </pre>
 *
 * <p>Targets are stored as their offset in a block of {@value #TARGET_BLOCK} neurons (GeNN's
 * narrow sparse indices): a row's synapses into block b sit between two cuts, so the block
 * number is not stored per synapse. A target group of up to 65 536 neurons has one block and no
 * cuts; a larger one has {@code blocks − 1} cuts per row.
 *
 * <p>The position of a synapse in {@code post} is its stable index (for plasticity and a later
 * post-to-pre index). {@link #partition} cuts every row at the slice boundaries and the block
 * boundaries and keeps, per row, where each of these segments starts, interleaved so that one
 * cache line holds all of a row's bounds: a worker reads its part of a row with one random read
 * for the bounds and one for the targets, and no copy of targets. With a homogeneous weight a
 * synapse costs 2 bytes plus {@code 4·(segments + 2)/outDegree}; a per-synapse weight adds 4 and a
 * per-synapse delay 1 or 2.
 *
 * <p>Per-synapse delays are given in ms (by a connector or {@link #drawDelays}) and turned into
 * steps by {@link #prepareDelays}, which keeps only the steps.
 */
public final class CsrConnectivity implements Connectivity
{
    /** Neurons per block of targets: a target is stored as its offset in its block. */
    static final int TARGET_BLOCK = 1 << 16;
    private static final int BLOCK_BITS = 16;
    /** Spikes whose rows are fetched together before their synapses are delivered. */
    private static final int BATCH = 16;
    /** Rows above which partitioning runs in parallel. */
    private static final int PARALLEL_ROWS = 4096;

    private final int sourceSize;
    private final int targetSize;
    private final int[] rowStart;
    private final char[] post;
    /** blockCut[i·(blocks − 1) + b − 1]: first synapse of row i in target block b ≥ 1; null with one block. */
    private final int[] blockCut;
    private final int blocks;
    /**
     * rowPosition[i]: where row i's first held synapse stands in the whole row, when only the
     * synapses onto some targets are held (one MPI rank's part); null when every row is whole.
     */
    private final int[] rowPosition;
    private float[] weight;
    private double[] delayMs;
    private byte[] delay8;
    private short[] delay16;
    private int maxDelay;
    /** Segments after {@link #partition}: slices cut further at block boundaries. */
    private int segments;
    /** bounds[i·(segments + 1) + s]: first synapse of row i in segment s; s = segments: the row end. */
    private int[] bounds;
    /** The first neuron of each segment's block (its targets are base + offset). */
    private int[] segmentBase;
    /** The first segment of each slice, with the segment count appended. */
    private int[] sliceSegment;

    /**
     * @param sourceSize neurons in the source group.
     * @param targetSize neurons in the target group.
     * @param rowStart   row offsets, length {@code sourceSize + 1}.
     * @param post       targets, ascending within each row.
     * @param weight     per-synapse weights, or null for a homogeneous weight.
     */
    public CsrConnectivity(
        final int sourceSize, final int targetSize, final int[] rowStart, final int[] post, final float[] weight)
    {
        this(sourceSize, targetSize, checkRows(sourceSize, rowStart, post.length), weight, null);
        if (weight != null && weight.length != post.length)
        {
            throw new ModelException("CSR connectivity: expected one weight per synapse (" + post.length
                + "), got " + weight.length);
        }
        for (int i = 0; i < sourceSize; i++)
        {
            storeRow(i, post, rowStart[i], rowStart[i + 1] - rowStart[i]);
        }
        partition(new int[] {0, targetSize});
    }

    /** Empty rows of the given lengths, for {@link #storeRow} to fill; not partitioned yet. */
    private CsrConnectivity(final int sourceSize, final int targetSize, final int[] rowStart,
        final float[] weight, final int[] rowPosition)
    {
        this.sourceSize = sourceSize;
        this.rowPosition = rowPosition;
        this.targetSize = targetSize;
        this.rowStart = rowStart;
        this.blocks = Math.max(1, (targetSize + TARGET_BLOCK - 1) >>> BLOCK_BITS);
        this.post = new char[rowStart[sourceSize]];
        this.blockCut = blocks == 1 ? null : new int[Math.multiplyExact(sourceSize, blocks - 1)];
        this.weight = weight;
    }

    /**
     * Connectivity whose rows are filled by {@code fill}, which calls {@link #storeRow} once for
     * every row (from several threads if it likes: rows are independent), so the targets are held
     * only in their 2-byte form.
     */
    static CsrConnectivity fromRows(final int sourceSize, final int targetSize, final int[] rowStart,
        final java.util.function.Consumer<CsrConnectivity> fill)
    {
        return fromRowSegments(sourceSize, targetSize, rowStart, null, fill);
    }

    /**
     * {@link #fromRows} for a part of every row: row i holds the synapses of its whole row from
     * position {@code rowPosition[i]} on (null: whole rows), so that per-synapse draws use the
     * counters of the whole rows.
     */
    static CsrConnectivity fromRowSegments(final int sourceSize, final int targetSize, final int[] rowStart,
        final int[] rowPosition, final java.util.function.Consumer<CsrConnectivity> fill)
    {
        if (rowPosition != null && rowPosition.length != sourceSize)
        {
            throw new IllegalArgumentException("CSR connectivity: one row position per row (" + sourceSize
                + "), got " + rowPosition.length);
        }
        final CsrConnectivity c = new CsrConnectivity(sourceSize, targetSize,
            checkRows(sourceSize, rowStart, rowStart[sourceSize]), null, rowPosition);
        fill.accept(c);
        c.partition(new int[] {0, targetSize});
        return c;
    }

    private static int[] checkRows(final int sourceSize, final int[] rowStart, final int synapses)
    {
        if (rowStart.length != sourceSize + 1 || rowStart[0] != 0 || rowStart[sourceSize] != synapses)
        {
            throw new ModelException("CSR connectivity: rowStart must have sourceSize + 1 = " + (sourceSize + 1)
                + " entries from 0 to the synapse count " + synapses);
        }
        for (int i = 0; i < sourceSize; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw new ModelException("CSR connectivity: rowStart must be non-decreasing, got rowStart[" + (i + 1)
                    + "]=" + rowStart[i + 1] + " after rowStart[" + i + "]=" + rowStart[i]);
            }
        }
        return rowStart;
    }

    /**
     * Stores row {@code pre}: its {@code count} targets, ascending, from {@code targets[from]} on;
     * {@code count} must be the row's length.
     */
    void storeRow(final int pre, final int[] targets, final int from, final int count)
    {
        final int first = rowStart[pre];
        if (count != rowStart[pre + 1] - first)
        {
            throw new IllegalStateException("CSR connectivity: row " + pre + " has " + count + " targets, "
                + (rowStart[pre + 1] - first) + " were counted");
        }
        final int cuts = blocks - 1;
        int block = 0;
        int previous = -1;
        for (int m = 0; m < count; m++)
        {
            final int j = targets[from + m];
            if (j < 0 || j >= targetSize || j < previous)
            {
                throw new ModelException("CSR connectivity: row " + pre + " must hold targets in [0, "
                    + targetSize + ") in ascending order, got " + j + " after " + previous);
            }
            previous = j;
            while (block < (j >>> BLOCK_BITS))
            {
                blockCut[pre * cuts + block++] = first + m;
            }
            post[first + m] = (char) j;
        }
        while (block < cuts)
        {
            blockCut[pre * cuts + block++] = first + count;
        }
    }

    @Override
    public int sourceSize()
    {
        return sourceSize;
    }

    @Override
    public int targetSize()
    {
        return targetSize;
    }

    @Override
    public long synapseCount()
    {
        return post.length;
    }

    @Override
    public int outDegree(final int pre)
    {
        return rowStart[pre + 1] - rowStart[pre];
    }

    /** The target of synapse {@code k} (finds its row: for inspection and tests, not for hot loops). */
    public int target(final int k)
    {
        if (k < 0 || k >= post.length)
        {
            throw new IndexOutOfBoundsException("synapse " + k + " of " + post.length);
        }
        return targetOf(Sorted.lastAtMost(rowStart, sourceSize, k), k);
    }

    /**
     * Copies the targets of row {@code pre}, ascending, into {@code out} from {@code offset}
     * (for building other layouts, such as plastic synapses).
     */
    public void copyTargets(final int pre, final int[] out, final int offset)
    {
        final int start = rowStart[pre];
        final int end = rowStart[pre + 1];
        int block = 0;
        for (int k = start; k < end; k++)
        {
            while (block < blocks - 1 && blockCut[pre * (blocks - 1) + block] <= k)
            {
                block++;
            }
            out[offset + k - start] = (block << BLOCK_BITS) + post[k];
        }
    }

    /** The target of synapse {@code k} of row {@code pre}: its offset plus the start of its block. */
    private int targetOf(final int pre, final int k)
    {
        int block = 0;
        while (block < blocks - 1 && blockCut[pre * (blocks - 1) + block] <= k)
        {
            block++;
        }
        return (block << BLOCK_BITS) + post[k];
    }

    /** Rows 0 .. sourceSize − 1, in parallel when there are many. */
    private IntStream rows()
    {
        final IntStream rows = IntStream.range(0, sourceSize);
        return sourceSize > PARALLEL_ROWS ? rows.parallel() : rows;
    }

    /**
     * Where the first held synapse of row {@code pre} stands in the whole row: 0 unless only the
     * synapses onto some targets are held ({@link Connector#buildTargets}).
     */
    public int rowPosition(final int pre)
    {
        return rowPosition == null ? 0 : rowPosition[pre];
    }

    /** First synapse index of row {@code pre}. */
    public int rowStart(final int pre)
    {
        return rowStart[pre];
    }

    /** The weight of synapse {@code k}, or NaN when the weight is homogeneous. */
    public double weight(final int k)
    {
        return weight == null ? Double.NaN : weight[k];
    }

    /** The delay of synapse {@code k} in steps, 0 without per-synapse delays (or before they are prepared). */
    public int delaySteps(final int k)
    {
        return delay8 != null ? delay8[k] & 0xFF : delay16 != null ? delay16[k] & 0xFFFF : 0;
    }

    /**
     * Sets per-synapse delays in ms, one per synapse in CSR order; {@link #prepareDelays} turns
     * them into steps.
     */
    public CsrConnectivity withDelaysMs(final double[] delays)
    {
        if (delays.length != post.length)
        {
            throw new ModelException("CSR connectivity: expected one delay per synapse (" + post.length
                + "), got " + delays.length);
        }
        this.delayMs = delays;
        this.delay8 = null;
        this.delay16 = null;
        this.maxDelay = 0;
        return this;
    }

    @Override
    public void drawWeights(final Initializer weights, final long key)
    {
        final double[] values = draw(weights, key, "weight");
        final float[] w = new float[values.length];
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (float) values[k];
        }
        this.weight = w;
    }

    @Override
    public void drawDelays(final Initializer delaysMs, final long key)
    {
        withDelaysMs(draw(delaysMs, key, "delay"));
    }

    private double[] draw(final Initializer init, final long key, final String what)
    {
        final double[] values = new double[post.length];
        if (init instanceof Initializer.Values given)
        {
            if (rowPosition != null)
            {
                throw new ModelException("CSR connectivity: one " + what + " per synapse in CSR order needs every "
                    + "synapse; this connectivity holds only the synapses onto some targets");
            }
            if (given.values().length != post.length)
            {
                throw new ModelException("CSR connectivity: expected one " + what + " per synapse (" + post.length
                    + "), got " + given.values().length);
            }
            return given.values().clone();
        }
        rows().forEach(i ->
        {
            final int start = rowStart[i] - rowPosition(i);
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                values[k] = init.sample(key, Connectivity.synapseCounter(i, k - start));
            }
        });
        return values;
    }

    @Override
    public int prepareDelays(final String owner, final double dt, final DelayRounding rounding)
    {
        final double[] ms = delayMs;
        if (ms == null)
        {
            return maxDelay;
        }
        if (ms.length == 0)
        {
            delayMs = null; // no synapse, so no per-synapse delay
            return 0;
        }
        final int[] steps = new int[ms.length];
        int max = 0;
        for (int i = 0; i < sourceSize; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                steps[k] = rounding.toSteps(owner, i, targetOf(i, k), ms[k], dt);
                max = Math.max(max, steps[k]);
            }
        }
        if (max > 0xFFFF)
        {
            throw new ModelException(owner + ": the longest per-synapse delay is " + max
                + " steps, more than the 65535 a synapse holds; use a larger dt");
        }
        if (max <= 0xFF)
        {
            delay8 = new byte[steps.length];
            for (int k = 0; k < steps.length; k++)
            {
                delay8[k] = (byte) steps[k];
            }
        }
        else
        {
            delay16 = new short[steps.length];
            for (int k = 0; k < steps.length; k++)
            {
                delay16[k] = (short) steps[k];
            }
        }
        delayMs = null;
        maxDelay = max;
        return max;
    }

    @Override
    public boolean hasDelays()
    {
        return delay8 != null || delay16 != null;
    }

    @Override
    public long memoryBytes()
    {
        return 4L * rowStart.length + (rowPosition == null ? 0 : 4L * rowPosition.length) + 2L * post.length
            + (blockCut == null ? 0 : 4L * blockCut.length)
            + 4L * bounds.length + (weight == null ? 0 : 4L * weight.length)
            + (delayMs == null ? 0 : 8L * delayMs.length) + (delay8 == null ? 0 : delay8.length)
            + (delay16 == null ? 0 : 2L * delay16.length);
    }

    @Override
    public void partition(final int[] targetSliceStart)
    {
        final int slices = targetSliceStart.length - 1;
        // segments: the slices, cut again where a block of targets begins inside one
        final int[] start = new int[slices + blocks];
        final int[] firstOfSlice = new int[slices + 1];
        int count = 0;
        for (int w = 0; w < slices; w++)
        {
            firstOfSlice[w] = count;
            final int from = targetSliceStart[w];
            final int to = targetSliceStart[w + 1];
            start[count++] = from;
            for (int b = (from >>> BLOCK_BITS) + 1; (long) b << BLOCK_BITS < to; b++)
            {
                start[count++] = b << BLOCK_BITS;
            }
        }
        firstOfSlice[slices] = count;
        final int stride = count + 1;
        if ((long) sourceSize * stride > Integer.MAX_VALUE - 8)
        {
            throw new ModelException("CSR connectivity: " + sourceSize + " rows cut into " + count
                + " segments need more than 2^31 bounds; use fewer threads or just-in-time connectivity");
        }
        final int[] base = new int[count];
        for (int s = 0; s < count; s++)
        {
            base[s] = start[s] >>> BLOCK_BITS << BLOCK_BITS;
        }
        final int[] b = new int[sourceSize * stride];
        final int segmentCount = count;
        rows().forEach(i ->
        {
            for (int s = 0; s < segmentCount; s++)
            {
                b[i * stride + s] = firstAtLeast(i, start[s]);
            }
            b[i * stride + segmentCount] = rowStart[i + 1];
        });
        this.segments = count;
        this.segmentBase = base;
        this.sliceSegment = firstOfSlice;
        this.bounds = b;
    }

    /** The first synapse of row {@code pre} whose target is at least {@code target}. */
    private int firstAtLeast(final int pre, final int target)
    {
        if (target >= targetSize)
        {
            return rowStart[pre + 1];
        }
        final int block = target >>> BLOCK_BITS;
        final int cuts = blocks - 1;
        int lo = block == 0 ? rowStart[pre] : blockCut[pre * cuts + block - 1];
        int hi = block == cuts ? rowStart[pre + 1] : blockCut[pre * cuts + block];
        final int offset = target & (TARGET_BLOCK - 1);
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (post[mid] < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void deliver(final int pre, final int slice, final double[] target, final double scale)
    {
        final int stride = segments + 1;
        final int row = pre * stride;
        final int last = sliceSegment[slice + 1];
        for (int s = sliceSegment[slice]; s < last; s++)
        {
            addRow(bounds[row + s], bounds[row + s + 1], segmentBase[s], target, scale);
        }
    }

    private void addRow(final int lo, final int hi, final int base, final double[] target, final double scale)
    {
        final char[] post = this.post;
        final float[] w = weight;
        if (w == null)
        {
            for (int k = lo; k < hi; k++)
            {
                target[base + post[k]] += scale;
            }
        }
        else
        {
            for (int k = lo; k < hi; k++)
            {
                target[base + post[k]] += scale * w[k];
            }
        }
    }

    /**
     * Delivers spikes in batches of {@value #BATCH}: first reads each row's bounds and first
     * target, so the cache misses of the batch's rows overlap instead of coming one row after the
     * other, then adds the synapses row by row in the order of {@code ids}.
     */
    @Override
    public void deliverSpikes(final int[] ids, final int from, final int to, final double[] factor, final double scale,
        final int slice, final double[] target, final int[] scratch)
    {
        final int stride = segments + 1;
        final int first = sliceSegment[slice];
        final int[] bounds = this.bounds;
        final char[] post = this.post;
        int touched = 0;
        for (int k0 = from; k0 < to; k0 += BATCH)
        {
            final int k1 = Math.min(to, k0 + BATCH);
            for (int k = k0; k < k1; k++)
            {
                final int lo = bounds[ids[k] * stride + first];
                touched += lo < post.length ? post[lo] : 0;
            }
            for (int k = k0; k < k1; k++)
            {
                deliver(ids[k], slice, target, factor == null ? scale : scale * factor[k]);
            }
        }
        scratch[0] = touched; // keeps the first pass's reads: the JIT may not drop them
    }

    @Override
    public void deliverDelayed(
        final int pre, final int slice, final DelayRing ring, final long step, final double scale)
    {
        final char[] post = this.post;
        final float[] w = weight;
        final double[][] slots = ring.slots();
        final int depth = slots.length;
        final int base = ring.slot(step);
        final byte[] d8 = delay8;
        final short[] d16 = delay16;
        final int row = pre * (segments + 1);
        final int last = sliceSegment[slice + 1];
        for (int s = sliceSegment[slice]; s < last; s++)
        {
            final int targetBase = segmentBase[s];
            for (int k = bounds[row + s]; k < bounds[row + s + 1]; k++)
            {
                int slot = base + (d8 != null ? d8[k] & 0xFF : d16[k] & 0xFFFF);
                if (slot >= depth)
                {
                    slot -= depth;
                }
                slots[slot][targetBase + post[k]] += w == null ? scale : scale * w[k];
            }
        }
    }
}
