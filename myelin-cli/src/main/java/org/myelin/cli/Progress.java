package org.myelin.cli;

import java.io.PrintStream;
import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.myelin.sim.ProgressListener;

/**
 * A progress bar on stderr with elapsed time, ETA and bio-seconds per wall-second, shown only once
 * a run has taken more than about a second, so short runs print nothing.
 */
final class Progress implements ProgressListener, AutoCloseable
{
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final double dtMs;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    Progress(final PrintStream err, final double dtMs, final boolean enabled)
    {
        this.err = err;
        this.dtMs = dtMs;
        this.enabled = enabled;
    }

    @Override
    public void progress(final long stepsDone, final long stepsTotal)
    {
        if (!enabled)
        {
            return;
        }
        final long elapsed = System.nanoTime() - start;
        if (bar == null)
        {
            if (elapsed < SHOW_AFTER_NANOS || stepsDone == stepsTotal)
            {
                return;
            }
            bar = new ProgressBarBuilder()
                .setTaskName("simulating")
                .setInitialMax(stepsTotal)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .startsFrom(0, Duration.ofNanos(elapsed))
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
        }
        bar.stepTo(stepsDone);
        final double bioSeconds = stepsDone * dtMs / 1000.0;
        bar.setExtraMessage(String.format(java.util.Locale.ROOT, "%.2f bio-s/s", bioSeconds / (elapsed / 1e9)));
    }

    @Override
    public void close()
    {
        if (bar != null)
        {
            bar.close();
        }
    }
}
