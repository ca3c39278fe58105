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
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;

import org.myelin.io.Checkpoint;
import org.myelin.io.FileSpool;
import org.myelin.io.SpoolPosition;
import org.myelin.io.CheckpointWriter;
import org.myelin.io.Tasks;
import org.myelin.io.RunFolder;
import org.myelin.io.load.Models;
import org.myelin.io.RunInfo;
import org.myelin.io.SonataSpikes;
import org.myelin.io.SpikeSpool;
import org.myelin.io.StateFiles;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.model.Recording;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Lif;
import org.myelin.base.Population;
import org.myelin.plot.RasterPlot;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.sim.Network;
import org.myelin.sim.NonFiniteStateException;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.mpi.Communicator;
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
    /** Most bytes of state samples held between two moves to disk. */
    static final long CHUNK_STATE_BYTES = 8L << 20;
    /** Neurons of each population of a reference network whose v is recorded when states are asked for. */
    static final int REFERENCE_TRACES = 5;

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
        description = {"What to keep, comma-separated: all, none, spikes, states, or population names (their spikes",
            "and states). Default: all the model file monitors; for a reference network its spikes (states: v of",
            "the first 5 neurons of each population)."})
    private List<String> record;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
        description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--semantics", paramLabel = "WHOSE", defaultValue = "myelin",
        description = {"How NeuroML and LEMS files run: myelin (default: accurate integrators) or jlems (jLEMS's",
            "forward Euler, clock, refractory count and event timing, for jLEMS's spike steps)."})
    private String semantics;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = {"Replaces a value of the model file, by its path of keys (list items by name or index), read",
            "like the file's values: --set populations.E.parameters.tauM=\"15 ms\". Repeatable."})
    private List<String> settings;

    @Option(names = "--checkpoint-every", paramLabel = "TIME",
        description = {"Saves the simulation into DIR/checkpoint every TIME of simulated time and at the end, so",
            "that 'myelin resume DIR' continues it (the recordings stream into DIR/.checkpoint.* until the end)."})
    private String checkpointEvery;

    /** The checkpoint folder this run starts from ({@code myelin resume}), or null for a run from time 0. */
    Path resumeFrom;

    /** The name of the checkpoint folder in the output folder. */
    static final String CHECKPOINT = "checkpoint";

    @Option(names = "--no-plot", description = "Do not draw raster.png.")
    private boolean noPlot;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    private boolean noProgress;

    /** Set on the MPI ranks other than 0: they print no summary. */
    private boolean quiet;

    /**
     * Whether Ctrl-C and SIGTERM remove this run's unfinished folder and end the process: false
     * for the runs of a sweep, which share one process and its signal handlers.
     */
    private final boolean handlesSignals;

    /** The figures of the last finished run, null before. */
    private RunSummary summary;

    /** A run as {@code myelin run} makes it. */
    RunCommand()
    {
        this(true);
    }

    /** @param handlesSignals whether the run installs its own Ctrl-C and SIGTERM handlers. */
    RunCommand(final boolean handlesSignals)
    {
        this.handlesSignals = handlesSignals;
    }

    /** The figures of the last finished run (its outputs written), null before one finished. */
    RunSummary summary()
    {
        return summary;
    }

    /**
     * What the run and report need, whichever way the network was made.
     *
     * @param name          model name for the report.
     * @param network       the network.
     * @param spikeMonitors the spike monitors, in population order.
     * @param stateMonitors the state monitors.
     * @param durationMs    [ms] run time.
     * @param threads       worker threads.
     * @param notes         what the summary should say about the recordings and how the file was read.
     * @param outputs       files the model writes besides Myelin's outputs.
     */
    record Setup(String name, Network network, List<SpikeMonitor> spikeMonitors, List<StateMonitor> stateMonitors,
        double durationMs, int threads, List<String> notes, List<ModelFile.RunOutput> outputs)
    {
    }

    /**
     * Under {@code mpirun}, every rank runs the same command and shares the simulation
     * ({@link Simulation#Simulation(Network, int, Communicator)}); rank 0 writes
     * the outputs and prints the summary, the others write into a scratch folder that they delete.
     */
    @Override
    public Integer call() throws IOException
    {
        try (Communicator world = Communicator.world())
        {
            if (world.size() == 1)
            {
                return run(world);
            }
            if (world.rank() == 0)
            {
                return run(world);
            }
            final Path scratch = Files.createTempDirectory("myelin-rank-" + world.rank() + "-");
            out = scratch.resolve("out");
            noPlot = true;
            noProgress = true;
            quiet = true;
            try
            {
                return run(world);
            }
            finally
            {
                deleteTree(scratch);
            }
        }
    }

    /** Deletes a folder and everything in it. */
    private static void deleteTree(final Path dir) throws IOException
    {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    private Integer run(final Communicator world) throws IOException
    {
        final long t0 = System.nanoTime();
        if (checkpointEvery != null && modelFile != null && Models.isXml(modelFile))
        {
            throw new Main.UsageException("--checkpoint-every works with YAML model files and the reference networks; "
                + modelFile + " is a NeuroML or LEMS file, whose recordings a checkpoint does not hold");
        }
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
        final RunFolder folder;
        try
        {
            folder = RunFolder.open(out);
        }
        catch (final ModelException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        final PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
        try (folder; Progress progress = new Progress(err, setup.network().dt(), !noProgress,
            Progress.stderrIsTerminal(), System::nanoTime); Interruption stop = handlesSignals
                ? Interruption.install(folder, progress, spec.commandLine().getErr()) : null)
        {
            final Path staging = folder.staging();
            final int workers = setup.threads() == AUTO_THREADS ? Simulation.defaultThreads(setup.network())
                : setup.threads();
            if (!noPlot && !setup.spikeMonitors().isEmpty() && workers < Runtime.getRuntime().availableProcessors())
            {
                // on a core the simulation leaves free: a first raster in a fresh JVM is mostly loading and compiling
                Thread.ofPlatform().daemon().name("myelin-plot-warm-up").start(RasterPlot::warmUp);
            }
            final long checkpointSteps = checkpointSteps(setup);
            final Simulation sim = resumeFrom == null ? new Simulation(setup.network(), workers, world)
                : Checkpoint.restore(setup.network(), resumeFrom, workers, world);
            if (sim.step() > steps)
            {
                throw new Main.UsageException(String.format(Locale.ROOT, "the checkpoint in %s stands at t = %s ms, "
                    + "after the end of the run at %s ms; give a later --duration", resumeFrom,
                    Units.format(sim.timeMs()), Units.format(steps * setup.network().dt())));
            }
            final long t1 = System.nanoTime();
            final List<String> notes = new ArrayList<>(folder.cleaned());
            notes.addAll(setup.notes());
            if (world.size() > 1)
            {
                final int interval = sim.exchangeInterval();
                notes.add(String.format(Locale.ROOT, "distributed over %d MPI ranks × %d thread%s (each rank holds the "
                    + "synapses onto its slices and updates them; spikes exchanged every %s)", world.size(), workers,
                    workers == 1 ? "" : "s", interval == 1 ? "step" : interval + " steps"));
            }
            long writingNanos = 0;
            NonFiniteStateException stopped = null;
            boolean diskChecked = false;
            // a checkpointed run streams its recordings beside its checkpoint, where they outlive a killed run
            final boolean checkpointed = checkpointSteps > 0;
            // the spools of the run are rank 0's; the other ranks start theirs afresh in their scratch folders
            final java.util.Map<String, String> resumedNotes = checkpointed && resumeFrom != null
                && world.rank() == 0 ? Checkpoint.manifest(resumeFrom).notes() : null;
            if (checkpointed && resumeFrom == null)
            {
                removeCheckpoint(folder.target());
            }
            // the model's snapshots are taken between chunks, so a chunk ends at each snapshot step
            final long[] pauses = snapshotSteps(setup.outputs(), steps);
            final Path spikeDir = !checkpointed || setup.spikeMonitors().isEmpty() ? staging
                : spoolFolder(folder.target(), SPIKE_SPOOL, resumedNotes);
            final Path stateDir = !checkpointed || setup.stateMonitors().isEmpty() ? staging
                : spoolFolder(folder.target(), STATE_SPOOL, resumedNotes);
            final Path weightDir = !checkpointed || setup.outputs().isEmpty() ? staging
                : spoolFolder(folder.target(), WEIGHT_SPOOL, resumedNotes);
            try (SpikeSpool spool = setup.spikeMonitors().isEmpty() ? null
                : new SpikeSpool(spikeDir, setup.network().populations(), setup.spikeMonitors(), setup.network().dt(),
                    resumedNotes == null ? null : spikesPerMonitor(resumeFrom, resumedNotes), checkpointed);
                StateFiles.Spool states = new StateFiles.Spool(stateDir, setup.stateMonitors(), setup.network().dt(),
                    samples(setup.stateMonitors(), steps), resumedNotes != null && !stateDir.equals(staging),
                    checkpointed);
                Spools modelSpools = new Spools();
                // checkpoints are written while the run goes on; closed first, so none outlives the spools
                CheckpointWriter checkpoints = new CheckpointWriter())
            {
                for (final ModelFile.RunOutput o : setup.outputs())
                {
                    modelSpools.add(o.spool(weightDir, resumedNotes != null && !weightDir.equals(staging),
                        checkpointed));
                }
                final List<FileSpool> spools = new ArrayList<>();
                if (spool != null)
                {
                    spools.add(spool);
                }
                spools.add(states);
                spools.addAll(modelSpools.all);
                // in chunks: spikes and samples go to their files after each, so memory stays bounded on long runs
                final long chunk = chunkSteps(setup.stateMonitors());
                final List<Path> snapshots = new ArrayList<>();
                long done = sim.step();
                int pause = 0;
                // a resumed run took the snapshots before its checkpoint already
                while (pause < pauses.length && pauses[pause] < done)
                {
                    pause++;
                }
                while (done < steps && stopped == null)
                {
                    for (; pause < pauses.length && pauses[pause] == done; pause++)
                    {
                        snapshots.addAll(snapshot(sim, setup.outputs(), done, weightDir));
                    }
                    final long offset = done;
                    final long nextCheckpoint = checkpointSteps == 0 ? steps
                        : Math.min(steps, (done / checkpointSteps + 1) * checkpointSteps);
                    final long length = Math.min(Math.min(chunk, nextCheckpoint - done),
                        (pause < pauses.length ? pauses[pause] : steps) - done);
                    done += length;
                    try
                    {
                        sim.runSteps(length, (d, t) -> progress.progress(offset + d, steps));
                    }
                    catch (final NonFiniteStateException e)
                    {
                        // the simulation and its monitors are whole up to the step that made the value:
                        // what was recorded until then is written like a finished run's outputs
                        stopped = e;
                    }
                    final long w = System.nanoTime();
                    if (checkpointed && stopped == null && done < steps && done % checkpointSteps == 0)
                    {
                        checkpoint(checkpoints, sim, folder.target().resolve(CHECKPOINT), steps, checkpointSteps,
                            spool, spools, weightDir, setup.outputs());
                    }
                    else
                    {
                        drain(sim, setup.outputs(), spools);
                    }
                    writingNanos += System.nanoTime() - w;
                    if (!diskChecked && sim.step() * DISK_CHECK_FRACTION >= steps)
                    {
                        diskChecked = true;
                        final String warning = diskWarning(staging, sim.step(), steps,
                            spool == null ? 0 : spool.total());
                        if (warning != null)
                        {
                            notes.add(warning);
                            progress.message("myelin run: " + warning, spec.commandLine().getErr());
                        }
                    }
                }
                if (stopped == null && pause < pauses.length)
                {
                    snapshots.addAll(snapshot(sim, setup.outputs(), steps, weightDir));
                }
                // rank 0 writes the plastic weights of every rank's synapses
                shareState(sim, setup.outputs());
                final List<Path> checkpoint = new ArrayList<>();
                if (checkpointSteps > 0)
                {
                    if (stopped == null)
                    {
                        // the end is a checkpoint too, to extend the run with 'myelin resume --duration'
                        checkpoint(checkpoints, sim, staging.resolve(CHECKPOINT), steps, checkpointSteps, spool,
                            spools, weightDir, setup.outputs());
                        checkpoint.add(staging.resolve(CHECKPOINT));
                    }
                    drain(sim, setup.outputs(), spools);
                }
                progress.close();
                final long t2 = System.nanoTime();
                final double simulatedMs = sim.step() * setup.network().dt();
                if (stopped != null)
                {
                    notes.add(String.format(Locale.ROOT, "the run stopped after %.3f of %.3f ms: %s", simulatedMs,
                        setup.durationMs(), stopped.getMessage()));
                }
                final long simulationResident = MemoryUse.peakResidentBytes();
                final List<Path> written = new ArrayList<>();
                final RunInfo info = RunInfo.of(setup.name(), setup.network().populations(), setup.spikeMonitors(),
                    setup.network().dt(), simulatedMs, setup.stateMonitors());
                if (spool != null)
                {
                    for (final Path file : spool.finish())
                    {
                        written.add(linked(file, staging));
                    }
                    final long[] counts = new long[info.populations().size()];
                    for (int p = 0; p < counts.length; p++)
                    {
                        counts[p] = spool.total(setup.network().populations().get(p));
                    }
                    final Path h5 = staging.resolve(SonataSpikes.FILE);
                    final Path png = staging.resolve("raster.png");
                    // both only read the finished spool, so the raster is drawn on the second core
                    // while the HDF5 file is written
                    final FutureTask<Void> raster = noPlot ? null : new FutureTask<>(() ->
                    {
                        Pictures.raster(png, info, Pictures.spikes(spool::open));
                        return null;
                    });
                    if (raster != null)
                    {
                        Thread.ofPlatform().name("myelin-raster").start(raster);
                    }
                    try
                    {
                        SonataSpikes.write(h5, info.populations(), counts, spool::open, setup.network().dt());
                    }
                    finally
                    {
                        awaitOutput(raster);
                    }
                    written.add(h5);
                    if (raster != null)
                    {
                        written.add(png);
                    }
                }
                for (final Path file : states.finish())
                {
                    written.add(linked(file, staging));
                }
                notes.addAll(states.notes());
                final List<Path> modelFiles = new ArrayList<>(snapshots);
                gatherRecordings(sim, setup.outputs());
                for (final FileSpool s : modelSpools.all)
                {
                    modelFiles.addAll(s.finish());
                }
                if (weightDir.equals(staging))
                {
                    written.addAll(modelFiles);
                }
                else
                {
                    // the snapshots and samples of the whole run, those before a checkpoint it resumed from included
                    for (final Path file : SpoolPosition.of(weightDir).files().keySet().stream().map(weightDir::resolve)
                        .toList())
                    {
                        written.add(linked(file, staging));
                    }
                }
                checkpoints.await();
                written.addAll(checkpoint);
                written.add(info.write(staging, String.join("", setup.outputs().stream()
                    .map(ModelFile.RunOutput::runInfo).toList())));
                // files the model asks for: in the run folder, or where the model names them (a LEMS <OutputFile>)
                final List<Path> elsewhere = new ArrayList<>();
                for (final ModelFile.RunOutput o : setup.outputs())
                {
                    for (final Path p : o.write(staging))
                    {
                        (p.toAbsolutePath().startsWith(staging.toAbsolutePath()) ? written : elsewhere).add(p);
                    }
                }
                final Path text = staging.resolve("summary.txt");
                written.add(text);
                final long t3 = System.nanoTime();
                final RunSummary summary = summarise(setup, sim, simulatedMs, t1 - t0, t2 - t1 - writingNanos,
                    t3 - t2 + writingNanos, simulationResident);
                final List<Path> listed = new ArrayList<>(written.stream().map(p -> out.resolve(p.getFileName()))
                    .toList());
                listed.addAll(elsewhere);
                final String report = summary.format(listed, notes);
                AtomicFiles.write(text, o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
                folder.commit();
                this.summary = summary;
                if (!quiet)
                {
                    final PrintWriter stdout = spec.commandLine().getOut();
                    stdout.print(report);
                    stdout.flush();
                }
                if (stopped != null)
                {
                    spec.commandLine().getErr().printf(Locale.ROOT, "myelin run: %s; the outputs up to t = %.3f ms "
                        + "are in %s%n", stopped.getMessage(), simulatedMs, out);
                    return Main.EXIT_FAILURE;
                }
            }
        }
        return 0;
    }

    /**
     * Starts writing a checkpoint of {@code sim} into {@code dir} (once the one being written is
     * in place): the state is copied now, the files written on another thread while the run goes
     * on. The spools are drained first, so the checkpoint's monitors are empty, and their folders
     * forced to disk before the checkpoint that says how far their files go.
     */
    private void checkpoint(final CheckpointWriter checkpoints, final Simulation sim, final Path dir,
        final long endStep, final long checkpointSteps, final SpikeSpool spikes, final List<FileSpool> spools,
        final Path weightDir, final List<ModelFile.RunOutput> outputs) throws IOException
    {
        final java.util.Map<String, String> positions = new java.util.LinkedHashMap<>();
        final List<Path> folders = new ArrayList<>();
        gatherRecordings(sim, outputs);
        for (final FileSpool s : spools)
        {
            s.flush();
        }
        for (final Path folder : java.util.stream.Stream.concat(spools.stream().map(FileSpool::folder),
            java.util.stream.Stream.of(weightDir)).toList())
        {
            final String name = folder.getFileName().toString();
            if (SPOOLS.contains(name) && !folders.contains(folder))
            {
                folders.add(folder);
                positions.put(spoolNote(name), SpoolPosition.of(folder).note());
            }
        }
        if (spikes != null)
        {
            positions.put(SPIKES_PER_MONITOR, String.join(" ", java.util.Arrays.stream(spikes.perMonitor())
                .mapToObj(Long::toString).toList()));
        }
        // under several ranks every rank takes part in putting the state together; rank 0 writes it
        final Checkpoint.Snapshot snapshot = Checkpoint.snapshot(sim, checkpointNotes(endStep, checkpointSteps,
            positions));
        if (sim.ranks().rank() != 0)
        {
            return;
        }
        checkpoints.start(snapshot, dir, () ->
        {
            for (final Path folder : folders)
            {
                SpoolPosition.force(folder);
            }
        });
    }

    /** The spools of a model's own recordings, closed together. */
    private static final class Spools implements java.io.Closeable
    {
        private final List<FileSpool> all = new ArrayList<>();

        void add(final FileSpool spool)
        {
            if (spool != null)
            {
                all.add(spool);
            }
        }

        @Override
        public void close() throws IOException
        {
            IOException failed = null;
            for (final FileSpool s : all)
            {
                try
                {
                    s.close();
                }
                catch (final IOException e)
                {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null)
            {
                throw failed;
            }
        }
    }

    /** Moves the recorded spikes and samples to their files, those of every rank. */
    private static void drain(final Simulation sim, final List<ModelFile.RunOutput> outputs,
        final List<FileSpool> spools) throws IOException
    {
        gatherRecordings(sim, outputs);
        for (final FileSpool s : spools)
        {
            s.drain();
        }
    }

    /**
     * Steps between two checkpoints, 0 without {@code --checkpoint-every}.
     *
     * @throws Main.UsageException if the interval is not a whole number of steps.
     */
    private long checkpointSteps(final Setup setup)
    {
        if (checkpointEvery == null)
        {
            return 0;
        }
        final long every;
        try
        {
            every = Units.toSteps("myelin run", "--checkpoint-every", time("--checkpoint-every", checkpointEvery),
                setup.network().dt(), false);
        }
        catch (final ModelException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        return every;
    }

    /**
     * What {@code myelin resume} needs to run on: the model file, this run's options (but the
     * output folder, duration and thread count, which resume gives anew), the end step.
     */
    private java.util.Map<String, String> checkpointNotes(final long endStep, final long checkpointSteps,
        final java.util.Map<String, String> positions) throws IOException
    {
        final java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
        notes.put("end-step", Long.toString(endStep));
        notes.put("checkpoint-every-steps", Long.toString(checkpointSteps));
        // the spool files go up to here; the monitors in the checkpoint are empty
        notes.putAll(positions);
        if (modelFile != null)
        {
            notes.put("model-file", modelFile.toAbsolutePath().normalize().toString());
            notes.put("model-file-sha256", ResumeCommand.sha256(modelFile));
        }
        int k = 0;
        for (final picocli.CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions())
        {
            final String name = option.longestName();
            if (List.of("--out", "--duration", "--threads", "--no-progress").contains(name))
            {
                continue;
            }
            if (option.arity().max() == 0)
            {
                notes.put("arg-" + k++, name);
                continue;
            }
            for (final String value : option.originalStringValues())
            {
                notes.put("arg-" + k++, name);
                notes.put("arg-" + k++, value);
            }
        }
        return notes;
    }

    /** Checkpoint note: the spikes each spike monitor had streamed when the checkpoint was written. */
    private static final String SPIKES_PER_MONITOR = "spikes-per-monitor";

    /** The folders beside the checkpoint that a checkpointed run streams its spikes, states and weight snapshots into. */
    static final String SPIKE_SPOOL = ".checkpoint.spikes";
    static final String STATE_SPOOL = ".checkpoint.states";
    static final String WEIGHT_SPOOL = ".checkpoint.weights";
    private static final List<String> SPOOLS = List.of(SPIKE_SPOOL, STATE_SPOOL, WEIGHT_SPOOL);

    /** The checkpoint note that holds the position of a spool folder: {@code spool-spikes}, ... */
    static String spoolNote(final String spool)
    {
        return "spool-" + spool.substring(spool.lastIndexOf('.') + 1);
    }

    /** Deletes the checkpoint and the spools of the run a new checkpointed run into {@code target} replaces. */
    private static void removeCheckpoint(final Path target) throws IOException
    {
        RunFolder.deleteTree(target.resolve(CHECKPOINT));
        RunFolder.deleteTree(target.resolve("." + CHECKPOINT + ".previous"));
        for (final String spool : SPOOLS)
        {
            RunFolder.deleteTree(target.resolve(spool));
        }
    }

    /**
     * The spool folder {@code name} of a checkpointed run into {@code target}: a new run starts it
     * empty; a resumed run ({@code notes} of its checkpoint not null) cuts it back to the position
     * its checkpoint records, and, resuming a finished run whose spool went into its outputs, first
     * copies the files the position lists back (into a hidden folder renamed into place, so a kill
     * leaves none or all).
     *
     * @throws ModelException naming a file that the position needs and is missing or shorter.
     */
    private Path spoolFolder(final Path target, final String name, final java.util.Map<String, String> notes)
        throws IOException
    {
        final Path spool = target.resolve(name);
        if (notes == null)
        {
            return Files.createDirectories(spool);
        }
        final String note = spoolNote(name);
        if (!notes.containsKey(note))
        {
            throw new ModelException("checkpoint " + resumeFrom + " does not say how far the files of " + name
                + " go (" + note + " is missing from its notes); it was written by another Myelin or for another "
                + "model");
        }
        final SpoolPosition position = SpoolPosition.parse(notes.get(note), "checkpoint " + resumeFrom + ": note "
            + note);
        if (!Files.isDirectory(spool))
        {
            final Path copying = target.resolve(name + ".copying");
            RunFolder.deleteTree(copying);
            Files.createDirectories(copying);
            for (final String file : position.files().keySet())
            {
                if (!Files.isRegularFile(target.resolve(file)))
                {
                    throw new ModelException("myelin resume: " + target + " has neither the file " + file + " of its"
                        + " run nor its spool " + name + "; the run cannot be continued");
                }
                Files.copy(target.resolve(file), copying.resolve(file));
            }
            Files.move(copying, spool, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        position.cut(spool);
        return spool;
    }

    /** The spikes of each spike monitor when the checkpoint whose {@code notes} these are was written. */
    private static long[] spikesPerMonitor(final Path checkpoint, final java.util.Map<String, String> notes)
    {
        if (!notes.containsKey(SPIKES_PER_MONITOR))
        {
            throw new ModelException("checkpoint " + checkpoint + " does not say how many spikes its spool holds ("
                + SPIKES_PER_MONITOR + " is missing from its notes); it was written by another Myelin");
        }
        final String perMonitor = notes.get(SPIKES_PER_MONITOR).strip();
        return perMonitor.isEmpty() ? new long[0]
            : java.util.Arrays.stream(perMonitor.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** {@code file} in {@code staging}: itself when it is there, else a second name for it there. */
    private static Path linked(final Path file, final Path staging) throws IOException
    {
        return file.getParent().equals(staging) ? file : link(file, staging.resolve(file.getFileName()));
    }

    /** A second name for {@code file} at {@code link} (a copy where the file system has no hard links). */
    private static Path link(final Path file, final Path link) throws IOException
    {
        Files.deleteIfExists(link);
        try
        {
            return Files.createLink(link, file);
        }
        catch (final UnsupportedOperationException | IOException e)
        {
            return Files.copy(file, link);
        }
    }

    /**
     * Steps between two moves of the recordings to disk: {@value #CHUNK_STEPS}, fewer when the
     * state monitors would hold more than {@value #CHUNK_STATE_BYTES} bytes of samples in one chunk.
     */
    static long chunkSteps(final List<StateMonitor> monitors)
    {
        double bytesPerStep = 0;
        for (final StateMonitor m : monitors)
        {
            bytesPerStep += 8.0 * m.indices().length / m.every();
        }
        return Math.max(1, Math.min(CHUNK_STEPS, (long) (CHUNK_STATE_BYTES / Math.max(1, bytesPerStep))));
    }

    /** The steps in [0, steps] at which a model output takes a snapshot, ascending, each once. */
    static long[] snapshotSteps(final List<ModelFile.RunOutput> outputs, final long steps)
    {
        return outputs.stream().flatMapToLong(o -> java.util.Arrays.stream(o.snapshotSteps())).filter(s -> s <= steps)
            .distinct().sorted().toArray();
    }

    /** Under several ranks, gives every rank what the others recorded into the model's outputs. */
    private static void gatherRecordings(final Simulation sim, final List<ModelFile.RunOutput> outputs)
    {
        for (final ModelFile.RunOutput o : outputs)
        {
            o.gatherRecordings(sim);
        }
    }

    /** Under several ranks, gives rank 0 the state the others updated, if an output reads it (the weights). */
    private static void shareState(final Simulation sim, final List<ModelFile.RunOutput> outputs)
    {
        if (outputs.stream().anyMatch(ModelFile.RunOutput::readsSharedState))
        {
            sim.shareState();
        }
    }

    private static List<Path> snapshot(final Simulation sim, final List<ModelFile.RunOutput> outputs, final long step,
        final Path staging) throws IOException
    {
        shareState(sim, outputs);
        final List<Path> written = new ArrayList<>();
        for (final ModelFile.RunOutput o : outputs)
        {
            written.addAll(o.snapshot(step, staging));
        }
        return written;
    }

    /**
     * Waits for an output written on another thread and rethrows what it threw; waits even when
     * interrupted, so that no writer outlives the run folder's commit or clean-up.
     */
    static void awaitOutput(final FutureTask<Void> task) throws IOException
    {
        if (task != null)
        {
            Tasks.await(task);
        }
    }

    /** The share of a run after which the outputs' size is extrapolated (1/20: after 5 %). */
    static final long DISK_CHECK_FRACTION = 20;
    /** Bytes of spikes.h5 per spike (float64 time, uint32 node), written at the end. */
    private static final int SONATA_BYTES_PER_SPIKE = 12;

    /**
     * A warning when the outputs, extrapolated from what {@code dir} holds after {@code done} of
     * {@code steps} steps ({@code spikes} spikes so far, whose SONATA file comes at the end), will
     * not fit in the space left on its disk; null when they fit.
     */
    static String diskWarning(final Path dir, final long done, final long steps, final long spikes)
        throws IOException
    {
        long written = 0;
        try (var files = Files.walk(dir))
        {
            for (final Path f : (Iterable<Path>) files::iterator)
            {
                if (Files.isRegularFile(f))
                {
                    written += Files.size(f);
                }
            }
        }
        final double scale = (double) steps / Math.max(1, done);
        final double expected = (written + (double) SONATA_BYTES_PER_SPIKE * spikes) * scale;
        final long free = Files.getFileStore(dir).getUsableSpace();
        if (expected - written <= free)
        {
            return null;
        }
        return String.format(Locale.ROOT, "at the rate of the first %.0f %% of the run, its outputs will take about "
            + "%.1f GiB, but the disk of %s has %.1f GiB free; record fewer populations (--record), run for less, or "
            + "write elsewhere (--out)", 100.0 / scale, expected / GIB, dir.getParent(), free / GIB);
    }

    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private static long samples(final List<StateMonitor> monitors, final long steps)
    {
        return monitors.stream().mapToLong(m -> StateFiles.Spool.samples(steps, m.every())).max().orElse(0);
    }

    private boolean given(final String option)
    {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private double time(final String option, final String text)
    {
        return positiveTime("myelin run", option, text);
    }

    /**
     * A command's time option in ms: a quantity with a time unit and above 0, else a usage error
     * naming the option and what it got.
     */
    static double positiveTime(final String command, final String option, final String text)
    {
        final double ms;
        try
        {
            ms = Units.parse(command, option, text, Dimension.TIME);
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

    /** {@code PATH=VALUE} arguments of {@code --set} as path to value, in their order. */
    static java.util.Map<String, String> settings(final List<String> arguments)
    {
        final java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (final String a : arguments == null ? List.<String>of() : arguments)
        {
            final int eq = a.indexOf('=');
            if (eq <= 0)
            {
                throw new Main.UsageException("--set takes PATH=VALUE, such as --set populations.E.parameters.tauM="
                    + "\"15 ms\", got --set " + a);
            }
            if (out.put(a.substring(0, eq).strip(), a.substring(eq + 1)) != null)
            {
                throw new Main.UsageException("--set " + a.substring(0, eq).strip() + " is given twice");
            }
        }
        return out;
    }

    private Setup reference()
    {
        if (settings != null)
        {
            throw new Main.UsageException("--set replaces values of a model file; the reference networks take -N, "
                + "--dt, --duration and --seed");
        }
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
        final List<StateMonitor> states = new ArrayList<>();
        for (final Lif g : built.groups())
        {
            if (record == null || keep.spikes(g.name()))
            {
                monitors.add(built.network().monitorSpikes(g));
            }
            // asked for by name only: the plain command keeps to spikes
            if (record != null && keep.states(g.name()))
            {
                states.add(built.network().monitorState(g, "v", IntStream.range(0, Math.min(REFERENCE_TRACES,
                    g.size())).toArray(), 1));
            }
        }
        return new Setup(built.name(), built.network(), monitors, states, durationMs, workers, List.of(), List.of());
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
            given("--seed") ? seed : null, record, "jlems".equals(semantics), settings(settings));
        final ModelFile file = Models.load(modelFile, overrides);
        final List<String> notes = new ArrayList<>(file.notes());
        if (record != null && record.stream().map(String::strip).anyMatch(w -> w.equals("states") || w.equals("all"))
            && file.stateMonitors().isEmpty())
        {
            notes.add("no states recorded: " + modelFile.getFileName() + " monitors none (add 'monitors: states:' to"
                + " it, see docs/MODEL-FILES.md)");
        }
        return new Setup(file.name(), file.network(), file.spikeMonitors(), file.stateMonitors(), file.durationMs(),
            workers(file.threads()), notes, file.outputs());
    }

    private RunSummary summarise(final Setup setup, final Simulation sim, final double simulatedMs,
        final long buildNanos, final long runNanos, final long outputNanos, final long simulationResident)
    {
        long synapses = 0;
        long bytes = 0;
        long events = 0;
        for (final AlignPostProjection p : setup.network().projections())
        {
            synapses += p.connectivity().synapseCount();
            bytes += p.connectivity().memoryBytes();
            events += events(sim, p.source(), p.connectivity()::outDegree);
        }
        long plasticSynapses = 0;
        long plasticBytes = 0;
        for (final PlasticProjection p : setup.network().deliveries(PlasticProjection.class))
        {
            final long n = p.synapseCount();
            plasticSynapses += n;
            plasticBytes += Math.round(p.bytesPerSynapse() * n);
            events += events(sim, p.source(), p::outDegree);
        }
        synapses += plasticSynapses;
        bytes += plasticBytes;
        final long rankSynapses = synapses;
        final long peakResident = MemoryUse.peakResidentBytes();
        long[] rankPeakResident = null;
        final Communicator ranks = sim.ranks();
        if (ranks.size() > 1)
        {
            // a rank holds only the synapses onto its slices and counts only the events into them
            final int size = ranks.size();
            final double[] all = new double[3 * size];
            final int[] three = new int[size];
            final int[] at = new int[size];
            for (int r = 0; r < size; r++)
            {
                three[r] = 3;
                at[r] = 3 * r;
            }
            ranks.allgatherv(new double[] {synapses, events, peakResident}, 3, all, three, at);
            synapses = 0;
            events = 0;
            rankPeakResident = new long[size];
            for (int r = 0; r < size; r++)
            {
                synapses += (long) all[3 * r];
                events += (long) all[3 * r + 1];
                rankPeakResident[r] = (long) all[3 * r + 2];
            }
        }
        final List<RunSummary.PopulationCount> counts = new ArrayList<>();
        for (final Population p : setup.network().populations())
        {
            counts.add(new RunSummary.PopulationCount(p.name(), p.size(), sim.spikeCount(p),
                setup.spikeMonitors().stream().anyMatch(m -> m.population() == p)));
        }
        return new RunSummary(setup.name(), setup.network().neuronCount(), synapses, bytes, counts,
            recorded(setup), simulatedMs, sim.network().dt(), sim.network().seed(), sim.threads(),
            buildNanos / 1e9, runNanos / 1e9, outputNanos / 1e9, events, MemoryUse.peakHeapBytes(),
            simulationResident, peakResident, plasticSynapses, plasticBytes, rankSynapses, rankPeakResident);
    }

    /** Spikes of {@code source} delivered to the synapses of {@code connectivity}. */
    private static long events(final Simulation sim, final Population source,
        final java.util.function.IntUnaryOperator outDegree)
    {
        long events = 0;
        for (int i = 0; i < source.size(); i++)
        {
            final long spikes = sim.spikeCount(source, i);
            if (spikes > 0)
            {
                events += spikes * outDegree.applyAsInt(i);
            }
        }
        return events;
    }

    /** What was recorded, in words: {@code spikes of E, I; E.v (5 neurons)}. */
    private static String recorded(final Setup setup)
    {
        final List<String> parts = new ArrayList<>();
        if (!setup.spikeMonitors().isEmpty())
        {
            parts.add("spikes of " + String.join(", ", setup.spikeMonitors().stream().map(m -> m.population().name())
                .toList()));
        }
        for (final StateMonitor m : setup.stateMonitors())
        {
            final int n = m.indices().length;
            parts.add(String.format(Locale.ROOT, "%s.%s (%d neuron%s%s)", m.population().name(), m.variable(), n,
                n == 1 ? "" : "s", m.every() == 1 ? "" : ", every " + m.every() + " steps"));
        }
        return parts.isEmpty() ? "nothing (--record none)" : String.join("; ", parts);
    }
}
