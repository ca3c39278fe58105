package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.connect.CsrConnectivity;
import org.myelin.delay.DelayRounding;

/**
 * The {@code .npy} reader against files written by NumPy 1.24 ({@code myelin-io/scripts/make-npy-fixtures.py},
 * committed under {@code src/test/resources/npy}) and against malformed files built here byte by byte.
 */
class NpyTest
{
    @TempDir
    Path dir;

    static Path fixture(final String name)
    {
        try
        {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid_v1_c.npy", "grid_v1_fortran.npy", "grid_v2_c.npy", "grid_v2_fortran.npy",
        "grid_v3_c.npy", "grid_v3_fortran.npy"})
    void everyFormatVersionAndOrderShouldGiveTheArrayInCOrder(final String name) throws IOException
    {
        final Npy.Array a = Npy.read(fixture(name));

        assertThat(a.shape()).containsExactly(3, 4);
        assertThat(a.descr()).isEqualTo("<f8");
        assertThat(a.values()).containsExactly(IntStream.range(0, 12).mapToDouble(k -> k / 4.0).toArray());
        assertThat(a.matrix("a weight matrix", 3, 4)).hasSize(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cube_c.npy", "cube_fortran.npy"})
    void aThreeDimensionalFortranArrayShouldBeReorderedLikeNumpysCOrder(final String name) throws IOException
    {
        final Npy.Array a = Npy.read(fixture(name));

        assertThat(a.shape()).containsExactly(2, 3, 4);
        assertThat(a.values()).containsExactly(IntStream.range(0, 24).asDoubleStream().toArray());
        assertThat(a.element(23)).isEqualTo("element [1, 2, 3]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', quoteCharacter = '"', value = {
        "edges_b1.npy@ 1, 0, 1",
        "edges_i1.npy@ -128, -1, 0, 127",
        "edges_i2.npy@ -32768, -1, 0, 32767",
        "edges_i4.npy@ -2147483648, -1, 0, 2147483647",
        "edges_big_i4.npy@ -2147483648, -1, 0, 2147483647",
        "edges_i8.npy@ -9223372036854775808, -1, 0, 9007199254740992, 9223372036854775807",
        "edges_u1.npy@ 0, 1, 255",
        "edges_u2.npy@ 0, 1, 65535",
        "edges_big_u2.npy@ 0, 1, 65535",
        "edges_u4.npy@ 0, 1, 4294967295",
        "edges_u8.npy@ 0, 1, 9007199254740992, 18446744073709551615",
        "edges_f2.npy@ -1.5, 0, 65504, 6.103515625e-05",
        "edges_f4.npy@ -1.5, 0, 3.4028234663852886e38, 1.401298464324817e-45",
        "edges_f8.npy@ -1.5, 0, 1.7976931348623157e308, 4.9e-324, Infinity, NaN",
        "edges_big_f8.npy@ -1.5, 0, 1.7976931348623157e308, 4.9e-324, Infinity, NaN"})
    void everyDtypeShouldReadItsExtremeValues(final String name, final String expected) throws IOException
    {
        final double[] values = Arrays.stream(expected.split(",")).map(String::strip).mapToDouble(Double::parseDouble)
            .toArray();

        assertThat(Npy.read(fixture(name)).values()).containsExactly(values);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', quoteCharacter = '"', value = {
        "structured.npy@ byte 10: structured dtypes (a list of fields) are not supported; save each field as an "
            + "array of its own",
        "complex.npy@ byte 10: dtype '<c16' is not supported; supported: bool (b1), signed (i1, i2, i4, i8) and "
            + "unsigned (u1, u2, u4, u8) integers, floats (f2, f4, f8)",
        "object.npy@ byte 10: dtype '|O' is not supported; supported: bool (b1), signed (i1, i2, i4, i8) and "
            + "unsigned (u1, u2, u4, u8) integers, floats (f2, f4, f8)"})
    void typesNumpyWritesButMyelinCannotHoldShouldBeRefused(final String name, final String message)
    {
        assertThatThrownBy(() -> Npy.read(fixture(name)))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture(name) + ": " + message);
    }

    @Test
    void aTruncatedFileShouldSayHowManyBytesItLacks() throws IOException
    {
        final byte[] whole = Files.readAllBytes(fixture("grid_v1_c.npy"));
        final Path cut = dir.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 3));

        assertThatThrownBy(() -> Npy.read(cut))
            .isInstanceOf(DataFileException.class)
            .hasMessage(cut + ": byte 128: truncated: shape (3, 4) of <f8 needs 96 data bytes, the file has 93");
        Files.write(cut, Arrays.copyOf(whole, 40));
        assertThatThrownBy(() -> Npy.read(cut))
            .isInstanceOf(DataFileException.class)
            .hasMessage(cut + ": byte 10: truncated: the header length says 118 bytes, the file has 30 after it");
        Files.write(cut, Arrays.copyOf(whole, 7));
        assertThatThrownBy(() -> Npy.read(cut))
            .isInstanceOf(DataFileException.class)
            .hasMessage(cut + ": byte 7: truncated in the format version");
    }

    @Test
    void bytesAfterTheDataShouldMakeTheFileInconsistent() throws IOException
    {
        final byte[] whole = Files.readAllBytes(fixture("grid_v2_c.npy"));
        final Path longer = dir.resolve("longer.npy");
        Files.write(longer, Arrays.copyOf(whole, whole.length + 5));

        assertThatThrownBy(() -> Npy.read(longer))
            .isInstanceOf(DataFileException.class)
            .hasMessage(longer + ": byte 224: inconsistent: 5 bytes after the 96 data bytes of shape (3, 4) of <f8");
    }

    @Test
    void aShapeTooLargeForAJavaArrayShouldBeRefusedBeforeAnythingIsAllocated() throws IOException
    {
        final Path huge = raw("huge.npy", 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3000000000,), }",
            new byte[16]);

        assertThatThrownBy(() -> Npy.read(huge))
            .isInstanceOf(DataFileException.class)
            .hasMessage(huge + ": byte 10: shape (3000000000,) holds more elements than a Java array can (2147483639)");
        final Path overflow = raw("overflow.npy", 2,
            "{'descr': '<i4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4), }", new byte[0]);
        assertThatThrownBy(() -> Npy.read(overflow))
            .isInstanceOf(DataFileException.class)
            .hasMessage(overflow + ": byte 12: shape (4294967296, 4294967296, 4) holds more elements than a Java array "
                + "can (2147483639)");
    }

    @Test
    void otherFilesAndVersionsShouldBeRefusedWithTheirReason() throws IOException
    {
        final Path text = dir.resolve("text.npy");
        Files.writeString(text, "i,j\n0,1\n");
        assertThatThrownBy(() -> Npy.read(text))
            .isInstanceOf(DataFileException.class)
            .hasMessage(text + ": byte 0: not a .npy file: it does not start with \\x93NUMPY");

        final Path v4 = raw("v4.npy", 4, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(v4))
            .isInstanceOf(DataFileException.class)
            .hasMessage(v4 + ": byte 6: format version 4.0 is not supported (1.0, 2.0 and 3.0 are read)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', quoteCharacter = '"', value = {
        "{'descr': '<f8', 'fortran_order': False, }@ byte 10: malformed .npy header: no 'shape'",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}@ byte 10: malformed .npy header: "
            + "unknown key 'extra'; a .npy header has descr, fortran_order and shape",
        "{'descr': '<f8' 'fortran_order': False}@ byte 26: malformed .npy header: expected '}' at character 16 "
            + "(header: {'descr': '<f8' 'fortran_order': False})",
        "{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,)}@ byte 44: malformed .npy header: cannot read "
            + "'Maybe' at character 34 (header: {'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,)})",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1)}@ byte 10: shape (2, -1) has a negative dimension",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}@ byte 61: malformed .npy header: cannot read "
            + "'2.5' at character 51 (header: {'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)})"})
    void malformedHeadersShouldNameTheByteAndTheProblem(final String header, final String message) throws IOException
    {
        final Path bad = raw("bad.npy", 1, header, new byte[16]);

        assertThatThrownBy(() -> Npy.read(bad))
            .isInstanceOf(DataFileException.class)
            .hasMessage(bad + ": " + message);
    }

    @Test
    void shapeTypeAndRangeChecksShouldNameTheElement() throws IOException
    {
        final Npy.Array grid = Npy.read(fixture("grid_v1_fortran.npy"));
        assertThatThrownBy(() -> grid.vector("weights", 12))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("grid_v1_fortran.npy") + ": expected a 1-D array of 12 weights, shape (12,), got shape "
                + "(3, 4)");
        assertThatThrownBy(() -> grid.matrix("a weight matrix", 4, 3))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("grid_v1_fortran.npy") + ": expected a weight matrix of shape (4, 3) (source x target "
                + "neurons), got shape (3, 4)");
        assertThatThrownBy(() -> grid.indices("presynaptic index i", 10))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("grid_v1_fortran.npy") + ": presynaptic index i must have an integer dtype (i1 to i8, "
                + "u1 to u8), got <f8");
        assertThatThrownBy(() -> grid.checkRange("weight", 0, 2, "in [0, 2]"))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("grid_v1_fortran.npy") + ": element [2, 1]: weight 2.25 must be in [0, 2]");
        final Npy.Array floats = Npy.read(fixture("edges_f8.npy"));
        assertThatThrownBy(() -> floats.checkRange("delay", 0, Double.MAX_VALUE, "finite and >= 0 ms"))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("edges_f8.npy") + ": element 0: delay -1.5 must be finite and >= 0 ms");
        assertThatThrownBy(() -> Npy.read(fixture("edges_i2.npy")).indices("postsynaptic index j", 100))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("edges_i2.npy") + ": element 0: postsynaptic index j -32768 is out of range [0, 100)");
    }

    @Test
    void numpysArchivesShouldGiveTheirConnections() throws IOException
    {
        for (final String name : new String[] {"conn.npz", "conn_compressed.npz"})
        {
            final CsrConnectivity c = (CsrConnectivity) ConnectionFiles.read(fixture(name), 3, 3).build(3, 3, false, 0);

            assertThat(c.synapseCount()).isEqualTo(4);
            assertThat(IntStream.range(0, 4).map(c::target).toArray()).containsExactly(1, 2, 0, 1);
            assertThat(IntStream.range(0, 4).mapToDouble(c::weight).toArray()).containsExactly(2, -1.5, 0.5, 0.25);
            if (name.equals("conn.npz"))
            {
                c.prepareDelays("projection 'p'", 0.1, DelayRounding.EXACT);
                assertThat(IntStream.range(0, 4).map(c::delaySteps).toArray()).containsExactly(3, 2, 10, 1);
            }
        }
        assertThatThrownBy(() -> ConnectionFiles.read(fixture("conn.npz"), 2, 3))
            .isInstanceOf(DataFileException.class)
            .hasMessage(fixture("conn.npz") + ":i.npy: element 3: presynaptic index i 2 is out of range [0, 2)");
    }

    @Test
    void whatMyelinWritesNumpyReadsAndMyelinReadsBack() throws IOException
    {
        final Path npz = dir.resolve("out.npz");
        ConnectionFiles.write(npz, new int[] {2, 0}, new int[] {1, 1}, new double[] {0.5, -2}, null);
        final CsrConnectivity c = (CsrConnectivity) ConnectionFiles.read(npz, 3, 2).build(3, 2, false, 0);
        assertThat(c.synapseCount()).isEqualTo(2);
        assertThat(c.weight(0)).isEqualTo(-2);
        final Path csv = dir.resolve("out.csv");
        ConnectionFiles.write(csv, new int[] {2, 0}, new int[] {1, 1}, null, new double[] {0.3, 1});
        assertThat(Files.readString(csv)).isEqualTo("i,j,delay\n2,1,0.3\n0,1,1.0\n");
    }

    /** A file of format {@code major}.0 with the given header text (padded as NumPy pads) and data. */
    private Path raw(final String name, final int major, final String header, final byte[] data) throws IOException
    {
        final int lengthBytes = major == 1 ? 2 : 4;
        final StringBuilder text = new StringBuilder(header);
        while ((8 + lengthBytes + text.length() + 1) % 64 != 0)
        {
            text.append(' ');
        }
        text.append('\n');
        final byte[] h = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        final ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1)
        {
            b.putShort((short) h.length);
        }
        else
        {
            b.putInt(h.length);
        }
        b.put(h).put(data);
        final Path path = dir.resolve(name);
        Files.write(path, b.array());
        return path;
    }
}
