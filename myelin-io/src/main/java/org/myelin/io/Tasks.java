package org.myelin.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Waiting for output written on another thread (a checkpoint, a picture). */
public final class Tasks
{
    private Tasks()
    {
    }

    /**
     * Waits until {@code task} is done, even when interrupted (so that no writer outlives the run
     * that started it; the interrupt is kept for the caller), and returns its result.
     *
     * @throws IOException what the task threw: an {@link IOException} (also one wrapped in an
     *                     {@link UncheckedIOException}) as it is, other exceptions and errors
     *                     unchanged, anything else wrapped.
     */
    public static <T> T await(final FutureTask<T> task) throws IOException
    {
        boolean interrupted = false;
        try
        {
            while (true)
            {
                try
                {
                    return task.get();
                }
                catch (final InterruptedException e)
                {
                    interrupted = true;
                }
                catch (final ExecutionException e)
                {
                    switch (e.getCause())
                    {
                        case IOException io -> throw io;
                        case UncheckedIOException io -> throw io.getCause();
                        case RuntimeException re -> throw re;
                        case Error error -> throw error;
                        default -> throw new IOException("writing output failed: " + e.getCause(), e.getCause());
                    }
                }
            }
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
