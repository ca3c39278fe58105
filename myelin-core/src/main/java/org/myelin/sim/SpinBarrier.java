package org.myelin.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed group of worker threads that meet once per time step.
 *
 * <p>A step lasts microseconds, so waiters first spin with {@link Thread#onSpinWait()}; a waiter
 * that is still waiting after {@link #SPINS_BEFORE_PARK} spins parks, so that on a machine with
 * more runnable threads than cores it hands its core to the worker everybody waits for instead of
 * burning it (spinning there cost up to 100× the work per step). The last arriver starts the next
 * generation and, only if some waiter announced that it parks, unparks the registered waiters.
 * When a worker fails it {@link #breakBarrier(Throwable)}s the barrier and every waiter leaves
 * with a {@link BrokenException} instead of waiting forever.
 *
 * <p>No lost wake-up: a waiter registers its thread, increments {@code parked}, then re-reads the
 * generation before each park; the releaser writes the generation, then reads {@code parked}.
 * Volatile accesses are sequentially consistent, so either the waiter sees the new generation or
 * the releaser sees the announcement and unparks it. A stray unpark only costs one extra check.
 */
final class SpinBarrier
{
    /** Spins before a waiter parks: tens of microseconds, longer than a typical step's imbalance. */
    static final int SPINS_BEFORE_PARK = 2_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    /** The threads that parked at least once, in order of their first park; null after the last. */
    private final AtomicReferenceArray<Thread> sleepers;
    private volatile int generation;
    private volatile Throwable failure;

    SpinBarrier(final int parties)
    {
        this.parties = parties;
        this.sleepers = new AtomicReferenceArray<>(parties);
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
            if (parked.get() > 0)
            {
                wakeSleepers();
            }
            return;
        }
        for (int spins = 0; generation == gen; spins++)
        {
            checkFailure();
            if (spins < SPINS_BEFORE_PARK)
            {
                Thread.onSpinWait();
            }
            else
            {
                park(gen);
            }
        }
    }

    private void park(final int gen)
    {
        register(Thread.currentThread());
        parked.incrementAndGet();
        try
        {
            while (generation == gen)
            {
                checkFailure();
                LockSupport.park(this);
            }
        }
        finally
        {
            parked.decrementAndGet();
        }
    }

    private void register(final Thread self)
    {
        for (int k = 0; k < parties; k++)
        {
            final Thread t = sleepers.get(k);
            if (t == self || t == null && sleepers.compareAndSet(k, null, self))
            {
                return;
            }
        }
        throw new IllegalStateException("more threads than parties wait at the barrier");
    }

    private void wakeSleepers()
    {
        for (int k = 0; k < parties; k++)
        {
            final Thread t = sleepers.get(k);
            if (t == null)
            {
                return;
            }
            LockSupport.unpark(t);
        }
    }

    private void checkFailure()
    {
        if (failure != null)
        {
            throw new BrokenException(failure);
        }
    }

    /** Releases every waiter, now and later, with {@code cause}. */
    void breakBarrier(final Throwable cause)
    {
        if (failure == null)
        {
            failure = cause;
        }
        wakeSleepers();
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
