package org.myelin.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a partial file.
 *
 * <p>The content goes to a hidden temporary file in the target's directory ({@code .<name>.<random>.tmp}), which is
 * flushed to disk and then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Where the file
 * system cannot rename atomically the move falls back to {@link StandardCopyOption#REPLACE_EXISTING}. If anything
 * fails, the temporary file is deleted and the target is left as it was. The new file gets the permissions of any
 * newly created file (the process umask decides), not the owner-only mode of {@link Files#createTempFile}.
 *
 */
public final class AtomicFiles
{
    private static final String OWNER = "AtomicFiles";
    private static final FileAttribute<Set<PosixFilePermission>> ORDINARY_FILE_PERMISSIONS =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

    /**
     * Produces the content of a file onto a stream.
     */
    @FunctionalInterface
    public interface ContentWriter
    {
        /**
         * Writes the whole content.
         *
         * @param out to write to; buffered, and closed by the caller.
         * @throws IOException if the content cannot be produced or written.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content of a file to a path.
     */
    @FunctionalInterface
    public interface PathWriter
    {
        /**
         * Writes the whole content.
         *
         * @param path the temporary file to fill; it exists and is empty.
         * @throws IOException if the content cannot be produced or written.
         */
        void writeTo(Path path) throws IOException;
    }

    private AtomicFiles()
    {
    }

    /**
     * Writes {@code target} atomically with the content produced by {@code writer}.
     *
     * @param target file to create or replace; its directory must exist.
     * @param writer that produces the content.
     * @throws IOException with a message naming the target if the directory is missing, is not a directory or is not
     *                     writable, if the writer fails, or if the rename fails. The target is then unchanged and no
     *                     temporary file is left behind.
     */
    public static void write(final Path target, final ContentWriter writer) throws IOException
    {
        if (null == writer)
        {
            throw new IllegalArgumentException(OWNER + ": writer must not be null");
        }
        writeVia(target, temporary -> writeContent(temporary, writer));
    }

    /**
     * Writes {@code target} atomically through a library that writes to a path (e.g. an HDF5
     * writer): {@code writer} fills a temporary file in the same directory, which is then renamed.
     *
     * @param target file to create or replace; its directory must exist.
     * @param writer that writes the complete content to the path it is given.
     * @throws IOException as {@link #write(Path, ContentWriter)}.
     */
    public static void writeVia(final Path target, final PathWriter writer) throws IOException
    {
        if (null == target)
        {
            throw new IllegalArgumentException(OWNER + ": target must not be null");
        }
        if (null == writer)
        {
            throw new IllegalArgumentException(OWNER + ": writer must not be null");
        }

        final Path absolute = target.toAbsolutePath().normalize();
        final Path directory = absolute.getParent();
        final Path fileName = absolute.getFileName();
        if (null == directory || null == fileName)
        {
            throw new IOException(prefix(absolute) + "it is not a file path");
        }
        if (!Files.exists(directory))
        {
            throw new IOException(prefix(absolute) + "directory '" + directory + "' does not exist");
        }
        if (!Files.isDirectory(directory))
        {
            throw new IOException(prefix(absolute) + "'" + directory + "' is not a directory");
        }
        if (Files.isDirectory(absolute))
        {
            throw new IOException(prefix(absolute) + "a directory of that name exists");
        }

        final Path temporary = createTemporary(absolute, directory, fileName);
        try
        {
            writer.writeTo(temporary);
            move(temporary, absolute);
        }
        catch (final IOException | RuntimeException | Error ex)
        {
            deleteQuietly(temporary, ex);
            if (ex instanceof IOException)
            {
                throw new IOException(prefix(absolute) + describe(ex), ex);
            }
            throw ex;
        }
    }

    private static Path createTemporary(final Path target, final Path directory, final Path fileName)
        throws IOException
    {
        try
        {
            final String prefix = "." + fileName + ".";
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix"))
            {
                // createTempFile defaults to rw-------; ask for rw-rw-rw- so the umask decides, as for any new file.
                return Files.createTempFile(directory, prefix, ".tmp", ORDINARY_FILE_PERMISSIONS);
            }
            return Files.createTempFile(directory, prefix, ".tmp");
        }
        catch (final AccessDeniedException ex)
        {
            throw new IOException(prefix(target) + "directory '" + directory + "' is not writable", ex);
        }
        catch (final IOException ex)
        {
            throw new IOException(prefix(target) + "cannot create a temporary file in '" + directory + "': " +
                describe(ex), ex);
        }
    }

    private static void writeContent(final Path temporary, final ContentWriter writer) throws IOException
    {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))
        {
            writer.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void move(final Path temporary, final Path target) throws IOException
    {
        try
        {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(final Path temporary, final Throwable cause)
    {
        try
        {
            Files.deleteIfExists(temporary);
        }
        catch (final IOException | RuntimeException ex)
        {
            cause.addSuppressed(ex);
        }
    }

    private static String prefix(final Path target)
    {
        return OWNER + ": cannot write '" + target + "': ";
    }

    private static String describe(final Throwable ex)
    {
        final String message = ex.getMessage();
        return null == message ? ex.getClass().getSimpleName() : message;
    }
}
