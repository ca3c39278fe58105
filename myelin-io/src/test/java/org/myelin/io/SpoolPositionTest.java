package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.util.ModelException;

class SpoolPositionTest
{
    @Test
    void aPositionListsEveryFileOfItsFolderButTemporaryOnesAndReadsBackFromItsNote(@TempDir final Path dir)
        throws IOException
    {
        Files.write(dir.resolve("b.npy"), new byte[200]);
        Files.write(dir.resolve("a.csv"), new byte[7]);
        Files.write(dir.resolve(".b.npy.123.tmp"), new byte[3]);

        final SpoolPosition at = SpoolPosition.of(dir);

        assertThat(at.files()).containsExactly(Map.entry("a.csv", 7L), Map.entry("b.npy", 200L));
        assertThat(at.note()).isEqualTo("a.csv 7 b.npy 200");
        assertThat(SpoolPosition.parse(at.note(), "note")).isEqualTo(at);
        assertThat(SpoolPosition.parse("", "note").files()).isEmpty();
    }

    @Test
    void cuttingBringsEveryFileBackToItsLengthAndRemovesFilesWrittenAfter(@TempDir final Path dir) throws IOException
    {
        Files.write(dir.resolve("a.npy"), new byte[] {1, 2, 3});
        final SpoolPosition at = SpoolPosition.of(dir);
        Files.write(dir.resolve("a.npy"), new byte[] {4, 5}, java.nio.file.StandardOpenOption.APPEND);
        Files.write(dir.resolve("later.npy"), new byte[10]);

        at.cut(dir);

        assertThat(Files.readAllBytes(dir.resolve("a.npy"))).containsExactly(1, 2, 3);
        assertThat(dir.resolve("later.npy")).doesNotExist();
    }

    @Test
    void aFileShorterThanItsPositionOrMissingIsRefusedByName(@TempDir final Path dir) throws IOException
    {
        Files.write(dir.resolve("a.npy"), new byte[5]);
        final Map<String, Long> files = new LinkedHashMap<>();
        files.put("a.npy", 6L);

        assertThatThrownBy(() -> new SpoolPosition(files).cut(dir)).isInstanceOf(ModelException.class)
            .hasMessage(dir.resolve("a.npy") + ": holds 5 bytes, the checkpoint needs 6; the file was cut or belongs "
                + "to another run");
        assertThatThrownBy(() -> new SpoolPosition(Map.of("b.npy", 1L)).cut(dir)).isInstanceOf(ModelException.class)
            .hasMessage(dir.resolve("b.npy") + ": is missing, the checkpoint needs its 1 bytes; the spool was cut or "
                + "belongs to another run");
        assertThat(Files.size(dir.resolve("a.npy"))).isEqualTo(5);
    }

    @Test
    void aNoteThatIsNotPairsOfNamesAndLengthsIsRefused()
    {
        assertThatThrownBy(() -> SpoolPosition.parse("a.npy 12 b.npy", "checkpoint X: note spool-states"))
            .isInstanceOf(ModelException.class).hasMessage("checkpoint X: note spool-states: 'a.npy 12 b.npy' is not "
                + "a list of file names and their lengths in bytes");
        assertThatThrownBy(() -> SpoolPosition.parse("a.npy -3", "n")).isInstanceOf(ModelException.class);
    }
}
