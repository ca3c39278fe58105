package org.myelin.connect;

/**
 * Who connects to whom, and with which per-synapse weight, as the delivery loop reads it.
 *
 * <p>Delivery is partitioned by post-synaptic slice (DESIGN.md §5): after {@link #partition},
 * {@link #deliver} of slice {@code s} touches only targets in that slice, so workers deliver in
 * parallel without atomics, and each target sums its inputs in the same order for any number of
 * slices.
 */
public interface Connectivity
{
    /** Neurons in the source group. */
    int sourceSize();

    /** Neurons in the target group. */
    int targetSize();

    /** Number of synapses. */
    long synapseCount();

    /** Synapses of presynaptic neuron {@code pre}. */
    int outDegree(int pre);

    /** Bytes held for the synapses (indices, weights, partition cuts). */
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
}
