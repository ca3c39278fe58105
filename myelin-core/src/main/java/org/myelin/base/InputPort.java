package org.myelin.base;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * An input of a post-synaptic group that projections add their spikes into (brainstate's
 * {@code RawProj} output stage): a synapse's state (a receptor, whose output makes a conductance
 * or a current), a one-step current, or a state variable directly, such as {@code v} as a delta
 * input.
 *
 * <p>Delivery adds into {@link #input()} in the propagation phase, slice by slice; per-synapse
 * delays go through the port's own {@link DelayRing}.
 */
public interface InputPort extends Stateful
{
    /** The per-neuron array spikes add into. */
    double[] input();

    /**
     * The ring buffer of per-synapse delays into this port, made or enlarged (then emptied) to at
     * least {@code depth} slots for {@code slices} slices; called before a run.
     */
    DelayRing delayRing(int depth, int slices);

    /** The ring buffer of per-synapse delays, or null. */
    DelayRing delayRing();

    /** The input in flight through per-synapse delays, if any. */
    @Override
    default void visitState(final StateAccess state)
    {
        final DelayRing ring = delayRing();
        if (ring != null)
        {
            state.visit("delays", ring);
        }
    }
}
