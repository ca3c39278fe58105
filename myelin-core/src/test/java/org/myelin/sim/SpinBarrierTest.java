package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Test;

class SpinBarrierTest
{
    private static final int PARTIES = 3;

    @Test
    void noPartyShouldPassARoundBeforeEveryPartyHasArrivedEvenWhenWaitersPark() throws InterruptedException
    {
        final int rounds = 300;
        final SpinBarrier barrier = new SpinBarrier(PARTIES);
        final AtomicInteger[] arrivals = new AtomicInteger[rounds];
        for (int r = 0; r < rounds; r++)
        {
            arrivals[r] = new AtomicInteger();
        }
        final AtomicReferenceArray<String> violation = new AtomicReferenceArray<>(1);
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PARTIES; p++)
        {
            final int party = p;
            threads.add(Thread.ofPlatform().start(() ->
            {
                for (int r = 0; r < rounds; r++)
                {
                    if (r % 50 == party)
                    {
                        // a late party: the others spin out and park
                        sleepQuietly(3);
                    }
                    arrivals[r].incrementAndGet();
                    barrier.await();
                    if (arrivals[r].get() != PARTIES)
                    {
                        violation.compareAndSet(0, null, "round " + r + " passed with " + arrivals[r].get());
                    }
                }
            }));
        }
        for (final Thread t : threads)
        {
            t.join(30_000);
            assertThat(t.isAlive()).as("a party is stuck at the barrier").isFalse();
        }
        assertThat(violation.get(0)).isNull();
        assertThat(barrier.failure()).isNull();
    }

    @Test
    void breakingTheBarrierShouldReleaseParkedWaitersWithTheCause() throws InterruptedException
    {
        final SpinBarrier barrier = new SpinBarrier(PARTIES);
        final IllegalStateException cause = new IllegalStateException("worker 2 failed");
        final List<AtomicReference<Throwable>> seen = new ArrayList<>();
        final List<Thread> waiters = new ArrayList<>();
        for (int p = 0; p < PARTIES - 1; p++)
        {
            final AtomicReference<Throwable> thrown = new AtomicReference<>();
            seen.add(thrown);
            waiters.add(Thread.ofPlatform().start(() ->
            {
                try
                {
                    barrier.await();
                }
                catch (final SpinBarrier.BrokenException e)
                {
                    thrown.set(e);
                }
            }));
        }
        sleepQuietly(50);
        barrier.breakBarrier(cause);
        for (final Thread t : waiters)
        {
            t.join(10_000);
            assertThat(t.isAlive()).as("a waiter is still parked").isFalse();
        }
        for (final AtomicReference<Throwable> thrown : seen)
        {
            assertThat(thrown.get()).isInstanceOf(SpinBarrier.BrokenException.class)
                .hasMessage("another worker failed").hasCause(cause);
        }
        assertThat(barrier.failure()).isSameAs(cause);
    }

    private static void sleepQuietly(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
