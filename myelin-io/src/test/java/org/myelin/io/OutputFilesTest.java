package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

class OutputFilesTest
{
    @TempDir
    static Path dir;
    static SpikeRaster raster;
    static StateMonitor trace;

    @BeforeAll
    static void runAndWrite() throws IOException
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.coba(400, 0.1, 3);
        final SpikeMonitor e = built.network().monitorSpikes(built.excitatory());
        final SpikeMonitor i = built.network().monitorSpikes(built.inhibitory());
        trace = built.network().monitorState(built.excitatory(), "v", new int[] {0, 5, 7}, 2);
        new Simulation(built.network(), 1).run(100);
        raster = SpikeRaster.of(List.of(e, i), 0.1);
        SpikeFiles.write(dir, raster);
        StateFiles.write(dir, List.of(trace), 0.1);
        SonataSpikes.write(dir.resolve(SonataSpikes.FILE), raster);
        assertThat(raster.size()).isGreaterThan(100);
    }

    @Test
    void sonataFileHoldsEachPopulationsSpikesInTimeOrderWithTheSpecsAttributes()
    {
        try (HdfFile h5 = new HdfFile(dir.resolve(SonataSpikes.FILE)))
        {
            assertThat(((Number) h5.getAttribute("magic").getData()).intValue()).isEqualTo(0x0A7A);
            int total = 0;
            for (int p = 0; p < 2; p++)
            {
                final String name = raster.populations().get(p);
                assertThat(h5.getByPath("/spikes/" + name).getAttribute("sorting").getData()).isIn("by_time",
                    (byte) 2);
                final Dataset ts = h5.getDatasetByPath("/spikes/" + name + "/timestamps");
                final Dataset ids = h5.getDatasetByPath("/spikes/" + name + "/node_ids");
                assertThat(ts.getAttribute("units").getData()).isEqualTo("ms");
                assertThat(ts.getJavaType()).isEqualTo(double.class);
                final double[] times = (double[]) ts.getData();
                // uint64 reads back as BigInteger, which shows the type is unsigned
                final java.math.BigInteger[] nodes = (java.math.BigInteger[]) ids.getData();
                assertThat(nodes).hasSameSizeAs(times);
                int k = 0;
                for (int s = 0; s < raster.size(); s++)
                {
                    if (raster.populationOf(raster.neurons()[s]) == p)
                    {
                        assertThat(times[k]).isEqualTo(raster.steps()[s] * 0.1);
                        assertThat(nodes[k].longValueExact()).isEqualTo(raster.neurons()[s] - raster.offsets()[p]);
                        k++;
                    }
                }
                assertThat(k).isEqualTo(times.length);
                total += k;
            }
            assertThat(total).isEqualTo(raster.size());
        }
    }

    @Test
    void aPopulationWithoutSpikesHasAnEmptySonataGroup() throws IOException
    {
        final Path file = dir.resolve("one-silent.h5");
        SonataSpikes.write(file, new SpikeRaster(new long[] {3, 9}, new int[] {0, 1}, List.of("A", "B", "C"),
            new int[] {0, 1, 2, 5}, 0.5));
        try (HdfFile h5 = new HdfFile(file))
        {
            assertThat(h5.getByPath("/spikes").isGroup()).isTrue();
            assertThat(((io.jhdf.api.Group) h5.getByPath("/spikes")).getChildren().keySet())
                .containsExactlyInAnyOrder("A", "B", "C");
            assertThat(h5.getDatasetByPath("/spikes/C/timestamps").getDimensions()).containsExactly(0);
            assertThat((double[]) h5.getDatasetByPath("/spikes/B/timestamps").getData()).containsExactly(4.5);
        }
    }

    @Test
    void stateNpyAndCsvHoldTheRecordedTraces() throws IOException
    {
        final Npy.Array values = Npy.read(dir.resolve("states_E_v.npy"));
        assertThat(values.shape()).containsExactly(trace.sampleCount(), 3);
        assertThat(values.values()[3 * 10 + 1]).isEqualTo(trace.value(10, 1));
        assertThat(Npy.read(dir.resolve("states_E_v_t.npy")).values()[10]).isEqualTo(trace.sampleStep(10) * 0.1);
        assertThat(Npy.read(dir.resolve("states_E_v_neurons.npy")).values()).containsExactly(0, 5, 7);
        final List<String> csv = Files.readAllLines(dir.resolve("states_E_v.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("time_ms,0,5,7");
        assertThat(csv).hasSize(trace.sampleCount() + 1);
        assertThat(csv.get(11)).isEqualTo("2," + trace.value(10, 0) + "," + trace.value(10, 1) + ","
            + trace.value(10, 2));
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException
    {
        try (var files = Files.list(dir))
        {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void pythonReadsEveryOutputAsAUserWould() throws Exception
    {
        final Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        final Process probe = new ProcessBuilder(python.toString(), "-c", "import numpy, h5py").start();
        Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
            "NumPy or h5py missing for /usr/bin/python3");
        final Process check = new ProcessBuilder(python.toString(), "scripts/check-outputs.py", dir.toString())
            .redirectErrorStream(true).start();
        final String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).startsWith("ok: " + raster.size() + " spikes in .npy, .csv and SONATA (" + raster.size()
            + "); 1 state recording(s)");
        assertThat(check.exitValue()).isZero();
    }
}
