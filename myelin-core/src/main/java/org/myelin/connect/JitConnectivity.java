package org.myelin.connect;

import java.util.stream.IntStream;

import org.myelin.base.DelayRing;
import org.myelin.delay.DelayRounding;
import org.myelin.random.Initializer;
import org.myelin.random.RandomStream;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * The common part of just-in-time connectivity: rows are regenerated from the projection's
 * counter-based streams at each spike, so only a few scalars are stored. Each worker slice has
 * its own random stream, so slices regenerate rows in parallel.
 *
 * <p>Per-synapse weights and delays are drawn again at each spike from their distributions at the
 * synapse's counter, the same draws the stored form makes once. Delays need a bounded
 * distribution (constant, uniform or clipped), whose upper bound sizes the ring buffer.
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
    /** Per-synapse delay distribution [ms], or null for none. */
    private Initializer delays;
    private long delayKey;
    private DelayRounding rounding = DelayRounding.EXACT;
    private String owner = "";
    private double dt = Double.NaN;
    private boolean hasDelays;
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
        return 4L * sliceStart.length + 96L * streams.length; // a padded stream: ~88 bytes and its slot
    }

    /** Not shareable: delivery advances the per-slice random streams. */
    @Override
    public final boolean shareable()
    {
        return false;
    }

    @Override
    public final void partition(final int[] targetSliceStart)
    {
        final int slices = targetSliceStart.length - 1;
        this.sliceStart = targetSliceStart.clone();
        final RandomStream[] s = new RandomStream[slices];
        for (int k = 0; k < slices; k++)
        {
            s[k] = new RandomStream(0); // padded: the workers' streams do not share a cache line
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
        this.weights = drawable(init, "weights");
        this.weightKey = streamKey;
    }

    @Override
    public final void drawDelays(final Initializer delaysMs, final long streamKey)
    {
        this.delays = drawable(delaysMs, "delays");
        this.delayKey = streamKey;
        this.hasDelays = false;
    }

    /** {@code init}, which must be a distribution: values given per synapse cannot be regenerated. */
    private Initializer drawable(final Initializer init, final String what)
    {
        if (init instanceof Initializer.Values)
        {
            throw new ModelException(getClass().getSimpleName() + ": " + what
                + " given as an array need stored connectivity, not just-in-time");
        }
        return init;
    }

    @Override
    public final int prepareDelays(final String projection, final double dtMs, final DelayRounding delayRounding)
    {
        if (delays == null)
        {
            return 0;
        }
        final double low;
        final double high;
        switch (delays)
        {
            case Initializer.Constant c ->
            {
                low = c.value();
                high = c.value();
            }
            case Initializer.Uniform u ->
            {
                low = u.low();
                high = u.high();
            }
            case Initializer.Clipped c ->
            {
                low = c.low();
                high = c.high();
            }
            default -> throw new ModelException(projection + ": just-in-time delays need a bounded distribution "
                + "(constant, uniform or clipped), got " + delays);
        }
        if (delayRounding == DelayRounding.EXACT && low != high)
        {
            throw new ModelException(projection + ": delays drawn from " + delays
                + " are not whole time steps; choose rounding NEAREST or PREVIOUS");
        }
        if (low < dtMs * (1 - 1e-6))
        {
            throw new ModelException(projection + ": delays drawn from " + delays + " can be shorter than one time "
                + "step dt=" + Check.fmt(dtMs) + " ms, the minimum for per-synapse delays");
        }
        this.rounding = delayRounding;
        this.owner = projection;
        this.dt = dtMs;
        this.hasDelays = true;
        return delayRounding.toSteps(projection, -1, -1, high, dtMs);
    }

    @Override
    public final boolean hasDelays()
    {
        return hasDelays;
    }

    @Override
    public final void deliver(final int pre, final int slice, final double[] target, final double scale)
    {
        walk(pre, slice, target, null, 0, scale);
    }

    @Override
    public final void deliverDelayed(
        final int pre, final int slice, final DelayRing ring, final long step, final double scale)
    {
        walk(pre, slice, null, ring, ring.slot(step), scale);
    }

    /**
     * Regenerates row {@code pre} for the targets of {@code slice} and calls {@link #add} for each
     * synapse: into {@code target}, or into {@code ring} from slot {@code base} when delayed.
     */
    protected abstract void walk(int pre, int slice, double[] target, DelayRing ring, int base, double scale);

    /** True when a synapse's draws need its position in the row (weights or delays are drawn). */
    protected final boolean needsPositions()
    {
        return weights != null || delays != null;
    }

    /** Adds synapse m of row {@code pre} (target {@code j}) with its weight, now or after its delay. */
    protected final void add(
        final int pre, final int m, final int j, final double[] target, final DelayRing ring, final int base,
        final double scale)
    {
        final Initializer w = weights;
        final double value =
            w == null ? scale : scale * (float) w.sample(weightKey, Connectivity.synapseCounter(pre, m));
        if (ring == null)
        {
            target[j] += value;
            return;
        }
        final double[][] slots = ring.slots();
        final double ms = delays.sample(delayKey, Connectivity.synapseCounter(pre, m));
        int slot = base + rounding.toSteps(owner, pre, j, ms, dt);
        if (slot >= slots.length)
        {
            slot -= slots.length;
        }
        slots[slot][j] += value;
    }
}
