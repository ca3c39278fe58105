package org.myelin.base;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * The spikes of one population over the last {@code depth} steps: a ring of spike-id lists, the
 * homogeneous-delay spike queue of DESIGN.md §4 (Brian2's {@code spikequeue} fast path).
 *
 * <p>Each slot holds the ids that spiked at one step. A slot is cut into the population's slices
 * (one per worker thread): slice {@code k} writes its spikes from index {@code sliceStart[k]}
 * on, so workers fill a slot in parallel without coordination, and readers walk the slices in
 * order, which lists ids in ascending order whatever the number of slices.
 *
 * <pre>
 * ids[slot]:  | slice 0: ids, count[slot][0] | slice 1: ids, count[slot][1] | ...
 *             ^ sliceStart[0]                ^ sliceStart[1]
 * </pre>
 */
public final class SpikeHistory implements Stateful
{
    private final int depth;
    private final int[][] ids;
    private final int[][] counts;
    private final int[] sliceStart;

    /**
     * @param size       neurons in the population.
     * @param depth      steps kept: the largest delay in steps plus one.
     * @param sliceStart start index of each slice, with the population size appended.
     */
    public SpikeHistory(final int size, final int depth, final int[] sliceStart)
    {
        if (depth < 1)
        {
            throw new IllegalArgumentException("depth must be >= 1, got depth=" + depth);
        }
        this.depth = depth;
        this.ids = new int[depth][size];
        this.counts = new int[depth][sliceStart.length - 1];
        this.sliceStart = sliceStart.clone();
    }

    /** Steps kept. */
    public int depth()
    {
        return depth;
    }

    /** Number of slices a slot is cut into. */
    public int sliceCount()
    {
        return sliceStart.length - 1;
    }

    /** The slot that holds the spikes of {@code step}. */
    public int slotOf(final long step)
    {
        return (int) Math.floorMod(step, (long) depth);
    }

    /** The id array of a slot; slice {@code k}'s ids start at {@link #sliceStart(int)}. */
    public int[] ids(final int slot)
    {
        return ids[slot];
    }

    /** Where slice {@code k} writes in a slot's id array. */
    public int sliceStart(final int slice)
    {
        return sliceStart[slice];
    }

    /** Spikes slice {@code k} wrote into {@code slot}. */
    public int count(final int slot, final int slice)
    {
        return counts[slot][slice];
    }

    /** Records how many spikes slice {@code k} wrote into {@code slot}. */
    public void setCount(final int slot, final int slice, final int count)
    {
        counts[slot][slice] = count;
    }

    /** Spikes in {@code slot} over all slices. */
    public int totalCount(final int slot)
    {
        int total = 0;
        for (final int c : counts[slot])
        {
            total += c;
        }
        return total;
    }

    /** Forgets every spike, as at the start of a run. */
    public void clear()
    {
        for (final int[] c : counts)
        {
            java.util.Arrays.fill(c, 0);
        }
    }

    /**
     * The spikes in flight: per slot, how many ids it holds ({@code counts}) and the ids of every
     * slot one after another, in ascending order ({@code ids}), whatever the slices; restoring
     * cuts each slot's ids into this history's slices again.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        final int[] totals = new int[depth];
        int all = 0;
        for (int slot = 0; slot < depth; slot++)
        {
            totals[slot] = totalCount(slot);
            all += totals[slot];
        }
        state.ints("counts", totals);
        int[] flat = new int[all];
        if (!state.restoring())
        {
            int at = 0;
            for (int slot = 0; slot < depth; slot++)
            {
                for (int k = 0; k < counts[slot].length; k++)
                {
                    System.arraycopy(ids[slot], sliceStart[k], flat, at, counts[slot][k]);
                    at += counts[slot][k];
                }
            }
        }
        flat = state.ints("ids", flat, all);
        if (state.restoring())
        {
            int at = 0;
            for (int slot = 0; slot < depth; slot++)
            {
                final int end = at + totals[slot];
                for (int k = 0; k < counts[slot].length; k++)
                {
                    int n = 0;
                    while (at < end && flat[at] < sliceStart[k + 1])
                    {
                        ids[slot][sliceStart[k] + n++] = flat[at++];
                    }
                    counts[slot][k] = n;
                }
            }
        }
    }
}
