package org.myelin.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.myelin.sim.ProgressListener;

/**
 * The progress of a run on stderr: the share done, biological time, throughput in biological
 * seconds and steps per wall second, elapsed time and ETA. On a terminal it is one line redrawn
 * in place a few times a second, shown once a run has taken a second and erased when the run
 * ends, so the summary follows on a clean screen. Anywhere else (a log file, a pipe) it is a
 * plain line every {@value #LOG_EVERY_SECONDS} seconds, with no carriage returns.
 */
final class Progress implements ProgressListener, AutoCloseable
{
    private static final long SECOND = 1_000_000_000L;
    private static final long SHOW_AFTER_NANOS = SECOND;
    private static final long REDRAW_NANOS = SECOND / 5;
    /** Seconds between two lines when stderr is not a terminal. */
    static final long LOG_EVERY_SECONDS = 5;
    private static final int BAR = 24;

    private final PrintStream err;
    private final double dtMs;
    private final boolean enabled;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long lastShown;
    private boolean drawn;

    /**
     * @param err      where to write.
     * @param dtMs     [ms] the time step.
     * @param enabled  false for no output at all.
     * @param terminal whether {@code err} is a terminal.
     * @param clock    nanoseconds, e.g. {@code System::nanoTime}; the run starts at the first reading.
     */
    Progress(final PrintStream err, final double dtMs, final boolean enabled, final boolean terminal,
        final LongSupplier clock)
    {
        this.err = err;
        this.dtMs = dtMs;
        this.enabled = enabled;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShown = start;
    }

    /** Whether this process's stderr is a terminal (on Linux; elsewhere whether there is an interactive console). */
    static boolean stderrIsTerminal()
    {
        if ("dumb".equals(System.getenv("TERM")))
        {
            return false;
        }
        final Path fd = Path.of("/proc/self/fd/2");
        try
        {
            if (Files.exists(fd))
            {
                final String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        }
        catch (final java.io.IOException | UnsupportedOperationException | SecurityException e)
        {
            // fall through to the console
        }
        return System.console() != null && System.console().isTerminal();
    }

    @Override
    public void progress(final long stepsDone, final long stepsTotal)
    {
        if (!enabled || stepsDone <= 0 || stepsDone >= stepsTotal)
        {
            return;
        }
        final long now = clock.getAsLong();
        final long elapsed = now - start;
        if (elapsed < (terminal ? SHOW_AFTER_NANOS : LOG_EVERY_SECONDS * SECOND)
            || now - lastShown < (terminal ? REDRAW_NANOS : LOG_EVERY_SECONDS * SECOND))
        {
            return;
        }
        lastShown = now;
        final String text = line(stepsDone, stepsTotal, elapsed);
        if (terminal)
        {
            err.print("\r" + text + "\033[K");
            drawn = true;
        }
        else
        {
            err.println(text);
        }
        err.flush();
    }

    /** The progress text, without line ending. */
    String line(final long done, final long total, final long elapsedNanos)
    {
        final double seconds = elapsedNanos / 1e9;
        final double share = done / (double) total;
        final StringBuilder s = new StringBuilder("simulating ");
        if (terminal)
        {
            s.append(bar(share)).append(' ');
        }
        s.append(String.format(Locale.ROOT, "%3d %%, %s of %s s biological time, %.2f bio-s/s, %,.0f steps/s, "
            + "elapsed %s, ETA %s", (int) Math.floor(share * 100), seconds(done), seconds(total),
            done * dtMs / 1000.0 / seconds, done / seconds, clockTime(seconds),
            clockTime(seconds * (total - done) / done)));
        return s.toString();
    }

    /** The bar of a terminal's progress line for {@code share} in [0, 1] done: {@code [======      ]}. */
    static String bar(final double share)
    {
        final int filled = (int) Math.round(share * BAR);
        return "[" + "=".repeat(filled) + " ".repeat(BAR - filled) + "]";
    }

    private String seconds(final long steps)
    {
        return String.format(Locale.ROOT, "%.2f", steps * dtMs / 1000.0);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clockTime(final double seconds)
    {
        final long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /**
     * Prints a line to {@code target} between two progress lines: on a terminal the redrawn line
     * is erased first and drawn again at the next update.
     */
    public void message(final String text, final java.io.PrintWriter target)
    {
        close();
        target.println(text);
        target.flush();
    }

    /** Ends the progress output: on a terminal the line is erased, so nothing of it stays. */
    @Override
    public void close()
    {
        if (drawn)
        {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
