package org.myelin.plasticity;

import org.myelin.base.SpikeHistory;
import org.myelin.base.SpikeObserver;

/**
 * The factor of each spike in a population's {@link SpikeHistory}, for one
 * {@link PresynapticState}: an array parallel to the history's id arrays ({@code depth × size}),
 * so that a delivery delayed by d steps reads the factor computed at the spike's emission.
 * Projections that share a state share its buffer (registered through
 * {@link org.myelin.base.DeliveryContext#observeSpikes}), so the state sees each spike once.
 */
public final class SpikeEfficacy implements SpikeObserver
{
    private final PresynapticState state;
    private final double[][] factors;

    /**
     * @param state   the presynaptic state that computes the factors.
     * @param history the source population's spike history (its depth and size are used).
     * @param size    neurons in the source population.
     */
    public SpikeEfficacy(final PresynapticState state, final SpikeHistory history, final int size)
    {
        this.state = state;
        this.factors = new double[history.depth()][size];
    }

    /** The presynaptic state. */
    public PresynapticState state()
    {
        return state;
    }

    /**
     * Computes the factors of the spikes slice {@code slice} wrote into {@code slot} at
     * {@code step}; called by the worker that owns the slice, right after the population's update.
     */
    @Override
    public void observe(final SpikeHistory history, final int slot, final int slice, final long step)
    {
        final int[] ids = history.ids(slot);
        final double[] f = factors[slot];
        final int start = history.sliceStart(slice);
        final int end = start + history.count(slot, slice);
        final PresynapticState s = state;
        for (int k = start; k < end; k++)
        {
            f[k] = s.onSpike(ids[k], step);
        }
    }

    /** The factors of a history slot, parallel to {@link SpikeHistory#ids(int)}. */
    public double[] factors(final int slot)
    {
        return factors[slot];
    }
}
