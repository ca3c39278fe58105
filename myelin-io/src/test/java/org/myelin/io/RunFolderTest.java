package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.util.ModelException;

class RunFolderTest
{
    @TempDir
    Path parent;

    private List<String> names(final Path dir) throws IOException
    {
        try (var entries = Files.list(dir))
        {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNewRunAppearsOnlyAtCommitAndReplacesThePreviousOneWhole() throws IOException
    {
        final Path out = parent.resolve("out");
        Files.createDirectory(out);
        Files.writeString(out.resolve("spikes.csv"), "old");
        Files.writeString(out.resolve("states_E_v.npy"), "old");
        try (RunFolder folder = RunFolder.open(out))
        {
            Files.writeString(folder.staging().resolve("spikes.csv"), "new");
            assertThat(Files.readString(out.resolve("spikes.csv"))).isEqualTo("old");
            folder.commit();
            assertThat(folder.committed()).isTrue();
        }
        assertThat(names(out)).containsExactly("spikes.csv");
        assertThat(Files.readString(out.resolve("spikes.csv"))).isEqualTo("new");
        assertThat(names(parent)).containsExactly(".out.myelin-lock", "out");
    }

    @Test
    void aRunThatStopsBeforeCommitLeavesThePreviousRunAndNothingElse() throws IOException
    {
        final Path out = Files.createDirectory(parent.resolve("out"));
        Files.writeString(out.resolve("summary.txt"), "previous");
        try (RunFolder folder = RunFolder.open(out))
        {
            Files.writeString(folder.staging().resolve("spikes.csv"), "half");
            assertThat(folder.abort()).isTrue();
            assertThatThrownBy(folder::commit).isInstanceOf(IOException.class)
                .hasMessage("the run into '" + out + "' was stopped");
        }
        assertThat(names(out)).containsExactly("summary.txt");
        assertThat(names(parent)).containsExactly(".out.myelin-lock", "out");
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefusedNamingTheProcess() throws IOException
    {
        final Path out = parent.resolve("out");
        try (RunFolder first = RunFolder.open(out))
        {
            assertThatThrownBy(() -> RunFolder.open(out)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("--out '" + out + "' is in use by another run (process "
                    + ProcessHandle.current().pid() + ", started at ")
                .hasMessageEndingWith("); wait for it to finish or choose another folder");
            assertThat(first.staging()).isDirectory();
        }
        try (RunFolder again = RunFolder.open(out))
        {
            assertThat(again.cleaned()).isEmpty();
        }
    }

    @Test
    void leftoversOfARunThatDiedAreCleanedAtTheNextStart() throws IOException
    {
        final Path out = Files.createDirectory(parent.resolve("out"));
        Files.writeString(out.resolve("spikes.csv"), "complete");
        Files.writeString(out.resolve(".myelin-spikes-123.spool"), "x".repeat(2 << 20));
        final Path staged = Files.createDirectory(parent.resolve(".out.myelin-new"));
        Files.writeString(staged.resolve("spikes.csv"), "half");
        try (RunFolder folder = RunFolder.open(out))
        {
            assertThat(folder.cleaned()).containsExactly(
                "removed the unfinished run left by an earlier run into '" + out + "' that stopped",
                "removed 2.0 MiB of temporary files left in '" + out + "'");
            assertThat(names(folder.staging())).isEmpty();
        }
        assertThat(names(out)).containsExactly("spikes.csv");
    }

    @Test
    void aSwapCutBetweenItsRenamesIsUndoneAtTheNextStart() throws IOException
    {
        final Path out = parent.resolve("out");
        final Path previous = Files.createDirectory(parent.resolve(".out.myelin-old"));
        Files.writeString(previous.resolve("spikes.csv"), "previous");
        try (RunFolder folder = RunFolder.open(out))
        {
            assertThat(folder.cleaned()).containsExactly(
                "restored the previous run into '" + out + "', which an earlier run stopped replacing");
        }
        assertThat(Files.readString(out.resolve("spikes.csv"))).isEqualTo("previous");
        assertThat(names(parent)).containsExactly(".out.myelin-lock", "out");
    }

    @Test
    void theWeightAndRateFilesOfAnEarlierRunAreItsOwn() throws IOException
    {
        final Path out = Files.createDirectory(parent.resolve("plastic"));
        for (final String name : new String[] {"weights_E-_E_i.npy", "weights_E-_E_w.npy", "weights_E-_E_t.npy",
            "weights.png", "rates_E.npy", "rates.png", "states_E_v.npy"})
        {
            Files.writeString(out.resolve(name), "");
        }
        try (RunFolder folder = RunFolder.open(out))
        {
            assertThat(folder.cleaned()).isEmpty();
        }
    }

    @Test
    void aFolderWithFilesThatNoRunWroteIsNeverReplaced() throws IOException
    {
        final Path out = Files.createDirectory(parent.resolve("results"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.createDirectory(out.resolve("data"));
        Files.writeString(out.resolve("raster.png"), "");
        assertThatThrownBy(() -> RunFolder.open(out)).isInstanceOf(ModelException.class)
            .hasMessage("--out '" + out + "' holds files that myelin did not write (data/, notes.txt); a run replaces"
                + " the whole folder, so choose a new or empty one");
        assertThat(names(out)).containsExactly("data", "notes.txt", "raster.png");
        final Path file = Files.writeString(parent.resolve("a-file"), "");
        assertThatThrownBy(() -> RunFolder.open(file)).isInstanceOf(ModelException.class)
            .hasMessage("--out '" + file + "' is a file, not a folder");
    }
}
