package org.myelin.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed group of worker threads that meet twice per time step.
 *
 * <p>A step lasts microseconds, so parking threads at once would cost more than the work:
 * waiters first spin with {@link Thread#onSpinWait()} (a balanced step on free cores ends here),
 * then yield, then park for short intervals. The fallback matters when there are more threads
 * than free cores: a spinning waiter would otherwise hold the core that the late worker needs. When a worker fails it {@link #breakBarrier(Throwable)}s the barrier and
 * every waiter leaves with a {@link BrokenException} instead of waiting forever.
 */
final class SpinBarrier
{
    /** Busy-wait iterations before yielding (about 10–50 µs). */
    private static final int SPINS = 1_000;
    /** Yields before parking. */
    private static final int YIELDS = 200;
    /** Park interval once spinning and yielding did not suffice. */
    private static final long PARK_NANOS = 20_000;

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
            if (spins < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (spins < SPINS + YIELDS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(PARK_NANOS);
            }
            spins++;
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
