package org.myelin.sim;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.myelin.mpi.Communicator;

/**
 * K ranks in one JVM, one thread each, for tests of the distributed simulation without mpirun:
 * a collective posts each rank's send array, waits for all, copies what MPI would deliver, and
 * waits again before the arrays may be reused.
 */
final class ThreadRanks implements Communicator
{
    private final int rank;
    private final Shared shared;

    private static final class Shared
    {
        final CyclicBarrier barrier;
        final Object[] sent;
        final int[][] counts;

        Shared(final int size)
        {
            barrier = new CyclicBarrier(size);
            sent = new Object[size];
            counts = new int[size][];
        }
    }

    private ThreadRanks(final int rank, final Shared shared)
    {
        this.rank = rank;
        this.shared = shared;
    }

    /** The communicators of {@code size} ranks that talk to one another. */
    static ThreadRanks[] of(final int size)
    {
        final Shared shared = new Shared(size);
        final ThreadRanks[] ranks = new ThreadRanks[size];
        for (int r = 0; r < size; r++)
        {
            ranks[r] = new ThreadRanks(r, shared);
        }
        return ranks;
    }

    @Override
    public int rank()
    {
        return rank;
    }

    @Override
    public int size()
    {
        return shared.sent.length;
    }

    @Override
    public void barrier()
    {
        await();
    }

    @Override
    public void allgather(final int[] send, final int count, final int[] receive)
    {
        post(java.util.Arrays.copyOf(send, count), null);
        for (int r = 0; r < size(); r++)
        {
            System.arraycopy(shared.sent[r], 0, receive, r * count, count);
        }
        await();
    }

    @Override
    public void allgatherv(final int[] send, final int sendCount, final int[] receive, final int[] counts,
        final int[] displacements)
    {
        gatherv(java.util.Arrays.copyOf(send, sendCount), receive, counts, displacements);
    }

    @Override
    public void allgatherv(final byte[] send, final int sendCount, final byte[] receive, final int[] counts,
        final int[] displacements)
    {
        gatherv(java.util.Arrays.copyOf(send, sendCount), receive, counts, displacements);
    }

    @Override
    public void allgatherv(final double[] send, final int sendCount, final double[] receive, final int[] counts,
        final int[] displacements)
    {
        gatherv(java.util.Arrays.copyOf(send, sendCount), receive, counts, displacements);
    }

    @Override
    public void alltoall(final int[] send, final int count, final int[] receive)
    {
        post(send.clone(), null);
        for (int r = 0; r < size(); r++)
        {
            System.arraycopy(shared.sent[r], rank * count, receive, r * count, count);
        }
        await();
    }

    @Override
    public void alltoallv(final int[] send, final int[] sendCounts, final int[] sendDisplacements,
        final int[] receive, final int[] receiveCounts, final int[] receiveDisplacements)
    {
        post(send.clone(), sendDisplacements.clone());
        for (int r = 0; r < size(); r++)
        {
            System.arraycopy(shared.sent[r], shared.counts[r][rank], receive, receiveDisplacements[r],
                receiveCounts[r]);
        }
        await();
    }

    @Override
    public void abort(final int exitCode)
    {
        throw new IllegalStateException("rank " + rank + " aborted with " + exitCode);
    }

    @Override
    public void close()
    {
    }

    /** allgatherv of any primitive array type: {@code sent} is this rank's copy of what it sends. */
    private void gatherv(final Object sent, final Object receive, final int[] counts, final int[] displacements)
    {
        post(sent, null);
        for (int r = 0; r < size(); r++)
        {
            System.arraycopy(shared.sent[r], 0, receive, displacements[r], counts[r]);
        }
        await();
    }

    private void post(final Object values, final int[] displacements)
    {
        shared.sent[rank] = values;
        shared.counts[rank] = displacements;
        await();
    }

    private void await()
    {
        try
        {
            shared.barrier.await(60, TimeUnit.SECONDS);
        }
        catch (final InterruptedException | BrokenBarrierException | TimeoutException e)
        {
            throw new IllegalStateException("rank " + rank + ": the other ranks did not arrive", e);
        }
    }
}
