package org.myelin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.myelin.train.export.ModelFileExport;
import org.myelin.train.network.BatchResult;
import org.myelin.train.run.TrainingRun;
import org.myelin.train.spec.TrainingSpec;
import org.myelin.train.trainer.EpochMetrics;
import org.myelin.train.trainer.TrainingListener;
import org.myelin.util.ModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin train}: trains a network described in a YAML specification, or continues a run,
 * with a progress bar per epoch and the run's files in {@code --out} (see {@link TrainingRun}); a
 * spiking network that a model file can hold is exported to {@code DIR/export/} at the end, and
 * {@code --export DIR} exports a run's last epoch again (for another {@code --sample}).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a spiking or rate network by gradient descent (surrogate gradients, BPTT) on a task "
        + "generated in the project; writes metrics.csv, parameters per epoch, training.png, a checkpoint and, for a "
        + "spiking network, export/model.yaml that myelin run simulates.",
    footer = {"", "Examples:", "  myelin train examples/train-randman.yaml --out runs/randman",
        "  myelin train --resume runs/randman", "  myelin train --export runs/randman --sample 7"})
final class TrainCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The training specification (.yaml).")
    private Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the run's files go (default: runs/<name>).")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR after its last epoch.")
    private Path resume;

    @Option(names = "--export", paramLabel = "DIR", description = "Export the run in DIR (its last epoch) to "
        + "DIR/export/ as a model file with explicit connections, and do not train.")
    private Path export;

    @Option(names = "--sample", paramLabel = "K", description = "The test sample (the training sample when there is "
        + "no test set) whose input spikes the export holds (default: 0).")
    private int sample;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the specification's, or "
        + "one per processor); results do not depend on it.")
    private int threads;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws IOException
    {
        if (threads < 0)
        {
            throw new Main.UsageException("--threads must be >= 1, got " + threads);
        }
        final TrainingRun run;
        final Path dir;
        final PrintWriter stdout = spec.commandLine().getOut();
        if (export != null)
        {
            if (specFile != null || out != null || resume != null)
            {
                throw new Main.UsageException("--export DIR exports the run in DIR; give no SPEC, --out or --resume with "
                    + "it");
            }
            run = TrainingRun.resume(export, threads);
            printExport(stdout, export, run.export(sample));
            return 0;
        }
        if (resume != null)
        {
            if (specFile != null || out != null)
            {
                throw new Main.UsageException("--resume DIR continues the run in DIR; give no SPEC and no --out with it");
            }
            dir = resume;
            run = TrainingRun.resume(dir, threads);
        }
        else
        {
            if (specFile == null)
            {
                throw new Main.UsageException("give a training specification (SPEC.yaml) or --resume DIR");
            }
            if (!Files.isRegularFile(specFile))
            {
                throw new Main.UsageException("no such file: " + specFile);
            }
            final TrainingSpec training = TrainingSpec.read(specFile);
            dir = out != null ? out : Path.of("runs", training.name());
            run = TrainingRun.start(training, dir, threads);
        }
        run.checkExportSample(sample);
        final int epochs = run.spec().epochs();
        if (run.firstEpoch() > epochs)
        {
            stdout.printf(Locale.ROOT, "%s: all %d epochs are done%n", dir, epochs);
            stdout.flush();
            return 0;
        }
        stdout.printf(Locale.ROOT, "training %s: %d parameters, epochs %d-%d, batch %d, %s%n", run.spec().name(),
            run.network().parameters().stream().mapToInt(p -> p.size()).sum(), run.firstEpoch(), epochs,
            run.spec().batchSize(), run.trainer().optimizer().describe());
        stdout.flush();
        final EpochProgress progress = new EpochProgress(System.err, epochs, !noProgress, stdout);
        try
        {
            run.run(progress);
        }
        finally
        {
            progress.close();
        }
        stdout.printf(Locale.ROOT, "wrote %s (%s, %s, %s/, %s)%n", dir, TrainingRun.METRICS, TrainingRun.PLOT,
            TrainingRun.PARAMETERS, TrainingRun.CHECKPOINT);
        try
        {
            ModelFileExport.check(run.network());
        }
        catch (final ModelException e)
        {
            stdout.printf(Locale.ROOT, "no %s/: %s%n", TrainingRun.EXPORT, e.getMessage());
            stdout.flush();
            return 0;
        }
        printExport(stdout, dir, run.export(sample));
        return 0;
    }

    private void printExport(final PrintWriter stdout, final Path dir, final ModelFileExport.Written written)
    {
        final Path model = dir.resolve(TrainingRun.EXPORT).resolve(ModelFileExport.MODEL);
        stdout.printf(Locale.ROOT, "exported sample %d to %s: %s, %d synapses, %d spikes in %s%s; myelin run %s%n",
            sample, dir.resolve(TrainingRun.EXPORT), String.join(", ", written.populations()), written.synapses(),
            written.spikes(), ModelFileExport.EXPECTED_SPIKES, written.leftOut().isEmpty() ? ""
                : " (left out: " + String.join(", ", written.leftOut()) + ")", model);
        stdout.flush();
    }

    /**
     * A progress line over the batches of each epoch on stderr (redrawn on a terminal, at most five
     * times a second; nothing when stderr is not a terminal), and one line per epoch on stdout.
     */
    private static final class EpochProgress implements TrainingListener, AutoCloseable
    {
        private static final int BAR = 24;
        private static final long REDRAW_NANOS = 200_000_000L;

        private final PrintStream err;
        private final int epochs;
        private final boolean enabled;
        private final PrintWriter out;
        private long lastShown;
        private boolean shown;

        EpochProgress(final PrintStream err, final int epochs, final boolean enabled, final PrintWriter out)
        {
            this.err = err;
            this.epochs = epochs;
            this.enabled = enabled && Progress.stderrIsTerminal();
            this.out = out;
        }

        @Override
        public void batchDone(final int epoch, final int batch, final int batches, final BatchResult result,
            final double samplesPerSecond)
        {
            final long now = System.nanoTime();
            if (!enabled || (now - lastShown < REDRAW_NANOS && batch < batches))
            {
                return;
            }
            lastShown = now;
            final int filled = (int) ((long) BAR * batch / batches);
            err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d batches  loss %.4f  acc %.1f%%  %.0f samples/s\u001b[K",
                epoch, epochs, "#".repeat(filled), " ".repeat(BAR - filled), batch, batches, result.total(),
                100.0 * result.correct() / result.samples(), samplesPerSecond);
            err.flush();
            shown = true;
        }

        @Override
        public void epochDone(final EpochMetrics m)
        {
            close();
            out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  train %.2f%%  test %s  %.1f s%n", m.epoch(), epochs,
                m.loss(), 100 * m.trainAccuracy(), Double.isNaN(m.testAccuracy()) ? "-"
                    : String.format(Locale.ROOT, "%.2f%%", 100 * m.testAccuracy()), m.seconds());
            out.flush();
        }

        @Override
        public void close()
        {
            if (shown)
            {
                err.print("\r\u001b[K");
                err.flush();
                shown = false;
            }
        }
    }
}
