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

import org.myelin.io.load.Models;
import org.myelin.io.RunInfo;
import org.myelin.io.SonataSpikes;
import org.myelin.io.SpikeSpool;
import org.myelin.io.StateFiles;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.model.Recording;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Lif;
import org.myelin.projection.AlignPostProjection;
import org.myelin.sim.Network;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;
import org.myelin.util.MemoryUse;
import org.myelin.util.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin run}: runs a model file or a reference network, prints a summary and writes
 * spikes, states, a raster and the summary. Both kinds of model go through one code path: a
 * {@link Setup} (network, monitors, duration), then the same run, files and report.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a model file (YAML) or a reference network, prints a summary and writes into the output folder:",
        "  spikes_step.npy, spikes_neuron.npy (int64 steps, int32 neurons; numpy.load), spikes.csv,",
        "  spikes.h5 (SONATA), states_<population>_<variable>.npy/.csv, raster.png and summary.txt."},
    footer = {"", "Examples:",
        "  myelin run                                   COBA, N = 4000, 1 s, into out/",
        "  myelin run examples/cuba.yaml --duration 2s --out results/cuba",
        "  myelin run network.nml --duration 500ms      a NeuroML 2 network",
        "  myelin run --model cuba -N 10000 --duration 5s --threads 2",
        "  myelin run examples/coba.yaml --record E     keep only the spikes and traces of E"})
final class RunCommand implements Callable<Integer>
{
    /** Steps between two moves of the recorded spikes to disk. */
    static final long CHUNK_STEPS = 1000;
    /** Most spikes for the writers that need them all in memory (SONATA, the raster). */
    static final long IN_MEMORY_SPIKES = 50_000_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
        description = "A model file (.yaml) or NeuroML 2 network (.nml); without it, the reference network chosen "
            + "by --model.")
    private Path modelFile;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "coba",
        description = "Reference network when no file is given: coba or cuba (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "-N", paramLabel = "n", defaultValue = "4000",
        description = "Neurons of the reference network, 80 %% excitatory (default: ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "1s",
        description = "Biological time to simulate, with a unit (default: the file's, else ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.1ms",
        description = "Time step, with a unit (default: the file's, else ${DEFAULT-VALUE}).")
    private String dt;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "42",
        description = "Seed of every random draw (default: the file's, else ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "t",
        description = {"Worker threads (default: the file's, else one per 20 000 neurons, at most the number of",
            "processors). Spikes do not depend on it."})
    private Integer threads;

    /** Marks a thread count still to be chosen from the network's size. */
    private static final int AUTO_THREADS = 0;

    @Option(names = "--record", paramLabel = "WHAT", split = ",",
        description = "What to keep: all (default), none, spikes, states, or population names (their spikes and "
            + "states), comma-separated.")
    private List<String> record;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
        description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--semantics", paramLabel = "WHOSE", defaultValue = "myelin",
        description = {"How NeuroML and LEMS files run: myelin (default: accurate integrators) or jlems (jLEMS's",
            "forward Euler, clock, refractory count and event timing, for jLEMS's spike steps)."})
    private String semantics;

    @Option(names = "--no-plot", description = "Do not draw raster.png.")
    private boolean noPlot;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    private boolean noProgress;

    /**
     * What the run and report need, whichever way the network was made.
     *
     * @param name          model name for the report.
     * @param network       the network.
     * @param spikeMonitors the spike monitors, in population order.
     * @param stateMonitors the state monitors.
     * @param durationMs    [ms] run time.
     * @param threads       worker threads.
     * @param notes         what the file's loader tells about how it was read.
     * @param outputs       files the model writes besides Myelin's outputs.
     */
    record Setup(String name, Network network, List<SpikeMonitor> spikeMonitors, List<StateMonitor> stateMonitors,
        double durationMs, int threads, List<String> notes, List<ModelFile.RunOutput> outputs)
    {
    }

    @Override
    public Integer call() throws IOException
    {
        final long t0 = System.nanoTime();
        final Setup setup = modelFile == null ? reference() : fromFile();
        final long steps;
        try
        {
            steps = Units.toSteps("myelin run", "--duration", setup.durationMs(), setup.network().dt(), false);
        }
        catch (final ModelException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        prepareOutputFolder(out);
        final int workers = setup.threads() == AUTO_THREADS ? Simulation.defaultThreads(setup.network())
            : setup.threads();
        final Simulation sim = new Simulation(setup.network(), workers);
        final long t1 = System.nanoTime();
        final PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
        try (SpikeSpool spool = new SpikeSpool(out, setup.spikeMonitors(), setup.network().dt());
            Progress progress = new Progress(err, setup.network().dt(), !noProgress))
        {
            // in chunks: the monitors' spikes go to disk after each, so memory stays bounded on long runs
            for (long done = 0; done < steps; done += CHUNK_STEPS)
            {
                final long offset = done;
                sim.runSteps(Math.min(CHUNK_STEPS, steps - done), (d, t) -> progress.progress(offset + d, steps));
                spool.drain();
            }
            final long t2 = System.nanoTime();
            report(setup, sim, spool, t1 - t0, t2 - t1);
        }
        return 0;
    }

    private boolean given(final String option)
    {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private double time(final String option, final String text)
    {
        final double ms;
        try
        {
            ms = Units.parse("myelin run", option, text, Dimension.TIME);
        }
        catch (final ModelException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        if (!(ms > 0))
        {
            throw new Main.UsageException(option + " must be > 0 ms, got " + option + "=" + text);
        }
        return ms;
    }

    private int workers(final Integer fromFile)
    {
        if (threads == null && fromFile == null)
        {
            return AUTO_THREADS;
        }
        final int workers = threads != null ? threads : fromFile;
        if (workers < 1 || workers > 1024)
        {
            throw new Main.UsageException("--threads must be in [1, 1024], got --threads=" + workers);
        }
        return workers;
    }

    private Setup reference()
    {
        final double dtMs = time("--dt", dt);
        final double durationMs = time("--duration", duration);
        if (n < 2)
        {
            throw new Main.UsageException("-N must be >= 2 neurons, got -N=" + n);
        }
        if (!ReferenceNetworks.names().contains(model.toLowerCase(Locale.ROOT)))
        {
            throw new Main.UsageException("unknown --model '" + model + "'; known models: " + ReferenceNetworks.names());
        }
        final int workers = workers(null);
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, dtMs, seed);
        final Recording keep = record == null ? Recording.ALL
            : Recording.parse(record, built.groups().stream().map(Lif::name).toList());
        final List<SpikeMonitor> monitors = new ArrayList<>();
        built.groups().stream().filter(g -> keep.spikes(g.name()))
            .forEach(g -> monitors.add(built.network().monitorSpikes(g)));
        return new Setup(built.name(), built.network(), monitors, List.of(), durationMs, workers, List.of(), List.of());
    }

    private Setup fromFile()
    {
        for (final String option : List.of("--model", "-N"))
        {
            if (given(option))
            {
                throw new Main.UsageException(option + " chooses a reference network; it cannot be combined with a "
                    + "model file");
            }
        }
        if (!List.of("myelin", "jlems").contains(semantics))
        {
            throw new Main.UsageException("--semantics must be myelin or jlems, got --semantics=" + semantics);
        }
        final ModelLoader.Overrides overrides = new ModelLoader.Overrides(
            given("--dt") ? time("--dt", dt) : null, given("--duration") ? time("--duration", duration) : null,
            given("--seed") ? seed : null, record, "jlems".equals(semantics));
        final ModelFile file = Models.load(modelFile, overrides);
        return new Setup(file.name(), file.network(), file.spikeMonitors(), file.stateMonitors(), file.durationMs(),
            workers(file.threads()), file.notes(), file.outputs());
    }

    private void report(final Setup setup, final Simulation sim, final SpikeSpool spool, final long buildNanos,
        final long runNanos) throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final double dtMs = setup.network().dt();
        final RunSummary summary = summarise(setup, sim, spool, buildNanos, runNanos);
        final List<Path> written = new ArrayList<>();
        final List<String> notes = new ArrayList<>(setup.notes());
        final RunInfo info = RunInfo.of(setup.name(), setup.spikeMonitors(), dtMs, setup.durationMs(),
            setup.stateMonitors());
        if (!setup.spikeMonitors().isEmpty())
        {
            written.addAll(spool.writeSpikeFiles(out));
            if (spool.total() <= IN_MEMORY_SPIKES)
            {
                final SpikeRaster raster = spool.raster();
                final Path h5 = out.resolve(SonataSpikes.FILE);
                SonataSpikes.write(h5, raster);
                written.add(h5);
                if (!noPlot)
                {
                    final Path png = out.resolve("raster.png");
                    Pictures.raster(png, info, raster.steps(), raster.neurons());
                    written.add(png);
                }
            }
            else
            {
                notes.add(String.format(Locale.ROOT, "%s and raster.png skipped: they need all %,d spikes in memory "
                    + "(limit %,d); choose fewer with --record", SonataSpikes.FILE, spool.total(), IN_MEMORY_SPIKES));
            }
        }
        written.addAll(StateFiles.write(out, setup.stateMonitors(), dtMs));
        written.add(info.write(out));
        for (final ModelFile.RunOutput o : setup.outputs())
        {
            written.addAll(o.write(out));
        }
        final Path text = out.resolve("summary.txt");
        written.add(text);
        final StringBuilder report = new StringBuilder(summary.format(written));
        notes.forEach(n -> report.append("  note               ").append(n).append(System.lineSeparator()));
        AtomicFiles.write(text, o -> o.write(report.toString().getBytes(StandardCharsets.UTF_8)));
        stdout.print(report);
        stdout.flush();
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
        final Setup setup, final Simulation sim, final SpikeSpool spool, final long buildNanos, final long runNanos)
    {
        long synapses = 0;
        long bytes = 0;
        long events = 0;
        final List<SpikeMonitor> monitors = setup.spikeMonitors();
        for (final AlignPostProjection p : setup.network().projections())
        {
            synapses += p.connectivity().synapseCount();
            bytes += p.connectivity().memoryBytes();
            for (int m = 0; m < monitors.size(); m++)
            {
                if (monitors.get(m).population() == p.source())
                {
                    for (int i = 0; i < p.source().size(); i++)
                    {
                        events += spool.count(m, i) * p.connectivity().outDegree(i);
                    }
                }
            }
        }
        final List<RunSummary.PopulationRate> rates = new ArrayList<>();
        long recorded = 0;
        for (int m = 0; m < monitors.size(); m++)
        {
            final int size = monitors.get(m).population().size();
            rates.add(new RunSummary.PopulationRate(monitors.get(m).population().name(), size,
                spool.total(m) / (double) size / (setup.durationMs() / 1000.0)));
            recorded += size;
        }
        return new RunSummary(setup.name(), (int) setup.network().neuronCount(), (int) recorded, synapses, bytes,
            spool.total(), rates, setup.durationMs(), sim.network().dt(), sim.network().seed(), sim.threads(),
            buildNanos / 1e9, runNanos / 1e9, events, MemoryUse.peakHeapBytes());
    }
}
