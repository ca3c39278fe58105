package org.myelin.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.monitor.PopulationRateMonitor;
import org.myelin.util.AtomicFiles;

/**
 * Writes what population-rate monitors recorded, per monitor {@code rates_<population>}:
 * {@code .npy} float64 rates [Hz], one per bin; {@code _t.npy} float64 start of each bin [ms];
 * {@code .csv} with the header {@code time_ms,rate_hz}. Each file is written atomically.
 */
public final class RateFiles
{
    private RateFiles()
    {
    }

    /**
     * Writes the files of every monitor into {@code dir}.
     *
     * @param dt [ms] the time step.
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final List<PopulationRateMonitor> monitors, final double dt)
        throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final PopulationRateMonitor m : monitors)
        {
            final String base = "rates_" + StateFiles.safe(m.population().name());
            final double[] rates = new double[m.binCount()];
            final double[] times = new double[rates.length];
            final StringBuilder csv = new StringBuilder("time_ms,rate_hz\n");
            for (int b = 0; b < rates.length; b++)
            {
                rates[b] = m.rate(b, dt);
                times[b] = m.binStart(b) * dt;
                csv.append(times[b]).append(',').append(rates[b]).append('\n');
            }
            final Path npy = dir.resolve(base + ".npy");
            final Path t = dir.resolve(base + "_t.npy");
            final Path text = dir.resolve(base + ".csv");
            Npy.write(npy, rates);
            Npy.write(t, times);
            AtomicFiles.write(text, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
            written.addAll(List.of(npy, t, text));
        }
        return written;
    }
}
