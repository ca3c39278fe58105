package org.myelin.base;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * Something that changes a target group's state in the propagation phase of a step (after every
 * group has been updated and has emitted its spikes): a projection, or an input that acts like
 * one. Work is split by the target's slices.
 *
 * <p>This is everything the simulation loop knows about a delivery: what it feeds, whose spikes
 * it reads and how far back, which names and seeds it uses (through {@link DeliveryContext}),
 * and which work it needs on its source's spikes in the update phase
 * ({@link DeliveryContext#observeSpikes}). The loop never asks for a delivery's class.
 */
public interface Delivery extends Stateful
{
    /** Kind for messages, e.g. {@code "projection"}. */
    String kind();

    /**
     * The name this delivery holds in the network, unique among the names of populations and
     * deliveries and part of its random keys; null for one that holds no name of its own (it is
     * named by the population it belongs to).
     */
    String name();

    /** The group whose state this delivery changes. */
    Population target();

    /** The population whose spike history this delivery reads, or null if it reads none. */
    Population source();

    /**
     * Steps of the source's spike history this delivery reads: at step n it reads the spikes of
     * steps {@code n − historyDepth + 1 … n}, so this is its delay through the history in steps
     * plus one (spikes delayed through a {@link DelayRing} do not count); 0 without a source.
     *
     * @param dt [ms] time step.
     * @throws org.myelin.util.ModelException if a delay does not fit {@code dt}.
     */
    int historyDepth(double dt);

    /**
     * The age in steps of the youngest spikes this delivery reads from other workers' slices: at
     * step n it reads no such spike emitted after step n − age. Processes that share a network
     * exchange their spikes once every (smallest age + 1) steps instead of every step, so this
     * must never be larger than the truth. 0 by default, the safe value (the step's own spikes);
     * {@link Integer#MAX_VALUE} without a source.
     *
     * @param dt [ms] time step.
     */
    default int spikeAge(final double dt)
    {
        return source() == null ? Integer.MAX_VALUE : 0;
    }

    /**
     * Steps of the target's spike history this delivery reads (a learning rule reads the target's
     * spikes after the dendritic delay): its dendritic delay in steps plus one; 0 when it reads
     * none.
     *
     * @param dt [ms] time step.
     */
    default int targetHistoryDepth(final double dt)
    {
        return 0;
    }

    /**
     * The bytes {@link #prepare} is expected to allocate (connectivity, delay buffers), estimated
     * without allocating, so that a network that cannot fit is refused before it is built; 0 for a
     * delivery that allocates nothing worth counting.
     *
     * @param dt [ms] time step.
     */
    default double estimatedBytes(final double dt)
    {
        return 0;
    }

    /**
     * {@link #estimatedBytes(double)} for a process that delivers into {@code ownedShare} of the
     * target's neurons (one MPI rank's slices): the same by default, for deliveries that hold
     * everything on every rank.
     */
    default double estimatedBytes(final double dt, final double ownedShare)
    {
        return estimatedBytes(dt);
    }

    /**
     * Called once before a run, after every population is prepared and in the order the
     * deliveries were added.
     */
    void prepare(DeliveryContext context);

    /**
     * Applies this step's effect to the target neurons of {@code slice} ({@code [from, to)}).
     *
     * @param step the current step.
     */
    void deliver(long step, int slice, int from, int to);

    /**
     * The target slices this delivery works best with: slices of the target that start at
     * multiples of it save work (a just-in-time rule's block of targets drawn in one piece);
     * 1 when any cut is as good as another. Slices never change what is delivered.
     */
    default int targetSliceAlignment()
    {
        return 1;
    }

    /**
     * One line that tells this delivery apart from another of the same name in a checkpoint's
     * model description; by default its kind, name, target and source.
     */
    default String describe()
    {
        return kind() + " '" + name() + "' into " + target().name() + (source() == null ? ""
            : " from " + source().name());
    }

    /**
     * Nothing by default: a delivery that reads spike histories (saved by their populations)
     * through fixed synapses holds no state. One that changes as it runs (plastic weights,
     * traces, values in flight) overrides this.
     */
    @Override
    default void visitState(final StateAccess state)
    {
    }
}
