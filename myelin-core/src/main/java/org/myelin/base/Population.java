package org.myelin.base;

import java.util.List;
import java.util.Locale;

import org.myelin.random.Rng;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;
import org.myelin.util.Check;
import org.myelin.util.MemoryUse;
import org.myelin.util.ModelException;

/**
 * A group of neurons (or spike sources) stored as a structure of arrays, updated one contiguous
 * slice at a time by the simulation's workers.
 *
 * <p>Subclasses keep their state in primitive arrays and do the whole step of a slice in
 * {@link #update}: one virtual call per slice and step, never one per neuron.
 */
public abstract class Population implements Stateful
{
    private final String name;
    private final int size;
    private final long id;
    private SpikeHistory history;

    /**
     * @param kind model name, used in messages.
     * @param name unique name in the network.
     * @param size number of neurons, {@code >= 1}.
     */
    protected Population(final String kind, final String name, final int size)
    {
        if (name == null || name.isBlank())
        {
            throw new ModelException(kind + ": name must not be empty");
        }
        this.name = name;
        this.size = Check.atLeast(kind + " '" + name + "'", "size", size, 1);
        this.id = Rng.nameId(name);
        // before the subclass allocates its arrays: a floor of five doubles per neuron
        MemoryUse.requireHeap(String.format(Locale.ROOT, "%s '%s' (%,d neurons)", kind, name, size),
            BYTES_PER_NEURON_FLOOR * (double) size, "use fewer neurons");
    }

    /** The least state a neuron holds (five doubles: potential, input sums, a model state, a receptor). */
    static final int BYTES_PER_NEURON_FLOOR = 40;

    /**
     * Bytes the simulation will allocate for this population when it prepares it: the spike
     * history of {@code depth} steps (one id per neuron and step at most).
     */
    public long preparedBytes(final int depth, final int slices)
    {
        return 4L * depth * (size + slices);
    }

    /** The unique name in the network. */
    public final String name()
    {
        return name;
    }

    /** Number of neurons. */
    public final int size()
    {
        return size;
    }

    /** A stable id derived from the name: the owner part of this population's random keys. */
    public final long id()
    {
        return id;
    }

    /** Model name for messages and summaries, e.g. {@code "LIF"}. */
    public abstract String kind();

    /** The spikes of the last steps; available once the simulation is prepared. */
    public final SpikeHistory history()
    {
        return history;
    }

    /**
     * Called once before a run: allocates the spike history and computes everything that
     * depends on {@code dt}.
     *
     * @param context the run's time step, seed and slices.
     * @param historyDepth steps of spike history to keep (largest outgoing delay + 1).
     */
    public void prepare(final RunContext context, final int historyDepth)
    {
        this.history = new SpikeHistory(size, historyDepth, context.sliceStart());
    }

    /** Sets every state variable to its initial value, as at time 0 (draws are seeded). */
    public abstract void reset(long seed);

    /**
     * Advances neurons {@code [from, to)} from step {@code step} to {@code step + 1}, detects
     * spikes and applies resets.
     *
     * @param step   the current step n (time n·dt).
     * @param from   first neuron of the slice.
     * @param to     one past the last neuron.
     * @param spikes where to write the ids that spike at this step, from index {@code offset}.
     * @param offset first index to write.
     * @return the number of ids written, or its complement {@code ~count} (a negative number) when
     *         a state of the slice became NaN or infinite in this step: the check is fused into
     *         the update loops, so it costs one addition per neuron and no second pass (decode
     *         with {@link #spikeCount(int)}).
     */
    public abstract int update(long step, int from, int to, int[] spikes, int offset);

    /**
     * What {@link #update} returns for {@code count} ids written when {@code sum}, the sum of the
     * new states of the slice, is the sum of finite values: NaN or infinity in any term makes the
     * sum NaN or infinite (a finite overflow of the sum is a state near {@code 1e308}, as wrong).
     */
    protected static int updateResult(final int count, final double sum)
    {
        return Double.isFinite(sum) ? count : ~count;
    }

    /** The number of ids written, from a result of {@link #update}. */
    public static int spikeCount(final int updateResult)
    {
        return updateResult < 0 ? ~updateResult : updateResult;
    }

    /** True when a result of {@link #update} reports a state that became NaN or infinite. */
    public static boolean nonFinite(final int updateResult)
    {
        return updateResult < 0;
    }

    /** Names of the state variables that monitors can record. */
    public abstract List<String> stateVariables();

    /**
     * The array of a state variable.
     *
     * @throws ModelException if there is no such variable.
     */
    public double[] state(final String variable)
    {
        throw unknownVariable(variable);
    }

    /** The error for a state variable that does not exist. */
    protected final ModelException unknownVariable(final String variable)
    {
        return new ModelException(
            kind() + " '" + name + "': no state variable '" + variable + "'; known: " + stateVariables());
    }

    /**
     * Stops the run with a clear message if a state of {@code [from, to)} is NaN or infinite.
     * The simulation calls it on a slice whose {@link #update} reported a non-finite state, to
     * name the variable and the neuron.
     *
     * @param timeMs the time of the state, for the message.
     */
    public void checkFinite(final int from, final int to, final double timeMs)
    {
        for (final String variable : stateVariables())
        {
            final double[] values = state(variable);
            for (int i = from; i < to; i++)
            {
                if (!Double.isFinite(values[i]))
                {
                    throw new ModelException(String.format(java.util.Locale.ROOT,
                        "%s '%s': state %s became %s at neuron %d, t = %.3f ms; "
                            + "check the parameters or use a smaller dt",
                        kind(), name, variable, values[i], i, timeMs));
                }
            }
        }
    }

    /**
     * The spikes of the last steps, which deliveries still read; a population with state of its
     * own adds it after calling this method.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        state.visit("spikes", history);
    }

    /**
     * One line that tells this population apart from another of the same name in a checkpoint's
     * model description: its kind, name and size, and the model's parameters where it has them.
     */
    public String describe()
    {
        return toString();
    }

    @Override
    public String toString()
    {
        return kind() + " '" + name + "' (" + size + ")";
    }
}
