package org.myelin.projection;

import org.myelin.connect.Connectivity;
import org.myelin.connect.Connector;
import org.myelin.delay.SpikeHistory;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.Population;
import org.myelin.output.Output;
import org.myelin.plasticity.PresynapticState;
import org.myelin.plasticity.SpikeEfficacy;
import org.myelin.random.Rng;
import org.myelin.synapse.Receptor;
import org.myelin.synapse.SynapseModel;
import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A projection whose synapse state lives on the post-synaptic group (brainstate
 * {@code AlignPostProj}, DESIGN.md §4): a spike of presynaptic neuron i, after a homogeneous
 * delay, adds {@code weight} (times the synapse's own weight, if any) to the receptor input
 * {@code g[j]} of every target j of i. Projections with the same synapse model and output onto
 * one group share that group's receptor, so the state costs O(N_post), not O(N_synapses).
 *
 * <p>Timing (Brian2's schedule): a spike emitted at step n with a delay of d steps is added to
 * {@code g} at step n + d, after the neurons' update, so it changes {@code v} from step
 * n + d + 1 on.
 *
 * <p>With a {@link PresynapticState} (short-term plasticity, {@link #withPresynaptic}) each spike's
 * weight is multiplied by the factor the state computed once for that spike at its emission (see
 * {@link SpikeEfficacy}). The weight is also multiplied by the receptor's
 * {@link Receptor#inputScale()}.
 */
public final class AlignPostProjection implements Delivery
{
    private final String name;
    private final Population source;
    private final NeuronGroup target;
    private final Connector connector;
    private final Receptor receptor;
    private final double weight;
    private final double delayMs;
    private Connectivity connectivity;
    private int delaySteps;
    private long builtWithSeed;
    private PresynapticState presynaptic;
    private SpikeEfficacy efficacy;

    /**
     * @param name          unique name, part of the connectivity's random key.
     * @param source        presynaptic group.
     * @param target        postsynaptic group.
     * @param connector     the connection rule.
     * @param model         the synapse model.
     * @param output        the output (CUBA, COBA, ...).
     * @param receptorLabel the name of the receptor variable on the target, e.g. {@code "ge"}.
     * @param weight        weight added per spike, in the unit of the output (pA or nS).
     * @param delayMs       [ms] homogeneous delay, {@code >= 0}; a multiple of dt.
     */
    public AlignPostProjection(
        final String name, final Population source, final NeuronGroup target, final Connector connector,
        final SynapseModel model, final Output output, final String receptorLabel, final double weight,
        final double delayMs)
    {
        final String owner = "projection '" + name + "'";
        if (source == null || target == null || connector == null || model == null || output == null)
        {
            throw new ModelException(owner + ": source, target, connector, synapse model and output are required");
        }
        this.name = name;
        this.source = source;
        this.target = target;
        this.connector = connector;
        this.weight = Check.finite(owner, "weight", weight, "");
        this.delayMs = Check.nonNegative(owner, "delay", delayMs, "ms");
        this.receptor = target.receptor(receptorLabel, model, output);
    }

    /** The unique name. */
    public String name()
    {
        return name;
    }

    /** The presynaptic group. */
    public Population source()
    {
        return source;
    }

    @Override
    public NeuronGroup target()
    {
        return target;
    }

    /** The receptor this projection feeds (possibly shared). */
    public Receptor receptor()
    {
        return receptor;
    }

    /**
     * Scales each spike's weight by a per-presynaptic-neuron state (STP, STD). Projections from
     * one source may share one state object; it is then updated once per spike.
     *
     * @return this projection.
     */
    public AlignPostProjection withPresynaptic(final PresynapticState state)
    {
        this.presynaptic = state;
        return this;
    }

    /** The presynaptic state, or null. */
    public PresynapticState presynaptic()
    {
        return presynaptic;
    }

    /** Sets the buffer of spike factors this projection reads; called by the simulation. */
    public void useEfficacy(final SpikeEfficacy buffer)
    {
        this.efficacy = buffer;
    }

    /** The weight per spike. */
    public double weight()
    {
        return weight;
    }

    /** The connection rule. */
    public Connector connector()
    {
        return connector;
    }

    /** The delay in steps for a time step {@code dt}. */
    public int delaySteps(final double dt)
    {
        return Units.toSteps("projection '" + name + "'", "delay", delayMs, dt, false);
    }

    /** The built connectivity, or null before the first {@link #prepare}. */
    public Connectivity connectivity()
    {
        return connectivity;
    }

    /**
     * Builds the connectivity for {@code seed} if it is not built yet (or was built for another
     * seed); the key is (seed, this projection's name), so the synapses do not depend on the
     * order projections are created in.
     */
    public Connectivity build(final long seed)
    {
        if (connectivity == null || builtWithSeed != seed)
        {
            final long key = Rng.key(seed, Rng.PURPOSE_CONNECT, Rng.nameId(name), 0);
            connectivity = connector.build(source.size(), target.size(), source == target, key);
            builtWithSeed = seed;
        }
        return connectivity;
    }

    @Override
    public void prepare(final double dt, final long seed, final int[] targetSliceStart)
    {
        delaySteps = delaySteps(dt);
        build(seed).partition(targetSliceStart);
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final long spikeStep = step - delaySteps;
        if (spikeStep < 0)
        {
            return;
        }
        final SpikeHistory history = source.history();
        final int slot = history.slotOf(spikeStep);
        final int[] ids = history.ids(slot);
        final double[] g = receptor.input();
        final Connectivity conn = connectivity;
        final double w = weight * receptor.inputScale();
        final double[] factor = efficacy == null ? null : efficacy.factors(slot);
        final int sourceSlices = history.sliceCount();
        for (int s = 0; s < sourceSlices; s++)
        {
            final int start = history.sliceStart(s);
            final int end = start + history.count(slot, s);
            for (int k = start; k < end; k++)
            {
                conn.deliver(ids[k], slice, g, factor == null ? w : w * factor[k]);
            }
        }
    }

    @Override
    public String toString()
    {
        return "projection '" + name + "' " + source.name() + " -> " + target.name() + " (" + connector.describe()
            + ", " + receptor.model() + ", " + receptor.output() + ", w=" + weight + ", delay=" + delayMs + " ms"
            + (presynaptic == null ? "" : ", " + presynaptic) + ")";
    }
}
