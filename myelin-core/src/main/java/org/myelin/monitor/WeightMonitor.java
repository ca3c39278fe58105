package org.myelin.monitor;

import java.util.Arrays;

import org.myelin.mpi.Communicator;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * Records the weights of chosen plastic synapses every {@code every} steps (Brian2's
 * {@code StateMonitor(S, 'w', record=[...])}). The sample at step m holds the weights after every
 * event of the steps before m, as Brian2 records at the start of its step; the first sample is the
 * initial weight.
 *
 * <p>Each worker records the synapses of its own target slice into its own buffer, so recording
 * needs no synchronisation; {@link #values} puts the columns back into the order they were asked
 * for.
 */
public final class WeightMonitor implements Stateful
{
    private final String projection;
    private final int[] pre;
    private final int[] post;
    private final long every;
    private double dt = Double.NaN;
    /** Per slice: the monitor columns its synapses fill, in the order it records them. */
    private int[][] columns = new int[0][];
    /** Per slice: its samples, {@code columns[s].length} floats each, appended. */
    private float[][] buffers = new float[0][];
    private int[] filled = new int[0];
    private long firstStep = -1;

    /**
     * @param projection the projection's name, for messages.
     * @param pre        presynaptic neuron of each recorded synapse.
     * @param post       postsynaptic neuron of each recorded synapse.
     * @param every      steps between samples, {@code >= 1}.
     */
    public WeightMonitor(final String projection, final int[] pre, final int[] post, final long every)
    {
        this.projection = projection;
        this.pre = pre.clone();
        this.post = post.clone();
        this.every = every;
    }

    /** The projection. */
    public String projection()
    {
        return projection;
    }

    /** Presynaptic neuron of each recorded synapse. */
    public int[] pre()
    {
        return pre.clone();
    }

    /** Postsynaptic neuron of each recorded synapse. */
    public int[] post()
    {
        return post.clone();
    }

    /** Steps between samples. */
    public long every()
    {
        return every;
    }

    /**
     * Called before a run: slice s records the columns {@code columns[s]}; earlier samples are
     * forgotten.
     *
     * @param dt [ms] the time step.
     */
    public void prepare(final int[][] sliceColumns, final double dt)
    {
        this.dt = dt;
        this.columns = sliceColumns;
        this.buffers = new float[sliceColumns.length][];
        this.filled = new int[sliceColumns.length];
        for (int s = 0; s < sliceColumns.length; s++)
        {
            buffers[s] = new float[Math.max(16, sliceColumns[s].length * 64)];
        }
        this.firstStep = -1;
    }

    /** True when step {@code step} is a sampling step. */
    public boolean samples(final long step)
    {
        return step % every == 0;
    }

    /** Slice {@code slice} appends its weights {@code weights[local[c]]}, c in column order. */
    public void record(final int slice, final long step, final float[] weights, final int[] local)
    {
        if (slice == 0 && firstStep < 0)
        {
            firstStep = step;
        }
        float[] buffer = buffers[slice];
        int at = filled[slice];
        if (at + local.length > buffer.length)
        {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + local.length));
            buffers[slice] = buffer;
        }
        for (final int k : local)
        {
            buffer[at++] = weights[k];
        }
        filled[slice] = at;
    }

    /** Samples recorded. */
    public int sampleCount()
    {
        for (int s = 0; s < columns.length; s++)
        {
            if (columns[s].length > 0)
            {
                return filled[s] / columns[s].length;
            }
        }
        return 0;
    }

    /**
     * Forgets the samples recorded so far (moved to a file), keeping the time base: the next
     * sample keeps its time.
     */
    public void clear()
    {
        if (firstStep >= 0)
        {
            firstStep += sampleCount() * every;
        }
        Arrays.fill(filled, 0);
    }

    /** [ms] the time of each sample. */
    public double[] timesMs()
    {
        final double[] t = new double[sampleCount()];
        for (int k = 0; k < t.length; k++)
        {
            t[k] = (firstStep + k * every) * dt;
        }
        return t;
    }

    /** The samples, {@code values()[sample][synapse]} in the order the synapses were given. */
    public float[][] values()
    {
        final int samples = sampleCount();
        final float[][] out = new float[samples][pre.length];
        for (int s = 0; s < columns.length; s++)
        {
            final int[] cols = columns[s];
            for (int k = 0; k < samples; k++)
            {
                for (int c = 0; c < cols.length; c++)
                {
                    out[k][cols[c]] = buffers[s][k * cols.length + c];
                }
            }
        }
        return out;
    }

    /**
     * Under several MPI ranks, gives every rank the samples that only the other ranks recorded:
     * each rank's workers record the synapses onto their own slices, and rank r owns slices
     * {@code [r·threadsPerRank, (r + 1)·threadsPerRank)}. A collective: every rank calls it at the
     * same point, before the samples are read.
     */
    public void gather(final Communicator ranks, final int threadsPerRank)
    {
        final int size = ranks.size();
        final int me = ranks.rank();
        final int firstOwn = me * threadsPerRank;
        final int lastOwn = Math.min(columns.length, firstOwn + threadsPerRank);
        int own = 0;
        for (int s = firstOwn; s < lastOwn; s++)
        {
            if (columns[s].length > 0)
            {
                own = filled[s] / columns[s].length;
                break;
            }
        }
        // every rank samples at the same steps; the step of the first sample is rank 0's (slice 0)
        final int[] header = {own, (int) (firstStep >>> 32), (int) firstStep};
        final int[] headers = new int[3 * size];
        ranks.allgather(header, 3, headers);
        int samples = 0;
        for (int r = 0; r < size; r++)
        {
            samples = Math.max(samples, headers[3 * r]);
        }
        firstStep = (long) headers[1] << 32 | headers[2] & 0xffff_ffffL;
        final int[] counts = new int[size];
        for (int s = 0; s < columns.length; s++)
        {
            counts[Math.min(size - 1, s / threadsPerRank)] += samples * columns[s].length;
        }
        final int[] displacements = new int[size];
        for (int r = 1; r < size; r++)
        {
            displacements[r] = displacements[r - 1] + counts[r - 1];
        }
        final int[] mine = new int[counts[me]];
        int at = 0;
        for (int s = firstOwn; s < lastOwn; s++)
        {
            for (int k = 0; k < samples * columns[s].length; k++)
            {
                mine[at++] = Float.floatToRawIntBits(buffers[s][k]);
            }
        }
        final int[] all = new int[displacements[size - 1] + counts[size - 1]];
        ranks.allgatherv(mine, mine.length, all, counts, displacements);
        final int[] next = displacements.clone();
        for (int s = 0; s < columns.length; s++)
        {
            final int r = Math.min(size - 1, s / threadsPerRank);
            final int length = samples * columns[s].length;
            if (r != me)
            {
                if (buffers[s].length < length)
                {
                    buffers[s] = new float[length];
                }
                for (int k = 0; k < length; k++)
                {
                    buffers[s][k] = Float.intBitsToFloat(all[next[r] + k]);
                }
                filled[s] = length;
            }
            next[r] += length;
        }
    }

    /** The first sampled step and every sample, column by column in the order of {@link #pre()}. */
    @Override
    public void visitState(final StateAccess state)
    {
        firstStep = state.scalar("firstStep", firstStep);
        final float[][] samples = values();
        final float[] flat = new float[samples.length * pre.length];
        for (int k = 0; k < samples.length; k++)
        {
            System.arraycopy(samples[k], 0, flat, k * pre.length, pre.length);
        }
        final float[] saved = state.floats("values", flat, flat.length);
        if (!state.restoring())
        {
            return;
        }
        final int count = pre.length == 0 ? 0 : saved.length / pre.length;
        for (int s = 0; s < columns.length; s++)
        {
            final int[] cols = columns[s];
            buffers[s] = new float[Math.max(buffers[s].length, count * cols.length)];
            for (int k = 0; k < count; k++)
            {
                for (int c = 0; c < cols.length; c++)
                {
                    buffers[s][k * cols.length + c] = saved[k * pre.length + cols[c]];
                }
            }
            filled[s] = count * cols.length;
        }
    }
}
