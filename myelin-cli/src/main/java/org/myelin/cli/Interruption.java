package org.myelin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.myelin.io.RunFolder;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the unfinished run is removed, one line says so and
 * what the output folder holds, and the process ends with 128 + the signal's number (130, 143),
 * as a shell reports a program stopped by a signal. The handlers are in place while the run is
 * and the previous ones come back after it.
 */
final class Interruption implements AutoCloseable
{
    private record Installed(Signal signal, SignalHandler previous)
    {
    }

    private final List<Installed> installed = new ArrayList<>();

    private Interruption()
    {
    }

    /** Handles SIGINT and SIGTERM for the run into {@code folder} until closed. */
    static Interruption install(final RunFolder folder, final Progress progress, final PrintWriter err)
    {
        return onSignal(s -> stop(folder, progress, err, s));
    }

    /**
     * Calls {@code stop} on SIGINT or SIGTERM until closed; it should end the process
     * ({@link #halt}).
     */
    static Interruption onSignal(final java.util.function.Consumer<Signal> stop)
    {
        final Interruption i = new Interruption();
        for (final String name : List.of("INT", "TERM"))
        {
            try
            {
                final Signal signal = new Signal(name);
                final SignalHandler previous = Signal.handle(signal, stop::accept);
                i.installed.add(new Installed(signal, previous));
            }
            catch (final IllegalArgumentException e)
            {
                // the signal cannot be handled here (the JVM uses it, or the system lacks it): keep the default
            }
        }
        return i;
    }

    /** Ends the process at once with 128 + the signal's number, as a shell reports a program stopped by it. */
    static void halt(final Signal signal)
    {
        Runtime.getRuntime().halt(128 + signal.getNumber());
    }

    private static void stop(final RunFolder folder, final Progress progress, final PrintWriter err,
        final Signal signal)
    {
        progress.close();
        final boolean removed = folder.abort();
        final String where = "'" + folder.target() + "'";
        final Path checkpoint = folder.target().resolve(RunCommand.CHECKPOINT);
        final boolean resumable = removed && Files.isDirectory(checkpoint);
        err.println("myelin run: stopped by SIG" + signal.getName() + "; " + (removed
            ? "the unfinished run was removed, " + where + (resumable ? " holds its last checkpoint"
                : Files.exists(folder.target()) ? " holds the previous run" : " was not created")
            : "the run was complete and is in " + where)
            + (resumable ? "; continue with 'myelin resume " + folder.target() + "'" : ""));
        err.flush();
        halt(signal);
    }

    /** Puts the previous handlers back. */
    @Override
    public void close()
    {
        for (final Installed i : installed)
        {
            Signal.handle(i.signal(), i.previous());
        }
    }
}
