package org.myelin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.myelin.io.SpikeFiles;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.plot.RasterPlot;
import org.myelin.projection.AlignPostProjection;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;
import org.myelin.util.MemoryUse;
import org.myelin.util.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code myelin run}: runs a reference network, prints a summary and writes spikes and a raster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a network, prints a summary and writes into the output folder:",
        "  spikes_step.npy, spikes_neuron.npy (int64 steps, int32 neurons; numpy.load),",
        "  spikes.csv, raster.png and summary.txt."},
    footer = {"", "Examples:",
        "  myelin run                                   COBA, N = 4000, 1 s, into out/",
        "  myelin run --model cuba -N 10000 --duration 5s --threads 2",
        "  myelin run --dt 0.05ms --seed 7 --out results/coba-seed7"})
final class RunCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "coba",
        description = "Reference network: coba or cuba (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "-N", paramLabel = "n", defaultValue = "4000",
        description = "Number of neurons, 80 %% excitatory (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "1s",
        description = "Biological time to simulate, with a unit (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.1ms",
        description = "Time step, with a unit (default: ${DEFAULT-VALUE}).")
    private String dt;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "42",
        description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "t",
        description = "Worker threads (default: the number of processors). Spikes do not depend on it.")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
        description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-plot", description = "Do not draw raster.png.")
    private boolean noPlot;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final Settings settings;
        try
        {
            settings = checkArguments();
        }
        catch (final ModelException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        final double dtMs = settings.dtMs();
        final double durationMs = settings.durationMs();
        final int workers = settings.threads();
        final long steps = settings.steps();
        prepareOutputFolder(out);

        final long t0 = System.nanoTime();
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, dtMs, seed);
        final List<SpikeMonitor> monitors = new ArrayList<>();
        built.groups().forEach(g -> monitors.add(built.network().monitorSpikes(g)));
        final Simulation sim = new Simulation(built.network(), workers);
        final long t1 = System.nanoTime();
        final PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
        try (Progress progress = new Progress(err, dtMs, !noProgress))
        {
            sim.runSteps(steps, progress);
        }
        final long t2 = System.nanoTime();

        final RunSummary summary = summarise(built, monitors, sim, durationMs, t1 - t0, t2 - t1);
        final SpikeRaster raster = SpikeRaster.of(monitors, dtMs);
        final List<Path> written = new ArrayList<>(SpikeFiles.write(out, raster));
        if (!noPlot)
        {
            final Path png = out.resolve("raster.png");
            writeRaster(png, raster, built, summary, durationMs);
            written.add(png);
        }
        final Path text = out.resolve("summary.txt");
        written.add(text);
        final String report = summary.format(written);
        AtomicFiles.write(text, o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
        stdout.print(report);
        stdout.flush();
        return 0;
    }

    /** The checked arguments, in canonical units. */
    private record Settings(double dtMs, double durationMs, long steps, int threads)
    {
    }

    private Settings checkArguments()
    {
        final double dtMs = Units.parse("myelin run", "--dt", dt, Dimension.TIME);
        if (!(dtMs > 0))
        {
            throw new Main.UsageException("--dt must be > 0 ms, got --dt=" + dt);
        }
        final double durationMs = Units.parse("myelin run", "--duration", duration, Dimension.TIME);
        if (!(durationMs > 0))
        {
            throw new Main.UsageException("--duration must be > 0 ms, got --duration=" + duration);
        }
        if (n < 2)
        {
            throw new Main.UsageException("-N must be >= 2 neurons, got -N=" + n);
        }
        final int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 1024)
        {
            throw new Main.UsageException("--threads must be in [1, 1024], got --threads=" + workers);
        }
        if (!ReferenceNetworks.names().contains(model.toLowerCase(Locale.ROOT)))
        {
            throw new Main.UsageException("unknown --model '" + model + "'; known models: " + ReferenceNetworks.names());
        }
        final long steps = Units.toSteps("myelin run", "--duration", durationMs, dtMs, false);
        return new Settings(dtMs, durationMs, steps, workers);
    }

    private static void prepareOutputFolder(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            final Path probe = Files.createTempFile(dir, ".myelin-write-check", ".tmp");
            Files.delete(probe);
        }
        catch (final IOException | SecurityException e)
        {
            throw new Main.UsageException("--out '" + dir + "' is not a writable folder (" + describe(e) + ")");
        }
    }

    private static String describe(final Exception e)
    {
        if (e instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException)
        {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
        {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private RunSummary summarise(
        final ReferenceNetworks.Built built, final List<SpikeMonitor> monitors, final Simulation sim,
        final double durationMs, final long buildNanos, final long runNanos)
    {
        long synapses = 0;
        long bytes = 0;
        long events = 0;
        for (final AlignPostProjection p : built.network().projections())
        {
            synapses += p.connectivity().synapseCount();
            bytes += p.connectivity().memoryBytes();
            final SpikeMonitor source = monitors.stream().filter(m -> m.population() == p.source()).findFirst()
                .orElseThrow();
            for (int i = 0; i < p.source().size(); i++)
            {
                events += source.count(i) * p.connectivity().outDegree(i);
            }
        }
        final List<RunSummary.PopulationRate> rates = new ArrayList<>();
        long spikes = 0;
        for (final SpikeMonitor m : monitors)
        {
            rates.add(new RunSummary.PopulationRate(m.population().name(), m.population().size(),
                m.meanRateHz(durationMs)));
            spikes += m.size();
        }
        return new RunSummary(built.name(), n, synapses, bytes, spikes, rates, durationMs, sim.network().dt(),
            seed, sim.threads(), buildNanos / 1e9, runNanos / 1e9, events, MemoryUse.peakHeapBytes());
    }

    private static void writeRaster(
        final Path png, final SpikeRaster raster, final ReferenceNetworks.Built built, final RunSummary summary,
        final double durationMs) throws IOException
    {
        final int count = raster.size();
        final int[] steps = new int[count];
        for (int k = 0; k < count; k++)
        {
            steps[k] = (int) Math.min(Integer.MAX_VALUE, raster.steps()[k]);
        }
        final String title = String.format(Locale.ROOT, "%s, N = %d, %s ms, mean rate %.1f Hz", built.name(),
            raster.neuronCount(), Units.format(durationMs), summary.meanRateHz());
        RasterPlot.write(png, steps, raster.neurons(), count, raster.dt(), built.excitatory().size(),
            raster.neuronCount(), durationMs, title);
    }
}
