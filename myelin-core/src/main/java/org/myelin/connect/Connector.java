package org.myelin.connect;

/** A rule that builds the connectivity of one projection (fixed probability, one-to-one, ...). */
public interface Connector
{
    /**
     * Builds the synapses. Must be deterministic in {@code key}: the same key gives the same
     * synapses for any number of threads.
     *
     * @param sourceSize neurons in the source group.
     * @param targetSize neurons in the target group.
     * @param sameGroup  true when source and target are the same group (self-connections are
     *                   then possible).
     * @param key        the projection's random key.
     * @return the connectivity.
     */
    Connectivity build(int sourceSize, int targetSize, boolean sameGroup, long key);

    /**
     * Builds only the synapses onto targets {@code [targetFrom, targetTo)}, as one MPI rank holds
     * them: the same synapses as {@link #build} restricted to those targets, each with the counter
     * of its position in the whole row ({@link CsrConnectivity#rowPosition}), so per-synapse
     * weights and delays drawn at counters are those of the whole build. Rules that cannot draw a
     * part build everything (the default), which is also correct, only larger.
     */
    default Connectivity buildTargets(
        final int sourceSize, final int targetSize, final boolean sameGroup, final long key, final int targetFrom,
        final int targetTo)
    {
        return build(sourceSize, targetSize, sameGroup, key);
    }

    /** A short description for summaries, e.g. {@code "fixed probability p=0.02"}. */
    String describe();

    /**
     * The number of synapses {@link #build} is expected to make between groups of these sizes,
     * for memory estimates before building.
     */
    double expectedSynapses(int sourceSize, int targetSize, boolean sameGroup);

    /** Whether the built connectivity holds its synapses in memory (false: regenerated at each spike). */
    default boolean storesSynapses()
    {
        return true;
    }

    /**
     * The target slices this connectivity delivers into best: slices that start at multiples of
     * it let each worker regenerate only its own part of a row (just-in-time rules drawn in
     * blocks); 1 when any cut is as good as another.
     */
    default int targetSliceAlignment()
    {
        return 1;
    }
}
