package org.myelin.plasticity;

import org.myelin.state.StateAccess;

/**
 * The plastic synapses into one slice of the target group, laid out for both kinds of event: by
 * presynaptic neuron (compressed rows, for a presynaptic spike) and by target (a post→pre index,
 * for a postsynaptic spike). Only the worker that owns the slice reads or writes it, so weights
 * change without atomics and identically for any number of slices.
 *
 * <pre>
 * rowStart: | 0 | 2 | 2 | 5 |...   synapses of pre i: [rowStart[i], rowStart[i+1])
 * target:   | 4 9 | 0 4 7 |...     targets (group indices), ascending within a row
 * weight:   | w w | w w w |...     float per synapse, changed by the rule
 * colStart: per target of the slice, where its synapses start in column
 * column:   the synapses of each target, ascending (so their rows ascend too), each as one int:
 *           (pre &lt;&lt; offsetBits) | (k − rowStart[pre])
 * </pre>
 *
 * <p>A column entry holds the synapse's row and its place in the row, so a postsynaptic spike
 * finds both with a shift, a mask and one read of the (small) row bounds, not a search over the
 * rows. Where row numbers and row lengths together need more than 31 bits (over 2³¹ synapses
 * in a slice's widest case), an entry is the synapse index and its row is searched
 * ({@link #preOf}).
 *
 * <p>12 bytes per synapse (target, weight, post→pre index) plus the row and column bounds;
 * rules with per-synapse state ({@link SpikeTimingRule#synapseStates()}) add 4 bytes each.
 */
public final class SynapseSlice
{
    final int from;
    final int[] rowStart;
    final int[] target;
    final float[] weight;
    final int[] colStart;
    final int[] column;
    /** Whether {@link #column} entries hold row and place in row; otherwise synapse indices. */
    final boolean packedColumns;
    /** Bits of a packed entry that hold the place in the row. */
    final int offsetBits;
    final int offsetMask;
    /** Per-synapse state of the rule, {@code state[s][k]}. */
    final float[][] state;
    /** Rows per synapse on average, to guess the row of a synapse before searching. */
    private final double rowsPerSynapse;
    /** The dopamine signal and decays of a neuromodulated rule ({@link DopamineStdp}); null otherwise. */
    DopamineStdp.Integration dopamine;

    /**
     * @param from      the slice's first target.
     * @param to        one past its last target.
     * @param rowStart  row bounds, length {@code sources + 1}.
     * @param target    targets in {@code [from, to)}, ascending within each row.
     * @param weight    initial weights, one per synapse.
     * @param states    per-synapse state variables of the rule.
     */
    public SynapseSlice(final int from, final int to, final int[] rowStart, final int[] target, final float[] weight,
        final int states)
    {
        this(from, to, rowStart, target, weight, states, true);
    }

    /** As the public constructor; {@code pack} false keeps synapse indices in the column whatever the sizes. */
    SynapseSlice(final int from, final int to, final int[] rowStart, final int[] target, final float[] weight,
        final int states, final boolean pack)
    {
        this.from = from;
        this.rowStart = rowStart;
        this.target = target;
        this.weight = weight;
        final int size = to - from;
        this.colStart = new int[size + 1];
        for (final int j : target)
        {
            colStart[j - from + 1]++;
        }
        for (int j = 0; j < size; j++)
        {
            colStart[j + 1] += colStart[j];
        }
        this.rowsPerSynapse = target.length == 0 ? 0 : (rowStart.length - 1) / (double) target.length;
        final int sources = rowStart.length - 1;
        int widestRow = 0;
        for (int i = 0; i < sources; i++)
        {
            widestRow = Math.max(widestRow, rowStart[i + 1] - rowStart[i]);
        }
        this.offsetBits = bitsFor(widestRow);
        this.offsetMask = (1 << offsetBits) - 1;
        this.packedColumns = pack && bitsFor(sources) + offsetBits <= 31;
        this.column = new int[target.length];
        final int[] next = new int[size];
        for (int i = 0; i < sources; i++)
        {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                final int j = target[k] - from;
                column[colStart[j] + next[j]++] = packedColumns ? i << offsetBits | k - rowStart[i] : k;
            }
        }
        this.state = new float[states][target.length];
    }

    /** Bits that hold the numbers 0 to {@code count − 1}. */
    private static int bitsFor(final int count)
    {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }

    /**
     * The presynaptic neuron of column entry {@code c}; {@code previousPre} is that of the entry
     * before it in the same column, or 0 for a column's first.
     */
    int columnPre(final int c, final int previousPre)
    {
        return packedColumns ? column[c] >>> offsetBits : preOf(column[c], previousPre);
    }

    /** The synapse of column entry {@code c}, whose presynaptic neuron is {@code pre} ({@link #columnPre}). */
    int columnSynapse(final int c, final int pre)
    {
        return packedColumns ? rowStart[pre] + (column[c] & offsetMask) : column[c];
    }

    /** Synapses in this slice. */
    public int size()
    {
        return target.length;
    }

    /** The first synapse of row {@code pre}; {@code rowStart(pre + 1)} ends it. */
    public int rowStart(final int pre)
    {
        return rowStart[pre];
    }

    /** The target of synapse {@code k}. */
    public int target(final int k)
    {
        return target[k];
    }

    /** The weight of synapse {@code k}. */
    public float weight(final int k)
    {
        return weight[k];
    }

    /** The weights, for recording: read only by the slice's worker. */
    public float[] weights()
    {
        return weight;
    }

    /** Adds {@code scale · w} of every synapse of row {@code pre} to its target's {@code input}. */
    public void transmit(final int pre, final double[] input, final double scale)
    {
        final int end = rowStart[pre + 1];
        for (int k = rowStart[pre]; k < end; k++)
        {
            input[target[k]] += scale * weight[k];
        }
    }

    /** Sets the weight of synapse {@code k} (before a run, or from a file). */
    public void setWeight(final int k, final float w)
    {
        weight[k] = w;
    }

    /**
     * The presynaptic neuron of synapse {@code synapse}, at least {@code lowestPre} (the row of an
     * earlier synapse of the same column). The row is guessed from the mean degree, counted on from
     * {@code lowestPre}, and walked a few rows to the right one: rows of random connectivity are
     * about equally long, so the guess is off by a row or two where a binary search over the rows
     * would take a dozen unpredictable branches. Far-off guesses fall back to the binary search.
     */
    int preOf(final int synapse, final int lowestPre)
    {
        final int last = rowStart.length - 2;
        int row = lowestPre + (int) ((synapse - rowStart[lowestPre]) * rowsPerSynapse);
        row = Math.min(Math.max(row, lowestPre), last);
        for (int walk = 0; walk < 8; walk++)
        {
            if (rowStart[row] > synapse)
            {
                row--;
            }
            else if (rowStart[row + 1] <= synapse)
            {
                row++;
            }
            else
            {
                return row;
            }
        }
        int lo = lowestPre;
        int hi = last;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= synapse)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Bytes held: synapses, row and column bounds, per-synapse state. */
    public long memoryBytes()
    {
        return 12L * target.length + 4L * rowStart.length + 4L * colStart.length
            + 4L * state.length * target.length;
    }

    /** The dopamine signal of a neuromodulated rule, or null. */
    public DopamineSignal dopamineSignal()
    {
        return dopamine == null ? null : dopamine.signal();
    }

    /**
     * Saves or fills the weights and per-synapse states of a projection cut into {@code slices},
     * in the order of the synapses of presynaptic neuron 0, then 1, ..., each row in the order of
     * its targets: the order of the connectivity, whatever the slices.
     *
     * @param sources presynaptic neurons.
     */
    public static void visitSynapses(final SynapseSlice[] slices, final int sources, final StateAccess state)
    {
        int n = 0;
        for (final SynapseSlice s : slices)
        {
            n += s.size();
        }
        final int states = slices.length == 0 ? 0 : slices[0].state.length;
        final float[][] flat = new float[states + 1][n];
        final boolean restoring = state.restoring();
        if (restoring)
        {
            visitFlat(flat, state);
        }
        int at = 0;
        for (int i = 0; i < sources; i++)
        {
            for (final SynapseSlice s : slices)
            {
                final int first = s.rowStart[i];
                final int count = s.rowStart[i + 1] - first;
                for (int k = 0; k <= states; k++)
                {
                    final float[] own = k == 0 ? s.weight : s.state[k - 1];
                    if (restoring)
                    {
                        System.arraycopy(flat[k], at, own, first, count);
                    }
                    else
                    {
                        System.arraycopy(own, first, flat[k], at, count);
                    }
                }
                at += count;
            }
        }
        if (!restoring)
        {
            visitFlat(flat, state);
        }
    }

    private static void visitFlat(final float[][] flat, final StateAccess state)
    {
        state.floats("weight", flat[0]);
        for (int k = 1; k < flat.length; k++)
        {
            state.floats("synapseState" + (k - 1), flat[k]);
        }
    }
}
