package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.monitor.SpikeRaster;
import org.myelin.util.AtomicFiles;

/**
 * Writes spikes as a SONATA spike file (HDF5), readable with h5py, bmtk or
 * pySONATA:
 * <pre>
 *   /                      attributes magic = 0x0A7A, version = [0, 1] (int32)
 *   /spikes/&lt;population&gt;   attribute sorting = "by_time"
 *       timestamps         float64 [ms], attribute units = "ms"
 *       node_ids           uint64, the neuron's index within its population
 * </pre>
 * One group per recorded population, spikes in time order (ties by node id), an empty one for
 * a recorded population without spikes; {@code sorting} is the HDF5 enumeration of the spec
 * ({@code none, by_id, by_time}), {@code magic} and {@code version} uint32. The file is
 * written by {@link Hdf5Writer}, one pass over the spikes, to a temporary file that is then
 * renamed.
 */
public final class SonataSpikes
{
    /** The file name used by {@code myelin run}. */
    public static final String FILE = "spikes.h5";
    /** SONATA's magic number. */
    public static final int MAGIC = 0x0A7A;
    /** The members of SONATA's {@code sorting} enumeration, by value. */
    static final List<String> SORTING = List.of("none", "by_id", "by_time");

    private SonataSpikes()
    {
    }

    /** Writes the raster's spikes, one SONATA population per population of the raster. */
    public static void write(final Path path, final SpikeRaster raster) throws IOException
    {
        final List<RunInfo.Population> populations = new ArrayList<>();
        final long[] counts = new long[raster.populations().size()];
        for (int p = 0; p < counts.length; p++)
        {
            populations.add(new RunInfo.Population(raster.populations().get(p), raster.offsets()[p],
                raster.offsets()[p + 1] - raster.offsets()[p], true));
        }
        for (int k = 0; k < raster.size(); k++)
        {
            counts[raster.populationOf(raster.neurons()[k])]++;
        }
        write(path, populations, counts, () -> SpikeCursor.of(raster), raster.dt());
    }

    /**
     * Writes spikes read in time order, streaming: one pass over {@code source}, a buffer per
     * dataset, nothing held per spike.
     *
     * @param populations the numbering; a group for each recorded population, with or without spikes.
     * @param counts      the spikes of each population in {@code source}.
     * @param source      the spikes; {@link SpikeCursor#population()} indexes {@code populations}.
     * @param dt          [ms] the time step.
     */
    public static void write(final Path path, final List<RunInfo.Population> populations, final long[] counts,
        final SpikeCursor.Source source, final double dt) throws IOException
    {
        AtomicFiles.writeVia(path, temp ->
        {
            try (Hdf5Writer h5 = new Hdf5Writer(temp); SpikeCursor cursor = source.open())
            {
                h5.root().attribute("magic", Hdf5Writer.Type.UINT32, MAGIC);
                h5.root().attribute("version", Hdf5Writer.Type.UINT32, 0, 1);
                final Hdf5Writer.Group spikes = h5.root().group("spikes");
                final Hdf5Writer.Dataset[] times = new Hdf5Writer.Dataset[populations.size()];
                final Hdf5Writer.Dataset[] ids = new Hdf5Writer.Dataset[populations.size()];
                for (int p = 0; p < populations.size(); p++)
                {
                    if (populations.get(p).recorded())
                    {
                        final Hdf5Writer.Group group = spikes.group(populations.get(p).name());
                        group.enumAttribute("sorting", SORTING, SORTING.indexOf("by_time"));
                        times[p] = group.dataset("timestamps", Hdf5Writer.Type.FLOAT64, counts[p]);
                        times[p].attribute("units", "ms");
                        ids[p] = group.dataset("node_ids", Hdf5Writer.Type.UINT64, counts[p]);
                    }
                }
                while (cursor.next())
                {
                    final int p = cursor.population();
                    if (times[p] == null)
                    {
                        throw new IOException("a spike of '" + populations.get(p).name() + "', which is not recorded");
                    }
                    times[p].appendDouble(cursor.step() * dt);
                    ids[p].append(cursor.neuron() - populations.get(p).first());
                }
            }
        });
    }
}
