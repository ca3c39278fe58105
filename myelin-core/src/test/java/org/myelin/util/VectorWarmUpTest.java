package org.myelin.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class VectorWarmUpTest
{
    @Test
    void shouldBecomeReadyAfterEnoughConsecutiveFastCallsAndStartOnlyOnce() throws InterruptedException
    {
        final VectorWarmUp warmUp = new VectorWarmUp("test");
        final AtomicInteger calls = new AtomicInteger();
        assertThat(warmUp.ready()).isFalse();
        // a call that updates a million neurons in no time counts as compiled
        warmUp.start(state -> { calls.incrementAndGet(); return 1_000_000; });
        warmUp.start(state -> { throw new AssertionError("started twice"); });
        awaitFinished(warmUp);

        assertThat(warmUp.ready()).isTrue();
        assertThat(calls.get()).isEqualTo(VectorWarmUp.FAST_CALLS);
    }

    @Test
    void shouldStayOnTheScalarLoopWhenTheVectorLoopNeverGetsFast() throws InterruptedException
    {
        final VectorWarmUp warmUp = new VectorWarmUp("test", 50_000_000L);
        // a call that updates no neuron is never fast enough
        warmUp.start(state -> 0);
        awaitFinished(warmUp);

        assertThat(warmUp.ready()).isFalse();
    }

    @Test
    void shouldKeepTheCallsScratchStateBetweenCalls() throws InterruptedException
    {
        final VectorWarmUp warmUp = new VectorWarmUp("test");
        final AtomicInteger created = new AtomicInteger();
        warmUp.start(state ->
        {
            if (state[0] == null)
            {
                state[0] = created.incrementAndGet();
            }
            return 1_000_000;
        });
        awaitFinished(warmUp);

        assertThat(created.get()).isEqualTo(1);
    }

    private static void awaitFinished(final VectorWarmUp warmUp) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (!warmUp.finished() && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertThat(warmUp.finished()).isTrue();
    }
}
