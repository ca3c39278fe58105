package org.myelin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.myelin.io.Checkpoint;
import org.myelin.sim.ProgressListener;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * The time a checkpoint of COBA-N costs: copying the state ({@link Checkpoint#snapshot}, on the
 * run's thread) and writing it ({@code Snapshot.write}, every file forced to disk, on the
 * writer's thread in {@code myelin run}), for several checkpoints of one run, 200 steps apart.
 *
 * <p>usage: {@code CheckpointWriteBenchmark [N=100000] [checkpoints=6]}; prints one line per
 * checkpoint (the first includes loading the classes that describe the model).
 */
public final class CheckpointWriteBenchmark
{
    private CheckpointWriteBenchmark()
    {
    }

    /**
     * Runs the measurement.
     *
     * @param args N and the number of checkpoints, both optional.
     */
    public static void main(final String[] args) throws IOException
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int checkpoints = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        final Simulation sim = new Simulation(ReferenceNetworks.coba(n, 0.1, 42).network(), 1);
        sim.runSteps(200, ProgressListener.NONE);
        final Path root = Files.createTempDirectory("myelin-checkpoint-bench");
        for (int k = 0; k < checkpoints; k++)
        {
            sim.runSteps(200, ProgressListener.NONE);
            final long t0 = System.nanoTime();
            final Checkpoint.Snapshot snapshot = Checkpoint.snapshot(sim, Map.of());
            final long t1 = System.nanoTime();
            final Path dir = root.resolve("checkpoint-" + k);
            snapshot.write(dir);
            final long t2 = System.nanoTime();
            final long bytes;
            try (Stream<Path> files = Files.walk(dir))
            {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf(Locale.ROOT, "checkpoint %d: snapshot %.1f ms, write %.1f ms, %.2f MiB%n", k,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, bytes / 1048576.0);
        }
    }
}
