package org.myelin.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.myelin.util.AtomicFiles;

/**
 * Writes files made by a streaming writer into a folder one atomic file at a time: the writer
 * fills a hidden folder beside them, then each file is renamed into place, so a reader sees each
 * file either complete or not at all. The hidden folder is removed whatever happens.
 */
final class StagedFiles
{
    /** Fills a folder and returns the files it wrote there. */
    @FunctionalInterface
    interface Filler
    {
        List<Path> fill(Path staging) throws IOException;
    }

    private StagedFiles()
    {
    }

    static List<Path> write(final Path dir, final Filler filler) throws IOException
    {
        final Path staging = Files.createTempDirectory(dir, ".myelin-staging-");
        try
        {
            final List<Path> written = new ArrayList<>();
            for (final Path p : filler.fill(staging))
            {
                final Path target = dir.resolve(p.getFileName().toString());
                AtomicFiles.writeVia(target, temp -> Files.move(p, temp, StandardCopyOption.REPLACE_EXISTING));
                written.add(target);
            }
            return written;
        }
        finally
        {
            try (var left = Files.list(staging))
            {
                for (final Path p : left.toList())
                {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }
}
