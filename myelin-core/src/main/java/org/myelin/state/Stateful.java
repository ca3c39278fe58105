package org.myelin.state;

/**
 * A part of a network that changes while it runs (potentials, refractory counters, synaptic
 * states, spikes in flight, plastic weights, monitors' data) and can therefore write its state
 * into a checkpoint and read it back.
 *
 * <p>One method does both directions: {@link #visitState} hands every state array and scalar to
 * the {@link StateAccess}, which copies it out when a checkpoint is written and fills it when one
 * is read, so the two directions cannot drift apart. State is visited in neuron and synapse
 * order, never in the layout of the workers' slices, so that a checkpoint written with one thread
 * count resumes with any other.
 */
public interface Stateful
{
    /**
     * Hands every state of this part to {@code state}, under names unique within this part.
     * Called between two steps, after the simulation has prepared and reset the part.
     */
    void visitState(StateAccess state);
}
