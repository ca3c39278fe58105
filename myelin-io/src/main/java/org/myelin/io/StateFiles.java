package org.myelin.io;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.monitor.StateMonitor;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;

/**
 * Writes what state monitors recorded, one set of files per monitor, named
 * {@code states_<population>_<variable>} (characters other than letters, digits, {@code . _ -}
 * become {@code _}):
 * <ul>
 *   <li>{@code .npy}: float64, shape (samples, neurons), in the engine's unit of the variable;</li>
 *   <li>{@code _t.npy}: float64 sample times [ms]; {@code _neurons.npy}: int32 neuron indices;</li>
 *   <li>{@code .csv}: a header {@code time_ms,<index>,<index>...} then one line per sample.</li>
 * </ul>
 * Each file is written atomically.
 */
public final class StateFiles
{
    private StateFiles()
    {
    }

    /** The base name of a monitor's files, e.g. {@code states_E_v}. */
    public static String baseName(final StateMonitor monitor)
    {
        return "states_" + safe(monitor.population().name()) + "_" + safe(monitor.variable());
    }

    /** A name with only letters, digits and {@code . _ -}. */
    public static String safe(final String name)
    {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes the files of every monitor into {@code dir}.
     *
     * @param dt [ms] the time step.
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final List<StateMonitor> monitors, final double dt)
        throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final StateMonitor m : monitors)
        {
            final String base = baseName(m);
            final int samples = m.sampleCount();
            final int[] indices = m.indices();
            final double[] values = new double[samples * indices.length];
            final double[] times = new double[samples];
            for (int s = 0; s < samples; s++)
            {
                times[s] = m.sampleStep(s) * dt;
                for (int k = 0; k < indices.length; k++)
                {
                    values[s * indices.length + k] = m.value(s, k);
                }
            }
            final Path npy = dir.resolve(base + ".npy");
            final Path t = dir.resolve(base + "_t.npy");
            final Path neurons = dir.resolve(base + "_neurons.npy");
            final Path csv = dir.resolve(base + ".csv");
            Npy.write(npy, values, samples, indices.length);
            Npy.write(t, times);
            Npy.write(neurons, indices);
            writeCsv(csv, times, indices, values);
            written.addAll(List.of(npy, t, neurons, csv));
        }
        return written;
    }

    private static void writeCsv(final Path path, final double[] times, final int[] indices, final double[] values)
        throws IOException
    {
        AtomicFiles.write(path, out ->
        {
            final Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            final StringBuilder line = new StringBuilder("time_ms");
            for (final int i : indices)
            {
                line.append(',').append(i);
            }
            w.append(line).append('\n');
            for (int s = 0; s < times.length; s++)
            {
                line.setLength(0);
                line.append(Units.format(times[s]));
                for (int k = 0; k < indices.length; k++)
                {
                    line.append(',').append(values[s * indices.length + k]);
                }
                w.append(line).append('\n');
            }
            w.flush();
        });
    }
}
