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
        final Path stepFile = dir.resolve(SpikeFiles.STEP_NPY);
        if (!Files.exists(stepFile))
        {
            return new SavedRun(dir, info, new long[0], new int[0]);
        }
        final double[] steps = array(stepFile);
        final double[] neurons = array(dir.resolve(SpikeFiles.NEURON_NPY));
        if (steps.length != neurons.length)
        {
            throw new ModelException(dir + ": " + SpikeFiles.STEP_NPY + " and " + SpikeFiles.NEURON_NPY
                + " have different lengths (" + steps.length + ", " + neurons.length + ")");
        }
        final long[] s = new long[steps.length];
        final int[] n = new int[steps.length];
        for (int k = 0; k < s.length; k++)
        {
            s[k] = (long) steps[k];
            n[k] = (int) neurons[k];
        }
        return new SavedRun(dir, info, s, n);
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
