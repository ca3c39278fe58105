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
        final Path steps = dir.resolve(STEP_NPY);
        final Path neurons = dir.resolve(NEURON_NPY);
        final Path csv = dir.resolve(CSV);
        Npy.write(steps, raster.steps());
        Npy.write(neurons, raster.neurons());
        writeCsv(csv, raster);
        return List.of(steps, neurons, csv);
    }

    /** Writes the CSV table. */
    public static void writeCsv(final Path path, final SpikeRaster raster) throws IOException
    {
        AtomicFiles.write(path, out ->
        {
            final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("step,time_ms,neuron,population\n");
            final StringBuilder line = new StringBuilder(64);
            for (int k = 0; k < raster.size(); k++)
            {
                final long step = raster.steps()[k];
                final int neuron = raster.neurons()[k];
                line.setLength(0);
                line.append(step).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", step * raster.dt())).append(',')
                    .append(neuron).append(',')
                    .append(raster.populations().get(raster.populationOf(neuron))).append('\n');
                w.append(line);
            }
            w.flush();
        });
    }
}
