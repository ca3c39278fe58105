package org.myelin.projection;

import java.util.ArrayList;
import java.util.List;

import org.myelin.base.DelayRing;
import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.InputPort;
import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.connect.Connectivity;
import org.myelin.connect.CsrConnectivity;
import org.myelin.delay.DelayRounding;
import org.myelin.monitor.WeightMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.plasticity.DopamineSignal;
import org.myelin.plasticity.DopamineStdp;
import org.myelin.plasticity.NeuronTraces;
import org.myelin.plasticity.SpikeTimingRule;
import org.myelin.plasticity.SynapseSlice;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Receptor;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A projection whose synapses learn: the synapses of an {@link AlignPostProjection} (its
 * connector, per-synapse weights, synapse model, output and delay) with a float weight each that
 * a {@link SpikeTimingRule} changes during the run.
 *
 * <p>Synapses are stored per target slice ({@link SynapseSlice}: rows by presynaptic neuron and a
 * post→pre index), and the worker that owns a slice handles every event of its synapses, so
 * weights change without atomics and are the same for any number of threads. Postsynaptic traces
 * are kept per target neuron by its owner; presynaptic traces per source neuron, one copy per
 * worker, updated by each worker for every arriving spike.
 *
 * <p>Delays, as NEST documents them: the projection's delay d is split into an axonal part
 * d_a = d − d_d and a dendritic part d_d ({@link #withDendriticDelay}, default 0 as in Brian2,
 * where the whole delay is on the presynaptic pathway; NEST's default is d_d = d). A presynaptic
 * spike at t reaches the synapse at t + d_a, where it transmits its weight of that moment
 * (arriving at the neuron at t + d) and the weight is updated; a postsynaptic spike at t reaches
 * the synapse at t + d_d. The rule sees Δt = (t_post + d_d) − (t_pre + d_a).
 *
 * <p>Timing within a step as in Brian2: the spike's effect is added to the receptor after the
 * neurons' update of the step it arrives, then weights are updated (see {@link SpikeTimingRule}).
 */
public final class PlasticProjection implements Delivery
{
    private final AlignPostProjection synapses;
    private final SpikeTimingRule rule;
    private double dendriticDelayMs;
    private int axonalSteps;
    private int dendriticSteps;
    private double dt;
    private SynapseSlice[] slices = new SynapseSlice[0];
    private NeuronTraces[] preTraces = new NeuronTraces[0];
    private NeuronTraces postTraces;
    private DelayRing ring;
    private int[] sliceStart;
    private final List<WeightMonitor> monitors = new ArrayList<>();
    /** Per monitor and slice: the synapses of the slice it records. */
    private int[][][] monitored = new int[0][][];
    /** The population whose spikes are the dopamine signal of a {@link DopamineStdp} rule, or null. */
    private Population neuromodulator;

    /**
     * @param synapses the synapses, their initial weights and delay; not added to the network itself.
     * @param rule     the learning rule.
     * @throws ModelException if the projection has short-term plasticity or per-synapse delays.
     */
    public PlasticProjection(final AlignPostProjection synapses, final SpikeTimingRule rule)
    {
        if (synapses == null || rule == null)
        {
            throw new ModelException("plastic projection: the synapses and the rule are required");
        }
        if (synapses.presynaptic() != null)
        {
            throw new ModelException(owner(synapses) + ": short-term plasticity and STDP on one projection are not "
                + "supported; use one of them");
        }
        this.synapses = synapses;
        this.rule = rule;
    }

    private static String owner(final AlignPostProjection p)
    {
        return "projection '" + p.name() + "'";
    }

    /**
     * Puts {@code ms} of the projection's delay on the dendrite: postsynaptic spikes reach the
     * synapse that much later, presynaptic ones that much earlier.
     *
     * @param ms [ms] the dendritic delay, in {@code [0, delay]}.
     * @return this projection.
     */
    public PlasticProjection withDendriticDelay(final double ms)
    {
        this.dendriticDelayMs = Check.nonNegative(owner(synapses), "dendritic delay", ms, "ms");
        return this;
    }

    /**
     * Makes the spikes of {@code dopamine} the neuromodulator of this projection's
     * {@link DopamineStdp} rule (NEST's volume transmitter): a spike at step n changes the
     * dopamine concentration at step n, before the step's pre- and postsynaptic events.
     *
     * @param dopamine a population of the same network.
     * @return this projection.
     * @throws ModelException if the rule is not dopamine STDP.
     */
    public PlasticProjection withNeuromodulator(final Population dopamine)
    {
        if (!(rule instanceof DopamineStdp))
        {
            throw new ModelException(owner(synapses) + ": a neuromodulator needs dopamine STDP, the rule is "
                + rule.describe());
        }
        if (dopamine == null)
        {
            throw new ModelException(owner(synapses) + ": the neuromodulator population is required");
        }
        this.neuromodulator = dopamine;
        return this;
    }

    /** The neuromodulator population, or null. */
    public Population neuromodulator()
    {
        return neuromodulator;
    }

    /** The learning rule. */
    public SpikeTimingRule rule()
    {
        return rule;
    }

    /** The synapses' static description (connector, initial weights, model, delay). */
    public AlignPostProjection synapses()
    {
        return synapses;
    }

    @Override
    public String kind()
    {
        return "projection";
    }

    @Override
    public String name()
    {
        return synapses.name();
    }

    @Override
    public NeuronGroup target()
    {
        return synapses.target();
    }

    @Override
    public Population source()
    {
        return synapses.source();
    }

    private int[] delaySteps(final double step)
    {
        final int total = synapses.delaySteps(step);
        final int dendritic = DelayRounding.EXACT.toSteps(owner(synapses), "dendritic delay", dendriticDelayMs, step);
        if (dendritic > total)
        {
            throw new ModelException(owner(synapses) + ": dendritic delay must be in [0, " + Check.fmt(total * step)
                + "] ms (the projection's delay), got " + Check.fmt(dendriticDelayMs) + " ms");
        }
        return new int[] {total - dendritic, dendritic};
    }

    @Override
    public int historyDepth(final double step)
    {
        return delaySteps(step)[0] + 1;
    }

    /**
     * The axonal delay in steps (the target's own spikes are read in its own slice); 0 with a
     * neuromodulator, whose spikes are read in the step they are emitted.
     */
    @Override
    public int spikeAge(final double step)
    {
        return neuromodulator != null ? 0 : delaySteps(step)[0];
    }

    @Override
    public int targetHistoryDepth(final double step)
    {
        return delaySteps(step)[1] + 1;
    }

    /** 12 bytes per synapse and 4 more per state variable of the rule, plus the traces. */
    @Override
    public double estimatedBytes(final double step)
    {
        final double n = synapses.connector().expectedSynapses(source().size(), target().size(), source() == target());
        return n * (12 + 4.0 * rule.synapseStates()) + 16.0 * (source().size() + target().size());
    }

    /**
     * Records the weights of the synapses {@code pre[k] → post[k]} every {@code every} steps.
     *
     * @throws ModelException (at {@link #prepare}) if one of them does not exist.
     */
    public WeightMonitor monitorWeights(final int[] pre, final int[] post, final long every)
    {
        Check.that(pre.length == post.length, owner(synapses), "weight monitor: one post neuron per pre neuron");
        Check.that(every >= 1, owner(synapses), "weight monitor: every must be >= 1 step, got " + every);
        final WeightMonitor m = new WeightMonitor(name(), pre, post, every);
        monitors.add(m);
        return m;
    }

    @Override
    public void prepare(final DeliveryContext context)
    {
        dt = context.dt();
        final int[] steps = delaySteps(dt);
        axonalSteps = steps[0];
        dendriticSteps = steps[1];
        final Connectivity built = synapses.build(context.connectivitySeed());
        if (!(built instanceof CsrConnectivity csr))
        {
            throw new ModelException(owner(synapses) + ": plastic synapses must be stored; connector '"
                + synapses.connector().describe() + "' is just-in-time");
        }
        if (csr.prepareDelays(owner(synapses), dt, DelayRounding.EXACT) > 0)
        {
            throw new ModelException(owner(synapses) + ": per-synapse delays are not supported with plasticity; "
                + "give the projection one delay");
        }
        sliceStart = context.targetSliceStart();
        final int sources = source().size();
        final Receptor receptor = synapses.receptor();
        slices = new SynapseSlice[sliceStart.length - 1];
        preTraces = new NeuronTraces[slices.length];
        final int[] row = new int[target().size()];
        final int[][] rowStarts = new int[slices.length][sources + 1];
        final int[] counts = new int[slices.length];
        for (int i = 0; i < sources; i++)
        {
            final int degree = csr.outDegree(i);
            csr.copyTargets(i, row, 0);
            int s = 0;
            for (int m = 0; m < degree; m++)
            {
                while (row[m] >= sliceStart[s + 1])
                {
                    s++;
                }
                counts[s]++;
            }
            for (int t = 0; t < slices.length; t++)
            {
                rowStarts[t][i + 1] = counts[t];
            }
        }
        final double base = synapses.weight();
        final int[][] targets = new int[slices.length][];
        final float[][] weights = new float[slices.length][];
        for (int t = 0; t < slices.length; t++)
        {
            targets[t] = new int[counts[t]];
            weights[t] = new float[counts[t]];
        }
        final int[] at = new int[slices.length];
        final double wMin = rule.dependence().wMin();
        final double wMax = rule.dependence().wMax();
        for (int i = 0; i < sources; i++)
        {
            final int degree = csr.outDegree(i);
            final int first = csr.rowStart(i);
            csr.copyTargets(i, row, 0);
            int s = 0;
            for (int m = 0; m < degree; m++)
            {
                while (row[m] >= sliceStart[s + 1])
                {
                    s++;
                }
                final double factor = csr.weight(first + m);
                final double w = Double.isNaN(factor) ? base : base * factor;
                if (!(w >= wMin && w <= wMax))
                {
                    throw new ModelException(owner(synapses) + ": initial weight " + Check.fmt(w) + " of synapse "
                        + i + " -> " + row[m] + " is outside the rule's bounds [" + Check.fmt(wMin) + ", "
                        + Check.fmt(wMax) + "]");
                }
                targets[s][at[s]] = row[m];
                weights[s][at[s]++] = (float) w;
            }
        }
        for (int t = 0; t < slices.length; t++)
        {
            slices[t] = new SynapseSlice(sliceStart[t], sliceStart[t + 1], rowStarts[t], targets[t], weights[t],
                rule.synapseStates());
            preTraces[t] = rule.preTraces(sources, dt);
        }
        postTraces = rule.postTraces(target().size(), dt);
        synapses.releaseConnectivity();
        prepareNeuromodulator();
        final InputPort port = synapses.port();
        ring = dendriticSteps == 0 ? null : port.delayRing(dendriticSteps + 1, slices.length);
        if (ring != null)
        {
            ring.clear();
        }
        monitored = new int[monitors.size()][][];
        for (int m = 0; m < monitors.size(); m++)
        {
            monitored[m] = locate(monitors.get(m));
        }
        if (receptor != null && !Double.isFinite(receptor.inputScale()))
        {
            throw new ModelException(owner(synapses) + ": receptor scale is not finite");
        }
    }

    private void prepareNeuromodulator()
    {
        if (!(rule instanceof DopamineStdp dopamine))
        {
            return;
        }
        if (neuromodulator == null)
        {
            throw new ModelException(owner(synapses) + ": dopamine STDP needs a neuromodulator population; "
                + "give it with withNeuromodulator");
        }
        if (neuromodulator.history() == null)
        {
            throw new ModelException(owner(synapses) + ": neuromodulator '" + neuromodulator.name()
                + "' is not in this network; add the population first");
        }
        for (final SynapseSlice s : slices)
        {
            dopamine.attachSignal(s, dt);
        }
    }

    /**
     * The neuromodulator's spikes of this step reach the slice's signal, then the synapses of the
     * presynaptic spikes arriving now are brought up to date, so that they transmit the weight of
     * this step (as NEST's dopamine synapse does).
     */
    private void deliverDopamine(final long step, final SynapseSlice s)
    {
        final DopamineStdp dopamine = (DopamineStdp) rule;
        final SpikeHistory modulator = neuromodulator.history();
        dopamine.onDopamine(s, modulator.totalCount(modulator.slotOf(step)), step);
        final long preStep = step - axonalSteps;
        if (preStep >= 0)
        {
            final SpikeHistory history = source().history();
            final int slot = history.slotOf(preStep);
            final int[] ids = history.ids(slot);
            for (int q = 0; q < history.sliceCount(); q++)
            {
                final int start = history.sliceStart(q);
                final int end = start + history.count(slot, q);
                for (int k = start; k < end; k++)
                {
                    dopamine.updateRow(s, ids[k], step);
                }
            }
        }
    }

    /** Per slice, the local synapse of each synapse the monitor records in that slice; tells the monitor its columns. */
    private int[][] locate(final WeightMonitor monitor)
    {
        final int[] pre = monitor.pre();
        final int[] post = monitor.post();
        final List<List<int[]>> found = new ArrayList<>();
        for (int s = 0; s < slices.length; s++)
        {
            found.add(new ArrayList<>());
        }
        for (int c = 0; c < pre.length; c++)
        {
            final int s = sliceOf(post[c]);
            final int k = s < 0 || pre[c] < 0 || pre[c] >= source().size() ? -1 : find(slices[s], pre[c], post[c]);
            if (k < 0)
            {
                throw new ModelException(owner(synapses) + ": weight monitor: no synapse " + pre[c] + " -> " + post[c]);
            }
            found.get(s).add(new int[] {c, k});
        }
        final int[][] columns = new int[slices.length][];
        final int[][] local = new int[slices.length][];
        for (int s = 0; s < slices.length; s++)
        {
            final List<int[]> f = found.get(s);
            columns[s] = f.stream().mapToInt(a -> a[0]).toArray();
            local[s] = f.stream().mapToInt(a -> a[1]).toArray();
        }
        monitor.prepare(columns, dt);
        return local;
    }

    private int sliceOf(final int post)
    {
        if (post < 0 || post >= target().size())
        {
            return -1;
        }
        int s = 0;
        while (post >= sliceStart[s + 1])
        {
            s++;
        }
        return s;
    }

    private static int find(final SynapseSlice slice, final int pre, final int post)
    {
        for (int k = slice.rowStart(pre); k < slice.rowStart(pre + 1); k++)
        {
            if (slice.target(k) == post)
            {
                return k;
            }
        }
        return -1;
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final InputPort port = synapses.port();
        final double[] g = port.input();
        if (ring != null)
        {
            ring.flush(step, slice, from, to, g);
        }
        final SynapseSlice s = slices[slice];
        for (int m = 0; m < monitored.length; m++)
        {
            final WeightMonitor monitor = monitors.get(m);
            if (monitor.samples(step))
            {
                monitor.record(slice, step, s.weights(), monitored[m][slice]);
            }
        }
        if (neuromodulator != null)
        {
            deliverDopamine(step, s);
        }
        final NeuronTraces pre = preTraces[slice];
        final Receptor receptor = synapses.receptor();
        final double scale = receptor == null ? 1 : receptor.inputScale();
        final long preStep = step - axonalSteps;
        if (preStep >= 0)
        {
            final SpikeHistory history = source().history();
            final int slot = history.slotOf(preStep);
            final int[] ids = history.ids(slot);
            final double[] into = ring == null ? g : ring.slots()[(ring.slot(step) + dendriticSteps) % ring.depth()];
            for (int q = 0; q < history.sliceCount(); q++)
            {
                final int start = history.sliceStart(q);
                final int end = start + history.count(slot, q);
                for (int k = start; k < end; k++)
                {
                    final int i = ids[k];
                    rule.transmitThenPre(s, i, step, pre, postTraces, into, scale);
                    rule.countPre(pre, i, step);
                }
            }
        }
        final long postStep = step - dendriticSteps;
        if (postStep >= 0)
        {
            final SpikeHistory history = target().history();
            final int slot = history.slotOf(postStep);
            final int[] ids = history.ids(slot);
            final int start = history.sliceStart(slice);
            final int end = start + history.count(slot, slice);
            for (int k = start; k < end; k++)
            {
                rule.onPost(s, ids[k], step, pre, postTraces);
                rule.countPost(postTraces, ids[k], step);
            }
        }
    }

    /** Synapses, after {@link #prepare}. */
    public long synapseCount()
    {
        long n = 0;
        for (final SynapseSlice s : slices)
        {
            n += s.size();
        }
        return n;
    }

    /** The number of synapses from presynaptic neuron {@code pre}, after {@link #prepare}. */
    public int outDegree(final int pre)
    {
        int degree = 0;
        for (final SynapseSlice s : slices)
        {
            degree += s.rowStart(pre + 1) - s.rowStart(pre);
        }
        return degree;
    }

    /** Bytes per synapse held for the synapses (weights, indices, bounds, per-synapse state), after {@link #prepare}. */
    public double bytesPerSynapse()
    {
        long bytes = 0;
        for (final SynapseSlice s : slices)
        {
            bytes += s.memoryBytes();
        }
        final long n = synapseCount();
        return n == 0 ? 0 : (double) bytes / n;
    }

    /**
     * The current weights as three columns {@code pre, post, w}, ordered by presynaptic then
     * postsynaptic neuron (the same for any number of slices); read between runs.
     */
    public Weights weights()
    {
        final int n = Math.toIntExact(synapseCount());
        final int[] pre = new int[n];
        final int[] post = new int[n];
        final float[] w = new float[n];
        int at = 0;
        for (int i = 0; i < source().size(); i++)
        {
            for (final SynapseSlice s : slices)
            {
                for (int k = s.rowStart(i); k < s.rowStart(i + 1); k++)
                {
                    pre[at] = i;
                    post[at] = s.target(k);
                    w[at++] = s.weight(k);
                }
            }
        }
        return new Weights(pre, post, w);
    }

    /** Weights as columns: synapse k connects {@code pre[k]} to {@code post[k]} with weight {@code w[k]}. */
    public record Weights(int[] pre, int[] post, float[] w)
    {
    }

    /**
     * Weights and synapse states in the order of the connectivity, the traces, the dopamine
     * record and the weight monitors. Every slice keeps its own copy of the presynaptic traces
     * and of the dopamine record, updated by the same spikes, so one copy is saved and restored
     * into each. The dendritic delay ring is the port's, saved by the target's receptor.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        SynapseSlice.visitSynapses(slices, source().size(), state);
        for (int t = 0; t < preTraces.length && (t == 0 || state.restoring()); t++)
        {
            state.visit("preTraces", preTraces[t]);
        }
        state.visit("postTraces", postTraces);
        for (int t = 0; t < slices.length && (t == 0 || state.restoring()); t++)
        {
            final DopamineSignal signal = slices[t].dopamineSignal();
            if (signal != null)
            {
                state.visit("dopamine", signal);
            }
        }
        for (int m = 0; m < monitors.size(); m++)
        {
            state.visit("weightMonitor/" + m, monitors.get(m));
        }
        synapses.visitState(state.in("synapses"));
    }

    @Override
    public String describe()
    {
        return toString();
    }

    @Override
    public String toString()
    {
        return "plastic " + synapses + " with " + rule.describe()
            + (dendriticDelayMs > 0 ? ", dendritic delay " + Check.fmt(dendriticDelayMs) + " ms" : "");
    }
}
