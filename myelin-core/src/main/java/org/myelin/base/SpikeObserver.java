package org.myelin.base;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * Work on a population's new spikes done in the update phase of the step they are emitted, by
 * the worker that owns their slice, right after the population's update (align-pre state such as
 * short-term plasticity, DESIGN.md §4). The state of a presynaptic neuron is therefore only ever
 * touched by one thread, and results do not depend on the number of threads.
 */
public interface SpikeObserver extends Stateful
{
    /**
     * Handles the spikes slice {@code slice} wrote into {@code slot} of {@code history} at
     * {@code step}.
     */
    void observe(SpikeHistory history, int slot, int slice, long step);

    /** Nothing by default: an observer that keeps what it computed overrides this. */
    @Override
    default void visitState(final StateAccess state)
    {
    }
}
