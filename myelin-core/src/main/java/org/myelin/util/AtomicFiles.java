package org.myelin.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder and an atomic rename, so a crash or
 * an error leaves either the old file or the complete new one, never half a result.
 */
public final class AtomicFiles
{
    private AtomicFiles()
    {
    }

    /** Produces a file's content into a stream. */
    @FunctionalInterface
    public interface Writer
    {
        /** Writes the whole content to {@code out}. */
        void write(OutputStream out) throws IOException;
    }

    /** Produces a file's content at a given path (for libraries that write to a path). */
    @FunctionalInterface
    public interface PathWriter
    {
        /** Writes the whole content to {@code path}. */
        void write(Path path) throws IOException;
    }

    /**
     * Writes {@code target} atomically from a stream.
     *
     * @throws IOException if the folder is not writable or writing fails; no partial file remains.
     */
    public static void write(final Path target, final Writer writer) throws IOException
    {
        writeVia(target, temp ->
        {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))
            {
                writer.write(out);
            }
        });
    }

    /**
     * Writes {@code target} atomically: {@code writer} writes a temporary path with the same
     * extension in the same folder, which is then renamed.
     *
     * @throws IOException if the folder is not writable or writing fails; no partial file remains.
     */
    public static void writeVia(final Path target, final PathWriter writer) throws IOException
    {
        final Path absolute = target.toAbsolutePath();
        final Path dir = absolute.getParent();
        final String name = absolute.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String suffix = dot > 0 ? name.substring(dot) : ".tmp";
        final Path temp = Files.createTempFile(dir, "." + (dot > 0 ? name.substring(0, dot) : name) + "-", suffix);
        boolean done = false;
        try
        {
            writer.write(temp);
            try
            {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException e)
            {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        }
        finally
        {
            if (!done)
            {
                Files.deleteIfExists(temp);
            }
        }
    }
}
