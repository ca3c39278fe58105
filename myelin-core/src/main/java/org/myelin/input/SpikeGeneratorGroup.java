package org.myelin.input;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Population;
import org.myelin.base.RunContext;
import org.myelin.state.StateAccess;
import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Sources that spike at given times (Brian2 {@code SpikeGeneratorGroup}): source
 * {@code indices[k]} spikes at {@code timesMs[k]}. Each time becomes the step
 * {@code round(t/dt)} when the run is prepared; a time that is not within 1e-3·dt of a multiple
 * of dt, or two spikes of one source in one step, are errors.
 */
public final class SpikeGeneratorGroup extends Population
{
    private final int[] indices;
    private final double[] timesMs;
    /** Spikes sorted by (step, index). */
    private long[] steps = new long[0];
    private int[] ids = new int[0];
    /** For each slice, the next spike to look at. */
    private int[] cursor = new int[0];
    private int[] sliceStart = new int[0];

    /**
     * @param name    unique name in the network.
     * @param size    number of sources.
     * @param indices the source of each spike, in {@code [0, size)}.
     * @param timesMs [ms] the time of each spike, {@code >= 0}; as many as indices.
     */
    public SpikeGeneratorGroup(final String name, final int size, final int[] indices, final double[] timesMs)
    {
        super("SpikeGeneratorGroup", name, size);
        final String owner = "SpikeGeneratorGroup '" + name + "'";
        if (indices.length != timesMs.length)
        {
            throw new ModelException(owner + ": indices and times must have the same length, got " + indices.length
                + " indices and " + timesMs.length + " times");
        }
        for (int k = 0; k < indices.length; k++)
        {
            if (indices[k] < 0 || indices[k] >= size)
            {
                throw new ModelException(owner + ": indices must be in [0, " + size + "), got indices[" + k + "]="
                    + indices[k]);
            }
            Check.nonNegative(owner, "times[" + k + "]", timesMs[k], "ms");
        }
        this.indices = indices.clone();
        this.timesMs = timesMs.clone();
    }

    @Override
    public String kind()
    {
        return "SpikeGeneratorGroup";
    }

    @Override
    public void prepare(final RunContext context, final int historyDepth)
    {
        super.prepare(context, historyDepth);
        final String owner = "SpikeGeneratorGroup '" + name() + "'";
        final int n = indices.length;
        final long[] packed = new long[n];
        for (int k = 0; k < n; k++)
        {
            final long step = Units.toSteps(owner, "times[" + k + "]", timesMs[k], context.dt(), false);
            packed[k] = step * size() + indices[k];
        }
        Arrays.sort(packed);
        steps = new long[n];
        ids = new int[n];
        for (int k = 0; k < n; k++)
        {
            steps[k] = packed[k] / size();
            ids[k] = (int) (packed[k] % size());
            if (k > 0 && packed[k] == packed[k - 1])
            {
                throw new ModelException(owner + ": source " + ids[k] + " spikes twice at step " + steps[k]
                    + " (t = " + Check.fmt(steps[k] * context.dt()) + " ms); give each source at most one spike per step");
            }
        }
        sliceStart = context.sliceStart().clone();
        cursor = new int[context.sliceCount()];
    }

    @Override
    public void reset(final long seed)
    {
        Arrays.fill(cursor, 0);
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        if (from >= to)
        {
            return 0;
        }
        final int slice = sliceOf(from);
        int k = cursor[slice];
        while (k < steps.length && steps[k] < step)
        {
            k++;
        }
        int n = offset;
        while (k < steps.length && steps[k] == step)
        {
            final int id = ids[k];
            if (id >= from && id < to)
            {
                spikes[n++] = id;
            }
            k++;
        }
        cursor[slice] = k;
        return n - offset;
    }

    private int sliceOf(final int from)
    {
        for (int s = 0; s < cursor.length; s++)
        {
            if (sliceStart[s] == from && sliceStart[s + 1] > from)
            {
                return s;
            }
        }
        return 0;
    }

    @Override
    public String describe()
    {
        return super.describe() + " with " + indices.length + " spikes";
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of();
    }

    /**
     * Only the spike history: which spikes come next follows from the step, and each slice's
     * cursor, a position to search from, finds its place again in the first step after a restore.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
    }
}
