package org.myelin.projection;

import org.myelin.neuron.Population;

/**
 * Something that changes a target group's state in the propagation phase of a step (after every
 * group has been updated and has emitted its spikes): a projection, or an input that acts like
 * one. Work is split by the target's slices.
 */
public interface Delivery
{
    /** The group whose state this delivery changes. */
    Population target();

    /**
     * Called once before a run.
     *
     * @param dt               [ms] time step.
     * @param seed             the network's seed.
     * @param targetSliceStart first neuron of each slice of the target, with its size appended.
     */
    void prepare(double dt, long seed, int[] targetSliceStart);

    /**
     * Applies this step's effect to the target neurons of {@code slice} ({@code [from, to)}).
     *
     * @param step the current step.
     */
    void deliver(long step, int slice, int from, int to);

    /**
     * The target slices this delivery works best with: slices of the target that start at
     * multiples of it save work ({@link org.myelin.connect.Connector#targetSliceAlignment()});
     * 1 when any cut is as good as another. Slices never change what is delivered.
     */
    default int targetSliceAlignment()
    {
        return 1;
    }
}
