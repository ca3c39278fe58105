package org.myelin.connect;

import org.myelin.base.DelayRing;
import org.myelin.delay.DelayRounding;
import org.myelin.random.Initializer;
import org.myelin.util.ModelException;

/**
 * Who connects to whom, and with which per-synapse weight and delay, as the delivery loop reads
 * it.
 *
 * <p>Delivery is partitioned by post-synaptic slice (DESIGN.md §5): after {@link #partition},
 * {@link #deliver} of slice {@code s} touches only targets in that slice, so workers deliver in
 * parallel without atomics, and each target sums its inputs in the same order for any number of
 * slices.
 *
 * <p>Synapse m of row {@code pre} (its m-th synapse in the order the rule draws them) has the
 * counter {@link #synapseCounter(int, int)}; per-synapse weights and delays drawn from an
 * {@link Initializer} use it, so stored and just-in-time forms of one rule give every synapse the
 * same values.
 */
public interface Connectivity
{
    /** The counter of synapse {@code m} of row {@code pre}, for per-synapse draws. */
    static long synapseCounter(final int pre, final int m)
    {
        return ((long) pre << 32) | (m & 0xFFFFFFFFL);
    }

    /** Neurons in the source group. */
    int sourceSize();

    /** Neurons in the target group. */
    int targetSize();

    /** Number of synapses. */
    long synapseCount();

    /** Synapses of presynaptic neuron {@code pre}. */
    int outDegree(int pre);

    /** Bytes held for the synapses (indices, weights, delays, partition cuts). */
    long memoryBytes();

    /**
     * Prepares delivery by slices of the target group.
     *
     * @param targetSliceStart first target of each slice, with the target size appended.
     */
    void partition(int[] targetSliceStart);

    /**
     * Adds {@code scale} (times the synapse's own weight, if it has one) to
     * {@code target[post]} for every synapse of {@code pre} whose target lies in {@code slice}.
     */
    void deliver(int pre, int slice, double[] target, double scale);

    /**
     * {@link #deliver} for the spikes {@code ids[from..to)} in this order, spike k with
     * {@code scale · factor[k]} ({@code scale} when {@code factor} is null). Implementations may
     * reorder memory reads, never the additions into one target.
     *
     * @param scratch an array of at least one element that only the calling worker uses.
     */
    default void deliverSpikes(final int[] ids, final int from, final int to, final double[] factor,
        final double scale, final int slice, final double[] target, final int[] scratch)
    {
        for (int k = from; k < to; k++)
        {
            deliver(ids[k], slice, target, factor == null ? scale : scale * factor[k]);
        }
    }

    /**
     * Gives every synapse its own weight, drawn from {@code weights} at the synapse's counter.
     *
     * @param weights the weight distribution (a factor on the projection's weight).
     * @param key     the stream key.
     * @throws ModelException if this connectivity cannot hold per-synapse weights.
     */
    default void drawWeights(final Initializer weights, final long key)
    {
        throw new ModelException(getClass().getSimpleName() + ": per-synapse weights are not supported");
    }

    /**
     * Gives every synapse its own delay in ms, drawn from {@code delaysMs} at the synapse's
     * counter; {@link #prepareDelays} turns them into steps.
     *
     * @throws ModelException if this connectivity cannot hold per-synapse delays.
     */
    default void drawDelays(final Initializer delaysMs, final long key)
    {
        throw new ModelException(getClass().getSimpleName() + ": per-synapse delays are not supported");
    }

    /**
     * Turns per-synapse delays in ms into whole steps of {@code dt}.
     *
     * @param owner    the projection, for messages.
     * @param dt       [ms] the time step.
     * @param rounding how a delay between two steps is rounded.
     * @return the largest delay in steps, or 0 when there are no per-synapse delays.
     * @throws ModelException if a delay is negative, shorter than one step or not allowed by
     *                        {@code rounding}.
     */
    default int prepareDelays(final String owner, final double dt, final DelayRounding rounding)
    {
        return 0;
    }

    /**
     * True when delivery only reads this object (after {@link #partition}), so that independent
     * simulations with the same slices, such as the replicas of a batch, may deliver through one
     * instance at the same time. False for connectivity that keeps mutable per-slice state.
     */
    default boolean shareable()
    {
        return true;
    }

    /** True when synapses have their own delays (deliver through {@link #deliverDelayed}). */
    default boolean hasDelays()
    {
        return false;
    }

    /**
     * Adds {@code scale} (times the synapse's weight) into the ring slot {@code d} steps after
     * {@code step} for every synapse of {@code pre} with target in {@code slice}, d being the
     * synapse's delay in steps.
     */
    default void deliverDelayed(final int pre, final int slice, final DelayRing ring, final long step,
        final double scale)
    {
        throw new ModelException(getClass().getSimpleName() + ": per-synapse delays are not supported");
    }
}
