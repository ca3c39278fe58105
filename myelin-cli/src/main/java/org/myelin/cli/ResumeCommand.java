package org.myelin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.myelin.io.Checkpoint;
import org.myelin.util.ModelException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin resume DIR}: continues the run whose checkpoint is in {@code DIR/checkpoint}
 * (written by {@code myelin run --checkpoint-every}) to its planned end, or to a later end with
 * {@code --duration}, and writes into {@code DIR} the outputs of a run that never stopped.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {"Continues a run from the checkpoint that 'myelin run --checkpoint-every' keeps in DIR/checkpoint,",
        "with the run's model and options, and writes the outputs of the whole run into DIR."},
    footer = {"", "Examples:",
        "  myelin run examples/coba.yaml --duration 60s --checkpoint-every 10s --out results/coba",
        "  myelin resume results/coba                   on to t = 60 s after an interruption",
        "  myelin resume results/coba --duration 120s   on to t = 120 s"})
final class ResumeCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The output folder of the run to continue.")
    private Path dir;

    @Option(names = "--duration", paramLabel = "TIME",
        description = "The time the run ends at, with a unit, from its start (default: the run's planned end).")
    private String duration;

    @Option(names = "--threads", paramLabel = "t",
        description = {"Worker threads (default: the model file's, else one per 20 000 neurons). Spikes do not",
            "depend on it."})
    private Integer threads;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws IOException
    {
        final Path checkpoint = dir.resolve(RunCommand.CHECKPOINT);
        final Checkpoint.Manifest manifest = Checkpoint.manifest(checkpoint);
        final Map<String, String> notes = manifest.notes();
        if (!notes.containsKey("end-step"))
        {
            throw new ModelException("checkpoint " + checkpoint + " was not written by 'myelin run'; resume it with "
                + "Checkpoint.restore");
        }
        final List<String> args = new ArrayList<>();
        final String model = notes.get("model-file");
        if (model != null)
        {
            final Path file = Path.of(model);
            if (!Files.isRegularFile(file))
            {
                throw new ModelException("checkpoint " + checkpoint + ": its model file " + file + " is missing");
            }
            if (!sha256(file).equals(notes.get("model-file-sha256")))
            {
                throw new ModelException("checkpoint " + checkpoint + ": the model file " + file + " changed since "
                    + "the checkpoint was written; resume needs the file it was saved with");
            }
            args.add(model);
        }
        for (int k = 0; notes.containsKey("arg-" + k); k++)
        {
            args.add(notes.get("arg-" + k));
        }
        final double endMs = Long.parseLong(notes.get("end-step")) * manifest.dtMs();
        args.addAll(List.of("--out", dir.toString(), "--duration", duration != null ? duration : endMs + " ms"));
        if (threads != null)
        {
            args.addAll(List.of("--threads", threads.toString()));
        }
        if (noProgress)
        {
            args.add("--no-progress");
        }
        final RunCommand run = new RunCommand();
        run.resumeFrom = checkpoint;
        final CommandLine command = new CommandLine(run);
        command.setOut(spec.commandLine().getOut());
        command.setErr(spec.commandLine().getErr());
        try
        {
            command.parseArgs(args.toArray(new String[0]));
        }
        catch (final CommandLine.ParameterException e)
        {
            throw new Main.UsageException(e.getMessage());
        }
        return run.call();
    }

    /** The SHA-256 of a file, in hex: what a checkpoint remembers of its model file. */
    static String sha256(final Path file) throws IOException
    {
        final MessageDigest sha;
        try
        {
            sha = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha))
        {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
