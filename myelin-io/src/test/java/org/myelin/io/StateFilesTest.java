package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

class StateFilesTest
{
    @Test
    void aRecordingStreamedInChunksGivesTheFilesOfOneHeldInMemory(@TempDir final Path dir) throws IOException
    {
        final Path whole = Files.createDirectory(dir.resolve("whole"));
        final Path streamed = Files.createDirectory(dir.resolve("streamed"));
        final ReferenceNetworks.Built a = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor held = a.network().monitorState(a.excitatory(), "v", new int[] {0, 3, 319}, 3);
        new Simulation(a.network(), 1).runSteps(1000, null);
        StateFiles.write(whole, List.of(held), 0.1);

        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor chunked = b.network().monitorState(b.excitatory(), "v", new int[] {0, 3, 319}, 3);
        final Simulation sim = new Simulation(b.network(), 2);
        try (StateFiles.Spool spool = new StateFiles.Spool(streamed, List.of(chunked), 0.1,
            StateFiles.Spool.samples(1000, 3)))
        {
            for (int chunk = 0; chunk < 7; chunk++)
            {
                sim.runSteps(chunk < 6 ? 150 : 100, null);
                spool.drain();
                assertThat(chunked.sampleCount()).isZero();
            }
            assertThat(spool.finish()).hasSize(4);
            assertThat(spool.notes()).isEmpty();
        }
        assertThat(held.sampleCount()).isEqualTo(334);
        for (final String f : List.of("states_E_v.npy", "states_E_v_t.npy", "states_E_v_neurons.npy",
            "states_E_v.csv"))
        {
            if (f.endsWith(".csv"))
            {
                assertThat(Files.readString(streamed.resolve(f))).as(f).isEqualTo(Files.readString(whole.resolve(f)));
            }
            else
            {
                final Npy.Array expected = Npy.read(whole.resolve(f));
                final Npy.Array actual = Npy.read(streamed.resolve(f));
                assertThat(actual.shape()).as(f).isEqualTo(expected.shape());
                assertThat(actual.values()).as(f).isEqualTo(expected.values());
            }
        }
    }

    /**
     * A spool flushed at a checkpoint, written on past it, then abandoned (as by a kill), cut back
     * to the checkpoint's position and continued by a new spool, writes the files of a spool that
     * never stopped, byte for byte.
     */
    @Test
    void aSpoolCutBackToACheckpointAndContinuedWritesTheFilesOfOneThatNeverStopped(@TempDir final Path dir)
        throws IOException
    {
        final Path whole = Files.createDirectory(dir.resolve("whole"));
        final Path continued = Files.createDirectory(dir.resolve("continued"));
        final int[] neurons = {0, 3, 319};
        final ReferenceNetworks.Built a = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor held = a.network().monitorState(a.excitatory(), "v", neurons, 3);
        new Simulation(a.network(), 1).runSteps(1000, null);
        StateFiles.write(whole, List.of(held), 0.1);

        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor first = b.network().monitorState(b.excitatory(), "v", neurons, 3);
        final Simulation sim = new Simulation(b.network(), 2);
        final SpoolPosition saved;
        try (StateFiles.Spool spool = new StateFiles.Spool(continued, List.of(first), 0.1,
            StateFiles.Spool.samples(1000, 3), false, true))
        {
            sim.runSteps(400, null);
            spool.flush();
            saved = SpoolPosition.of(continued);
            Checkpoint.save(sim, dir.resolve("checkpoint"));
            sim.runSteps(300, null); // written after the checkpoint, then lost with the run
            spool.flush();
        }
        assertThat(saved.files()).containsOnlyKeys("states_E_v.npy", "states_E_v_t.npy", "states_E_v.csv")
            .containsEntry("states_E_v_t.npy", Npy.APPENDER_HEADER_BYTES + 8L * 134);
        assertThat(Files.size(continued.resolve("states_E_v_t.npy"))).isGreaterThan(saved.files().get(
            "states_E_v_t.npy"));

        final ReferenceNetworks.Built c = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor second = c.network().monitorState(c.excitatory(), "v", neurons, 3);
        final Simulation resumed = Checkpoint.restore(c.network(), dir.resolve("checkpoint"), 1);
        assertThat(second.sampleCount()).isZero();
        saved.cut(continued);
        try (StateFiles.Spool spool = new StateFiles.Spool(continued, List.of(second), 0.1,
            StateFiles.Spool.samples(1000, 3), true, true))
        {
            resumed.runSteps(600, null);
            spool.drain();
            spool.finish();
        }
        for (final String f : List.of("states_E_v.npy", "states_E_v_t.npy", "states_E_v_neurons.npy",
            "states_E_v.csv"))
        {
            assertThat(Files.readAllBytes(continued.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }

    @Test
    void aContinuedSpoolWhoseFilesDisagreeIsRefusedByName(@TempDir final Path dir) throws IOException
    {
        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor m = b.network().monitorState(b.excitatory(), "v", new int[] {1, 2}, 1);
        try (StateFiles.Spool spool = new StateFiles.Spool(dir, List.of(m), 0.1, 100, false, true))
        {
            new Simulation(b.network(), 1).runSteps(10, null);
            spool.flush();
        }
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(dir.resolve("states_E_v.npy"),
            java.nio.file.StandardOpenOption.WRITE))
        {
            c.truncate(c.size() - 8);
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StateFiles.Spool(dir, List.of(m), 0.1, 100, true,
            true)).isInstanceOf(org.myelin.util.ModelException.class).hasMessage(dir.resolve("states_E_v.npy")
                + ": holds 19 values, 10 samples of 2 neurons need 20; the files were cut or belong to another run");
    }

    @Test
    void aRecordingTooLargeForATableKeepsItsNpyFilesAndSaysWhy(@TempDir final Path dir) throws IOException
    {
        final ReferenceNetworks.Built a = ReferenceNetworks.coba(400, 0.1, 5);
        final StateMonitor all = a.network().monitorState(a.excitatory(), "v",
            java.util.stream.IntStream.range(0, 320).toArray(), 1);
        final long samples = StateFiles.CSV_LIMIT / 320 + 1;
        try (StateFiles.Spool spool = new StateFiles.Spool(dir, List.of(all), 0.1, samples))
        {
            new Simulation(a.network(), 1).runSteps(10, null);
            spool.drain();
            assertThat(spool.finish()).extracting(p -> p.getFileName().toString())
                .containsExactly("states_E_v.npy", "states_E_v_t.npy", "states_E_v_neurons.npy");
            assertThat(spool.notes()).containsExactly("states_E_v.csv not written: 20,000,320 values (more than "
                + "20,000,000); states_E_v.npy holds them");
        }
        assertThat(Npy.read(dir.resolve("states_E_v.npy")).shape()).containsExactly(10, 320);
    }

    @Test
    void theUnitsOfVariablesThatEveryModelNamesAlikeAreKnown()
    {
        assertThat(StateFiles.unit("v")).isEqualTo("mV");
        assertThat(StateFiles.unit("w")).isEqualTo("pA");
        assertThat(StateFiles.unit("m")).isEqualTo("1");
        assertThat(StateFiles.unit("ge")).isEmpty();
    }
}
