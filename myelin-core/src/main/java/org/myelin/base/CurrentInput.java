package org.myelin.base;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * An external current into a neuron group, added to the group's current sum each step before
 * the neurons are integrated. Implementations loop over the slice themselves: one call per
 * slice and step.
 */
public interface CurrentInput extends Stateful
{
    /**
     * Adds the current at time {@code t = step·dt} to {@code current[from..to)}.
     *
     * @param step    the current step.
     * @param timeMs  [ms] the current time.
     * @param from    first neuron.
     * @param to      one past the last neuron.
     * @param current [pA] the group's current sum.
     */
    void addCurrent(long step, double timeMs, int from, int to, double[] current);

    /** Called before a run with the time step and seed. */
    default void prepare(final double dt, final long seed)
    {
    }

    /**
     * Nothing by default: an input that is a function of time alone holds no state. One that
     * changes as it runs (noise, a position in a list, spikes in flight) overrides this.
     */
    @Override
    default void visitState(final StateAccess state)
    {
    }
}
