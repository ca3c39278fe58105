package org.myelin.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;

/**
 * Streams spike monitors to disk in chunks so a long run holds only the spikes of the last chunk
 * in memory: {@link #drain()} appends each monitor's spikes to its own hidden spool file in the
 * output folder and clears the monitor, keeping the per-neuron counts. At the end the spike files
 * are written from the spools in one ordered merge ({@link #writeSpikeFiles}), and the spools are
 * deleted by {@link #close()}.
 */
public final class SpikeSpool implements AutoCloseable
{
    private static final int BUFFER = 1 << 16;

    private final List<SpikeMonitor> monitors;
    private final double dt;
    private final List<Path> files = new ArrayList<>();
    private final List<DataOutputStream> outs = new ArrayList<>();
    private final long[][] counts;
    private final long[] totals;
    private final int[] offsets;

    /**
     * @param dir      the folder for the spool files (the output folder).
     * @param monitors the monitors to stream, in numbering order.
     * @param dt       [ms] the time step.
     */
    public SpikeSpool(final Path dir, final List<SpikeMonitor> monitors, final double dt) throws IOException
    {
        this.monitors = List.copyOf(monitors);
        this.dt = dt;
        this.counts = new long[monitors.size()][];
        this.totals = new long[monitors.size()];
        this.offsets = new int[monitors.size() + 1];
        for (int m = 0; m < monitors.size(); m++)
        {
            counts[m] = new long[monitors.get(m).population().size()];
            offsets[m + 1] = offsets[m] + monitors.get(m).population().size();
            final Path file = Files.createTempFile(dir, ".myelin-spikes-", ".spool");
            files.add(file);
            outs.add(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER)));
        }
    }

    /** Moves every monitor's spikes to its spool file and clears the monitor. */
    public void drain() throws IOException
    {
        for (int m = 0; m < monitors.size(); m++)
        {
            final SpikeMonitor monitor = monitors.get(m);
            final DataOutputStream out = outs.get(m);
            final long[] count = counts[m];
            for (int k = 0; k < monitor.size(); k++)
            {
                final int neuron = monitor.neuron(k);
                out.writeLong(monitor.step(k));
                out.writeInt(neuron);
                count[neuron]++;
            }
            totals[m] += monitor.size();
            monitor.clear();
        }
    }

    /** Spikes streamed so far. */
    public long total()
    {
        long sum = 0;
        for (final long t : totals)
        {
            sum += t;
        }
        return sum;
    }

    /** Spikes of monitor {@code m}. */
    public long total(final int m)
    {
        return totals[m];
    }

    /** Spikes of neuron {@code i} of monitor {@code m}. */
    public long count(final int m, final int i)
    {
        return counts[m][i];
    }

    /** The population names in numbering order. */
    public List<String> populations()
    {
        return monitors.stream().map(s -> s.population().name()).toList();
    }

    /** Writes spikes_step.npy, spikes_neuron.npy and spikes.csv from the spools, streaming. */
    public List<Path> writeSpikeFiles(final Path dir) throws IOException
    {
        flush();
        return SpikeFiles.write(dir, this::cursor, total(), populations(), dt);
    }

    /** All spikes in memory, for writers that need arrays (SONATA, the raster picture). */
    public SpikeRaster raster() throws IOException
    {
        flush();
        final long total = total();
        if (total > Integer.MAX_VALUE - 8)
        {
            throw new IOException("too many spikes to hold in memory: " + total);
        }
        final long[] steps = new long[(int) total];
        final int[] neurons = new int[(int) total];
        try (SpikeCursor c = cursor())
        {
            int k = 0;
            while (c.next())
            {
                steps[k] = c.step();
                neurons[k] = c.neuron();
                k++;
            }
        }
        return new SpikeRaster(steps, neurons, populations(), offsets.clone(), dt);
    }

    private void flush() throws IOException
    {
        for (final DataOutputStream out : outs)
        {
            out.flush();
        }
    }

    /** A merge of the spools in time order; ties go to the lower population, then file order. */
    private SpikeCursor cursor() throws IOException
    {
        final int n = files.size();
        final DataInputStream[] ins = new DataInputStream[n];
        final long[] headStep = new long[n];
        final int[] headNeuron = new int[n];
        final boolean[] live = new boolean[n];
        for (int m = 0; m < n; m++)
        {
            ins[m] = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(m)), BUFFER));
            live[m] = advance(ins[m], m, headStep, headNeuron);
        }
        return new SpikeCursor()
        {
            private long step;
            private int neuron;
            private int population;

            @Override
            public boolean next() throws IOException
            {
                int best = -1;
                for (int m = 0; m < n; m++)
                {
                    if (live[m] && (best < 0 || headStep[m] < headStep[best]))
                    {
                        best = m;
                    }
                }
                if (best < 0)
                {
                    return false;
                }
                step = headStep[best];
                neuron = offsets[best] + headNeuron[best];
                population = best;
                live[best] = advance(ins[best], best, headStep, headNeuron);
                return true;
            }

            @Override
            public long step()
            {
                return step;
            }

            @Override
            public int neuron()
            {
                return neuron;
            }

            @Override
            public int population()
            {
                return population;
            }

            @Override
            public void close() throws IOException
            {
                for (final DataInputStream in : ins)
                {
                    in.close();
                }
            }
        };
    }

    private static boolean advance(final DataInputStream in, final int m, final long[] step, final int[] neuron)
        throws IOException
    {
        try
        {
            step[m] = in.readLong();
            neuron[m] = in.readInt();
            return true;
        }
        catch (final EOFException e)
        {
            return false;
        }
    }

    /** Closes and deletes the spool files. */
    @Override
    public void close() throws IOException
    {
        for (final DataOutputStream out : outs)
        {
            out.close();
        }
        for (final Path f : files)
        {
            Files.deleteIfExists(f);
        }
    }
}
