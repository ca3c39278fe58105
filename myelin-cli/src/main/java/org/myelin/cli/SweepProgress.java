package org.myelin.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a sweep on a terminal: one line, drawn at the start and redrawn as each point
 * finishes, with the share of points done, how many failed, elapsed time and ETA, in the style of
 * {@link Progress}'s bar; erased at the end. Elsewhere (a log, a pipe) it prints nothing, so the log holds the
 * failures and the final summary only.
 */
final class SweepProgress implements AutoCloseable
{
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private final int total;
    private int done;
    private int failed;
    private boolean drawn;

    /**
     * @param err      where to write.
     * @param terminal whether {@code err} is a terminal; false for no output at all.
     * @param clock    nanoseconds, e.g. {@code System::nanoTime}; the sweep starts at the first reading.
     * @param total    the points of the sweep.
     */
    SweepProgress(final PrintStream err, final boolean terminal, final LongSupplier clock, final int total)
    {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.total = total;
    }

    /** Draws the line before any point has finished. */
    synchronized void begin()
    {
        draw();
    }

    /** Counts a finished point and redraws the line. */
    synchronized void finished(final boolean ok)
    {
        done++;
        failed += ok ? 0 : 1;
        if (done < total)
        {
            draw();
        }
    }

    private void draw()
    {
        if (terminal)
        {
            err.print("\r" + line(clock.getAsLong() - start) + "\033[K");
            err.flush();
            drawn = true;
        }
    }

    /** The points finished so far. */
    synchronized int done()
    {
        return done;
    }

    /** The progress text, without line ending. */
    synchronized String line(final long elapsedNanos)
    {
        final double seconds = elapsedNanos / 1e9;
        final double share = done / (double) total;
        return String.format(Locale.ROOT, "sweeping %s %3d %%, %d of %d points%s, elapsed %s, ETA %s",
            Progress.bar(share), (int) Math.floor(share * 100), done, total, failed == 0 ? "" : " (" + failed
                + " failed)", Progress.clockTime(seconds), done == 0 ? "?" : Progress.clockTime(seconds * (total - done)
                    / done));
    }

    /** Prints a line to {@code target} above the progress line, which comes back at the next point. */
    synchronized void message(final String text, final PrintWriter target)
    {
        close();
        target.println(text);
        target.flush();
    }

    /** Erases the line. */
    @Override
    public synchronized void close()
    {
        if (drawn)
        {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
