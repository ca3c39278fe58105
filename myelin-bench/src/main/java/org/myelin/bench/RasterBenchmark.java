package org.myelin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.myelin.plot.RasterPlot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raster PNG of {@code myelin run}: {@link RasterPlot} drawing {@code spikes} spikes of 4000
 * neurons (3200 excitatory, 800 inhibitory) over 10 s at dt = 0.1 ms, with its rate panel, into a
 * PNG file. The spikes are uniform in time and neuron, in step order as the spool gives them
 * (10⁶ spikes is COBA-4000 at 25 Hz for 10 s).
 *
 * <p>Warm by default; the first draw in a fresh JVM, which is what a user's {@code myelin run}
 * pays, with {@code bin/bench --jmh Raster -bm ss -wi 0 -i 1 -f 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true"})
public class RasterBenchmark
{
    static final int NEURONS = 4000;
    static final int EXCITATORY = 3200;
    static final long STEPS = 100_000;
    static final double DT_MS = 0.1;

    /** Number of spikes drawn. */
    @Param({"1000000"})
    public int spikes;

    private int[] spikeSteps;
    private int[] spikeNeurons;
    private Path target;

    /** Draws the spikes: uniform steps, sorted, and uniform neurons. */
    @Setup
    public void setUp() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(42);
        spikeSteps = new int[spikes];
        spikeNeurons = new int[spikes];
        // counts per step from uniform draws, then the steps in order
        final int[] perStep = new int[(int) STEPS];
        for (int k = 0; k < spikes; k++)
        {
            perStep[random.nextInt((int) STEPS)]++;
        }
        int k = 0;
        for (int s = 0; s < STEPS; s++)
        {
            for (int c = 0; c < perStep[s]; c++, k++)
            {
                spikeSteps[k] = s;
                spikeNeurons[k] = random.nextInt(NEURONS);
            }
        }
        target = Files.createTempFile("myelin-raster-bench", ".png");
    }

    /** Removes the PNG. */
    @TearDown
    public void tearDown() throws IOException
    {
        Files.deleteIfExists(target);
    }

    /** One raster PNG, written as {@code myelin run} writes it (atomically, into the target). */
    @Benchmark
    public Path draw() throws IOException
    {
        RasterPlot.write(target, spikeSteps, spikeNeurons, spikes, DT_MS, EXCITATORY, NEURONS, STEPS * DT_MS,
            "COBA-4000, " + spikes + " spikes");
        return target;
    }
}
