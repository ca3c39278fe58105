package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.base.Population;

/**
 * Streams spike monitors to disk in chunks so a long run holds only the spikes of the last chunk
 * in memory: {@link #drain()} appends the monitors' spikes, merged in time order, to the spike
 * files of {@link SpikeFiles} in the output folder and clears the monitors. {@link #finish()}
 * completes the files; {@link #open()} then reads them back one spike at a time for the writers
 * that come after (SONATA, the raster). Neurons are numbered over {@code numbering}, every
 * population of the network, recorded or not, so a neuron's number does not depend on what is
 * recorded.
 */
public final class SpikeSpool implements FileSpool
{
    private final Path dir;
    private final List<SpikeMonitor> monitors;
    /** Numbering index of each monitor's population. */
    private final int[] populationOf;
    private final int[] offsets;
    private final List<String> names;
    private final long[] totals;
    private final int[] run;
    private final SpikeFiles.Writer writer;
    private boolean finished;

    /** Spools {@code monitors} numbered over their own populations, in order. */
    public SpikeSpool(final Path dir, final List<SpikeMonitor> monitors, final double dt) throws IOException
    {
        this(dir, monitors.stream().map(m -> (Population) m.population()).toList(), monitors, dt);
    }

    /**
     * @param dir       the folder for the spike files.
     * @param numbering the populations of the global numbering, in order.
     * @param monitors  the monitors to stream, each of a population of {@code numbering}.
     * @param dt        [ms] the time step.
     */
    public SpikeSpool(final Path dir, final List<? extends Population> numbering, final List<SpikeMonitor> monitors,
        final double dt) throws IOException
    {
        this(dir, numbering, monitors, dt, null, false);
    }

    /**
     * A spool that continues the spike files in {@code dir} (cut back to a checkpoint's position
     * by {@link SpoolPosition#cut}), the spikes of each monitor so far being {@code perMonitor}
     * ({@link #perMonitor()} when the checkpoint was written); or starts them anew when
     * {@code perMonitor} is null.
     *
     * @param keep whether closing it before {@link #finish()} keeps the files, for a run that
     *             continues them after a checkpoint, rather than deleting them.
     * @throws org.myelin.util.ModelException naming a file that is not whole values.
     */
    public SpikeSpool(final Path dir, final List<? extends Population> numbering, final List<SpikeMonitor> monitors,
        final double dt, final long[] perMonitor, final boolean keep) throws IOException
    {
        this.dir = dir;
        this.offsets = new int[numbering.size() + 1];
        final List<String> n = new ArrayList<>();
        for (int p = 0; p < numbering.size(); p++)
        {
            offsets[p + 1] = offsets[p] + numbering.get(p).size();
            n.add(numbering.get(p).name());
        }
        this.names = List.copyOf(n);
        // in numbering order, so that spikes of one step come out by population
        this.monitors = monitors.stream().sorted(java.util.Comparator.comparingInt(m -> numbering.indexOf(
            m.population()))).toList();
        this.populationOf = new int[monitors.size()];
        for (int m = 0; m < monitors.size(); m++)
        {
            populationOf[m] = numbering.indexOf(this.monitors.get(m).population());
            if (populationOf[m] < 0)
            {
                throw new IllegalArgumentException("SpikeSpool: the monitor of '" + this.monitors.get(m).population()
                    .name() + "' records a population outside the numbering " + names);
            }
        }
        this.totals = new long[monitors.size()];
        if (perMonitor != null)
        {
            if (perMonitor.length != totals.length)
            {
                throw new IllegalArgumentException("SpikeSpool: " + perMonitor.length + " monitor totals for "
                    + totals.length + " monitors");
            }
            System.arraycopy(perMonitor, 0, totals, 0, totals.length);
        }
        this.run = new int[monitors.size()];
        this.writer = new SpikeFiles.Writer(dir, names, offsets, dt, perMonitor != null, keep);
    }

    @Override
    public Path folder()
    {
        return dir;
    }

    /** The spikes streamed so far of each monitor, in the order of the numbering. */
    public long[] perMonitor()
    {
        return totals.clone();
    }

    @Override
    public void flush() throws IOException
    {
        drain();
        writer.flush();
    }

    /** Moves every monitor's spikes to the spike files, in time order, and clears the monitors. */
    @Override
    public void drain() throws IOException
    {
        final int count = monitors.size();
        java.util.Arrays.fill(run, 0);
        while (true)
        {
            int best = -1;
            long bestStep = Long.MAX_VALUE;
            for (int m = 0; m < count; m++)
            {
                final SpikeMonitor monitor = monitors.get(m);
                if (run[m] < monitor.runs() && monitor.runStep(run[m]) < bestStep)
                {
                    best = m;
                    bestStep = monitor.runStep(run[m]);
                }
            }
            if (best < 0)
            {
                break;
            }
            final SpikeMonitor monitor = monitors.get(best);
            final int p = populationOf[best];
            final int offset = offsets[p];
            final int end = monitor.runStart(run[best] + 1);
            for (int k = monitor.runStart(run[best]); k < end; k++)
            {
                writer.add(bestStep, offset + monitor.neuron(k), p);
            }
            run[best]++;
        }
        for (int m = 0; m < count; m++)
        {
            totals[m] += monitors.get(m).size();
            monitors.get(m).clear();
        }
    }

    /** Spikes streamed so far. */
    public long total()
    {
        return writer.count();
    }

    /** Spikes streamed so far of {@code population}, 0 when it is not recorded. */
    public long total(final Population population)
    {
        for (int m = 0; m < monitors.size(); m++)
        {
            if (monitors.get(m).population() == population)
            {
                return totals[m];
            }
        }
        return 0;
    }

    /** The population names of the numbering, in order. */
    public List<String> populations()
    {
        return names;
    }

    /** The first global index of each population of the numbering, with the total appended. */
    public int[] offsets()
    {
        return offsets.clone();
    }

    /** Completes the spike files and returns their paths. */
    @Override
    public List<Path> finish() throws IOException
    {
        final List<Path> written = writer.finish();
        finished = true;
        return written;
    }

    /** A cursor over the spikes written, after {@link #finish()}. */
    public SpikeCursor open() throws IOException
    {
        if (!finished)
        {
            throw new IllegalStateException("SpikeSpool: finish() before reading the spikes back");
        }
        return SpikeFiles.cursor(dir, offsets);
    }

    /** Closes; the spike files are deleted unless {@link #finish()} completed them. */
    @Override
    public void close() throws IOException
    {
        writer.close();
    }
}
