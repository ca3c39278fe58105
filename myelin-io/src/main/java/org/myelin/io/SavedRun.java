package org.myelin.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.myelin.util.ModelException;

/**
 * The results of a run read back from its output folder: {@link RunInfo}, the spikes in the
 * global numbering, and on request the state recordings.
 *
 * @param dir     the folder.
 * @param info    the run info.
 * @param steps   the step of each spike, in time order.
 * @param neurons the global neuron of each spike.
 */
public record SavedRun(Path dir, RunInfo info, long[] steps, int[] neurons)
{
    /**
     * One state recording.
     *
     * @param state   what was recorded.
     * @param timesMs [ms] the sample times.
     * @param neurons the recorded neurons (indices within the population).
     * @param values  samples × neurons, row-major.
     */
    public record Recording(RunInfo.State state, double[] timesMs, int[] neurons, double[] values)
    {
        /** The trace of the {@code k}-th recorded neuron. */
        public double[] trace(final int k)
        {
            final double[] out = new double[timesMs.length];
            for (int s = 0; s < out.length; s++)
            {
                out[s] = values[s * neurons.length + k];
            }
            return out;
        }
    }

    /**
     * Reads a saved run; spikes are empty when none were recorded.
     *
     * @throws ModelException if the folder holds no run or a file is damaged.
     */
    public static SavedRun read(final Path dir)
    {
        final RunInfo info = RunInfo.read(dir);
        if (!Files.exists(dir.resolve(SpikeFiles.STEP_NPY)))
        {
            return new SavedRun(dir, info, new long[0], new int[0]);
        }
        try
        {
            final long count = SpikeFiles.count(dir);
            if (count > Integer.MAX_VALUE - 8)
            {
                throw new ModelException(dir + ": " + count + " spikes are too many to read into arrays; the raster"
                    + " streams them, other plots need fewer (record fewer populations with --record)");
            }
            final long[] s = new long[(int) count];
            final int[] n = new int[(int) count];
            try (SpikeCursor c = spikes(dir, info))
            {
                for (int k = 0; c.next(); k++)
                {
                    s[k] = c.step();
                    n[k] = c.neuron();
                }
            }
            return new SavedRun(dir, info, s, n);
        }
        catch (final IOException e)
        {
            throw new ModelException(dir + ": cannot read the spikes (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A cursor over the saved spikes of {@code dir}, read from disk one at a time.
     *
     * @throws ModelException if a spike file is missing or damaged.
     */
    public static SpikeCursor spikes(final Path dir, final RunInfo info) throws IOException
    {
        return SpikeFiles.cursor(dir, info.offsets());
    }

    /** The state recordings, in the order they were made. */
    public List<Recording> states()
    {
        return info.states().stream().map(st -> new Recording(st, array(dir.resolve(st.base() + "_t.npy")),
            toInts(array(dir.resolve(st.base() + "_neurons.npy"))), array(dir.resolve(st.base() + ".npy")))).toList();
    }

    private static int[] toInts(final double[] values)
    {
        final int[] out = new int[values.length];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = (int) values[k];
        }
        return out;
    }

    private static double[] array(final Path path)
    {
        try
        {
            return Npy.read(path).values();
        }
        catch (final java.nio.file.NoSuchFileException e)
        {
            throw new ModelException(path + ": missing; the output folder is incomplete");
        }
        catch (final IOException e)
        {
            throw new ModelException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
