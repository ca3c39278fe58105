package org.myelin.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.monitor.StateMonitor;
import org.myelin.units.Units;

/**
 * Writes what state monitors recorded, one set of files per monitor, named
 * {@code states_<population>_<variable>} (characters other than letters, digits, {@code . _ -}
 * become {@code _}):
 * <ul>
 *   <li>{@code .npy}: float64, shape (samples, neurons), in the engine's unit of the variable;</li>
 *   <li>{@code _t.npy}: float64 sample times [ms]; {@code _neurons.npy}: int32 neuron indices;</li>
 *   <li>{@code .csv}: a header {@code time_ms,<index>,<index>...} then one line per sample, for
 *       recordings of at most {@value #CSV_LIMIT} values (the {@code .npy} holds any size).</li>
 * </ul>
 * A {@link Spool} writes them as the run goes, so a recording larger than memory streams to
 * disk in chunks; {@link #write} writes monitors that hold a whole run, each file atomically.
 */
public final class StateFiles
{
    /** Most values of a recording that also go to a CSV table (about 20 bytes of text each). */
    public static final long CSV_LIMIT = 20_000_000;

    /** The engine's units of the neuron state variables that all models name alike. */
    private static final Map<String, String> UNITS = Map.of("v", "mV", "theta", "mV", "u", "mV", "w", "pA",
        "i1", "pA", "i2", "pA", "m", "1", "h", "1", "n", "1");

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
     * The unit the engine holds {@code variable} in ({@code "1"} for a plain number), or an empty
     * string for a variable whose unit depends on the model (a receptor's state is in the unit of
     * its projections' weights).
     */
    public static String unit(final String variable)
    {
        return UNITS.getOrDefault(variable, "");
    }

    /**
     * Writes the files of every monitor into {@code dir}; the monitors keep their samples.
     *
     * @param dt [ms] the time step.
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final List<StateMonitor> monitors, final double dt)
        throws IOException
    {
        return StagedFiles.write(dir, staging ->
        {
            try (Spool spool = new Spool(staging, monitors, dt, Long.MAX_VALUE))
            {
                spool.append(false);
                return spool.finish();
            }
        });
    }

    /**
     * Streams state monitors to their files in a run's output folder: {@link #drain()} after each
     * chunk of steps appends the samples and clears the monitors, {@link #finish()} completes the
     * files. Memory holds one chunk of samples. A spool that continues its folder after a
     * checkpoint appends to the files it finds there, its CSV tables included where the run that
     * started them wrote them.
     */
    public static final class Spool implements FileSpool
    {
        private final Path dir;
        private final List<StateMonitor> monitors;
        private final double dt;
        private final List<Npy.Appender> values = new ArrayList<>();
        private final List<Npy.Appender> times = new ArrayList<>();
        private final List<Writer> csvs = new ArrayList<>();
        private final List<String> skippedCsv = new ArrayList<>();
        private final StringBuilder line = new StringBuilder(256);
        private final boolean keep;
        private boolean finished;

        /**
         * @param dir          the folder.
         * @param monitors     the monitors.
         * @param dt           [ms] the time step.
         * @param totalSamples the samples each monitor will have recorded at the end (at most), to
         *                     decide which recordings are small enough for a CSV table.
         */
        public Spool(final Path dir, final List<StateMonitor> monitors, final double dt, final long totalSamples)
            throws IOException
        {
            this(dir, monitors, dt, totalSamples, false, false);
        }

        /**
         * A spool that starts the files anew, or, when {@code continued}, appends to those it
         * finds in {@code dir} (cut back to a checkpoint's position by {@link SpoolPosition#cut}).
         *
         * @param keep whether closing it before {@link #finish()} keeps the files, for a run that
         *             continues them after a checkpoint, rather than deleting them.
         * @throws org.myelin.util.ModelException naming a file that does not hold whole samples.
         */
        public Spool(final Path dir, final List<StateMonitor> monitors, final double dt, final long totalSamples,
            final boolean continued, final boolean keep) throws IOException
        {
            this.dir = dir;
            this.monitors = List.copyOf(monitors);
            this.dt = dt;
            this.keep = keep;
            try
            {
                open(continued, totalSamples);
            }
            catch (final IOException | RuntimeException e)
            {
                for (final Npy.Appender a : values)
                {
                    a.keep();
                }
                for (final Npy.Appender a : times)
                {
                    a.keep();
                }
                throw e;
            }
        }

        private void open(final boolean continued, final long totalSamples) throws IOException
        {
            for (final StateMonitor m : this.monitors)
            {
                final String base = baseName(m);
                final Npy.Appender v = new Npy.Appender(dir.resolve(base + ".npy"), "<f8", 8, continued);
                values.add(v);
                final Npy.Appender t = new Npy.Appender(dir.resolve(base + "_t.npy"), "<f8", 8, continued);
                times.add(t);
                final int[] indices = m.indices();
                if (v.items() != t.items() * indices.length)
                {
                    throw new org.myelin.util.ModelException(dir.resolve(base + ".npy") + ": holds " + v.items()
                        + " values, " + t.items() + " samples of " + indices.length + " neurons need " + t.items()
                        * indices.length + "; the files were cut or belong to another run");
                }
                final long expected = totalSamples == Long.MAX_VALUE ? m.sampleCount() : totalSamples;
                final Path csvPath = dir.resolve(base + ".csv");
                if (continued ? !Files.isRegularFile(csvPath) : expected * indices.length > CSV_LIMIT)
                {
                    csvs.add(null);
                    skippedCsv.add(String.format(Locale.ROOT, "%s.csv not written: %,d values (more than %,d); %s.npy"
                        + " holds them", base, expected * indices.length, CSV_LIMIT, base));
                    continue;
                }
                if (continued)
                {
                    final java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(csvPath,
                        java.nio.file.StandardOpenOption.WRITE);
                    channel.position(channel.size());
                    csvs.add(new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8),
                        1 << 16));
                    continue;
                }
                final Writer csv = new BufferedWriter(Files.newBufferedWriter(csvPath, StandardCharsets.UTF_8), 1 << 16);
                line.setLength(0);
                line.append("time_ms");
                for (final int i : indices)
                {
                    line.append(',').append(i);
                }
                csv.append(line).append('\n');
                csvs.add(csv);
            }
        }

        @Override
        public Path folder()
        {
            return dir;
        }

        @Override
        public void flush() throws IOException
        {
            drain();
            for (int m = 0; m < monitors.size(); m++)
            {
                values.get(m).flush();
                times.get(m).flush();
                if (csvs.get(m) != null)
                {
                    csvs.get(m).flush();
                }
            }
        }

        /** Expected samples of a monitor recording every {@code every} steps over {@code steps} steps from 0. */
        public static long samples(final long steps, final int every)
        {
            return (steps + every - 1) / every;
        }

        /** Appends every monitor's samples and clears the monitors. */
        @Override
        public void drain() throws IOException
        {
            append(true);
        }

        private void append(final boolean clear) throws IOException
        {
            for (int m = 0; m < monitors.size(); m++)
            {
                final StateMonitor monitor = monitors.get(m);
                final int neurons = monitor.indices().length;
                final Npy.Appender v = values.get(m);
                final Npy.Appender t = times.get(m);
                final Writer csv = csvs.get(m);
                for (int s = 0; s < monitor.sampleCount(); s++)
                {
                    final double time = monitor.sampleStep(s) * dt;
                    t.putDouble(time);
                    for (int k = 0; k < neurons; k++)
                    {
                        v.putDouble(monitor.value(s, k));
                    }
                    if (csv != null)
                    {
                        line.setLength(0);
                        line.append(Units.format(time));
                        for (int k = 0; k < neurons; k++)
                        {
                            line.append(',').append(monitor.value(s, k));
                        }
                        csv.append(line).append('\n');
                    }
                }
                if (clear)
                {
                    monitor.clear();
                }
            }
        }

        /** The notes on CSV tables left out because of their size, one line each. */
        public List<String> notes()
        {
            return List.copyOf(skippedCsv);
        }

        /** Completes every file and returns the paths. */
        @Override
        public List<Path> finish() throws IOException
        {
            final List<Path> written = new ArrayList<>();
            for (int m = 0; m < monitors.size(); m++)
            {
                final StateMonitor monitor = monitors.get(m);
                final String base = baseName(monitor);
                final int[] indices = monitor.indices();
                final long samples = times.get(m).items();
                written.add(values.get(m).finish(samples, indices.length));
                written.add(times.get(m).finish());
                final Path neurons = dir.resolve(base + "_neurons.npy");
                Npy.write(neurons, indices);
                written.add(neurons);
                if (csvs.get(m) != null)
                {
                    csvs.get(m).close();
                    written.add(dir.resolve(base + ".csv"));
                }
            }
            finished = true;
            return written;
        }

        /** Closes; the files are deleted unless {@link #finish()} completed them or the spool keeps them. */
        @Override
        public void close() throws IOException
        {
            for (int m = 0; m < monitors.size(); m++)
            {
                if (keep && !finished)
                {
                    values.get(m).keep();
                    times.get(m).keep();
                    if (csvs.get(m) != null)
                    {
                        csvs.get(m).close();
                    }
                    continue;
                }
                values.get(m).close();
                times.get(m).close();
                if (!finished && csvs.get(m) != null)
                {
                    csvs.get(m).close();
                    Files.deleteIfExists(dir.resolve(baseName(monitors.get(m)) + ".csv"));
                }
            }
        }
    }
}
