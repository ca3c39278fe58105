package org.myelin.monitor;

import java.util.Arrays;

import org.myelin.base.Population;
import org.myelin.mpi.Communicator;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;
import org.myelin.util.ModelException;

/**
 * Records one state variable of chosen neurons every {@code every} steps (Brian2
 * {@code StateMonitor}). Values are taken at the start of a step, before the update (Brian2's
 * {@code 'start'} slot), so the value recorded at step n is the state at t = n·dt and a
 * membrane potential is never seen above threshold.
 *
 * <p>Each worker records the indices inside its own slice, into a buffer sized before the run:
 * no locking and no allocation during the run.
 */
public final class StateMonitor implements Stateful
{
    private final Population population;
    private final String variable;
    private final int[] indices;
    private final int every;
    private double[] source;
    private double[] values = new double[0];
    private long[] sampleSteps = new long[0];
    private int samples;
    /** The first step of the current run: samples of this run are counted from it. */
    private long sampleBase;

    /**
     * @param population the population.
     * @param variable   the state variable, e.g. {@code "v"}.
     * @param indices    the neurons to record, ascending and distinct.
     * @param every      record every this many steps, {@code >= 1}.
     */
    public StateMonitor(final Population population, final String variable, final int[] indices, final int every)
    {
        this.population = population;
        this.variable = variable;
        this.indices = indices.clone();
        this.every = every;
        final String owner = "StateMonitor of " + population.name() + "." + variable;
        if (every < 1)
        {
            throw new ModelException(owner + ": every must be >= 1 step, got every=" + every);
        }
        for (int k = 0; k < indices.length; k++)
        {
            if (indices[k] < 0 || indices[k] >= population.size() || (k > 0 && indices[k] <= indices[k - 1]))
            {
                throw new ModelException(owner + ": indices must be distinct, ascending and in [0, "
                    + population.size() + "), got " + Arrays.toString(indices));
            }
        }
        population.state(variable);
    }

    /** Binds to the population's arrays and makes room for {@code steps} more steps. */
    public void prepare(final long firstStep, final long steps)
    {
        source = population.state(variable);
        final long more = countSamples(firstStep, firstStep + steps);
        final long needed = samples + more;
        if (needed * indices.length > Integer.MAX_VALUE - 8)
        {
            throw new ModelException("StateMonitor of " + population.name() + "." + variable
                + ": too many values to hold in memory (" + needed * indices.length + "); record fewer neurons or"
                + " use a larger 'every'");
        }
        if (needed > sampleSteps.length)
        {
            sampleSteps = Arrays.copyOf(sampleSteps, (int) needed);
            values = Arrays.copyOf(values, (int) needed * indices.length);
        }
    }

    private long countSamples(final long from, final long to)
    {
        // multiples of 'every' in [from, to)
        return Math.max(0, ceilDiv(to, every) - ceilDiv(from, every));
    }

    private static long ceilDiv(final long a, final long b)
    {
        return -Math.floorDiv(-a, b);
    }

    /** Records the neurons of {@code [from, to)} at {@code step}, if it is a recording step. */
    public void record(final long step, final int from, final int to)
    {
        if (step % every != 0)
        {
            return;
        }
        final int sample = samples + (int) (countSamples(sampleBase, step));
        final int base = sample * indices.length;
        int k = Arrays.binarySearch(indices, from);
        if (k < 0)
        {
            k = -k - 1;
        }
        for (; k < indices.length && indices[k] < to; k++)
        {
            values[base + k] = source[indices[k]];
        }
        if (from == 0)
        {
            sampleSteps[sample] = step;
        }
    }

    /**
     * Completes the samples of the run from {@code first} to {@code last} (which has ended) across
     * processes: each rank recorded only its own neurons, rank {@code owners[k]} the k-th; every
     * rank sends the values of its neurons and takes the others', so all hold every sample. Every
     * rank calls it with the same arguments.
     */
    public void gather(final Communicator ranks, final int[] owners, final long first, final long last)
    {
        final int newSamples = (int) countSamples(first, last);
        final int firstSample = samples - newSamples;
        final int size = ranks.size();
        final int[] counts = new int[size];
        for (final int owner : owners)
        {
            counts[owner] += newSamples;
        }
        final int[] displacements = new int[size];
        for (int r = 1; r < size; r++)
        {
            displacements[r] = displacements[r - 1] + counts[r - 1];
        }
        final double[] mine = new double[counts[ranks.rank()]];
        int at = 0;
        for (int k = 0; k < indices.length; k++)
        {
            if (owners[k] == ranks.rank())
            {
                for (int s = firstSample; s < samples; s++)
                {
                    mine[at++] = values[s * indices.length + k];
                }
            }
        }
        final double[] all = new double[newSamples * indices.length];
        ranks.allgatherv(mine, mine.length, all, counts, displacements);
        final int[] next = displacements.clone();
        for (int k = 0; k < indices.length; k++)
        {
            for (int s = firstSample; s < samples; s++)
            {
                values[s * indices.length + k] = all[next[owners[k]]++];
            }
        }
        // the rank that owns neuron 0 stamps the steps; they are the multiples of 'every' in [first, last)
        long step = ceilDiv(first, every) * every;
        for (int s = firstSample; s < samples; s++, step += every)
        {
            sampleSteps[s] = step;
        }
    }

    /** Forgets all recorded samples, as before the first run. */
    public void clear()
    {
        samples = 0;
        sampleBase = 0;
    }

    /** Marks the start of a run at {@code firstStep}; call after {@link #prepare}. */
    public void beginRun(final long firstStep)
    {
        sampleBase = firstStep;
    }

    /** Marks the end of a run that stopped before {@code endStep}. */
    public void endRun(final long endStep)
    {
        samples += (int) countSamples(sampleBase, endStep);
        sampleBase = endStep;
    }

    /** The recorded variable. */
    public String variable()
    {
        return variable;
    }

    /** Steps between two samples. */
    public int every()
    {
        return every;
    }

    /** The recorded population. */
    public Population population()
    {
        return population;
    }

    /** The recorded neurons. */
    public int[] indices()
    {
        return indices.clone();
    }

    /** Number of samples recorded. */
    public int sampleCount()
    {
        return samples;
    }

    /** The step of sample {@code s}. */
    public long sampleStep(final int s)
    {
        return sampleSteps[s];
    }

    /** The value of the {@code k}-th recorded neuron at sample {@code s}. */
    public double value(final int s, final int k)
    {
        return values[s * indices.length + k];
    }

    /** The trace of the {@code k}-th recorded neuron. */
    public double[] trace(final int k)
    {
        final double[] out = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            out[s] = values[s * indices.length + k];
        }
        return out;
    }

    /** The samples so far: their steps and values, and the step the last run ended at. */
    @Override
    public void visitState(final StateAccess state)
    {
        sampleBase = state.scalar("sampleBase", sampleBase);
        final long[] steps = state.longs("sampleSteps", sampleSteps, samples);
        final double[] saved = state.doubles("values", values, samples * indices.length);
        if (state.restoring())
        {
            samples = steps.length;
            sampleSteps = steps;
            values = saved;
        }
    }
}
