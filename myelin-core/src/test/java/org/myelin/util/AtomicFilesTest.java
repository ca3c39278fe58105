package org.myelin.util;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest
{
    @TempDir
    Path directory;

    @Test
    void shouldCreateTheTargetWithTheWrittenContent() throws IOException
    {
        final Path target = directory.resolve("out.txt");

        AtomicFiles.write(target, out -> out.write("hello".getBytes(UTF_8)));

        assertThat(target).hasContent("hello");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldReplaceAnExistingTarget() throws IOException
    {
        final Path target = directory.resolve("out.txt");
        Files.writeString(target, "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(UTF_8)));

        assertThat(target).hasContent("new");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldNameTheMissingDirectoryWhenTheDirectoryDoesNotExist()
    {
        final Path missing = directory.resolve("no-such-dir");
        final Path target = missing.resolve("out.png");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': directory '" + missing + "' does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldSaySoWhenTheParentIsARegularFile() throws IOException
    {
        final Path file = Files.writeString(directory.resolve("file.txt"), "x");
        final Path target = file.resolve("out.png");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': '" + file + "' is not a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void shouldRefuseToReplaceADirectory() throws IOException
    {
        final Path target = Files.createDirectory(directory.resolve("out.png"));

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': a directory of that name exists");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldKeepTheOldTargetAndLeaveNoTemporaryFileWhenTheWriterFails() throws IOException
    {
        final Path target = Files.writeString(directory.resolve("out.png"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out ->
        {
            out.write("partial".getBytes(UTF_8));
            throw new IOException("encoder broke");
        }))
            .isInstanceOf(IOException.class)
            .hasMessage("AtomicFiles: cannot write '" + target + "': encoder broke")
            .hasCauseInstanceOf(IOException.class);

        assertThat(target).hasContent("old");
        assertThat(listing()).containsExactly(target);
    }

    @Test
    void shouldRethrowARuntimeFailureOfTheWriterAndLeaveNoTemporaryFile() throws IOException
    {
        final Path target = directory.resolve("out.png");
        final IllegalStateException failure = new IllegalStateException("bad state");

        assertThatThrownBy(() -> AtomicFiles.write(target, out ->
        {
            out.write(42);
            throw failure;
        })).isSameAs(failure);

        assertThat(listing()).isEmpty();
    }

    /** Root ignores permission bits, so this case only runs as an ordinary user. */
    @Test
    void shouldSayTheDirectoryIsNotWritableAndLeaveNoFile() throws IOException
    {
        final Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try
        {
            assumeFalse(Files.isWritable(readOnly), "running as root: permission bits are not enforced");
            final Path target = readOnly.resolve("out.png");

            assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
                .isInstanceOf(IOException.class)
                .hasMessage("AtomicFiles: cannot write '" + target + "': directory '" + readOnly + "' is not writable");
            try (var entries = Files.list(readOnly))
            {
                assertThat(entries).isEmpty();
            }
        }
        finally
        {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void shouldRejectANullWriter()
    {
        assertThatThrownBy(() -> AtomicFiles.write(directory.resolve("x"), null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("AtomicFiles: writer must not be null");
    }

    private List<Path> listing() throws IOException
    {
        try (var entries = Files.list(directory))
        {
            return entries.toList();
        }
    }
}
