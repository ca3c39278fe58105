package org.myelin.train.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.myelin.io.Npy;
import org.myelin.plot.TrainingCurvesPlot;
import org.myelin.train.export.ModelFileExport;
import org.myelin.train.network.Sequential;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.spec.TrainingSpec;
import org.myelin.train.task.Dataset;
import org.myelin.train.trainer.EpochMetrics;
import org.myelin.train.trainer.Trainer;
import org.myelin.train.trainer.TrainingListener;
import org.myelin.util.AtomicFiles;
import org.myelin.util.ModelException;

/**
 * A training run in a directory: what {@code myelin train SPEC.yaml --out DIR} writes and
 * {@code myelin train --resume DIR} continues.
 *
 * <table>
 *   <caption>Files</caption>
 *   <tr><th>file</th><th>content</th></tr>
 *   <tr><td>{@code spec.yaml}</td><td>the specification as given (a resumed run reads it)</td></tr>
 *   <tr><td>{@code metrics.csv}</td><td>{@code epoch,loss,train_accuracy,test_accuracy,seconds}, one row per epoch</td></tr>
 *   <tr><td>{@code parameters/epoch-NNN/<parameter>.npy}</td><td>every parameter after epoch NNN, float64
 *       {@code [rows, columns]}</td></tr>
 *   <tr><td>{@code checkpoint/}</td><td>the last epoch done and the optimiser's state, for resuming</td></tr>
 *   <tr><td>{@code training.png}</td><td>loss and accuracy per epoch</td></tr>
 *   <tr><td>{@code export/}</td><td>the trained network as a model file for {@code myelin run}, with one
 *       sample's input ({@link ModelFileExport})</td></tr>
 * </table>
 * Every file is written to a temporary name and renamed, and an epoch's parameters and the
 * checkpoint are whole directories swapped in one rename: an interrupted run resumes from its
 * last complete epoch with the same batches, weights and optimiser state as an uninterrupted one.
 */
public final class TrainingRun
{
    /** The specification's copy. */
    public static final String SPEC = "spec.yaml";
    /** The metrics table. */
    public static final String METRICS = "metrics.csv";
    /** The loss and accuracy figure. */
    public static final String PLOT = "training.png";
    /** The per-epoch parameters. */
    public static final String PARAMETERS = "parameters";
    /** The state for resuming. */
    public static final String CHECKPOINT = "checkpoint";
    /** The model-file export of the trained network. */
    public static final String EXPORT = "export";
    /** The header of {@link #METRICS}. */
    public static final String HEADER = "epoch,loss,train_accuracy,test_accuracy,seconds";

    private final Path dir;
    private final TrainingSpec spec;
    private final Sequential network;
    private final Trainer trainer;
    private final TrainingSpec.Datasets data;
    private final List<EpochMetrics> done;
    private final int firstEpoch;

    private TrainingRun(final Path dir, final TrainingSpec spec, final Sequential network, final Trainer trainer,
        final TrainingSpec.Datasets data, final List<EpochMetrics> done)
    {
        this.data = data;
        this.dir = dir;
        this.spec = spec;
        this.network = network;
        this.trainer = trainer;
        this.done = new ArrayList<>(done);
        this.firstEpoch = done.size() + 1;
    }

    /**
     * A new run of {@code spec} in {@code dir} (created if needed; it must not hold a run already).
     *
     * @param threads worker threads (0: the specification's, or one per processor).
     */
    public static TrainingRun start(final TrainingSpec spec, final Path dir, final int threads) throws IOException
    {
        if (Files.exists(dir.resolve(METRICS)) || Files.exists(dir.resolve(CHECKPOINT)))
        {
            throw new ModelException("train: " + dir + " already holds a training run; continue it with --resume " + dir
                + " or choose another --out");
        }
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(SPEC), out -> out.write(spec.text().getBytes(StandardCharsets.UTF_8)));
        final TrainingSpec.Datasets data = spec.task().generate(spec.dt());
        final Sequential net = spec.network(data.train().units());
        return new TrainingRun(dir, spec, net, spec.trainer(net, data, threads(spec, threads)), data,
            List.of());
    }

    /** Continues the run in {@code dir} after its last complete epoch. */
    public static TrainingRun resume(final Path dir, final int threads) throws IOException
    {
        final Path specFile = dir.resolve(SPEC);
        final Path checkpoint = dir.resolve(CHECKPOINT);
        if (!Files.isRegularFile(specFile) || !Files.isDirectory(checkpoint))
        {
            throw new ModelException("train: " + dir + " holds no training run to resume (no " + SPEC + " and " + CHECKPOINT
                + "/); start one with myelin train SPEC.yaml --out " + dir);
        }
        final TrainingSpec spec = TrainingSpec.parse(specFile.toString(), Files.readString(specFile));
        final int epoch = Integer.parseInt(Files.readString(checkpoint.resolve("epoch")).strip());
        final TrainingSpec.Datasets data = spec.task().generate(spec.dt());
        final Sequential net = spec.network(data.train().units());
        final Trainer trainer = spec.trainer(net, data, threads(spec, threads));
        final Path parameters = epochDir(dir, epoch, spec.epochs());
        for (final Parameter p : net.parameters())
        {
            p.set(Npy.read(parameters.resolve(p.name() + ".npy")).values());
        }
        net.parametersChanged();
        final Map<String, double[]> state = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(checkpoint.resolve("optimizer")))
        {
            for (final Path f : (Iterable<Path>) files.sorted()::iterator)
            {
                final String name = f.getFileName().toString();
                state.put(name.substring(0, name.length() - ".npy".length()), Npy.read(f).values());
            }
        }
        trainer.optimizer().restore(state);
        final List<EpochMetrics> metrics = readMetrics(dir.resolve(METRICS), epoch);
        return new TrainingRun(dir, spec, net, trainer, data, metrics);
    }

    private static int threads(final TrainingSpec spec, final int requested)
    {
        if (requested > 0)
        {
            return requested;
        }
        return spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
    }

    /** The specification. */
    public TrainingSpec spec()
    {
        return spec;
    }

    /** The network being trained. */
    public Sequential network()
    {
        return network;
    }

    /** The trainer. */
    public Trainer trainer()
    {
        return trainer;
    }

    /** The first epoch this run will train (1 for a new run). */
    public int firstEpoch()
    {
        return firstEpoch;
    }

    /** The metrics of the epochs done so far. */
    public List<EpochMetrics> metrics()
    {
        return List.copyOf(done);
    }

    /** Trains the remaining epochs, writing the files after each; {@code progress} hears of every batch. */
    public List<EpochMetrics> run(final TrainingListener progress)
    {
        return run(progress, spec.epochs());
    }

    /** Trains up to epoch {@code lastEpoch} (at most the specification's), writing the files after each. */
    public List<EpochMetrics> run(final TrainingListener progress, final int lastEpoch)
    {
        return trainer.train(firstEpoch, Math.min(lastEpoch, spec.epochs()), new TrainingListener()
        {
            @Override
            public void batchDone(final int epoch, final int batch, final int batches,
                final org.myelin.train.network.BatchResult result, final double samplesPerSecond)
            {
                progress.batchDone(epoch, batch, batches, result, samplesPerSecond);
            }

            @Override
            public void epochDone(final EpochMetrics m)
            {
                done.add(m);
                try
                {
                    save(m.epoch());
                }
                catch (final IOException e)
                {
                    throw new ModelException("train: cannot write " + dir + ": " + e.getMessage(), e);
                }
                progress.epochDone(m);
            }
        });
    }

    /** The samples an export draws from: the test set, or the training set when there is none. */
    public Dataset exportSamples()
    {
        return data.test() != null && data.test().size() > 0 ? data.test() : data.train();
    }

    /** Checks that {@code sample} is one of {@link #exportSamples()}; the message names the range. */
    public void checkExportSample(final int sample)
    {
        final Dataset samples = exportSamples();
        if (sample < 0 || sample >= samples.size())
        {
            throw new ModelException("train: --sample " + sample + " is not in [0, " + samples.size() + ") of the "
                + (samples == data.train() ? "training" : "test") + " samples");
        }
    }

    /**
     * Writes the network as it is now (after the last epoch trained or resumed) into {@code export/}
     * as a model file, with sample {@code sample} of {@link #exportSamples()} as its input; the
     * directory is filled under a temporary name and swapped in by one rename. The network's
     * weights are rounded to float first, as the simulator stores them, so this ends the run's
     * training.
     *
     * @throws ModelException naming the first layer that a model file cannot hold, or the sample's range.
     */
    public ModelFileExport.Written export(final int sample) throws IOException
    {
        checkExportSample(sample);
        ModelFileExport.check(network);
        final Dataset samples = exportSamples();
        final String set = samples == data.train() ? "training" : "test";
        final var input = samples.batch(new int[] {sample}, null).input();
        final ModelFileExport.Written[] written = new ModelFileExport.Written[1];
        writeDirectory(dir.resolve(EXPORT), tmp -> written[0] = ModelFileExport.write(network, input, 0, spec.dt(),
            spec.name() + "-export", set + " sample " + sample + " after epoch " + done.size(), tmp));
        return written[0];
    }

    private void save(final int epoch) throws IOException
    {
        final Path target = epochDir(dir, epoch, spec.epochs());
        writeDirectory(target, tmp ->
        {
            for (final Parameter p : network.parameters())
            {
                Npy.write(tmp.resolve(p.name() + ".npy"), p.value(), p.rows(), p.columns());
            }
        });
        writeDirectory(dir.resolve(CHECKPOINT), tmp ->
        {
            Files.writeString(tmp.resolve("epoch"), epoch + "\n");
            final Path optimizer = Files.createDirectories(tmp.resolve("optimizer"));
            for (final Map.Entry<String, double[]> e : trainer.optimizer().state().entrySet())
            {
                Npy.write(optimizer.resolve(e.getKey() + ".npy"), e.getValue(), e.getValue().length);
            }
        });
        final StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (final EpochMetrics m : done)
        {
            csv.append(String.format(Locale.ROOT, "%d,%.9g,%.6f,%s,%.3f%n", m.epoch(), m.loss(), m.trainAccuracy(),
                Double.isNaN(m.testAccuracy()) ? "" : String.format(Locale.ROOT, "%.6f", m.testAccuracy()), m.seconds()));
        }
        AtomicFiles.write(dir.resolve(METRICS), out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
        final int n = done.size();
        final double[] x = new double[n];
        final double[] loss = new double[n];
        final double[] testLoss = new double[n];
        final double[] train = new double[n];
        final double[] test = new double[n];
        for (int k = 0; k < n; k++)
        {
            final EpochMetrics m = done.get(k);
            x[k] = m.epoch();
            loss[k] = m.loss();
            testLoss[k] = m.testLoss();
            train[k] = m.trainAccuracy();
            test[k] = m.testAccuracy();
        }
        new TrainingCurvesPlot(spec.name(), x, loss, testLoss, train, test).write(dir.resolve(PLOT));
    }

    /** The directory of one epoch's parameters, {@code parameters/epoch-007}. */
    public static Path epochDir(final Path dir, final int epoch, final int epochs)
    {
        final int width = Math.max(3, Integer.toString(epochs).length());
        return dir.resolve(PARAMETERS).resolve(String.format(Locale.ROOT, "epoch-%0" + width + "d", epoch));
    }

    /** Fills a temporary directory and swaps it in for {@code target} with one rename. */
    private static void writeDirectory(final Path target, final AtomicFiles.PathWriter fill) throws IOException
    {
        Files.createDirectories(target.getParent());
        final Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try
        {
            fill.writeTo(tmp);
        }
        catch (final IOException | RuntimeException e)
        {
            deleteTree(tmp);
            throw e;
        }
        final Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target))
        {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try
        {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final FileAlreadyExistsException e)
        {
            throw new IOException("cannot replace " + target, e);
        }
        deleteTree(old);
    }

    private static void deleteTree(final Path path) throws IOException
    {
        if (!Files.exists(path))
        {
            return;
        }
        try (Stream<Path> walk = Files.walk(path))
        {
            for (final Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
    }

    /** The first {@code epochs} rows of a metrics table. */
    static List<EpochMetrics> readMetrics(final Path file, final int epochs) throws IOException
    {
        final List<EpochMetrics> out = new ArrayList<>();
        final List<String> lines = Files.readAllLines(file);
        for (int k = 1; k < lines.size() && out.size() < epochs; k++)
        {
            final String[] f = lines.get(k).split(",", -1);
            out.add(new EpochMetrics(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), Double.NaN, Double.parseDouble(f[4]), Double.NaN));
        }
        if (out.size() < epochs)
        {
            throw new ModelException("train: " + file + " has " + out.size() + " epochs, the checkpoint " + epochs);
        }
        return out;
    }
}
