package org.myelin.base;

/**
 * What a population needs to know about the run it is prepared for.
 *
 * @param dt         [ms] time step.
 * @param seed       the network's seed.
 * @param sliceStart first neuron of each worker's slice, with the size appended.
 */
public record RunContext(double dt, long seed, int[] sliceStart)
{
    /** Number of slices (worker threads). */
    public int sliceCount()
    {
        return sliceStart.length - 1;
    }
}
