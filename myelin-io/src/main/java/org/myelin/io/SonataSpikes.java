package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.myelin.monitor.SpikeRaster;
import org.myelin.util.AtomicFiles;

/**
 * Writes spikes as a SONATA spike file (HDF5, written with jhdf), readable with h5py, bmtk or
 * pySONATA:
 * <pre>
 *   /                      attributes magic = 0x0A7A, version = [0, 1] (int32)
 *   /spikes/&lt;population&gt;   attribute sorting = "by_time"
 *       timestamps         float64 [ms], attribute units = "ms"
 *       node_ids           uint64, the neuron's index within its population
 * </pre>
 * One group per population that spiked, spikes in time order (ties by node id); a population
 * without spikes has no group, since jhdf 0.13 cannot write an empty dataset. The file is written
 * to a temporary file and renamed. jhdf writes {@code sorting} as a string attribute, not the HDF5 enum
 * the spec describes; h5py and bmtk read both.
 */
public final class SonataSpikes
{
    /** The file name used by {@code myelin run}. */
    public static final String FILE = "spikes.h5";
    /** SONATA's magic number. */
    public static final int MAGIC = 0x0A7A;

    static
    {
        // jhdf logs through SLF4J; with no binding on the class path SLF4J would print a three-line
        // warning to stderr on every run. Keep its own errors, drop that notice (unless set otherwise).
        if (System.getProperty("slf4j.internal.verbosity") == null)
        {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    private SonataSpikes()
    {
    }

    /** Writes the raster's spikes, one SONATA population per population of the raster. */
    public static void write(final Path path, final SpikeRaster raster) throws IOException
    {
        final int populations = raster.populations().size();
        final int[] counts = new int[populations];
        for (int k = 0; k < raster.size(); k++)
        {
            counts[raster.populationOf(raster.neurons()[k])]++;
        }
        final double[][] times = new double[populations][];
        final long[][] ids = new long[populations][];
        for (int p = 0; p < populations; p++)
        {
            times[p] = new double[counts[p]];
            ids[p] = new long[counts[p]];
        }
        final int[] fill = new int[populations];
        for (int k = 0; k < raster.size(); k++)
        {
            final int neuron = raster.neurons()[k];
            final int p = raster.populationOf(neuron);
            times[p][fill[p]] = raster.steps()[k] * raster.dt();
            ids[p][fill[p]] = neuron - raster.offsets()[p];
            fill[p]++;
        }
        AtomicFiles.writeVia(path, temp ->
        {
            try (WritableHdfFile file = HdfFile.write(temp))
            {
                file.putAttribute("magic", MAGIC);
                file.putAttribute("version", new int[] {0, 1});
                final WritableGroup spikes = file.putGroup("spikes");
                for (int p = 0; p < populations; p++)
                {
                    if (counts[p] == 0)
                    {
                        continue;
                    }
                    final WritableGroup group = spikes.putGroup(raster.populations().get(p));
                    group.putAttribute("sorting", "by_time");
                    final WritableDataset t = group.putDataset("timestamps", times[p]);
                    t.putAttribute("units", "ms");
                    group.putDataset("node_ids", ids[p], DatasetCreationOptions.builder().unsigned().build());
                }
            }
        });
    }
}
