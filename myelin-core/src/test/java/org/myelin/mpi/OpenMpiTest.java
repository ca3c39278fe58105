package org.myelin.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenMpiTest
{
    @Test
    void shouldAgreeOnEveryCollectiveAcrossTwoProcesses() throws Exception
    {
        MpiRun.assumeAvailable();

        final MpiRun.Result result = MpiRun.java(2, CollectivesCheck.class.getName());

        assertThat(result.output()).doesNotContain("FAILED");
        for (final String check : new String[] {"size", "allgather", "allgatherv", "allgatherv bytes", "allgatherv doubles", "alltoall",
            "alltoallv", "error code"})
        {
            assertThat(result.output()).contains("rank 0: " + check + " ok", "rank 1: " + check + " ok");
        }
        assertThat(result.output()).contains(
            "rank 0: error message: MPI_Allgather failed on rank 0: MPI_ERR_COUNT: invalid count argument (MPI error 2)",
            "rank 1: error message: MPI_Allgather failed on rank 1: MPI_ERR_COUNT: invalid count argument (MPI error 2)");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void shouldBeOneProcessWithoutMpirun()
    {
        try (Communicator world = Communicator.world())
        {
            // the test JVM is not started by mpirun
            assertThat(world).isInstanceOf(SingleProcess.class);
            assertThat(world.rank()).isZero();
            assertThat(world.size()).isOne();
            final int[] received = new int[3];
            world.allgatherv(new int[] {4, 5, 6}, 3, received, new int[] {3}, new int[] {0});
            assertThat(received).containsExactly(4, 5, 6);
            final int[] all = new int[2];
            world.alltoallv(new int[] {9, 7, 8}, new int[] {2}, new int[] {1}, all, new int[] {2}, new int[] {0});
            assertThat(all).containsExactly(7, 8);
        }
    }

    @Test
    void shouldRefuseASingleProcessReceiveOfAnotherLength()
    {
        final SingleProcess alone = new SingleProcess();

        assertThatThrownBy(() -> alone.allgatherv(new int[2], 2, new int[3], new int[] {3}, new int[] {0}))
            .isInstanceOf(org.myelin.util.ModelException.class)
            .hasMessage("single-process communicator: a process alone receives what it sends: sent 2 elements, "
                + "expected 3");
    }

    @Test
    void shouldNameTheLibraryThatCannotBeLoaded()
    {
        assertThatThrownBy(() -> OpenMpi.initialize("libmyelin-no-such-mpi.so.40"))
            .isInstanceOf(MpiException.class)
            .hasMessage("MPI: cannot load libmyelin-no-such-mpi.so.40; install Open MPI 4.1 (Debian: apt-get install "
                + "openmpi-bin libopenmpi-dev) or run without mpirun")
            .extracting(e -> ((MpiException) e).errorCode()).isEqualTo(-1);
    }
}
