package org.myelin.connect;

import java.util.stream.IntStream;

import org.myelin.random.Initializer;
import org.myelin.random.RandomStream;
import org.myelin.util.ModelException;

/**
 * The common part of just-in-time connectivity: rows are regenerated from the projection's
 * counter-based streams at each spike, so only a few scalars are stored. Each worker slice has
 * its own random stream, so slices regenerate rows in parallel.
 */
abstract class JitConnectivity implements Connectivity
{
    /** Neurons in the source group. */
    protected final int sourceSize;
    /** Neurons in the target group. */
    protected final int targetSize;
    /** The projection's key; row i uses {@link Rows#rowKey(long, int)}. */
    protected final long key;
    /** First target of each slice, with the target size appended. */
    protected int[] sliceStart = new int[0];
    /** One stream per slice. */
    protected RandomStream[] streams = new RandomStream[0];
    /** Per-synapse weight distribution, or null for none. */
    protected Initializer weights;
    /** Stream key of the per-synapse weights. */
    protected long weightKey;
    private long synapses = -1;

    JitConnectivity(final int sourceSize, final int targetSize, final long key)
    {
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.key = key;
        partition(new int[] {0, targetSize});
    }

    @Override
    public final int sourceSize()
    {
        return sourceSize;
    }

    @Override
    public final int targetSize()
    {
        return targetSize;
    }

    /** Counts the synapses once by regenerating every row (in parallel). */
    @Override
    public final synchronized long synapseCount()
    {
        if (synapses < 0)
        {
            synapses = IntStream.range(0, sourceSize).parallel().mapToLong(this::outDegree).sum();
        }
        return synapses;
    }

    @Override
    public final long memoryBytes()
    {
        return 4L * sliceStart.length + 64L * streams.length;
    }

    @Override
    public final void partition(final int[] targetSliceStart)
    {
        final int slices = targetSliceStart.length - 1;
        this.sliceStart = targetSliceStart.clone();
        final RandomStream[] s = new RandomStream[slices];
        for (int k = 0; k < slices; k++)
        {
            s[k] = new RandomStream(0);
        }
        this.streams = s;
        prepareSlices(slices);
    }

    /** Allocates per-slice scratch space, if the rule needs it. */
    protected void prepareSlices(final int slices)
    {
    }

    @Override
    public final void drawWeights(final Initializer init, final long streamKey)
    {
        if (init instanceof Initializer.Values)
        {
            throw new ModelException(getClass().getSimpleName()
                + ": weights given as an array need stored connectivity, not just-in-time");
        }
        this.weights = init;
        this.weightKey = streamKey;
    }
}
