package org.myelin.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.SpikeRaster;
import org.myelin.util.AtomicFiles;

/**
 * Writes spikes as a pair of {@code .npy} arrays ({@code spikes_step.npy}: int64 steps,
 * {@code spikes_neuron.npy}: int32 global neuron ids) and as {@code spikes.csv} with columns
 * {@code step,time_ms,neuron,population}. Each file is written atomically.
 */
public final class SpikeFiles
{
    /** File name of the step array. */
    public static final String STEP_NPY = "spikes_step.npy";
    /** File name of the neuron array. */
    public static final String NEURON_NPY = "spikes_neuron.npy";
    /** File name of the CSV table. */
    public static final String CSV = "spikes.csv";

    private SpikeFiles()
    {
    }

    /**
     * Writes the three files into {@code dir}.
     *
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final SpikeRaster raster) throws IOException
    {
        return write(dir, () -> SpikeCursor.of(raster), raster.size(), raster.populations(), raster.dt());
    }

    /**
     * Writes the three files from spikes read in order, three passes over {@code source}, without
     * holding the spikes in memory.
     *
     * @param source      opens a cursor over the spikes.
     * @param count       the number of spikes.
     * @param populations population names by index.
     * @param dt          [ms] the time step.
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final SpikeCursor.Source source, final long count,
        final List<String> populations, final double dt) throws IOException
    {
        final Path steps = dir.resolve(STEP_NPY);
        final Path neurons = dir.resolve(NEURON_NPY);
        final Path csv = dir.resolve(CSV);
        try (SpikeCursor cursor = source.open())
        {
            Npy.writeStreaming(steps, "<i8", count, 8, (buf, from, to) ->
            {
                for (long i = from; i < to && cursor.next(); i++)
                {
                    buf.putLong(cursor.step());
                }
            });
        }
        try (SpikeCursor cursor = source.open())
        {
            Npy.writeStreaming(neurons, "<i4", count, 4, (buf, from, to) ->
            {
                for (long i = from; i < to && cursor.next(); i++)
                {
                    buf.putInt(cursor.neuron());
                }
            });
        }
        try (SpikeCursor cursor = source.open())
        {
            writeCsv(csv, cursor, populations, dt);
        }
        return List.of(steps, neurons, csv);
    }

    private static void writeCsv(final Path path, final SpikeCursor cursor, final List<String> populations,
        final double dt) throws IOException
    {
        AtomicFiles.write(path, out ->
        {
            final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("step,time_ms,neuron,population\n");
            final StringBuilder line = new StringBuilder(64);
            while (cursor.next())
            {
                final long step = cursor.step();
                line.setLength(0);
                line.append(step).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", step * dt)).append(',')
                    .append(cursor.neuron()).append(',')
                    .append(populations.get(cursor.population())).append('\n');
                w.append(line);
            }
            w.flush();
        });
    }
}
