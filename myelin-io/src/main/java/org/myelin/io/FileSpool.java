package org.myelin.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Recordings streamed into the files of one folder as a run goes, so memory holds one chunk of
 * them: {@link #drain()} after each chunk of steps, {@link #finish()} at the end. A spool made to
 * continue its folder appends to the files as it finds them, after {@link SpoolPosition#cut} has
 * brought them back to a checkpoint's position; closed before {@link #finish()}, it keeps them.
 */
public interface FileSpool extends AutoCloseable
{
    /** The folder of the files. */
    Path folder();

    /** Moves what the monitors recorded since the last drain into the files and clears the monitors. */
    void drain() throws IOException;

    /**
     * Drains and hands the files' content to the file system, so that {@link SpoolPosition#of}
     * of the folder is where they stand; {@link SpoolPosition#force} then writes it to the disk.
     */
    void flush() throws IOException;

    /** Completes the files and returns their paths. */
    List<Path> finish() throws IOException;

    @Override
    void close() throws IOException;
}
