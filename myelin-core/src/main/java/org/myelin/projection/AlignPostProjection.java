package org.myelin.projection;

import org.myelin.base.DelayRing;
import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.InputPort;
import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.connect.Connectivity;
import org.myelin.connect.Connector;
import org.myelin.delay.DelayRounding;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Output;
import org.myelin.plasticity.PresynapticState;
import org.myelin.plasticity.SpikeEfficacy;
import org.myelin.random.Initializer;
import org.myelin.random.Rng;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Receptor;
import org.myelin.synapse.SynapseModel;
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
 * <p>Per-synapse weights ({@link #withWeights}) multiply {@code weight}. Per-synapse delays
 * ({@link #withDelays}, or given by the connector) of at least one step are added to the
 * homogeneous delay and delivered through the receptor's post-side ring buffer
 * ({@link DelayRing}): a spike of step n reaches target j at step n + delay + d_ij.
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
    private final InputPort port;
    private final double weight;
    private final double delayMs;
    private Connectivity connectivity;
    private int delaySteps;
    private long builtWithSeed;
    /** The targets the built connectivity holds the synapses of: {@code [builtFrom, builtTo)}. */
    private int builtFrom;
    private int builtTo;
    private Initializer synapseWeights;
    private Initializer synapseDelays;
    private DelayRounding rounding = DelayRounding.EXACT;
    private double delaysPreparedFor = Double.NaN;
    private DelayRing ring;
    private PresynapticState presynaptic;
    private SpikeEfficacy efficacy;
    /** Per worker slice, scratch for {@link Connectivity#deliverSpikes} (16 ints: one cache line each). */
    private int[][] deliveryScratch = new int[0][];

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
        this(name, source, target, connector, receptorOf(name, source, target, connector, model, output,
            receptorLabel), weight, delayMs);
    }

    private static Receptor receptorOf(
        final String name, final Population source, final NeuronGroup target, final Connector connector,
        final SynapseModel model, final Output output, final String receptorLabel)
    {
        if (source == null || target == null || connector == null || model == null || output == null)
        {
            throw new ModelException("projection '" + name
                + "': source, target, connector, synapse model and output are required");
        }
        return target.receptor(receptorLabel, model, output);
    }

    /**
     * A projection into any input of the target (seed 001's {@code RawProj}: connectivity and
     * weight, then an input port, then the post group): a synapse's state, a one-step current
     * ({@link Inputs#current}) or a state variable such as {@code v} ({@link Inputs#delta}).
     *
     * @param name      unique name, part of the connectivity's random key.
     * @param source    presynaptic group.
     * @param target    postsynaptic group.
     * @param connector the connection rule.
     * @param port      the input of {@code target} spikes add into.
     * @param weight    weight added per spike, in the unit of the port.
     * @param delayMs   [ms] homogeneous delay, {@code >= 0}; a multiple of dt.
     */
    public AlignPostProjection(
        final String name, final Population source, final NeuronGroup target, final Connector connector,
        final InputPort port, final double weight, final double delayMs)
    {
        final String owner = "projection '" + name + "'";
        if (source == null || target == null || connector == null || port == null)
        {
            throw new ModelException(owner + ": source, target, connector and input port are required");
        }
        this.name = name;
        this.source = source;
        this.target = target;
        this.connector = connector;
        this.weight = Check.finite(owner, "weight", weight, "");
        this.delayMs = Check.nonNegative(owner, "delay", delayMs, "ms");
        this.receptor = port instanceof Receptor r ? r : null;
        this.port = port;
    }

    @Override
    public String kind()
    {
        return "projection";
    }

    /** The unique name. */
    @Override
    public String name()
    {
        return name;
    }

    /** The presynaptic group. */
    @Override
    public Population source()
    {
        return source;
    }

    /** The homogeneous delay in steps: a spike is read once, that many steps after it was emitted. */
    @Override
    public int spikeAge(final double dt)
    {
        return delaySteps(dt);
    }

    /** The homogeneous delay in steps plus one: per-synapse delays go through the port's ring. */
    @Override
    public int historyDepth(final double dt)
    {
        return delaySteps(dt) + 1;
    }

    @Override
    public NeuronGroup target()
    {
        return target;
    }

    /**
     * The connector's alignment, unless synapses have their own weights or delays: then a
     * just-in-time row is regenerated from its start anyway, to count each synapse's position.
     */
    @Override
    public int targetSliceAlignment()
    {
        return synapseWeights == null && synapseDelays == null ? connector.targetSliceAlignment() : 1;
    }

    /** The input port this projection feeds: its receptor, or another input. */
    public InputPort port()
    {
        return port;
    }

    /** The receptor this projection feeds (possibly shared), or null for another input port. */
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
        return rounding.toSteps("projection '" + name + "'", "delay", delayMs, dt);
    }

    /**
     * Gives every synapse its own weight, a factor on {@link #weight()}, drawn at the synapse's
     * counter (or one value per synapse in CSR order with {@link Initializer#values}).
     *
     * @return this projection.
     */
    public AlignPostProjection withWeights(final Initializer weights)
    {
        this.synapseWeights = weights;
        this.connectivity = null;
        return this;
    }

    /**
     * Chooses how delays that are not whole steps are rounded (default {@link DelayRounding#EXACT}:
     * an error): the homogeneous delay, and per-synapse delays (at least one step each).
     *
     * @return this projection.
     */
    public AlignPostProjection withRounding(final DelayRounding delayRounding)
    {
        this.rounding = delayRounding == null ? DelayRounding.EXACT : delayRounding;
        this.connectivity = null;
        return this;
    }

    /**
     * Gives every synapse its own delay in ms, added to the homogeneous delay; each is rounded to
     * whole steps of at least one as {@code rounding} says.
     *
     * @param delaysMs [ms] the delay distribution, or null to keep the connector's delays.
     * @param rounding how a delay between two steps becomes whole steps.
     * @return this projection.
     */
    public AlignPostProjection withDelays(final Initializer delaysMs, final DelayRounding rounding)
    {
        this.synapseDelays = delaysMs;
        return withRounding(rounding);
    }

    /**
     * Stored synapses take 2 bytes for the target, 4 more with their own weight and 2 more with
     * their own delay (plus 4 while the delays are rounded), and each row 8 bytes of bounds;
     * just-in-time rules store none. 0 once built.
     */
    @Override
    public double estimatedBytes(final double dt)
    {
        if (connectivity != null || !connector.storesSynapses())
        {
            return 0;
        }
        final double synapses = connector.expectedSynapses(source.size(), target.size(), source == target);
        final double perSynapse = 2 + (synapseWeights == null ? 0 : 4) + (synapseDelays == null ? 0 : 6);
        return synapses * perSynapse + 8.0 * source.size();
    }

    /** Whether per-synapse weights or delays are given one per synapse in CSR order, which needs every synapse. */
    private boolean valuesInCsrOrder()
    {
        return synapseWeights instanceof Initializer.Values || synapseDelays instanceof Initializer.Values;
    }

    /** A rank holds the stored synapses onto its targets, unless values in CSR order need them all. */
    @Override
    public double estimatedBytes(final double dt, final double ownedShare)
    {
        final boolean whole = valuesInCsrOrder();
        final double all = estimatedBytes(dt);
        final double rows = connectivity != null || !connector.storesSynapses() ? 0 : 8.0 * source.size();
        return whole || ownedShare >= 1 ? all : rows + (all - rows) * ownedShare;
    }

    /**
     * Drops the built connectivity once another holder has copied the synapses (a plastic
     * projection's slices), so they are not held twice; a later {@link #build} draws them again
     * from the same seed.
     */
    void releaseConnectivity()
    {
        connectivity = null;
    }

    /** The built connectivity, or null before the first {@link #prepare}. */
    public Connectivity connectivity()
    {
        return connectivity;
    }

    /**
     * Builds the connectivity for {@code seed} if it is not built yet (or was built for another
     * seed, or for only some targets); the key is (seed, this projection's name), so the synapses
     * do not depend on the order projections are created in.
     */
    public Connectivity build(final long seed)
    {
        return build(seed, 0, target.size());
    }

    /**
     * {@link #build} of only the synapses onto targets {@code [from, to)} (one MPI rank's part,
     * {@link Connector#buildTargets}), unless per-synapse values are given in CSR order: those need
     * every synapse, so the whole connectivity is built then.
     */
    private Connectivity build(final long seed, final int from, final int to)
    {
        final boolean whole = from <= 0 && to >= target.size() || valuesInCsrOrder();
        final int first = whole ? 0 : from;
        final int end = whole ? target.size() : to;
        if (connectivity == null || builtWithSeed != seed || builtFrom != first || builtTo != end)
        {
            final long key = Rng.key(seed, Rng.PURPOSE_CONNECT, Rng.nameId(name), 0);
            final Connectivity built = connector.buildTargets(source.size(), target.size(), source == target, key,
                first, end);
            if (synapseWeights != null)
            {
                built.drawWeights(synapseWeights, Rng.key(seed, Rng.PURPOSE_CONNECT, Rng.nameId(name), 1));
            }
            if (synapseDelays != null)
            {
                built.drawDelays(synapseDelays, Rng.key(seed, Rng.PURPOSE_CONNECT, Rng.nameId(name), 2));
            }
            connectivity = built;
            builtWithSeed = seed;
            builtFrom = first;
            builtTo = end;
            delaysPreparedFor = Double.NaN;
        }
        return connectivity;
    }

    /**
     * Shares {@code other}'s built connectivity (same name, connector and group sizes; built for
     * {@code seed}), so that replicas of one network hold the synapses once. The connectivity is
     * read-only during runs; {@link #prepare} re-partitions it, which gives the same cuts as long
     * as every sharer uses the same slices.
     *
     * @throws ModelException if {@code other} has not been prepared for {@code seed} or does not
     *                        describe the same synapses.
     */
    public void shareConnectivity(final AlignPostProjection other, final long seed)
    {
        final boolean same = other.name.equals(name) && other.source.size() == source.size()
            && other.target.size() == target.size() && other.connector.describe().equals(connector.describe())
            && (other.source == other.target) == (source == target);
        if (other.connectivity == null || other.builtWithSeed != seed || !same)
        {
            throw new ModelException("projection '" + name + "': cannot share the connectivity of " + other
                + "; it must be built for the same seed, name, connector and group sizes");
        }
        connectivity = other.connectivity;
        builtWithSeed = seed;
        builtFrom = other.builtFrom;
        builtTo = other.builtTo;
        delaysPreparedFor = other.delaysPreparedFor;
    }

    /**
     * Builds (or keeps) the connectivity for the network's connectivity seed, of only the synapses
     * onto the targets this process delivers into, partitions it by the target's slices, and with a presynaptic state registers the spike factors it reads (one
     * buffer per state, shared by the projections that share the state).
     *
     * @throws ModelException if the presynaptic state is already used by projections from
     *                        another source.
     */
    @Override
    public void prepare(final DeliveryContext context)
    {
        final double dt = context.dt();
        final long seed = context.connectivitySeed();
        final int[] targetSliceStart = context.targetSliceStart();
        delaySteps = delaySteps(dt);
        if (connectivity != null && connectivity.hasDelays() && delaysPreparedFor != dt)
        {
            connectivity = null; // delays were rounded for another dt: draw them again
        }
        final Connectivity conn = build(seed, context.ownedTargetStart(), context.ownedTargetEnd());
        final int maxDelay = conn.prepareDelays("projection '" + name + "'", dt, rounding);
        delaysPreparedFor = dt;
        conn.partition(targetSliceStart);
        ring = null;
        deliveryScratch = new int[targetSliceStart.length - 1][16];
        if (conn.hasDelays())
        {
            ring = port.delayRing(maxDelay + 1, targetSliceStart.length - 1);
            ring.clear();
        }
        efficacy = presynaptic == null ? null : context.observeSpikes("projection '" + name + "'",
            presynaptic.name() + " state", source, presynaptic, () ->
            {
                presynaptic.prepare(source.size(), dt);
                return new SpikeEfficacy(presynaptic, source.history(), source.size());
            });
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final DelayRing delayed = ring == null ? null : port.delayRing();
        if (delayed != null)
        {
            delayed.flush(step, slice, from, to, port.input());
        }
        final long spikeStep = step - delaySteps;
        if (spikeStep < 0)
        {
            return;
        }
        final SpikeHistory history = source.history();
        final int slot = history.slotOf(spikeStep);
        final int[] ids = history.ids(slot);
        final double[] g = port.input();
        final Connectivity conn = connectivity;
        final double w = receptor == null ? weight : weight * receptor.inputScale();
        final double[] factor = efficacy == null ? null : efficacy.factors(slot);
        final int sourceSlices = history.sliceCount();
        for (int s = 0; s < sourceSlices; s++)
        {
            final int start = history.sliceStart(s);
            final int end = start + history.count(slot, s);
            if (delayed == null)
            {
                conn.deliverSpikes(ids, start, end, factor, w, slice, g, deliveryScratch[slice]);
                continue;
            }
            for (int k = start; k < end; k++)
            {
                conn.deliverDelayed(ids[k], slice, delayed, step, factor == null ? w : w * factor[k]);
            }
        }
    }

    /**
     * Only a port the target does not hold (a delta input into a state variable) with its spikes
     * in flight: the connectivity is drawn again from its seed, the receptor is saved by the
     * target and the spike factors of a presynaptic state by the source's observers.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        if (port != receptor && !target.inputs().contains(port))
        {
            state.visit("port", port);
        }
    }

    @Override
    public String describe()
    {
        return toString();
    }

    @Override
    public String toString()
    {
        return "projection '" + name + "' " + source.name() + " -> " + target.name() + " (" + connector.describe()
            + (receptor == null ? ", " + port : ", " + receptor.model() + ", " + receptor.output())
            + ", w=" + weight + ", delay=" + delayMs + " ms" + (presynaptic == null ? "" : ", " + presynaptic) + ")";
    }
}
