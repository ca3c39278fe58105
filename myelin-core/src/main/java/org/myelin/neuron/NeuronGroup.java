package org.myelin.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.base.CurrentInput;
import org.myelin.base.Population;
import org.myelin.base.RunContext;
import org.myelin.output.Output;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Receptor;
import org.myelin.synapse.SynapseModel;
import org.myelin.util.ModelException;

/**
 * A population of point neurons with a membrane potential {@code v}, align-post receptors and
 * external currents.
 *
 * <p>One step of a slice, block by block ({@value #UPDATE_BLOCK} neurons), in this order (DESIGN.md §3):
 * <ol>
 *   <li>every receptor adds its output at time t to two per-neuron sums, {@code conductance}
 *       and {@code current}, so that the synaptic current is {@code current − conductance·v},
 *       and advances its own state to t + dt;</li>
 *   <li>every external input adds its current at time t;</li>
 *   <li>{@link #integrate} advances the neurons with these sums held for the step, detects
 *       threshold crossings and resets (the model's own loop).</li>
 * </ol>
 * Spikes delivered afterwards in the same step change the receptors at t + dt, so they act on
 * {@code v} from the next step on, as in Brian2's schedule.
 */
public abstract class NeuronGroup extends Population
{
    /** [mV] membrane potential. */
    protected final double[] v;
    /** [nS] summed conductance of this step's inputs (coefficient of −v). */
    protected final double[] conductance;
    /** [pA] summed current of this step's inputs that does not depend on v. */
    protected final double[] current;

    private final List<Receptor> receptors = new ArrayList<>();
    private final List<String> receptorNames = new ArrayList<>();
    private final List<CurrentInput> inputs = new ArrayList<>();
    private Receptor[] receptorArray = new Receptor[0];
    private CurrentInput[] inputArray = new CurrentInput[0];
    private double dt = Double.NaN;
    private RefractoryClock refractoryClock;
    /** The receptors as {@link #integrateWithReceptors} reads them, or null when it cannot (see {@link #prepare}). */
    private Receptor.LinearDecay[] linearReceptors;

    /**
     * Decides each spike's refractory period in steps, instead of the model's fixed
     * {@code floor(tRef/dt + 1e-3)}: an interpreter's clock (jLEMS leaves a neuron refractory
     * until its accumulated time passes the spike's time plus tRef, which may differ by a step
     * from spike to spike). Called once per spike, never per neuron.
     */
    @FunctionalInterface
    public interface RefractoryClock
    {
        /**
         * @param neuron the neuron that spiked.
         * @param step   the step of its spike.
         * @return the refractory steps: the neuron integrates again at step {@code step + result}.
         */
        int refractorySteps(int neuron, long step);
    }

    /**
     * @param kind model name, used in messages.
     * @param name unique name in the network.
     * @param size number of neurons.
     */
    protected NeuronGroup(final String kind, final String name, final int size)
    {
        super(kind, name, size);
        this.v = new double[size];
        this.conductance = new double[size];
        this.current = new double[size];
    }

    /**
     * The receptor of this synapse model and output, created on first use and shared by every
     * projection that asks for the same pair afterwards (align-post merging).
     *
     * @param label  name of the receptor's variable for monitors, e.g. {@code "ge"}; the first
     *               projection's label is kept when several share one receptor.
     * @param model  the synapse model.
     * @param output how it drives the neurons.
     * @return the shared receptor.
     */
    public final Receptor receptor(final String label, final SynapseModel model, final Output output)
    {
        for (final Receptor r : receptors)
        {
            if (r.model().equals(model) && r.output().equals(output))
            {
                return r;
            }
        }
        if (label == null || label.isBlank() || label.equals("v") || receptorNames.contains(label)
            || ownStateVariables().contains(label))
        {
            throw new ModelException(kind() + " '" + name() + "': receptor label '" + label
                + "' must be a new, non-empty name; taken: " + stateVariables());
        }
        final Receptor receptor = model.newReceptor(size(), output);
        receptors.add(receptor);
        receptorNames.add(label);
        receptorArray = receptors.toArray(new Receptor[0]);
        return receptor;
    }

    /**
     * Lets {@code clock} decide the refractory period of every spike (null: the model's own).
     *
     * @throws ModelException if the model has no refractory period.
     */
    public final void refractoryClock(final RefractoryClock clock)
    {
        if (clock != null && !hasRefractoryPeriod())
        {
            throw new ModelException(kind() + " '" + name() + "': the model has no refractory period to clock");
        }
        this.refractoryClock = clock;
    }

    /** True when the model has a refractory period ({@link #refractory} may be called). */
    protected boolean hasRefractoryPeriod()
    {
        return false;
    }

    /**
     * Makes {@code neuron}, which has just spiked, refractory for {@code steps} steps; only called
     * with a {@link RefractoryClock}.
     */
    protected void refractory(final int neuron, final int steps)
    {
        throw new IllegalStateException(kind() + " has no refractory period");
    }

    /** The receptors, in order of creation. */
    public final List<Receptor> receptors()
    {
        return List.copyOf(receptors);
    }

    /** The external currents, in order of addition. */
    public final List<CurrentInput> inputs()
    {
        return List.copyOf(inputs);
    }

    /** Adds an external current. */
    public final void addInput(final CurrentInput input)
    {
        inputs.add(input);
        inputArray = inputs.toArray(new CurrentInput[0]);
    }

    /** True when some receptor's current depends on v (a conductance-based input). */
    protected final boolean hasConductanceInput()
    {
        for (final Receptor r : receptorArray)
        {
            if (r.output().dependsOnVoltage())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void prepare(final RunContext context, final int historyDepth)
    {
        super.prepare(context, historyDepth);
        this.dt = context.dt();
        prepareModel(context.dt());
        for (final Receptor r : receptorArray)
        {
            final double tau = r.exponentialTau();
            final double weight = r.output().dependsOnVoltage() || Double.isNaN(tau) ? 1.0 : exactCurrentWeight(tau);
            r.prepare(context.dt(), weight);
        }
        for (final CurrentInput input : inputArray)
        {
            input.prepare(context.dt(), context.seed());
        }
        linearReceptors = linearReceptors();
    }

    /** Most receptors a model's loop reads directly. */
    static final int MAX_LINEAR_RECEPTORS = 2;

    /**
     * The receptors as one loop may step them: only when there are one or two, each
     * {@link Receptor#linearDecay linear}, and no external current, whose sum the loop would have
     * to add in the order of the separate passes.
     */
    private Receptor.LinearDecay[] linearReceptors()
    {
        if (inputArray.length > 0 || receptorArray.length == 0 || receptorArray.length > MAX_LINEAR_RECEPTORS)
        {
            return null;
        }
        final Receptor.LinearDecay[] linear = new Receptor.LinearDecay[receptorArray.length];
        for (int k = 0; k < linear.length; k++)
        {
            linear[k] = receptorArray[k].linearDecay();
            if (linear[k] == null)
            {
                return null;
            }
        }
        return linear;
    }

    /** Computes the model's constants that depend on {@code dt}; called before receptors are prepared. */
    protected abstract void prepareModel(double dt);

    /**
     * The factor by which a current-based input that decays with time constant {@code tauSyn}
     * enters this model's integration step, 1 when the model holds inputs constant over the step.
     */
    protected double exactCurrentWeight(final double tauSyn)
    {
        return 1.0;
    }

    /**
     * Neurons per block of {@link #update}: all passes of a step (receptors, inputs, the model's
     * loop) run over one block before the next, so the block's arrays stay in the core's cache
     * between passes (6 arrays of COBA LIF: 24 KiB) instead of streaming every array of the slice
     * from memory once per pass. A multiple of every vector length.
     */
    static final int UPDATE_BLOCK = 512;

    @Override
    public final int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        int written = 0;
        boolean finite = true;
        for (int lo = from; lo < to; lo += UPDATE_BLOCK)
        {
            final int result = updateBlock(step, lo, Math.min(to, lo + UPDATE_BLOCK), spikes, offset + written);
            finite &= !nonFinite(result);
            written += spikeCount(result);
        }
        return finite ? written : ~written;
    }

    private int updateBlock(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        final Receptor.LinearDecay[] linear = linearReceptors;
        int written = linear == null ? NOT_INTEGRATED : integrateWithReceptors(from, to, spikes, offset, linear);
        if (written == NOT_INTEGRATED)
        {
            sumReceptors(from, to);
            final double t = step * dt;
            for (final CurrentInput input : inputArray)
            {
                input.addCurrent(step, t, from, to, current);
            }
            written = integrate(from, to, spikes, offset);
        }
        final RefractoryClock clock = refractoryClock;
        if (clock != null)
        {
            for (int k = offset; k < offset + written; k++)
            {
                refractory(spikes[k], clock.refractorySteps(spikes[k], step));
            }
        }
        return written;
    }

    /**
     * Fills {@link #conductance} and {@link #current} of {@code [from, to)} with the receptors'
     * outputs and advances the receptors' state: the first pass of a step, without external currents.
     */
    protected final void sumReceptors(final int from, final int to)
    {
        Arrays.fill(conductance, from, to, 0.0);
        Arrays.fill(current, from, to, 0.0);
        for (final Receptor r : receptorArray)
        {
            r.contribute(from, to, v, conductance, current);
        }
    }

    /** What {@link #integrateWithReceptors} returns when it did not step the block. */
    protected static final int NOT_INTEGRATED = Integer.MIN_VALUE;

    /**
     * The model's loop reading the receptors' variables directly and stepping them itself, in
     * one pass instead of summing them into {@link #conductance} and {@link #current} first: the
     * same bits as {@link #sumReceptors} then {@link #integrate}. Called only when every receptor
     * is {@link Receptor#linearDecay linear} (one or two of them) and there is no external current.
     *
     * @return as {@link #integrate}, or {@link #NOT_INTEGRATED} when the model has no such loop
     *         or cannot use it at this step; the group then sums the inputs and calls {@link #integrate}.
     */
    protected int integrateWithReceptors(
        final int from, final int to, final int[] spikes, final int offset, final Receptor.LinearDecay[] receptors)
    {
        return NOT_INTEGRATED;
    }

    /**
     * The model's own loop: advances {@code [from, to)} by one step with the input sums in
     * {@link #conductance} and {@link #current}, writes spiking ids and applies resets.
     *
     * @return the number of ids written from {@code offset} on, as {@link #update} returns it:
     *         complemented when a new state is NaN or infinite ({@link #updateResult}).
     */
    protected abstract int integrate(int from, int to, int[] spikes, int offset);

    /** The model's own state variables, {@code v} first. */
    protected abstract List<String> ownStateVariables();

    /** The array of one of the model's own state variables, or null. */
    protected abstract double[] ownState(String variable);

    /** Resets the model's own state variables. */
    protected abstract void resetModel(long seed);

    @Override
    public final void reset(final long seed)
    {
        resetModel(seed);
        for (final Receptor r : receptorArray)
        {
            r.reset();
        }
    }

    @Override
    public final List<String> stateVariables()
    {
        final List<String> names = new ArrayList<>(ownStateVariables());
        for (int k = 0; k < receptors.size(); k++)
        {
            final List<String> vars = receptors.get(k).stateVariables();
            for (final String var : vars)
            {
                names.add(vars.size() == 1 ? receptorNames.get(k) : receptorNames.get(k) + "." + var);
            }
        }
        return names;
    }

    @Override
    public final double[] state(final String variable)
    {
        final double[] own = ownState(variable);
        if (own != null)
        {
            return own;
        }
        for (int k = 0; k < receptors.size(); k++)
        {
            final String label = receptorNames.get(k);
            final List<String> vars = receptors.get(k).stateVariables();
            if (vars.size() == 1 && label.equals(variable))
            {
                return receptors.get(k).state(vars.get(0));
            }
            if (variable.startsWith(label + "."))
            {
                final String var = variable.substring(label.length() + 1);
                if (vars.contains(var))
                {
                    return receptors.get(k).state(var);
                }
            }
        }
        throw unknownVariable(variable);
    }

    /**
     * The potential, every receptor (by label) and every current input (by position), after the
     * spike history; a model with state of its own adds it after calling this method. The input
     * sums are not state: every step starts them from zero.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("v", v);
        for (int k = 0; k < receptors.size(); k++)
        {
            state.visit("receptor/" + receptorNames.get(k), receptors.get(k));
        }
        for (int k = 0; k < inputs.size(); k++)
        {
            state.visit("input/" + k, inputs.get(k));
        }
    }
}
