package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.FutureTask;

/**
 * Writes checkpoints on a virtual thread while the simulation goes on, one at a time: the
 * simulation pays for copying its state ({@link Checkpoint#snapshot}), not for writing the files
 * and forcing them to disk, which takes far longer (tens of milliseconds per {@code fsync} on
 * a busy disk). A checkpoint is complete only once its manifest is in place, so a run killed
 * while one is written leaves the previous one.
 */
public final class CheckpointWriter implements AutoCloseable
{
    /** What must be on the disk before the checkpoint is put in place (files it refers to). */
    @FunctionalInterface
    public interface Durable
    {
        /** Forces the files to disk. */
        void force() throws IOException;
    }

    private FutureTask<Checkpoint.Manifest> writing;

    /**
     * Waits for the checkpoint being written, then starts writing {@code snapshot} into
     * {@code dir}, after {@code first} has forced to disk what the checkpoint refers to.
     *
     * @throws IOException what writing the previous checkpoint threw.
     */
    public void start(final Checkpoint.Snapshot snapshot, final Path dir, final Durable first) throws IOException
    {
        await();
        writing = new FutureTask<>(() ->
        {
            first.force();
            return snapshot.write(dir);
        });
        Thread.ofVirtual().name("myelin-checkpoint-" + snapshot.step()).start(writing);
    }

    /**
     * Waits until the checkpoint being written, if any, is in place, even when interrupted (so
     * that no writer outlives the run that started it).
     *
     * @return its manifest, or null if none was being written.
     * @throws IOException what writing it threw.
     */
    public Checkpoint.Manifest await() throws IOException
    {
        final FutureTask<Checkpoint.Manifest> task = writing;
        if (task == null)
        {
            return null;
        }
        writing = null;
        return Tasks.await(task);
    }

    /** Waits for the checkpoint being written. */
    @Override
    public void close() throws IOException
    {
        await();
    }
}
