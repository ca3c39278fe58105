package org.myelin.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.myelin.util.ModelException;

/**
 * How far the files of a spool folder go: the length in bytes of each file, taken when a
 * checkpoint is written, while the files keep growing after it (spikes, state samples, weight
 * snapshots streamed as a run goes). {@link #cut} brings a folder back to that position, what a
 * run that is continued from the checkpoint appends to: every file cut back to its length,
 * files written after the checkpoint removed, a missing or shorter file refused by name. One
 * position serves every spool, whatever its files hold; {@link #note()} is its text in a
 * checkpoint's notes.
 *
 * @param files each file's name in the folder and its length, in the order of the folder's listing
 *              (by name).
 */
public record SpoolPosition(Map<String, Long> files)
{
    public SpoolPosition
    {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        for (final Map.Entry<String, Long> f : files.entrySet())
        {
            if (f.getKey().isEmpty() || f.getKey().contains(" ") || f.getKey().contains("/") || f.getValue() < 0)
            {
                throw new IllegalArgumentException("SpoolPosition: file '" + f.getKey() + "' of " + f.getValue()
                    + " bytes");
            }
        }
    }

    /**
     * The length of every file in {@code dir} (temporary files of atomic writes, {@code .*.tmp},
     * left out): what a checkpoint records once the spool has handed its content to the file
     * system.
     */
    public static SpoolPosition of(final Path dir) throws IOException
    {
        final Map<String, Long> files = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            for (final Path p : entries.sorted().toList())
            {
                final String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && !(name.startsWith(".") && name.endsWith(".tmp")))
                {
                    files.put(name, Files.size(p));
                }
            }
        }
        return new SpoolPosition(files);
    }

    /** The text of the position in a checkpoint's notes: {@code name bytes name bytes ...}. */
    public String note()
    {
        final List<String> words = new ArrayList<>();
        files.forEach((name, bytes) ->
        {
            words.add(name);
            words.add(Long.toString(bytes));
        });
        return String.join(" ", words);
    }

    /**
     * Reads {@link #note()}'s text.
     *
     * @param what names the note for the message, e.g. {@code "checkpoint DIR: note spool-states"}.
     * @throws ModelException if the text is not pairs of a name and a length.
     */
    public static SpoolPosition parse(final String note, final String what)
    {
        final String text = note.strip();
        final String[] words = text.isEmpty() ? new String[0] : text.split(" +");
        final Map<String, Long> files = new LinkedHashMap<>();
        try
        {
            if (words.length % 2 != 0)
            {
                throw new NumberFormatException();
            }
            for (int k = 0; k < words.length; k += 2)
            {
                files.put(words[k], Long.parseLong(words[k + 1]));
            }
            return new SpoolPosition(files);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ModelException(what + ": '" + text + "' is not a list of file names and their lengths in bytes");
        }
    }

    /**
     * Cuts the files of {@code dir} back to this position: each listed file to its length, and
     * every other file (one a killed run wrote after the checkpoint) deleted.
     *
     * @throws ModelException naming a listed file that is missing or shorter than its length: it
     *                        was cut or belongs to another run.
     */
    public void cut(final Path dir) throws IOException
    {
        for (final Map.Entry<String, Long> f : files.entrySet())
        {
            final Path path = dir.resolve(f.getKey());
            if (!Files.isRegularFile(path))
            {
                throw new ModelException(path + ": is missing, the checkpoint needs its " + f.getValue()
                    + " bytes; the spool was cut or belongs to another run");
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
            {
                if (channel.size() < f.getValue())
                {
                    throw new ModelException(path + ": holds " + channel.size() + " bytes, the checkpoint needs "
                        + f.getValue() + "; the file was cut or belongs to another run");
                }
                channel.truncate(f.getValue());
            }
        }
        try (Stream<Path> entries = Files.list(dir))
        {
            for (final Path p : entries.toList())
            {
                if (!files.containsKey(p.getFileName().toString()))
                {
                    RunFolder.deleteTree(p);
                }
            }
        }
    }

    /**
     * Forces every file of {@code dir}, and the folder itself, to the disk, as far as it was
     * handed to the file system; safe on another thread while a spool appends to them, finishes
     * them or replaces them atomically.
     */
    public static void force(final Path dir) throws IOException
    {
        final List<Path> files;
        try (Stream<Path> entries = Files.list(dir))
        {
            files = entries.filter(Files::isRegularFile).toList();
        }
        for (final Path p : files)
        {
            try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE))
            {
                channel.force(false);
            }
            catch (final NoSuchFileException e)
            {
                // a temporary file renamed or deleted since the listing: its content is forced under its new name
            }
        }
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ))
        {
            folder.force(true);
        }
        catch (final IOException e)
        {
            // file systems that cannot force a folder keep its entries as the files they force
        }
    }
}
