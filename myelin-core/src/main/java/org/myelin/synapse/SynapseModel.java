package org.myelin.synapse;

import org.myelin.output.Output;

/**
 * A synapse model's parameters: an immutable value. Projections whose synapse model and output
 * are equal share one {@link Receptor} on the post-synaptic group (brainstate's align-post
 * merging), so implementations must be records or define {@code equals} by value.
 */
public interface SynapseModel
{
    /** Short model name for messages, e.g. {@code "Expon"}. */
    String name();

    /**
     * Creates the post-synaptic state of this model for a group of {@code size} neurons.
     *
     * @param size   neurons in the post-synaptic group.
     * @param output how the state drives the neurons.
     * @return the new receptor.
     */
    Receptor newReceptor(int size, Output output);
}
