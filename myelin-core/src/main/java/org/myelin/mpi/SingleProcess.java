package org.myelin.mpi;

import org.myelin.util.Check;

/** The communicator of a process that runs alone: rank 0 of 1, collectives are copies. */
public final class SingleProcess implements Communicator
{
    @Override
    public int rank()
    {
        return 0;
    }

    @Override
    public int size()
    {
        return 1;
    }

    @Override
    public void barrier()
    {
    }

    @Override
    public void allgather(final int[] send, final int count, final int[] receive)
    {
        System.arraycopy(send, 0, receive, 0, count);
    }

    @Override
    public void allgatherv(final int[] send, final int sendCount, final int[] receive, final int[] counts,
        final int[] displacements)
    {
        requireMatch(sendCount, counts[0]);
        System.arraycopy(send, 0, receive, displacements[0], sendCount);
    }

    @Override
    public void allgatherv(final byte[] send, final int sendCount, final byte[] receive, final int[] counts,
        final int[] displacements)
    {
        requireMatch(sendCount, counts[0]);
        System.arraycopy(send, 0, receive, displacements[0], sendCount);
    }

    @Override
    public void allgatherv(final double[] send, final int sendCount, final double[] receive, final int[] counts,
        final int[] displacements)
    {
        requireMatch(sendCount, counts[0]);
        System.arraycopy(send, 0, receive, displacements[0], sendCount);
    }

    @Override
    public void alltoall(final int[] send, final int count, final int[] receive)
    {
        System.arraycopy(send, 0, receive, 0, count);
    }

    @Override
    public void alltoallv(final int[] send, final int[] sendCounts, final int[] sendDisplacements,
        final int[] receive, final int[] receiveCounts, final int[] receiveDisplacements)
    {
        requireMatch(sendCounts[0], receiveCounts[0]);
        System.arraycopy(send, sendDisplacements[0], receive, receiveDisplacements[0], sendCounts[0]);
    }

    @Override
    public void abort(final int exitCode)
    {
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public void close()
    {
    }

    private static void requireMatch(final int sent, final int expected)
    {
        Check.that(sent == expected, "single-process communicator",
            "a process alone receives what it sends: sent " + sent + " elements, expected " + expected);
    }
}
