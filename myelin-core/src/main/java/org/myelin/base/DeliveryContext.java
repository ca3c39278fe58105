package org.myelin.base;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.myelin.util.ModelException;

/**
 * What a delivery needs to know about the run it is prepared for, and where it registers work on
 * its source's spikes. One context serves every delivery of a simulation, each through
 * {@link #forTarget}.
 *
 * <p>Two seeds: the <b>state seed</b> keys initial values, Poisson sources and noise; the
 * <b>connectivity seed</b> keys synapses (who connects to whom, per-synapse weights and delays),
 * so networks that differ only in the state seed have the same synapses.
 */
public final class DeliveryContext
{
    private final double dt;
    private final long seed;
    private final long connectivitySeed;
    private final int[] targetSliceStart;
    /** The slices this process delivers into: {@code [firstOwnedSlice, endOwnedSlice)}; −1: all. */
    private final int firstOwnedSlice;
    private final int endOwnedSlice;
    private final Observers observers;

    /**
     * A context for the deliveries of one simulation.
     *
     * @param dt               [ms] time step.
     * @param seed             the state seed.
     * @param connectivitySeed the seed of synapses.
     */
    public DeliveryContext(final double dt, final long seed, final long connectivitySeed)
    {
        this(dt, seed, connectivitySeed, null, -1, -1, new Observers());
    }

    private DeliveryContext(
        final double dt, final long seed, final long connectivitySeed, final int[] targetSliceStart,
        final int firstOwnedSlice, final int endOwnedSlice, final Observers observers)
    {
        this.dt = dt;
        this.seed = seed;
        this.connectivitySeed = connectivitySeed;
        this.targetSliceStart = targetSliceStart;
        this.firstOwnedSlice = firstOwnedSlice;
        this.endOwnedSlice = endOwnedSlice;
        this.observers = observers;
    }

    /** The same run for a delivery whose target is cut at {@code sliceStart} (size appended). */
    public DeliveryContext forTarget(final int[] sliceStart)
    {
        return new DeliveryContext(dt, seed, connectivitySeed, sliceStart.clone(), firstOwnedSlice, endOwnedSlice,
            observers);
    }

    /**
     * The same run for a process that delivers only into slices {@code [first, end)} of every
     * target (one MPI rank's workers), so that deliveries may hold only the synapses onto those
     * slices' neurons.
     */
    public DeliveryContext ownedSlices(final int first, final int end)
    {
        if (first < 0 || end < first)
        {
            throw new IllegalArgumentException("owned slices [" + first + ", " + end + ") must be a range from 0 on");
        }
        return new DeliveryContext(dt, seed, connectivitySeed, targetSliceStart, first, end, observers);
    }

    /** The first target neuron this process delivers into: the start of its first owned slice. */
    public int ownedTargetStart()
    {
        return firstOwnedSlice < 0 ? 0 : targetSliceStart[firstOwnedSlice];
    }

    /** One past the last target neuron this process delivers into. */
    public int ownedTargetEnd()
    {
        return endOwnedSlice < 0 ? targetSliceStart[targetSliceStart.length - 1] : targetSliceStart[endOwnedSlice];
    }

    /** [ms] The time step. */
    public double dt()
    {
        return dt;
    }

    /** The state seed: initial values, Poisson sources, noise. */
    public long seed()
    {
        return seed;
    }

    /** The seed of synapses: connectivity, per-synapse weights and delays. */
    public long connectivitySeed()
    {
        return connectivitySeed;
    }

    /** The first neuron of each slice of the target, with its size appended. */
    public int[] targetSliceStart()
    {
        return targetSliceStart.clone();
    }

    /** Number of slices (worker threads). */
    public int sliceCount()
    {
        return targetSliceStart.length - 1;
    }

    /**
     * The observer of {@code source}'s spikes registered under {@code key} in this run, made by
     * {@code make} when the key is new: deliveries that share a state (one short-term-plasticity
     * state on several projections) share its observer, so it sees each spike once. Observers of
     * one population run in the order they were first registered.
     *
     * @param owner  who asks, for the message, e.g. {@code "projection 'P'"}.
     * @param what   what the key is, for the message, e.g. {@code "STP state"}.
     * @throws ModelException if {@code key} is already observed for another population.
     */
    public <T extends SpikeObserver> T observeSpikes(
        final String owner, final String what, final Population source, final Object key, final Supplier<T> make)
    {
        return observers.observe(owner, what, source, key, make);
    }

    /** The observers registered for {@code population}, in order; empty if none. */
    public SpikeObserver[] spikeObservers(final Population population)
    {
        return observers.of(population);
    }

    /** The observers of a run, shared by the contexts made by {@link #forTarget}. */
    private static final class Observers
    {
        private final Map<Object, Population> sourceOf = new IdentityHashMap<>();
        private final Map<Object, SpikeObserver> byKey = new IdentityHashMap<>();
        private final Map<Population, List<SpikeObserver>> byPopulation = new IdentityHashMap<>();

        <T extends SpikeObserver> T observe(
            final String owner, final String what, final Population source, final Object key, final Supplier<T> make)
        {
            final Population known = sourceOf.get(key);
            if (known != null && known != source)
            {
                throw new ModelException(owner + ": " + what + " is already used by projections from '"
                    + known.name() + "'; give each source population its own");
            }
            @SuppressWarnings("unchecked")
            final T existing = (T) byKey.get(key);
            if (existing != null)
            {
                return existing;
            }
            final T made = make.get();
            sourceOf.put(key, source);
            byKey.put(key, made);
            byPopulation.computeIfAbsent(source, p -> new ArrayList<>()).add(made);
            return made;
        }

        SpikeObserver[] of(final Population population)
        {
            return byPopulation.getOrDefault(population, List.of()).toArray(new SpikeObserver[0]);
        }
    }
}
