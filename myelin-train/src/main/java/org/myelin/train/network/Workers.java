package org.myelin.train.network;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.myelin.util.Check;

/**
 * A fixed pool of worker threads that runs numbered tasks: each worker takes the next task
 * number until none is left. Tasks must write disjoint memory and compute the same result
 * whichever worker runs them; then results do not depend on the number of threads.
 */
public final class Workers implements AutoCloseable
{
    private final int threads;
    private final ExecutorService pool;

    /** @param threads workers, {@code >= 1} (the caller is one of them). */
    public Workers(final int threads)
    {
        this.threads = Check.atLeast("training", "threads", threads, 1);
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable ->
        {
            final Thread t = new Thread(runnable, "myelin-train-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Workers. */
    public int threads()
    {
        return threads;
    }

    /** Runs {@code task.accept(i)} for every {@code i < tasks} and returns when all are done. */
    public void run(final int tasks, final IntConsumer task)
    {
        if (pool == null || tasks <= 1)
        {
            for (int i = 0; i < tasks; i++)
            {
                task.accept(i);
            }
            return;
        }
        final AtomicInteger next = new AtomicInteger();
        final Runnable worker = () ->
        {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement())
            {
                task.accept(i);
            }
        };
        final List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < Math.min(threads, tasks); t++)
        {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try
        {
            worker.run();
        }
        catch (final RuntimeException e)
        {
            failure = e;
            next.set(tasks);
        }
        for (final Future<?> f : futures)
        {
            try
            {
                f.get();
            }
            catch (final ExecutionException e)
            {
                if (failure == null)
                {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    @Override
    public void close()
    {
        if (pool != null)
        {
            pool.shutdownNow();
        }
    }
}
