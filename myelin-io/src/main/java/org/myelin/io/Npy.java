package org.myelin.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;

import org.myelin.util.ModelException;

/**
 * NumPy {@code .npy} files: a magic string, the format version, a header dict ({@code descr},
 * {@code fortran_order}, {@code shape}), then the data.
 *
 * <p>Written: format 1.0, little-endian, C order, the header padded to 64 bytes, atomically;
 * readable with {@code numpy.load}. Read: formats 1.0, 2.0 and 3.0, C and Fortran order, bool,
 * integer and float types of 1 to 8 bytes in either byte order, every file checked against its
 * header (truncated data, bytes after the data, a shape too large for a Java array); a value or
 * shape the caller does not accept is rejected by the checks of {@link Array}. Every error is a
 * {@link DataFileException}, one line naming the file, the byte or element, and the reason.
 */
public final class Npy
{
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int CHUNK = 1 << 14;

    private Npy()
    {
    }

    /** Writes a 1-D int64 array. */
    public static void write(final Path path, final long[] values) throws IOException
    {
        AtomicFiles.write(path, out -> write(out, values));
    }

    /** Writes a 1-D int64 array into a stream (e.g. an entry of a {@code .npz} archive). */
    public static void write(final OutputStream out, final long[] values) throws IOException
    {
        write(out, "<i8", new long[] {values.length}, 8, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putLong(values[i]);
            }
        });
    }

    /** Writes a 1-D int32 array. */
    public static void write(final Path path, final int[] values) throws IOException
    {
        AtomicFiles.write(path, out -> write(out, values));
    }

    /** Writes a 1-D int32 array into a stream. */
    public static void write(final OutputStream out, final int[] values) throws IOException
    {
        write(out, "<i4", new long[] {values.length}, 4, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putInt(values[i]);
            }
        });
    }

    /** Writes a float64 array of the given shape (C order; {@code values.length} = product of shape). */
    public static void write(final Path path, final double[] values, final long... shape) throws IOException
    {
        AtomicFiles.write(path, out -> write(out, values, shape));
    }

    /** Writes a float64 array of the given shape into a stream. */
    public static void write(final OutputStream out, final double[] values, final long... shape) throws IOException
    {
        final long[] dims = shape.length == 0 ? new long[] {values.length} : shape.clone();
        if (Arrays.stream(dims).reduce(1, (a, b) -> a * b) != values.length)
        {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " does not hold " + values.length
                + " values");
        }
        write(out, "<f8", dims, 8, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putDouble(values[i]);
            }
        });
    }

    /** Writes a float32 array of the given shape (C order; {@code values.length} = product of shape). */
    public static void write(final Path path, final float[] values, final long... shape) throws IOException
    {
        final long[] dims = shape.length == 0 ? new long[] {values.length} : shape.clone();
        if (Arrays.stream(dims).reduce(1, (a, b) -> a * b) != values.length)
        {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " does not hold " + values.length
                + " values");
        }
        AtomicFiles.write(path, out -> write(out, "<f4", dims, 4, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putFloat(values[i]);
            }
        }));
    }

    /** Writes a one-dimensional {@code <f4} array to a stream. */
    public static void write(final OutputStream out, final float[] values) throws IOException
    {
        write(out, "<f4", new long[] {values.length}, 4, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putFloat(values[i]);
            }
        });
    }

    /**
     * Puts items {@code [from, to)} into a little-endian buffer; called with consecutive ranges in
     * increasing order, so a filler may also pull items from a stream.
     */
    @FunctionalInterface
    public interface Filler
    {
        /** Puts items {@code [from, to)}. */
        void fill(ByteBuffer buffer, long from, long to) throws IOException;
    }

    /**
     * Writes a 1-D array of {@code count} items of type {@code descr} (e.g. {@code "<i8"}) whose
     * values come from {@code filler} in chunks, so the values never need to be in memory at once.
     */
    public static void writeStreaming(final Path path, final String descr, final long count, final int itemSize,
        final Filler filler) throws IOException
    {
        AtomicFiles.write(path, out -> write(out, descr, new long[] {count}, itemSize, filler));
    }

    private static void write(
        final OutputStream out, final String descr, final long[] shape, final int itemSize, final Filler filler)
        throws IOException
    {
        final long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        out.write(header(descr, shape));
        final ByteBuffer buffer = ByteBuffer.allocate(CHUNK * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (long from = 0; from < count; from += CHUNK)
        {
            final long to = Math.min(count, from + CHUNK);
            buffer.clear();
            filler.fill(buffer, from, to);
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    /**
     * A {@code .npy} file written as its values arrive, in C order, for arrays whose length is
     * known only at the end: the header is reserved at a fixed {@value #APPENDER_HEADER_BYTES}
     * bytes, holding the header of an empty array until {@link #finish} writes the final shape.
     * {@link #close()} without {@link #finish} deletes the file, {@link #keep()} keeps it.
     */
    public static final class Appender implements AutoCloseable
    {
        private final Path path;
        private final String descr;
        private final int itemSize;
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private long items;
        private boolean finished;

        /**
         * Creates (or truncates) {@code path}.
         *
         * @param descr    the NumPy type, e.g. {@code "<f8"}.
         * @param itemSize its bytes.
         */
        public Appender(final Path path, final String descr, final int itemSize) throws IOException
        {
            this(path, descr, itemSize, false);
        }

        /**
         * Creates (or truncates) {@code path}, or, when {@code continued}, opens it to append after
         * the items it holds (a spool cut back to a checkpoint's position). A new file starts with
         * the header of an empty array; {@link #finish} writes the header of the whole.
         *
         * @throws ModelException naming the file if it is not a header and whole items.
         */
        public Appender(final Path path, final String descr, final int itemSize, final boolean continued)
            throws IOException
        {
            this.path = path;
            this.descr = descr;
            this.itemSize = itemSize;
            this.buffer = ByteBuffer.allocateDirect(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
            if (!continued)
            {
                this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                writeHeader(0);
                channel.position(APPENDER_HEADER_BYTES);
                return;
            }
            this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
            final long size = channel.size();
            if (size < APPENDER_HEADER_BYTES || (size - APPENDER_HEADER_BYTES) % itemSize != 0)
            {
                channel.close();
                throw new ModelException(path + ": holds " + size + " bytes, not a header of " + APPENDER_HEADER_BYTES
                    + " bytes and whole values of " + itemSize + "; the file was cut or belongs to another run");
            }
            channel.position(size);
            this.items = (size - APPENDER_HEADER_BYTES) / itemSize;
        }

        /** Closes the file and keeps it, however far it got (a file a later run appends to). */
        public void keep() throws IOException
        {
            flush();
            finished = true;
            channel.close();
        }

        /** The buffer to put the next {@code count} items into (at most {@value #CHUNK}). */
        public ByteBuffer room(final int count) throws IOException
        {
            if (buffer.remaining() < count * itemSize)
            {
                flush();
            }
            items += count;
            return buffer;
        }

        /** Appends one int64. */
        public void putLong(final long value) throws IOException
        {
            room(1).putLong(value);
        }

        /** Appends one int32. */
        public void putInt(final int value) throws IOException
        {
            room(1).putInt(value);
        }

        /** Appends one float32. */
        public void putFloat(final float value) throws IOException
        {
            room(1).putFloat(value);
        }

        /** Appends one float64. */
        public void putDouble(final double value) throws IOException
        {
            room(1).putDouble(value);
        }

        /** Items appended so far. */
        public long items()
        {
            return items;
        }

        /** Hands the items appended so far to the file system (not to the disk: {@link #force}). */
        void flush() throws IOException
        {
            buffer.flip();
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /**
         * Writes the header with {@code shape} (one dimension of every item when empty) and
         * closes the file.
         *
         * @throws IllegalArgumentException if the shape does not hold the items appended.
         */
        public Path finish(final long... shape) throws IOException
        {
            final long[] dims = shape.length == 0 ? new long[] {items} : shape.clone();
            if (Arrays.stream(dims).reduce(1, (a, b) -> a * b) != items)
            {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " does not hold " + items
                    + " values");
            }
            flush();
            writeHeader(dims);
            finished = true;
            channel.close();
            return path;
        }

        private void writeHeader(final long... shape) throws IOException
        {
            final ByteBuffer header = ByteBuffer.wrap(header(descr, shape, APPENDER_HEADER_BYTES));
            long at = 0;
            while (header.hasRemaining())
            {
                at += channel.write(header, at);
            }
        }

        /** Closes; deletes the file unless {@link #finish} was called. */
        @Override
        public void close() throws IOException
        {
            if (!finished)
            {
                channel.close();
                Files.deleteIfExists(path);
            }
        }
    }

    /** Bytes of the header an {@link Appender} reserves. */
    public static final int APPENDER_HEADER_BYTES = 128;

    private static byte[] header(final String descr, final long[] shape)
    {
        return header(descr, shape, 0);
    }

    /** A header padded to a multiple of 64 bytes, and to at least {@code minimum} bytes. */
    private static byte[] header(final String descr, final long[] shape, final int minimum)
    {
        final StringBuilder dims = new StringBuilder();
        for (final long d : shape)
        {
            dims.append(d).append(", ");
        }
        if (shape.length > 1)
        {
            dims.setLength(dims.length() - 2);
        }
        else
        {
            dims.setLength(dims.length() - 1);
        }
        final StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
            + dims.toString().trim() + "), }");
        final int total = MAGIC.length + 2 + dict.length() + 1;
        dict.append(" ".repeat(Math.max((64 - total % 64) % 64, minimum - total))).append('\n');
        final byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        if (minimum > 0 && MAGIC.length + 2 + text.length != minimum)
        {
            throw new IllegalArgumentException("a .npy header for shape " + Arrays.toString(shape) + " does not fit "
                + minimum + " bytes");
        }
        final ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) text.length).put(text);
        return header.array();
    }

    /** The most elements a Java array holds. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The format versions read: 1.0 (2-byte header length), 2.0 (4-byte), 3.0 (4-byte, UTF-8 header). */
    private static final String VERSIONS = "1.0, 2.0 and 3.0";
    private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([biuf])(\\d+)");
    private static final String DTYPES = "bool (b1), signed (i1, i2, i4, i8) and unsigned (u1, u2, u4, u8) integers, "
        + "floats (f2, f4, f8)";

    /**
     * A read array: its NumPy type, its shape and its values in C order (row-major, whatever the
     * file's order) widened to double.
     *
     * @param file   the file's name, for messages.
     * @param descr  the NumPy type as the header gives it, e.g. {@code "<f8"}.
     * @param shape  the shape.
     * @param values the values, C order.
     */
    public record Array(String file, String descr, long[] shape, double[] values)
    {
        /** An array not read from a named file (a header alone, values built in memory). */
        public Array(final String descr, final long[] shape, final double[] values)
        {
            this("", descr, shape, values);
        }

        /** True for integer and bool types, whose values are whole numbers. */
        public boolean integral()
        {
            return descr.indexOf('f') < 0;
        }

        /** The shape as NumPy prints it: {@code (3,)}, {@code (3, 4)}. */
        public String shapeText()
        {
            return Npy.shapeText(shape);
        }

        /**
         * The values of a one-dimensional array.
         *
         * @param what   what the values are, for messages, e.g. {@code "weights"}.
         * @param length the required length, or −1 for any.
         * @throws DataFileException if the array has another shape.
         */
        public double[] vector(final String what, final long length)
        {
            if (shape.length != 1 || length >= 0 && shape[0] != length)
            {
                throw new DataFileException(file, null, "expected a 1-D array of " + (length >= 0 ? length + " " : "")
                    + what + (length >= 0 ? ", shape (" + length + ",)" : "") + ", got shape " + shapeText());
            }
            return values;
        }

        /**
         * The values of a two-dimensional array of the given shape, in C order.
         *
         * @throws DataFileException if the array has another shape.
         */
        public double[] matrix(final String what, final long rows, final long columns)
        {
            if (shape.length != 2 || shape[0] != rows || shape[1] != columns)
            {
                throw new DataFileException(file, null, "expected " + what + " of shape (" + rows + ", " + columns
                    + ") (source x target neurons), got shape " + shapeText());
            }
            return values;
        }

        /**
         * The values as indices in {@code [0, bound)}; the type must be an integer type.
         *
         * @param what  what the indices are, e.g. {@code "presynaptic index i"}.
         * @param bound the number of neurons.
         * @throws DataFileException for a float type or an index out of range, naming the element.
         */
        public int[] indices(final String what, final int bound)
        {
            if (!integral() || descr.endsWith("b1"))
            {
                throw new DataFileException(file, null, what + " must have an integer dtype (i1 to i8, u1 to u8), got "
                    + descr);
            }
            final int[] out = new int[values.length];
            for (int k = 0; k < out.length; k++)
            {
                final double value = values[k];
                if (!(value >= 0 && value < bound))
                {
                    throw new DataFileException(file, element(k), what + " " + Units.format(value)
                        + " is out of range [0, " + bound + ")");
                }
                out[k] = (int) value;
            }
            return out;
        }

        /**
         * Checks that every value is finite and in {@code [min, max]}.
         *
         * @param what    what the values are, e.g. {@code "weight"}.
         * @param allowed the rule for messages, e.g. {@code "finite and within the range of a float"}.
         * @throws DataFileException at the first value out of range.
         */
        public Array checkRange(final String what, final double min, final double max, final String allowed)
        {
            for (int k = 0; k < values.length; k++)
            {
                final double value = values[k];
                if (!(value >= min && value <= max))
                {
                    throw new DataFileException(file, element(k), what + " " + Units.format(value) + " must be "
                        + allowed);
                }
            }
            return this;
        }

        /** The position of C-order element {@code k} for messages: {@code element 7} or {@code element [2, 1]}. */
        public String element(final long k)
        {
            if (shape.length <= 1)
            {
                return "element " + k;
            }
            final long[] index = new long[shape.length];
            long rest = k;
            for (int d = shape.length - 1; d >= 0; d--)
            {
                index[d] = shape[d] == 0 ? 0 : rest % shape[d];
                rest = shape[d] == 0 ? 0 : rest / shape[d];
            }
            final StringBuilder s = new StringBuilder("element [");
            for (int d = 0; d < index.length; d++)
            {
                s.append(d == 0 ? "" : ", ").append(index[d]);
            }
            return s.append(']').toString();
        }
    }

    static String shapeText(final long[] shape)
    {
        final StringBuilder s = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++)
        {
            s.append(d == 0 ? "" : ", ").append(shape[d]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Reads a {@code .npy} file of format version 1.0, 2.0 or 3.0 in C or Fortran order, of a
     * bool, integer or float type of either byte order.
     *
     * @throws DataFileException for a file that is not a {@code .npy} file, is truncated, has
     *                           bytes after its data, a malformed header, an unsupported type or
     *                           a shape too large for a Java array; the message names the file,
     *                           the position and the reason.
     * @throws IOException       if the file cannot be read.
     */
    public static Array read(final Path path) throws IOException
    {
        try (InputStream in = Files.newInputStream(path))
        {
            return read(path.toString(), in, Files.size(path));
        }
    }

    /**
     * Reads a {@code .npy} array from a stream of {@code length} bytes (a file, an entry of a
     * {@code .npz} archive).
     *
     * @param file the name for messages.
     * @see #read(Path)
     */
    public static Array read(final String file, final InputStream in, final long length) throws IOException
    {
        final Layout layout = layout(file, in, length);
        final double[] values = new double[(int) layout.header().count()];
        readData(file, in, layout.header(), layout.dataStart(), values);
        return new Array(file, layout.header().descr(), layout.header().shape(), values);
    }

    /**
     * Reads a header, checked against the file's size as {@link #read(Path)} checks it, and leaves
     * {@code channel} at the first value.
     *
     * @return the type and shape, without values.
     */
    public static Array header(final Path path, final FileChannel channel) throws IOException
    {
        final Layout layout = layout(path.toString(), java.nio.channels.Channels.newInputStream(channel),
            channel.size() - channel.position());
        return new Array(path.toString(), layout.header().descr(), layout.header().shape(), new double[0]);
    }

    /** A checked header and the offset of the data. */
    private record Layout(Header header, long dataStart)
    {
    }

    /** Reads and checks the preamble and header from {@code in}, which then stands at the first value. */
    private static Layout layout(final String file, final InputStream in, final long length) throws IOException
    {
        final byte[] preamble = in.readNBytes(MAGIC.length);
        if (preamble.length < 6 || preamble[0] != MAGIC[0] || !"NUMPY".equals(new String(preamble, 1, 5,
            StandardCharsets.ISO_8859_1)))
        {
            throw new DataFileException(file, "byte 0", "not a .npy file: it does not start with \\x93NUMPY");
        }
        if (preamble.length < MAGIC.length)
        {
            throw new DataFileException(file, "byte " + preamble.length, "truncated in the format version");
        }
        final int major = preamble[6];
        final int minor = preamble[7];
        if (major < 1 || major > 3 || minor != 0)
        {
            throw new DataFileException(file, "byte 6", "format version " + major + "." + minor
                + " is not supported (" + VERSIONS + " are read)");
        }
        final int lengthBytes = major == 1 ? 2 : 4;
        final byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes)
        {
            throw new DataFileException(file, "byte 8", "truncated in the header length");
        }
        final long headerLength = major == 1
            ? Short.toUnsignedInt(ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getShort())
            : Integer.toUnsignedLong(ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getInt());
        final long dataStart = MAGIC.length + lengthBytes + headerLength;
        if (dataStart > length)
        {
            throw new DataFileException(file, "byte " + (MAGIC.length + lengthBytes), "truncated: the header length "
                + "says " + headerLength + " bytes, the file has " + Math.max(0, length - MAGIC.length - lengthBytes)
                + " after it");
        }
        final byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength)
        {
            throw new DataFileException(file, "byte " + (MAGIC.length + lengthBytes + headerBytes.length),
                "truncated in the header");
        }
        final Header header = Header.parse(file, MAGIC.length + lengthBytes, new String(headerBytes,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        final long count = header.count();
        final long expected = count * header.itemSize();
        final long available = length - dataStart;
        if (available < expected)
        {
            throw new DataFileException(file, "byte " + dataStart, "truncated: shape " + shapeText(header.shape())
                + " of " + header.descr() + " needs " + expected + " data bytes, the file has " + available);
        }
        if (available > expected)
        {
            throw new DataFileException(file, "byte " + (dataStart + expected), "inconsistent: " + (available - expected)
                + " bytes after the " + expected + " data bytes of shape " + shapeText(header.shape()) + " of "
                + header.descr());
        }
        return new Layout(header, dataStart);
    }

    private static void readData(final String file, final InputStream in, final Header header, final long dataStart,
        final double[] values) throws IOException
    {
        final int itemSize = header.itemSize();
        final byte[] chunk = new byte[CHUNK * itemSize];
        final ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.order());
        final long[] shape = header.shape();
        final boolean permute = header.fortranOrder() && shape.length > 1;
        // Fortran order: the first index runs fastest in the file; walk it and place each value at its C position
        final long[] cStride = new long[shape.length];
        final long[] index = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--)
        {
            cStride[d] = stride;
            stride *= Math.max(1, shape[d]);
        }
        long position = 0;
        for (long done = 0; done < values.length; )
        {
            final int n = (int) Math.min(CHUNK, values.length - done);
            final int got = in.readNBytes(chunk, 0, n * itemSize);
            if (got < n * itemSize)
            {
                throw new DataFileException(file, "byte " + (dataStart + done * itemSize + got), "truncated in the data");
            }
            buffer.clear();
            for (int k = 0; k < n; k++)
            {
                final double value = header.decode(buffer);
                if (!permute)
                {
                    values[(int) (done + k)] = value;
                    continue;
                }
                values[(int) position] = value;
                for (int d = 0; d < shape.length; d++)
                {
                    position += cStride[d];
                    if (++index[d] < shape[d])
                    {
                        break;
                    }
                    position -= cStride[d] * shape[d];
                    index[d] = 0;
                }
            }
            done += n;
        }
    }

    /** The header dict of a {@code .npy} file. */
    private record Header(String descr, char kind, int itemSize, ByteOrder order, boolean fortranOrder, long[] shape)
    {
        long count()
        {
            long count = 1;
            for (final long d : shape)
            {
                count *= d;
            }
            return count;
        }

        double decode(final ByteBuffer b)
        {
            return switch (kind)
            {
                case 'b' -> b.get() != 0 ? 1.0 : 0.0;
                case 'i' -> switch (itemSize)
                {
                    case 1 -> b.get();
                    case 2 -> b.getShort();
                    case 4 -> b.getInt();
                    default -> (double) b.getLong();
                };
                case 'u' -> switch (itemSize)
                {
                    case 1 -> Byte.toUnsignedInt(b.get());
                    case 2 -> Short.toUnsignedInt(b.getShort());
                    case 4 -> Integer.toUnsignedLong(b.getInt());
                    default -> unsignedLong(b.getLong());
                };
                default -> switch (itemSize)
                {
                    case 2 -> Float.float16ToFloat(b.getShort());
                    case 4 -> b.getFloat();
                    default -> b.getDouble();
                };
            };
        }

        private static double unsignedLong(final long raw)
        {
            return raw >= 0 ? raw : (double) (raw >>> 1) * 2.0 + (raw & 1);
        }

        /**
         * Parses the header dict, a Python literal such as
         * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}.
         *
         * @param offset the byte offset of the header in the file, for messages.
         */
        static Header parse(final String file, final int offset, final String text)
        {
            final Literal literal = new Literal(file, offset, text);
            final Map<String, Object> dict = literal.dict();
            for (final String key : dict.keySet())
            {
                if (!List.of("descr", "fortran_order", "shape").contains(key))
                {
                    throw literal.reject("malformed .npy header: unknown key '" + key + "'; a .npy header has descr, "
                        + "fortran_order and shape");
                }
            }
            for (final String key : List.of("descr", "fortran_order", "shape"))
            {
                if (!dict.containsKey(key))
                {
                    throw literal.reject("malformed .npy header: no '" + key + "'");
                }
            }
            if (dict.get("descr") instanceof List<?>)
            {
                throw literal.reject("structured dtypes (a list of fields) are not supported; save each field as "
                    + "an array of its own");
            }
            if (!(dict.get("descr") instanceof String descr))
            {
                throw literal.reject("descr must be a dtype string such as '<f8', got " + dict.get("descr"));
            }
            if (!(dict.get("fortran_order") instanceof Boolean fortran))
            {
                throw literal.reject("fortran_order must be True or False, got " + dict.get("fortran_order"));
            }
            if (!(dict.get("shape") instanceof long[] shape))
            {
                throw literal.reject("shape must be a tuple of whole numbers, got " + dict.get("shape"));
            }
            final Matcher m = DTYPE.matcher(descr);
            final int size = m.matches() && m.group(3).length() <= 2 ? Integer.parseInt(m.group(3)) : -1;
            final char kind = m.matches() ? m.group(2).charAt(0) : '?';
            final boolean known = switch (kind)
            {
                case 'b' -> size == 1;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'f' -> size == 2 || size == 4 || size == 8;
                default -> false;
            };
            if (!known)
            {
                throw literal.reject("dtype '" + descr + "' is not supported; supported: " + DTYPES);
            }
            long count = 1;
            for (final long d : shape)
            {
                if (d < 0)
                {
                    throw literal.reject("shape " + shapeText(shape) + " has a negative dimension");
                }
                count = d == 0 || count == 0 ? 0 : count > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : count * d;
            }
            if (count > MAX_ELEMENTS)
            {
                throw literal.reject("shape " + shapeText(shape) + " holds more elements than a Java array can ("
                    + MAX_ELEMENTS + ")");
            }
            final ByteOrder order = ">".equals(m.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new Header(descr, kind, size, order, fortran, shape);
        }
    }

    /** A parser of the Python literals of a {@code .npy} header: a dict of strings, booleans and tuples. */
    private static final class Literal
    {
        private final String file;
        private final int offset;
        private final String text;
        private int at;

        Literal(final String file, final int offset, final String text)
        {
            this.file = file;
            this.offset = offset;
            this.text = text;
        }

        /** A header that is well formed but describes an array that is not read. */
        DataFileException reject(final String reason)
        {
            return new DataFileException(file, "byte " + offset, reason);
        }

        /** A header that is not a well-formed dict. */
        DataFileException error(final int position, final String reason)
        {
            return new DataFileException(file, "byte " + (offset + position), "malformed .npy header: " + reason
                + " (header: " + text.strip() + ")");
        }

        private void space()
        {
            while (at < text.length() && Character.isWhitespace(text.charAt(at)))
            {
                at++;
            }
        }

        private boolean accept(final char c)
        {
            space();
            if (at < text.length() && text.charAt(at) == c)
            {
                at++;
                return true;
            }
            return false;
        }

        private void expect(final char c)
        {
            if (!accept(c))
            {
                throw error(at, "expected '" + c + "' at character " + at);
            }
        }

        Map<String, Object> dict()
        {
            expect('{');
            final Map<String, Object> out = new java.util.LinkedHashMap<>();
            while (!accept('}'))
            {
                final int keyAt = at;
                if (!(value() instanceof String key))
                {
                    throw error(keyAt, "a key must be a quoted string, at character " + keyAt);
                }
                expect(':');
                if (out.put(key, value()) != null)
                {
                    throw error(keyAt, "the key '" + key + "' is given twice");
                }
                if (!accept(','))
                {
                    expect('}');
                    break;
                }
            }
            space();
            if (at != text.length())
            {
                throw error(at, "unexpected text after the dict at character " + at);
            }
            return out;
        }

        private Object value()
        {
            space();
            if (at >= text.length())
            {
                throw error(at, "the header ends in the middle of the dict");
            }
            final char c = text.charAt(at);
            if (c == '\'' || c == '"')
            {
                final int end = text.indexOf(c, at + 1);
                if (end < 0)
                {
                    throw error(at, "unterminated string at character " + at);
                }
                final String s = text.substring(at + 1, end);
                at = end + 1;
                return s;
            }
            if (c == '(' || c == '[')
            {
                final char close = c == '(' ? ')' : ']';
                at++;
                final List<Object> items = new ArrayList<>();
                while (!accept(close))
                {
                    items.add(value());
                    if (!accept(','))
                    {
                        expect(close);
                        break;
                    }
                }
                if (c == '[')
                {
                    return items;
                }
                final long[] tuple = new long[items.size()];
                for (int k = 0; k < tuple.length; k++)
                {
                    if (!(items.get(k) instanceof Long d))
                    {
                        return items;
                    }
                    tuple[k] = d;
                }
                return tuple;
            }
            final int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '-' || text.charAt(at) == '.'))
            {
                at++;
            }
            final String word = text.substring(start, at);
            switch (word)
            {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                default:
                    try
                    {
                        // Python 2 wrote long integers with an L suffix
                        return Long.parseLong(word.endsWith("L") ? word.substring(0, word.length() - 1) : word);
                    }
                    catch (final NumberFormatException e)
                    {
                        throw error(start, "cannot read '" + word + "' at character " + start);
                    }
            }
        }
    }
}
