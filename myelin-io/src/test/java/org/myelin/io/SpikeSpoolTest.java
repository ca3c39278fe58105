package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

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
        final List<SpikeMonitor> bm = List.of(b.network().monitorSpikes(b.excitatory()),
            b.network().monitorSpikes(b.inhibitory()));
        final Simulation sim = new Simulation(b.network(), 1);
        try (SpikeSpool spool = new SpikeSpool(streamed, bm, 0.1))
        {
            for (int chunk = 0; chunk < 6; chunk++)
            {
                sim.runSteps(100, null);
                spool.drain();
                assertThat(bm.get(0).size()).isZero();
            }
            assertThat(spool.total()).isEqualTo(raster.size());
            assertThat(spool.count(0, 7)).isEqualTo(am.get(0).count(7));
            spool.writeSpikeFiles(streamed);
            final SpikeRaster back = spool.raster();
            assertThat(back.steps()).isEqualTo(raster.steps());
            assertThat(back.neurons()).isEqualTo(raster.neurons());
        }
        for (final String f : List.of(SpikeFiles.STEP_NPY, SpikeFiles.NEURON_NPY, SpikeFiles.CSV))
        {
            assertThat(streamed.resolve(f)).hasSameBinaryContentAs(whole.resolve(f));
        }
        try (var files = Files.list(streamed))
        {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".spool"));
        }
    }
}
