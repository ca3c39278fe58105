package org.myelin.mpi;

/**
 * The processes of one run and the collectives they take part in together (MPI's
 * {@code MPI_COMM_WORLD}). Every process calls each collective in the same order with matching
 * counts; the arrays are Java arrays, so callers need no native memory.
 *
 * <p>{@link #world()} is a {@link SingleProcess} in a plain run and binds Open MPI
 * ({@link OpenMpi}) only when the process was started by {@code mpirun}, so a plain run needs
 * no MPI installed.
 */
public interface Communicator extends AutoCloseable
{
    /** Set by Open MPI's {@code mpirun} in every process it starts: the number of processes. */
    String MPIRUN_SIZE_VARIABLE = "OMPI_COMM_WORLD_SIZE";

    /** This process's number, in {@code [0, size())}. */
    int rank();

    /** The number of processes, {@code >= 1}. */
    int size();

    /** Returns when every process has called it. */
    void barrier();

    /**
     * Every process sends {@code count} ints; {@code receive[r·count + i]} is element i of rank r's.
     */
    void allgather(int[] send, int count, int[] receive);

    /**
     * Every process sends {@code sendCount} ints; rank r's land at
     * {@code receive[displacements[r] ...]}, {@code counts[r]} of them (which must equal what r sends).
     */
    void allgatherv(int[] send, int sendCount, int[] receive, int[] counts, int[] displacements);

    /** The byte form of {@link #allgatherv(int[], int, int[], int[], int[])}. */
    void allgatherv(byte[] send, int sendCount, byte[] receive, int[] counts, int[] displacements);

    /** The double form of {@link #allgatherv(int[], int, int[], int[], int[])}. */
    void allgatherv(double[] send, int sendCount, double[] receive, int[] counts, int[] displacements);

    /**
     * Every process sends {@code count} ints to each rank: {@code send[r·count ...]} goes to rank r
     * and rank r's block for this process lands at {@code receive[r·count ...]}.
     */
    void alltoall(int[] send, int count, int[] receive);

    /**
     * Every process sends {@code sendCounts[r]} ints from {@code send[sendDisplacements[r] ...]} to
     * rank r, and receives {@code receiveCounts[r]} ints from rank r at
     * {@code receive[receiveDisplacements[r] ...]}.
     */
    void alltoallv(int[] send, int[] sendCounts, int[] sendDisplacements, int[] receive, int[] receiveCounts,
        int[] receiveDisplacements);

    /** Ends every process of the run with {@code exitCode} (after a failure that the others cannot see). */
    void abort(int exitCode);

    /** Leaves the communicator (MPI_Finalize); no collective may follow. */
    @Override
    void close();

    /**
     * The processes of this run: Open MPI's world when started by {@code mpirun} (the variable
     * {@value #MPIRUN_SIZE_VARIABLE} is set), else this process alone.
     *
     * @throws MpiException if the run was started by {@code mpirun} but Open MPI cannot be loaded
     *                      or initialised.
     */
    static Communicator world()
    {
        return System.getenv(MPIRUN_SIZE_VARIABLE) == null ? new SingleProcess() : OpenMpi.initialize();
    }
}
