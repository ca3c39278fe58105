package org.myelin.plasticity;

import org.myelin.state.Stateful;

/**
 * State kept per presynaptic neuron that scales the weight of each spike it sends (short-term
 * plasticity: {@link ShortTermPlasticity}, {@link ShortTermDepression}), the align-pre side of
 * DESIGN.md §4.
 *
 * <p>The simulation calls {@link #onSpike} exactly once per presynaptic spike, in the update phase
 * of the step the spike is emitted, by the worker that owns the presynaptic neuron's slice, so the
 * state of neuron {@code pre} is only ever touched by one thread and the result does not depend on
 * the number of threads. The returned factor is stored next to the spike in a
 * {@link SpikeEfficacy} buffer, and every projection using this state multiplies the spike's
 * weight by it when the spike arrives, after any delay.
 *
 * <p>Implementations are event-driven: they advance their variables over the time since the
 * neuron's previous spike in closed form, so silent neurons cost nothing.
 */
public interface PresynapticState extends Stateful
{
    /** Short model name for messages, e.g. {@code "STP"}. */
    String name();

    /**
     * Allocates the state for {@code size} presynaptic neurons and computes the constants that
     * depend on the time step; called once before a run.
     *
     * @param size neurons in the presynaptic population.
     * @param dt   [ms] time step.
     */
    void prepare(int size, double dt);

    /** Sets every neuron's state to its initial value, as at time 0. */
    void reset();

    /**
     * Updates neuron {@code pre}'s state for a spike at {@code step} and returns the factor on the
     * weight this spike transmits. Steps of one neuron come in increasing order.
     *
     * @param pre  the presynaptic neuron.
     * @param step the step of the spike.
     * @return the factor on the spike's weight.
     */
    double onSpike(int pre, long step);
}
