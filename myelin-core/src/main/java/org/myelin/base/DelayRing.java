package org.myelin.base;

import java.util.Arrays;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * The post-side ring buffer of per-synapse delays (DESIGN.md §4, as NEST's ring buffers): one row
 * of length N_post per step of delay, shared by every delayed projection into one receptor.
 *
 * <pre>
 * slots[(n + d) mod depth][j]   input that arrives at post neuron j at step n + d
 * </pre>
 *
 * <p>A spike delivered at step n through a synapse with delay d ≥ 1 adds its weight to slot
 * {@code (n + d) mod depth}; at step n, before any delivery, each worker moves slot
 * {@code n mod depth} of its own slice into the receptor's input and clears it
 * ({@link #flush}), once per step whichever projection asks first. Workers only touch their own
 * slice of every slot, so delivery needs no atomics.
 */
public final class DelayRing implements Stateful
{
    private final double[][] slots;
    private final long[] flushedStep;

    /**
     * @param depth  slots: the largest delay in steps plus one.
     * @param size   neurons in the post-synaptic group.
     * @param slices worker slices of the group.
     */
    public DelayRing(final int depth, final int size, final int slices)
    {
        if (depth < 2)
        {
            throw new IllegalArgumentException("depth must be >= 2, got depth=" + depth);
        }
        this.slots = new double[depth][size];
        this.flushedStep = new long[slices];
        Arrays.fill(flushedStep, -1);
    }

    /**
     * {@code existing} if it has at least {@code depth} slots for {@code slices} slices, else a new
     * ring with enough slots (and at least as many as {@code existing}).
     */
    public static DelayRing ensure(final DelayRing existing, final int depth, final int size, final int slices)
    {
        if (existing != null && existing.depth() >= depth && existing.sliceCount() == slices)
        {
            return existing;
        }
        return new DelayRing(Math.max(depth, existing == null ? 0 : existing.depth()), size, slices);
    }

    /** Slots: the largest delay it can hold plus one. */
    public int depth()
    {
        return slots.length;
    }

    /** Worker slices it was made for. */
    public int sliceCount()
    {
        return flushedStep.length;
    }

    /** Neurons per slot. */
    public int size()
    {
        return slots[0].length;
    }

    /** The slots, for the delivery loop: add to {@code slots()[(slot(n) + d) mod depth][post]}. */
    public double[][] slots()
    {
        return slots;
    }

    /** The slot of step {@code step}. */
    public int slot(final long step)
    {
        return (int) Math.floorMod(step, (long) slots.length);
    }

    /**
     * Adds what arrives at step {@code step} for neurons {@code [from, to)} to {@code input} and
     * clears it; does nothing if slice {@code slice} already flushed this step.
     */
    public void flush(final long step, final int slice, final int from, final int to, final double[] input)
    {
        if (flushedStep[slice] == step)
        {
            return;
        }
        flushedStep[slice] = step;
        final double[] row = slots[slot(step)];
        for (int i = from; i < to; i++)
        {
            input[i] += row[i];
            row[i] = 0;
        }
    }

    /** Forgets every spike in flight, as at the start of a run. */
    public void clear()
    {
        for (final double[] row : slots)
        {
            Arrays.fill(row, 0);
        }
        Arrays.fill(flushedStep, -1);
    }

    /** Bytes held. */
    public long memoryBytes()
    {
        return 8L * slots.length * slots[0].length;
    }

    /**
     * The input in flight, slot by slot. Which slices flushed which step is not saved: a
     * checkpoint is taken between steps, when no slice has flushed the next one yet.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        state.doubles("slots", slots);
    }
}
