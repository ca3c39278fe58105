package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5WriterTest
{
    @Test
    void lookup3ShouldGiveTheValuesOfJenkinsReferenceDriver()
    {
        assertThat(Hdf5Writer.Lookup3.hash(new byte[0], 0, 0)).isEqualTo(0xdeadbeef);
        final byte[] text = "Four score and seven years ago".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hdf5Writer.Lookup3.hash(text, 0, text.length)).isEqualTo(0x17770551);
    }

    /** A file with every kind of node: nested groups, each type, an empty and a multi-buffer dataset. */
    private static Path sample(final Path dir) throws IOException
    {
        final Path file = dir.resolve("sample.h5");
        try (Hdf5Writer h5 = new Hdf5Writer(file))
        {
            h5.root().attribute("magic", Hdf5Writer.Type.UINT32, 0x0A7A);
            h5.root().attribute("version", Hdf5Writer.Type.UINT32, 0, 1);
            final Hdf5Writer.Group outer = h5.root().group("outer");
            final Hdf5Writer.Group inner = outer.group("Ïnner");
            inner.enumAttribute("sorting", List.of("none", "by_id", "by_time"), 2);
            final Hdf5Writer.Dataset big = inner.dataset("big", Hdf5Writer.Type.FLOAT64, 100_003);
            big.attribute("units", "ms");
            final Hdf5Writer.Dataset ids = inner.dataset("ids", Hdf5Writer.Type.UINT64, 3);
            final Hdf5Writer.Dataset ints = outer.dataset("ints", Hdf5Writer.Type.INT32, 2);
            outer.dataset("empty", Hdf5Writer.Type.FLOAT64, 0);
            // datasets filled interleaved, as a stream of spikes of several populations fills them
            for (int k = 0; k < 100_003; k++)
            {
                big.appendDouble(k * 0.5);
                if (k < 3)
                {
                    ids.append(k == 2 ? -1L : k * 7L);
                }
                if (k < 2)
                {
                    ints.append(-5 + k);
                }
            }
        }
        return file;
    }

    @Test
    void jhdfShouldReadBackEveryNodeTypeAndValue(@TempDir final Path dir) throws IOException
    {
        try (HdfFile h5 = new HdfFile(sample(dir)))
        {
            assertThat(((Number) h5.getAttribute("magic").getData()).longValue()).isEqualTo(0x0A7A);
            assertThat(h5.getAttribute("version").getDimensions()).containsExactly(2);
            final Group inner = (Group) h5.getByPath("/outer/Ïnner");
            assertThat(((Group) h5.getByPath("/outer")).getChildren().keySet())
                .containsExactlyInAnyOrder("Ïnner", "ints", "empty");
            final Dataset big = h5.getDatasetByPath("/outer/Ïnner/big");
            assertThat(big.getAttribute("units").getData()).isEqualTo("ms");
            final double[] values = (double[]) big.getData();
            assertThat(values).hasSize(100_003);
            assertThat(values[100_002]).isEqualTo(50_001.0);
            assertThat((BigInteger[]) h5.getDatasetByPath("/outer/Ïnner/ids").getData())
                .containsExactly(BigInteger.ZERO, BigInteger.valueOf(7), new BigInteger("18446744073709551615"));
            assertThat((int[]) h5.getDatasetByPath("/outer/ints").getData()).containsExactly(-5, -4);
            assertThat(h5.getDatasetByPath("/outer/empty").getDimensions()).containsExactly(0);
            assertThat(inner.getAttribute("sorting").getJavaType()).isNotNull();
        }
    }

    @Test
    void h5pyShouldReadBackEveryNodeTypeAndValue(@TempDir final Path dir) throws Exception
    {
        final Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        final Process probe = new ProcessBuilder(python.toString(), "-c", "import h5py").start();
        Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "h5py missing");
        final String script = String.join("\n",
            "import h5py, sys",
            "f = h5py.File(sys.argv[1], 'r')",
            "g = f['outer/Ïnner']",
            "print(int(f.attrs['magic']), list(f.attrs['version']), f.attrs['magic'].dtype)",
            "print(h5py.check_enum_dtype(g.attrs.get_id('sorting').dtype), int(g.attrs['sorting']))",
            "b = g['big'][()]",
            "print(len(b), b[-1], b.dtype, g['big'].attrs['units'])",
            "print(list(g['ids'][()]), g['ids'].dtype, list(f['outer/ints'][()]), f['outer/empty'].shape)");
        final Process check = new ProcessBuilder(python.toString(), "-c", script, sample(dir).toString())
            .redirectErrorStream(true).start();
        final String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo(String.join("\n",
            "2682 [0, 1] uint32",
            "{'none': 0, 'by_id': 1, 'by_time': 2} 2",
            "100003 50001.0 float64 b'ms'",
            "[0, 7, 18446744073709551615] uint64 [-5, -4] (0,)", ""));
    }

    @Test
    void shouldRefuseToCloseADatasetThatGotFewerValuesThanDeclared(@TempDir final Path dir) throws IOException
    {
        final Hdf5Writer h5 = new Hdf5Writer(dir.resolve("short.h5"));
        h5.root().dataset("d", Hdf5Writer.Type.UINT64, 3).append(1);
        assertThatThrownBy(h5::close).isInstanceOf(IOException.class)
            .hasMessage("Hdf5Writer: a dataset of 3 elements got 1");
    }

    @Test
    void shouldRefuseAValueBeyondTheDeclaredLengthAndARepeatedName(@TempDir final Path dir) throws IOException
    {
        try (Hdf5Writer h5 = new Hdf5Writer(dir.resolve("full.h5")))
        {
            final Hdf5Writer.Dataset d = h5.root().dataset("d", Hdf5Writer.Type.INT32, 1);
            d.append(4);
            assertThatThrownBy(() -> d.append(5)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Hdf5Writer: dataset of 1 elements is full");
            assertThatThrownBy(() -> h5.root().group("d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hdf5Writer: group '/' cannot hold a child named 'd' (empty, with '/', '.' or already used)");
        }
    }
}
