package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.base.Population;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class SpikeSpoolTest
{
    @Test
    void streamingInChunksWritesTheSameFilesAsHoldingEverySpike(@TempDir final Path dir) throws IOException
    {
        final Path whole = Files.createDirectory(dir.resolve("whole"));
        final Path streamed = Files.createDirectory(dir.resolve("streamed"));

        final ReferenceNetworks.Built a = ReferenceNetworks.coba(400, 0.1, 5);
        final List<SpikeMonitor> am = List.of(a.network().monitorSpikes(a.excitatory()),
            a.network().monitorSpikes(a.inhibitory()));
        new Simulation(a.network(), 1).runSteps(600, null);
        final SpikeRaster raster = SpikeRaster.of(am, 0.1);
        SpikeFiles.write(whole, raster);

        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        // monitors added in the other order: the spool numbers them by population all the same
        final List<SpikeMonitor> bm = List.of(b.network().monitorSpikes(b.inhibitory()),
            b.network().monitorSpikes(b.excitatory()));
        final Simulation sim = new Simulation(b.network(), 1);
        try (SpikeSpool spool = new SpikeSpool(streamed, List.of(b.excitatory(), b.inhibitory()), bm, 0.1))
        {
            for (int chunk = 0; chunk < 6; chunk++)
            {
                sim.runSteps(100, null);
                spool.drain();
                assertThat(bm.get(0).size()).isZero();
            }
            assertThat(spool.total()).isEqualTo(raster.size());
            assertThat(spool.total(b.excitatory())).isEqualTo(am.get(0).size());
            assertThat(spool.finish()).containsExactly(streamed.resolve(SpikeFiles.STEP_NPY),
                streamed.resolve(SpikeFiles.NEURON_NPY), streamed.resolve(SpikeFiles.CSV));
            final List<long[]> back = new ArrayList<>();
            try (SpikeCursor c = spool.open())
            {
                while (c.next())
                {
                    back.add(new long[] {c.step(), c.neuron(), c.population()});
                }
            }
            assertThat(back).hasSize(raster.size());
            for (int k = 0; k < raster.size(); k++)
            {
                assertThat(back.get(k)).containsExactly(raster.steps()[k], raster.neurons()[k],
                    raster.populationOf(raster.neurons()[k]));
            }
        }
        for (final String f : List.of(SpikeFiles.STEP_NPY, SpikeFiles.NEURON_NPY, SpikeFiles.CSV))
        {
            assertThat(Files.readAllBytes(streamed.resolve(f))).as(f)
                .isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
        assertThat(Npy.read(streamed.resolve(SpikeFiles.STEP_NPY)).shape()).containsExactly(raster.size());
        try (var files = Files.list(whole))
        {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    /**
     * A spool synced at a checkpoint, written on past it, then abandoned (as by a kill), continued
     * from the checkpoint's position by a new spool, writes the files of a spool that never stopped.
     */
    @Test
    void aSpoolContinuedFromItsSyncedPositionWritesTheFilesOfOneThatNeverStopped(@TempDir final Path dir)
        throws IOException
    {
        final Path whole = Files.createDirectory(dir.resolve("whole"));
        final Path continued = Files.createDirectory(dir.resolve("continued"));
        final ReferenceNetworks.Built a = ReferenceNetworks.coba(400, 0.1, 5);
        final List<SpikeMonitor> am = List.of(a.network().monitorSpikes(a.excitatory()),
            a.network().monitorSpikes(a.inhibitory()));
        new Simulation(a.network(), 1).runSteps(600, null);
        SpikeFiles.write(whole, SpikeRaster.of(am, 0.1));

        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final List<SpikeMonitor> bm = List.of(b.network().monitorSpikes(b.excitatory()),
            b.network().monitorSpikes(b.inhibitory()));
        final List<Population> numbering = List.of(b.excitatory(), b.inhibitory());
        final Simulation sim = new Simulation(b.network(), 1);
        final SpoolPosition saved;
        final long[] perMonitor;
        try (SpikeSpool first = new SpikeSpool(continued, numbering, bm, 0.1, null, true))
        {
            sim.runSteps(300, null);
            first.flush();
            saved = SpoolPosition.of(continued);
            perMonitor = first.perMonitor();
            Checkpoint.save(sim, dir.resolve("checkpoint"));
            sim.runSteps(200, null); // written after the checkpoint, then lost with the run
            first.drain();
            assertThat(first.total()).isGreaterThan(perMonitor[0] + perMonitor[1]);
        }
        assertThat(perMonitor[0] + perMonitor[1]).isGreaterThan(100);
        assertThat(saved.files().get(SpikeFiles.STEP_NPY)).isEqualTo(Npy.APPENDER_HEADER_BYTES + 8 * (perMonitor[0]
            + perMonitor[1]));

        final ReferenceNetworks.Built c = ReferenceNetworks.coba(400, 0.1, 5);
        final List<SpikeMonitor> cm = List.of(c.network().monitorSpikes(c.excitatory()),
            c.network().monitorSpikes(c.inhibitory()));
        final Simulation resumed = Checkpoint.restore(c.network(), dir.resolve("checkpoint"), 1);
        saved.cut(continued);
        try (SpikeSpool second = new SpikeSpool(continued, List.of(c.excitatory(), c.inhibitory()), cm, 0.1,
            perMonitor, true))
        {
            resumed.runSteps(300, null);
            second.drain();
            assertThat(second.total(c.excitatory())).isEqualTo(am.get(0).size());
            second.finish();
        }
        for (final String f : List.of(SpikeFiles.STEP_NPY, SpikeFiles.NEURON_NPY, SpikeFiles.CSV))
        {
            assertThat(Files.readAllBytes(continued.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }

    @Test
    void aSpoolWhosePairOfFilesDisagreesIsRefusedByName(@TempDir final Path dir) throws IOException
    {
        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final List<SpikeMonitor> bm = List.of(b.network().monitorSpikes(b.excitatory()));
        try (SpikeSpool first = new SpikeSpool(dir, List.of(b.excitatory()), bm, 0.1, null, true))
        {
            new Simulation(b.network(), 1).runSteps(300, null);
            first.flush();
        }
        final long spikes = (Files.size(dir.resolve(SpikeFiles.STEP_NPY)) - Npy.APPENDER_HEADER_BYTES) / 8;
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(dir.resolve(SpikeFiles.NEURON_NPY),
            java.nio.file.StandardOpenOption.WRITE))
        {
            c.truncate(c.size() - 4);
        }

        assertThatThrownBy(() -> new SpikeSpool(dir, List.of(b.excitatory()), bm, 0.1, new long[] {spikes}, true))
            .isInstanceOf(ModelException.class)
            .hasMessage(dir + ": " + SpikeFiles.STEP_NPY + " holds " + spikes + " spikes, " + SpikeFiles.NEURON_NPY
                + " " + (spikes - 1) + "; the files were cut or belong to another run");
    }

    @Test
    void neuronsAreNumberedOverEveryPopulationEvenWhenOnlyOneIsRecorded(@TempDir final Path dir) throws IOException
    {
        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final SpikeMonitor inhibitory = b.network().monitorSpikes(b.inhibitory());
        final List<Population> numbering = List.of(b.excitatory(), b.inhibitory());
        try (SpikeSpool spool = new SpikeSpool(dir, numbering, List.of(inhibitory), 0.1))
        {
            new Simulation(b.network(), 1).runSteps(300, null);
            spool.drain();
            spool.finish();
            assertThat(spool.total(b.excitatory())).isZero();
            assertThat(spool.offsets()).containsExactly(0, 320, 400);
            try (SpikeCursor c = spool.open())
            {
                assertThat(c.next()).isTrue();
                assertThat(c.neuron()).isBetween(320, 399);
                assertThat(c.population()).isEqualTo(1);
            }
        }
        assertThat(Files.readString(dir.resolve(SpikeFiles.CSV)).lines().skip(1)).allMatch(l -> l.endsWith(",I"));
    }

    @Test
    void anUnfinishedSpoolLeavesNoFileBehind(@TempDir final Path dir) throws IOException
    {
        final ReferenceNetworks.Built b = ReferenceNetworks.coba(400, 0.1, 5);
        final SpikeMonitor e = b.network().monitorSpikes(b.excitatory());
        try (SpikeSpool spool = new SpikeSpool(dir, List.of(e), 0.1))
        {
            new Simulation(b.network(), 1).runSteps(100, null);
            spool.drain();
            assertThatThrownBy(spool::open).isInstanceOf(IllegalStateException.class)
                .hasMessage("SpikeSpool: finish() before reading the spikes back");
        }
        try (var files = Files.list(dir))
        {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void spikeFilesOfDifferentLengthsAreNamedAsDamaged(@TempDir final Path dir) throws IOException
    {
        Npy.write(dir.resolve(SpikeFiles.STEP_NPY), new long[] {1, 2, 3});
        Npy.write(dir.resolve(SpikeFiles.NEURON_NPY), new int[] {0, 1});
        assertThatThrownBy(() -> SpikeFiles.cursor(dir, new int[] {0, 5})).isInstanceOf(ModelException.class)
            .hasMessage(dir + ": spikes_step.npy (<i8 [3]) and spikes_neuron.npy (<i4 [2]) are not an int64/int32 pair"
                + " of one length");
    }
}
