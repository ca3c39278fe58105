package org.myelin.sim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for a fixed group of worker threads that meet twice per time step.
 *
 * <p>A step lasts microseconds, so parking threads would cost more than the work; waiters spin
 * with {@link Thread#onSpinWait()} and yield after a while so that an oversubscribed machine
 * still makes progress. When a worker fails it {@link #breakBarrier(Throwable)}s the barrier and
 * every waiter leaves with a {@link BrokenException} instead of waiting forever.
 */
final class SpinBarrier
{
    private static final int SPINS_BEFORE_YIELD = 20_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile Throwable failure;

    SpinBarrier(final int parties)
    {
        this.parties = parties;
    }

    /** Waits until every party has arrived. */
    void await()
    {
        if (parties == 1)
        {
            return;
        }
        final int gen = generation;
        if (arrived.incrementAndGet() == parties)
        {
            arrived.set(0);
            generation = gen + 1;
            return;
        }
        int spins = 0;
        while (generation == gen)
        {
            if (failure != null)
            {
                throw new BrokenException(failure);
            }
            if (++spins < SPINS_BEFORE_YIELD)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
    }

    /** Releases every waiter, now and later, with {@code cause}. */
    void breakBarrier(final Throwable cause)
    {
        if (failure == null)
        {
            failure = cause;
        }
    }

    /** The failure that broke the barrier, or null. */
    Throwable failure()
    {
        return failure;
    }

    /** Thrown in waiters when another worker failed. */
    static final class BrokenException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BrokenException(final Throwable cause)
        {
            super("another worker failed", cause, false, false);
        }
    }
}
