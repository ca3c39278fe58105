package org.myelin.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.myelin.util.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code myelin} command. Bad input gives one line naming the argument and a non-zero exit
 * (2 for usage, 1 for a model or run error), never a stack trace; {@code MYELIN_DEBUG=1} shows
 * the trace of an unexpected failure.
 */
@Command(
    name = "myelin",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Simulates spiking neural networks.",
    footer = {"", "Examples:", "  myelin run", "  myelin run examples/coba.yaml", "  myelin validate examples/coba.yaml",
        "  myelin run --model cuba -N 8000 --duration 2s --threads 2 --out results",
        "  myelin sweep examples/cuba.yaml --vary seed=1,2,3 --out sweeps/cuba"})
public final class Main
{
    /** Exit code for bad command-line arguments. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a model error or a failed run. */
    public static final int EXIT_FAILURE = 1;

    /**
     * The subcommands by name, in the order of the help text. Picocli reads a command's
     * annotations by reflection when it is added, which for all of them and their options costs
     * a cold JVM most of a second, so a run adds only the command it was asked for.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(RunCommand.class, ResumeCommand.class,
        SweepCommand.class, ValidateCommand.class, PlotCommand.class, TrainCommand.class, CommandLine.HelpCommand.class);

    private Main()
    {
    }

    private static Map<String, Class<?>> subcommands(final Class<?>... commands)
    {
        final Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (final Class<?> command : commands)
        {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return byName;
    }

    /**
     * The command line for {@code args}: all subcommands for help, version and unknown names
     * (so that help lists them and a typo gets picocli's suggestion), else the one named.
     */
    static CommandLine commandLine(final String[] args)
    {
        final CommandLine cli = new CommandLine(new Main());
        final Class<?> named = args.length == 0 || "help".equals(args[0]) ? null : SUBCOMMANDS.get(args[0]);
        if (named != null)
        {
            cli.addSubcommand(named);
        }
        else
        {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        }
        return cli;
    }

    /** Entry point. */
    public static void main(final String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) ->
        {
            final CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            if (ex instanceof ModelException || ex instanceof UsageException)
            {
                final String name = cmd.getCommandSpec().qualifiedName();
                final String message = ex.getMessage();
                cmd.getErr().println(message.startsWith(name + ":") ? message : name + ": " + message);
                return ex instanceof UsageException ? EXIT_USAGE : EXIT_FAILURE;
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": failed: " + ex);
            if (System.getenv("MYELIN_DEBUG") != null)
            {
                ex.printStackTrace(cmd.getErr());
            }
            else
            {
                cmd.getErr().println("(set MYELIN_DEBUG=1 to see the stack trace)");
            }
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** A command-line argument that is syntactically fine but not allowed. */
    static final class UsageException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        UsageException(final String message)
        {
            super(message);
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"myelin " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
