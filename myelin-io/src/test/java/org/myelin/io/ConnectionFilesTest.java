package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.connect.CsrConnectivity;
import org.myelin.delay.DelayRounding;

class ConnectionFilesTest
{
    @TempDir
    Path dir;

    @Test
    void aCsvTableShouldGiveItsSynapsesWeightsAndDelays() throws IOException
    {
        final Path csv = dir.resolve("syn.csv");
        Files.writeString(csv, "# hand-made\npre, post, weight, delay\n1,0,0.5,1.0\n0,2,-1.5,0.2\n\n0,1,2,0.3\n");

        final CsrConnectivity c = (CsrConnectivity) ConnectionFiles.fromCsv(csv).build(2, 3, false, 0);
        c.prepareDelays("projection 'p'", 0.1, DelayRounding.EXACT);

        assertThat(c.synapseCount()).isEqualTo(3);
        assertThat(new int[] {c.target(0), c.target(1), c.target(2)}).containsExactly(1, 2, 0);
        assertThat(new double[] {c.weight(0), c.weight(1), c.weight(2)}).containsExactly(2, -1.5, 0.5);
        assertThat(new int[] {c.delaySteps(0), c.delaySteps(1), c.delaySteps(2)}).containsExactly(3, 2, 10);
    }

    @Test
    void npyArraysShouldGiveTheSameSynapsesAsTheCsvTable() throws IOException
    {
        Npy.write(dir.resolve("i.npy"), new int[] {1, 0, 0});
        Npy.write(dir.resolve("j.npy"), new long[] {0, 2, 1});
        Npy.write(dir.resolve("w.npy"), new double[] {0.5, -1.5, 2}, 3);

        final CsrConnectivity c = (CsrConnectivity) ConnectionFiles
            .fromNpy(dir.resolve("i.npy"), dir.resolve("j.npy"), dir.resolve("w.npy"), null).build(2, 3, false, 0);

        assertThat(new int[] {c.target(0), c.target(1), c.target(2)}).containsExactly(1, 2, 0);
        assertThat(new double[] {c.weight(0), c.weight(1), c.weight(2)}).containsExactly(2, -1.5, 0.5);
        assertThatThrownBy(() -> ConnectionFiles.fromNpy(dir.resolve("w.npy"), dir.resolve("j.npy"), null, null))
            .isInstanceOf(DataFileException.class)
            .hasMessage(dir.resolve("w.npy") + ": presynaptic index i must have an integer dtype (i1 to i8, u1 to u8), got "
                + "<f8");
    }

    @Test
    void badTablesShouldNameTheFileLineAndColumn() throws IOException
    {
        final Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "i,j,weight\n0,1,x\n");
        assertThatThrownBy(() -> ConnectionFiles.fromCsv(csv))
            .isInstanceOf(DataFileException.class)
            .hasMessage(csv + ":2:5: column weight must be a number, got 'x'");
        Files.writeString(csv, "a,j\n0,1\n");
        assertThatThrownBy(() -> ConnectionFiles.fromCsv(csv))
            .isInstanceOf(DataFileException.class)
            .hasMessage(csv + ":1: no column i/pre/source in the header [a, j]");
    }
}
