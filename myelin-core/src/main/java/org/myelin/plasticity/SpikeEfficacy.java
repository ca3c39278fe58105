package org.myelin.plasticity;

import org.myelin.base.SpikeHistory;
import org.myelin.base.SpikeObserver;
import org.myelin.state.StateAccess;
import org.myelin.util.ModelException;

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
    private final SpikeHistory history;

    /**
     * @param state   the presynaptic state that computes the factors.
     * @param history the source population's spike history (its depth and size are used).
     * @param size    neurons in the source population.
     */
    public SpikeEfficacy(final PresynapticState state, final SpikeHistory history, final int size)
    {
        this.state = state;
        this.factors = new double[history.depth()][size];
        this.history = history;
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

    /**
     * The presynaptic state and the factors of the spikes in flight, slot by slot in the order of
     * the spike history's saved ids (ascending), so that they fit the history whatever its slices.
     */
    @Override
    public void visitState(final StateAccess access)
    {
        access.visit("presynaptic", state);
        int all = 0;
        for (int slot = 0; slot < factors.length; slot++)
        {
            all += history.totalCount(slot);
        }
        final boolean restoring = access.restoring();
        final double[] flat = new double[all];
        if (!restoring)
        {
            walk(flat, false);
        }
        final double[] saved = access.doubles("factors", flat, all);
        if (restoring)
        {
            if (saved.length != all)
            {
                throw new ModelException("spike factors of " + state.name() + ": " + saved.length
                    + " saved for " + all + " spikes in flight");
            }
            walk(saved, true);
        }
    }

    /** Copies the factors of every slot, slice by slice, from or into {@code flat}. */
    private void walk(final double[] flat, final boolean intoFactors)
    {
        int at = 0;
        for (int slot = 0; slot < factors.length; slot++)
        {
            for (int k = 0; k < history.sliceCount(); k++)
            {
                final int start = history.sliceStart(k);
                final int count = history.count(slot, k);
                if (intoFactors)
                {
                    System.arraycopy(flat, at, factors[slot], start, count);
                }
                else
                {
                    System.arraycopy(factors[slot], start, flat, at, count);
                }
                at += count;
            }
        }
    }
}
