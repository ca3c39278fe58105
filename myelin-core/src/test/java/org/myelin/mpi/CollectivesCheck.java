package org.myelin.mpi;

import java.util.Arrays;

/**
 * Started by {@code mpirun} from {@link OpenMpiTest}: every rank runs each collective on values
 * that name their sender, compares what it received with what each rank must have sent, and
 * prints one line per check ("rank r: name ok" or "rank r: name FAILED ..."). Exits with 1 if a
 * check failed.
 */
public final class CollectivesCheck
{
    private CollectivesCheck()
    {
    }

    public static void main(final String[] args)
    {
        boolean failed = false;
        try (Communicator world = Communicator.world())
        {
            final int rank = world.rank();
            final int size = world.size();
            failed |= !report(rank, "size", size == Integer.parseInt(System.getenv(Communicator.MPIRUN_SIZE_VARIABLE)),
                "size " + size);
            world.barrier();

            final int[] gathered = new int[2 * size];
            world.allgather(new int[] {100 * rank, 100 * rank + 1}, 2, gathered);
            final int[] expectedGather = new int[2 * size];
            for (int r = 0; r < size; r++)
            {
                expectedGather[2 * r] = 100 * r;
                expectedGather[2 * r + 1] = 100 * r + 1;
            }
            failed |= !same(rank, "allgather", gathered, expectedGather);

            // rank r sends r + 1 values r·10 + i, so counts and displacements differ by rank
            final int[] counts = new int[size];
            final int[] displacements = new int[size];
            int total = 0;
            for (int r = 0; r < size; r++)
            {
                counts[r] = r + 1;
                displacements[r] = total;
                total += r + 1;
            }
            final int[] mine = new int[rank + 1];
            final byte[] mineBytes = new byte[rank + 1];
            for (int i = 0; i <= rank; i++)
            {
                mine[i] = rank * 10 + i;
                mineBytes[i] = (byte) (rank * 10 + i);
            }
            final int[] expectedV = new int[total];
            final byte[] expectedBytes = new byte[total];
            for (int r = 0; r < size; r++)
            {
                for (int i = 0; i <= r; i++)
                {
                    expectedV[displacements[r] + i] = r * 10 + i;
                    expectedBytes[displacements[r] + i] = (byte) (r * 10 + i);
                }
            }
            final int[] gatheredV = new int[total];
            world.allgatherv(mine, rank + 1, gatheredV, counts, displacements);
            failed |= !same(rank, "allgatherv", gatheredV, expectedV);
            final byte[] gatheredBytes = new byte[total];
            world.allgatherv(mineBytes, rank + 1, gatheredBytes, counts, displacements);
            failed |= !report(rank, "allgatherv bytes", Arrays.equals(gatheredBytes, expectedBytes),
                Arrays.toString(gatheredBytes));

            final double[] mineDoubles = new double[rank + 1];
            final double[] expectedDoubles = new double[total];
            for (int i = 0; i <= rank; i++)
            {
                mineDoubles[i] = rank + i / 8.0;
            }
            for (int r = 0; r < size; r++)
            {
                for (int i = 0; i <= r; i++)
                {
                    expectedDoubles[displacements[r] + i] = r + i / 8.0;
                }
            }
            final double[] gatheredDoubles = new double[total];
            world.allgatherv(mineDoubles, rank + 1, gatheredDoubles, counts, displacements);
            failed |= !report(rank, "allgatherv doubles", Arrays.equals(gatheredDoubles, expectedDoubles),
                Arrays.toString(gatheredDoubles));

            // block for rank d: 1000·sender + d
            final int[] toEach = new int[size];
            final int[] fromEach = new int[size];
            final int[] expectedAll = new int[size];
            for (int d = 0; d < size; d++)
            {
                toEach[d] = 1000 * rank + d;
                expectedAll[d] = 1000 * d + rank;
            }
            world.alltoall(toEach, 1, fromEach);
            failed |= !same(rank, "alltoall", fromEach, expectedAll);

            // to rank d: d + 1 values 1000·sender + 10·d + i; from rank s: rank + 1 values
            final int[] sendCounts = new int[size];
            final int[] sendDisplacements = new int[size];
            final int[] receiveCounts = new int[size];
            final int[] receiveDisplacements = new int[size];
            int sent = 0;
            for (int d = 0; d < size; d++)
            {
                sendCounts[d] = d + 1;
                sendDisplacements[d] = sent;
                sent += d + 1;
                receiveCounts[d] = rank + 1;
                receiveDisplacements[d] = d * (rank + 1);
            }
            final int[] sendV = new int[sent];
            for (int d = 0; d < size; d++)
            {
                for (int i = 0; i <= d; i++)
                {
                    sendV[sendDisplacements[d] + i] = 1000 * rank + 10 * d + i;
                }
            }
            final int[] receiveV = new int[size * (rank + 1)];
            final int[] expectedAllV = new int[size * (rank + 1)];
            for (int s = 0; s < size; s++)
            {
                for (int i = 0; i <= rank; i++)
                {
                    expectedAllV[s * (rank + 1) + i] = 1000 * s + 10 * rank + i;
                }
            }
            world.alltoallv(sendV, sendCounts, sendDisplacements, receiveV, receiveCounts, receiveDisplacements);
            failed |= !same(rank, "alltoallv", receiveV, expectedAllV);

            // a negative count is MPI's error, returned (not fatal) and turned into a message
            try
            {
                world.allgather(new int[1], -1, new int[size]);
                failed |= !report(rank, "error message", false, "a count of -1 was accepted");
            }
            catch (final MpiException e)
            {
                System.out.println("rank " + rank + ": error message: " + e.getMessage());
                failed |= !report(rank, "error code", e.errorCode() > 0, "code " + e.errorCode());
            }
            world.barrier();
        }
        System.exit(failed ? 1 : 0);
    }

    private static boolean same(final int rank, final String name, final int[] got, final int[] expected)
    {
        return report(rank, name, Arrays.equals(got, expected), "got " + Arrays.toString(got) + ", expected "
            + Arrays.toString(expected));
    }

    private static boolean report(final int rank, final String name, final boolean ok, final String detail)
    {
        System.out.println("rank " + rank + ": " + name + (ok ? " ok" : " FAILED " + detail));
        return ok;
    }
}
