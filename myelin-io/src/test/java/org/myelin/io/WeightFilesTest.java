package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.connect.AllToAll;
import org.myelin.monitor.WeightMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.input.PoissonGroup;
import org.myelin.plasticity.PairStdp;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.projection.Inputs;
import org.myelin.util.ModelException;

class WeightFilesTest
{
    private static final List<String> FILES = List.of("w_t.npy", "w_w.npy", "w_i.npy", "w_j.npy");

    private record Built(Network network, WeightMonitor monitor)
    {
    }

    private static Built build()
    {
        final Network net = new Network(0.1, 3);
        final PoissonGroup input = net.add(new PoissonGroup("in", 20, 50));
        final Lif target = net.add(new Lif("out", 4, new Lif.Parameters(-60, -50, -60, 20, 1, 2, 12,
            Integrator.EXACT)));
        final PlasticProjection plastic = net.add(new PlasticProjection(new AlignPostProjection("p", input, target,
            new AllToAll(true), Inputs.current(target), 0.3, 0), PairStdp.song2000(1)));
        return new Built(net, plastic.monitorWeights(new int[] {0, 19, 7}, new int[] {3, 0, 2}, 3));
    }

    /**
     * A weight monitor streamed in chunks, flushed at a checkpoint, written on past it and
     * abandoned (as by a kill), then cut back and continued from the checkpoint with another thread
     * count, writes the files of one that held its samples through the run, byte for byte.
     */
    @Test
    void aMonitorStreamedCutBackAndContinuedWritesTheFilesOfOneHeldInMemory(@TempDir final Path dir)
        throws IOException
    {
        final Path whole = Files.createDirectory(dir.resolve("whole"));
        final Path continued = Files.createDirectory(dir.resolve("continued"));
        final Built a = build();
        new Simulation(a.network(), 1).runSteps(2000, null);
        try (WeightFiles.Spool spool = new WeightFiles.Spool(whole, List.of("w"), List.of(a.monitor()), false, false))
        {
            spool.drain();
            assertThat(spool.finish()).extracting(p -> p.getFileName().toString()).isEqualTo(FILES);
        }

        final Built b = build();
        final Simulation sim = new Simulation(b.network(), 2);
        final SpoolPosition saved;
        try (WeightFiles.Spool spool = new WeightFiles.Spool(continued, List.of("w"), List.of(b.monitor()), false,
            true))
        {
            sim.runSteps(400, null);
            spool.drain();
            sim.runSteps(300, null);
            spool.flush();
            saved = SpoolPosition.of(continued);
            Checkpoint.save(sim, dir.resolve("checkpoint"));
            sim.runSteps(300, null); // written after the checkpoint, then lost with the run
            spool.flush();
        }
        assertThat(saved.files()).containsEntry("w_t.npy", Npy.APPENDER_HEADER_BYTES + 8L * 234)
            .containsEntry("w_w.npy", Npy.APPENDER_HEADER_BYTES + 4L * 3 * 234);

        final Built c = build();
        final Simulation resumed = Checkpoint.restore(c.network(), dir.resolve("checkpoint"), 1);
        saved.cut(continued);
        try (WeightFiles.Spool spool = new WeightFiles.Spool(continued, List.of("w"), List.of(c.monitor()), true,
            true))
        {
            resumed.runSteps(1300, null);
            spool.drain();
            spool.finish();
        }
        for (final String f : FILES)
        {
            assertThat(continued.resolve(f)).as(f).hasSameBinaryContentAs(whole.resolve(f));
        }
        assertThat(Npy.read(whole.resolve("w_w.npy")).shape()).containsExactly(667, 3);
    }

    @Test
    void aContinuedMonitorWhoseFilesDisagreeIsRefusedByName(@TempDir final Path dir) throws IOException
    {
        final Built b = build();
        try (WeightFiles.Spool spool = new WeightFiles.Spool(dir, List.of("w"), List.of(b.monitor()), false, true))
        {
            new Simulation(b.network(), 1).runSteps(30, null);
            spool.flush();
        }
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(dir.resolve("w_w.npy"),
            java.nio.file.StandardOpenOption.WRITE))
        {
            c.truncate(c.size() - 4);
        }

        assertThatThrownBy(() -> new WeightFiles.Spool(dir, List.of("w"), List.of(b.monitor()), true, true))
            .isInstanceOf(ModelException.class).hasMessage(dir.resolve("w_w.npy") + ": holds 29 weights, 10 samples "
                + "of 3 synapses need 30; the files were cut or belong to another run");
        assertThat(dir.resolve("w_t.npy")).exists();
    }
}
