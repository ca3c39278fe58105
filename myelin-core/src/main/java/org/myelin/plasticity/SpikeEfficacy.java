package org.myelin.plasticity;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.delay.SpikeHistory;
import org.myelin.neuron.Population;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.Delivery;
import org.myelin.util.Check;

/**
 * The factor of each spike in a population's {@link SpikeHistory}, for one
 * {@link PresynapticState}: an array parallel to the history's id arrays ({@code depth × size}),
 * so that a delivery delayed by d steps reads the factor computed at the spike's emission.
 */
public final class SpikeEfficacy
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

    /**
     * Prepares every presynaptic state used by the projections among {@code deliveries} and gives
     * each one spike-factor buffer, attached to its source population; projections that share a
     * state share its buffer, so the state sees each spike once. Called once by the simulation,
     * after the populations are prepared.
     *
     * @return per population (in the order of {@code populations}), the buffers to fill after its
     *         update.
     * @throws org.myelin.util.ModelException if one state is used by projections from two sources.
     */
    public static SpikeEfficacy[][] attach(
        final Population[] populations, final Delivery[] deliveries, final double dt)
    {
        final Map<PresynapticState, SpikeEfficacy> made = new IdentityHashMap<>();
        final Map<PresynapticState, Population> sourceOf = new IdentityHashMap<>();
        final List<Population> order = List.of(populations);
        final List<List<SpikeEfficacy>> perPopulation = new ArrayList<>();
        for (int k = 0; k < populations.length; k++)
        {
            perPopulation.add(new ArrayList<>());
        }
        for (final Delivery d : deliveries)
        {
            if (d instanceof AlignPostProjection p && p.presynaptic() != null)
            {
                final PresynapticState state = p.presynaptic();
                final Population source = sourceOf.computeIfAbsent(state, s -> p.source());
                Check.that(source == p.source(), "projection '" + p.name() + "'",
                    state.name() + " state is already used by projections from '" + source.name()
                        + "'; give each source population its own");
                p.useEfficacy(made.computeIfAbsent(state, s ->
                {
                    s.prepare(source.size(), dt);
                    final SpikeEfficacy buffer = new SpikeEfficacy(s, source.history(), source.size());
                    perPopulation.get(order.indexOf(source)).add(buffer);
                    return buffer;
                }));
            }
        }
        final SpikeEfficacy[][] result = new SpikeEfficacy[populations.length][];
        for (int k = 0; k < populations.length; k++)
        {
            result[k] = perPopulation.get(k).toArray(new SpikeEfficacy[0]);
        }
        return result;
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
    public void record(final SpikeHistory history, final int slot, final int slice, final long step)
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
