package org.myelin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.projection.AlignPostProjection;
import org.myelin.util.MemoryUse;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * Times one reference network (COBA or CUBA of DESIGN.md §8) end to end and prints one
 * machine-readable line:
 * <pre>
 * myelin model=coba N=4000 T=10 threads=1 build_s=.. run_s=.. rate_hz=.. n_syn=.. bytes_per_syn=..
 *     peak_heap_mb=.. peak_rss_mb=..
 * </pre>
 * Before the measured run, a separate instance of the same network runs {@code --warmup} seconds
 * (biological time) in the same JVM so that the hot loops are compiled; its figures are printed
 * on a line of their own starting with {@code myelin-warmup}. Peak heap and peak RSS are reset
 * after the warm-up where the platform allows it (RSS: {@code /proc/self/clear_refs}), so they
 * describe the measured instance. Spike monitors record every spike, as in the Brian2 scripts.
 *
 * <p>usage: {@code ReferenceBench [--model coba|cuba] [--n 4000] [--t 10] [--threads 1]
 * [--seed 42] [--warmup 1] [--dt 0.1]}
 */
public final class ReferenceBench
{
    private ReferenceBench()
    {
    }

    /** One timed run. */
    record Result(double buildS, double runS, double rateHz, long synapses, double bytesPerSynapse)
    {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options of the class documentation.
     */
    public static void main(final String[] args)
    {
        String model = "coba";
        int n = 4000;
        double seconds = 10;
        int threads = 1;
        long seed = 42;
        double warmup = 1;
        double dt = 0.1;
        for (int k = 0; k < args.length; k++)
        {
            final String value = k + 1 < args.length ? args[k + 1] : null;
            if (value == null)
            {
                usage("missing value after " + args[k]);
            }
            switch (args[k])
            {
                case "--model" -> model = value.toLowerCase(Locale.ROOT);
                case "--n" -> n = Integer.parseInt(value);
                case "--t" -> seconds = Double.parseDouble(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--dt" -> dt = Double.parseDouble(value);
                default -> usage("unknown option " + args[k]);
            }
            k++;
        }
        if (warmup > 0)
        {
            final Result w = run(model, n, warmup, threads, seed + 1, dt);
            System.out.println(format("myelin-warmup", model, n, warmup, threads, w, Double.NaN, Double.NaN));
            System.gc();
            resetPeaks();
        }
        final Result r = run(model, n, seconds, threads, seed, dt);
        System.out.println(format("myelin", model, n, seconds, threads, r, peakHeapMb(), peakRssMb()));
    }

    private static void usage(final String problem)
    {
        System.err.println("ReferenceBench: " + problem);
        System.err.println("usage: ReferenceBench [--model coba|cuba] [--n 4000] [--t 10] [--threads 1] [--seed 42]"
            + " [--warmup 1] [--dt 0.1]");
        System.exit(1);
    }

    /** Builds and runs one instance; the build includes the connectivity and the initial state. */
    static Result run(final String model, final int n, final double seconds, final int threads, final long seed,
        final double dt)
    {
        final long t0 = System.nanoTime();
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, dt, seed);
        final List<SpikeMonitor> monitors = new ArrayList<>();
        built.groups().forEach(g -> monitors.add(built.network().monitorSpikes(g)));
        final Simulation sim = new Simulation(built.network(), threads);
        final long t1 = System.nanoTime();
        sim.run(seconds * 1000.0);
        final long t2 = System.nanoTime();
        long spikes = 0;
        for (final SpikeMonitor m : monitors)
        {
            spikes += m.size();
        }
        long synapses = 0;
        long bytes = 0;
        for (final AlignPostProjection p : built.network().projections())
        {
            synapses += p.connectivity().synapseCount();
            bytes += p.connectivity().memoryBytes();
        }
        return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, spikes / (double) n / seconds, synapses,
            synapses == 0 ? Double.NaN : bytes / (double) synapses);
    }

    private static String format(final String tag, final String model, final int n, final double seconds,
        final int threads, final Result r, final double heapMb, final double rssMb)
    {
        return String.format(Locale.ROOT,
            "%s model=%s N=%d T=%s threads=%d build_s=%.3f run_s=%.3f rate_hz=%.3f n_syn=%d bytes_per_syn=%.3f"
                + " peak_heap_mb=%s peak_rss_mb=%s",
            tag, model, n, trim(seconds), threads, r.buildS(), r.runS(), r.rateHz(), r.synapses(),
            r.bytesPerSynapse(), mb(heapMb), mb(rssMb));
    }

    private static String trim(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String mb(final double value)
    {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void resetPeaks()
    {
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            pool.resetPeakUsage();
        }
        try
        {
            // 5: reset the peak resident set size (VmHWM) to the current RSS (Linux >= 4.0)
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        }
        catch (final IOException | UnsupportedOperationException | SecurityException e)
        {
            // the peak then includes the warm-up instance
        }
    }

    /** [MB] the sum of the peak usage of every heap pool. */
    static double peakHeapMb()
    {
        return MemoryUse.peakHeapBytes() / 1048576.0;
    }

    /** [MB] VmHWM of /proc/self/status, or NaN where there is none. */
    static double peakRssMb()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8))
            {
                if (line.startsWith("VmHWM:"))
                {
                    final String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
