package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Spike trains in a file, for spike generators: a CSV table with the columns {@code i} (or
 * {@code index}, {@code neuron}) and {@code t} (or {@code time}, {@code time_ms}) in ms, or a
 * {@code .npz} archive of the arrays {@code i} and {@code t}. Myelin's own {@code spikes.csv}
 * ({@code step,time_ms,neuron,population}) of a one-population run reads as such a table.
 */
public final class SpikeTimes
{
    private static final String TIME_RULE = "finite and >= 0 ms";

    private SpikeTimes()
    {
    }

    /**
     * The spikes of a file.
     *
     * @param indices the source of each spike.
     * @param timesMs [ms] the time of each spike.
     */
    public record Trains(int[] indices, double[] timesMs)
    {
    }

    /**
     * Reads the spikes of sources {@code [0, size)}.
     *
     * @throws DataFileException for a malformed file, an index out of range or a time that is
     *                           negative or not finite, naming the line and column or element.
     */
    public static Trains read(final Path path, final int size) throws IOException
    {
        final double[][] columns = ColumnFiles.read(path, List.of(
            ColumnFiles.Column.index(List.of("i", "index", "neuron"), size, "source index i", "spike source"),
            new ColumnFiles.Column(List.of("t", "time", "time_ms"), true, false, 0, "spike time", "", 0,
                Double.MAX_VALUE, TIME_RULE)), "table of spike times");
        final int[] indices = new int[columns[0].length];
        for (int k = 0; k < indices.length; k++)
        {
            indices[k] = (int) columns[0][k];
        }
        return new Trains(indices, columns[1]);
    }
}
