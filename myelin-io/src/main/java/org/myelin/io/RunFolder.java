package org.myelin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.myelin.util.ModelException;

/**
 * An output folder that holds one complete run: the run writes into a hidden sibling folder,
 * {@code .<name>.myelin-new}, and {@link #commit()} swaps it in (the previous run is renamed to
 * {@code .<name>.myelin-old}, the new one to {@code <name>}, then the old one is deleted), so the
 * folder holds the previous run or the new one, never a mix. A lock on {@code .<name>.myelin-lock}
 * keeps a second run out of a folder in use; the operating system releases it when the process
 * ends, however it ends. Opening the folder cleans what a run that died left behind: an
 * unfinished new run is deleted, and a swap cut between its two renames is completed backwards
 * (the previous run restored).
 *
 * <p>A folder is replaced only if everything in it is a file that {@code myelin run} or
 * {@code myelin plot} writes, so that pointing {@code --out} at a folder of other work cannot
 * delete it.
 */
public final class RunFolder implements AutoCloseable
{
    /** The names of what a run or a plot of it writes into the folder. */
    private static final Pattern OUTPUT = Pattern.compile("spikes_step\\.npy|spikes_neuron\\.npy|spikes\\.csv|spikes\\.h5"
        + "|(raster|rates|traces|isi|weights)\\.(png|svg)|summary\\.txt|run-info\\.yaml"
        + "|(states|weights|rates)_.*\\.(npy|csv)"
        + "|\\..*\\.tmp|\\.myelin-.*|checkpoint/|\\.checkpoint\\..*/");

    private final Path target;
    private final Path staging;
    private final Path old;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<String> cleaned;
    private boolean committed;
    private boolean aborted;

    private RunFolder(final Path target, final FileChannel lockChannel, final FileLock lock,
        final List<String> cleaned) throws IOException
    {
        this.target = target;
        this.staging = sibling(target, "new");
        this.old = sibling(target, "old");
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.cleaned = List.copyOf(cleaned);
        Files.createDirectory(staging);
    }

    /**
     * Locks {@code target} for a run, cleans what an earlier run left behind and makes the staging
     * folder.
     *
     * @throws ModelException naming the folder if another run uses it, it is not a folder, it
     *                        holds files that no run wrote, or it cannot be written.
     */
    public static RunFolder open(final Path target)
    {
        final Path dir = target.toAbsolutePath().normalize();
        final Path parent = dir.getParent();
        if (parent == null)
        {
            throw new ModelException("--out '" + target + "' cannot be a file system's root");
        }
        FileChannel channel = null;
        try
        {
            Files.createDirectories(parent);
            channel = FileChannel.open(sibling(dir, "lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException e)
            {
                lock = null;
            }
            if (lock == null)
            {
                final String holder = holder(channel);
                channel.close();
                throw new ModelException("--out '" + target + "' is in use by another run" + holder
                    + "; wait for it to finish or choose another folder");
            }
            final String me = ProcessHandle.current().pid() + " " + LocalTime.now().format(
                DateTimeFormatter.ofPattern("HH:mm:ss"));
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            final List<String> cleaned = recover(dir, target);
            checkReplaceable(dir, target);
            return new RunFolder(dir, channel, lock, cleaned);
        }
        catch (final IOException | SecurityException e)
        {
            closeQuietly(channel);
            throw new ModelException("--out '" + target + "' is not a writable folder (" + describe(e) + ")", e);
        }
        catch (final RuntimeException e)
        {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The folder the run writes into until {@link #commit()}. */
    public Path staging()
    {
        return staging;
    }

    /** The output folder. */
    public Path target()
    {
        return target;
    }

    /** What opening the folder cleaned up, one line each (empty when nothing was left). */
    public List<String> cleaned()
    {
        return cleaned;
    }

    /**
     * Swaps the staged run in for the previous one.
     *
     * @throws IOException if a rename fails; the folder then holds the previous run.
     */
    public synchronized void commit() throws IOException
    {
        if (aborted)
        {
            throw new IOException("the run into '" + target + "' was stopped");
        }
        final boolean previous = Files.exists(target);
        if (previous)
        {
            move(target, old);
        }
        try
        {
            move(staging, target);
        }
        catch (final IOException e)
        {
            if (previous)
            {
                move(old, target);
            }
            throw e;
        }
        committed = true;
        deleteTree(old);
    }

    /** Whether {@link #commit()} swapped the new run in. */
    public synchronized boolean committed()
    {
        return committed;
    }

    /**
     * Deletes the staged run unless it was committed; safe to call from another thread (a signal
     * handler) while the run writes.
     *
     * @return false when the run had been committed already.
     */
    public synchronized boolean abort()
    {
        if (committed)
        {
            return false;
        }
        aborted = true;
        for (int attempt = 0; attempt < 5 && Files.exists(staging); attempt++)
        {
            try
            {
                deleteTree(staging);
            }
            catch (final IOException e)
            {
                // a file appeared while deleting; try again (the next run cleans what remains)
            }
        }
        return true;
    }

    /** Deletes the staged run unless committed and releases the lock. */
    @Override
    public void close() throws IOException
    {
        abort();
        try (lockChannel)
        {
            lock.release();
        }
    }

    private static Path sibling(final Path dir, final String role)
    {
        return dir.resolveSibling("." + dir.getFileName() + ".myelin-" + role);
    }

    private static List<String> recover(final Path dir, final Path shown) throws IOException
    {
        final List<String> notes = new ArrayList<>();
        final Path staged = sibling(dir, "new");
        final Path previous = sibling(dir, "old");
        if (Files.exists(staged))
        {
            deleteTree(staged);
            notes.add("removed the unfinished run left by an earlier run into '" + shown + "' that stopped");
        }
        if (Files.exists(previous))
        {
            if (Files.exists(dir))
            {
                deleteTree(previous);
            }
            else
            {
                move(previous, dir);
                notes.add("restored the previous run into '" + shown + "', which an earlier run stopped replacing");
            }
        }
        if (Files.isDirectory(dir))
        {
            long bytes = 0;
            try (Stream<Path> entries = Files.list(dir))
            {
                for (final Path p : entries.toList())
                {
                    final String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (name.endsWith(".spool") || name.endsWith(".tmp")) && name.startsWith(
                        "."))
                    {
                        bytes += Files.size(p);
                        Files.delete(p);
                    }
                }
            }
            if (bytes > 0)
            {
                notes.add(String.format(java.util.Locale.ROOT, "removed %.1f MiB of temporary files left in '%s'",
                    bytes / 1048576.0, shown));
            }
        }
        return notes;
    }

    private static void checkReplaceable(final Path dir, final Path shown) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        if (!Files.isDirectory(dir))
        {
            throw new ModelException("--out '" + shown + "' is a file, not a folder");
        }
        final List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted()
                .filter(n -> !OUTPUT.matcher(n).matches()).forEach(foreign::add);
        }
        if (!foreign.isEmpty())
        {
            throw new ModelException("--out '" + shown + "' holds files that myelin did not write ("
                + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                + (foreign.size() > 3 ? ", ..." : "") + "); a run replaces the whole folder, so choose a new or empty"
                + " one");
        }
    }

    private static String holder(final FileChannel channel)
    {
        try
        {
            final ByteBuffer text = ByteBuffer.allocate(64);
            channel.read(text, 0);
            final String[] words = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).trim()
                .split(" ");
            return words.length == 2 ? " (process " + words[0] + ", started at " + words[1] + ")" : "";
        }
        catch (final IOException e)
        {
            return "";
        }
    }

    /** Renames {@code from} to {@code to} atomically where the file system can, else by a plain move. */
    static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException e)
        {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> all = Files.walk(root))
        {
            for (final Path p : all.sorted(Comparator.reverseOrder()).toList())
            {
                try
                {
                    Files.delete(p);
                }
                catch (final NoSuchFileException e)
                {
                    // gone already
                }
            }
        }
        catch (final java.io.UncheckedIOException e)
        {
            if (!(e.getCause() instanceof NoSuchFileException))
            {
                throw e.getCause();
            }
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException e)
            {
                // nothing to add to the error being reported
            }
        }
    }

    private static String describe(final Exception e)
    {
        if (e instanceof java.nio.file.AccessDeniedException)
        {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException)
        {
            return "a file of that name exists";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
        {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
