package org.myelin.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.util.AtomicFiles;

/**
 * NumPy {@code .npy} files (format version 1.0), readable with {@code numpy.load}: a magic
 * string, a header dict ({@code descr}, {@code fortran_order}, {@code shape}) padded to 64 bytes,
 * then the little-endian data in C order. Written atomically.
 */
public final class Npy
{
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?[a-z]\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final int CHUNK = 1 << 14;

    private Npy()
    {
    }

    /** Writes a 1-D int64 array. */
    public static void write(final Path path, final long[] values) throws IOException
    {
        write(path, "<i8", new long[] {values.length}, 8, (buf, from, to) ->
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
        write(path, "<i4", new long[] {values.length}, 4, (buf, from, to) ->
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
        final long[] dims = shape.length == 0 ? new long[] {values.length} : shape.clone();
        if (Arrays.stream(dims).reduce(1, (a, b) -> a * b) != values.length)
        {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " does not hold " + values.length
                + " values");
        }
        write(path, "<f8", dims, 8, (buf, from, to) ->
        {
            for (int i = (int) from; i < to; i++)
            {
                buf.putDouble(values[i]);
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
        write(path, descr, new long[] {count}, itemSize, filler);
    }

    private static void write(
        final Path path, final String descr, final long[] shape, final int itemSize, final Filler filler)
        throws IOException
    {
        final long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        AtomicFiles.write(path, out ->
        {
            out.write(header(descr, shape));
            final ByteBuffer buffer = ByteBuffer.allocate(CHUNK * itemSize).order(ByteOrder.LITTLE_ENDIAN);
            for (long from = 0; from < count; from += CHUNK)
            {
                final long to = Math.min(count, from + CHUNK);
                buffer.clear();
                filler.fill(buffer, from, to);
                out.write(buffer.array(), 0, buffer.position());
            }
        });
    }

    /**
     * A {@code .npy} file written as its values arrive, in C order, for arrays whose length is
     * known only at the end: the header is reserved at a fixed {@value #APPENDER_HEADER_BYTES}
     * bytes and written with the final shape by {@link #finish}. Until then the file is not a
     * valid array; {@link #close()} without {@link #finish} deletes it.
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
            this.path = path;
            this.descr = descr;
            this.itemSize = itemSize;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
            this.buffer = ByteBuffer.allocateDirect(CHUNK * 8).order(ByteOrder.LITTLE_ENDIAN);
            channel.position(APPENDER_HEADER_BYTES);
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

        private void flush() throws IOException
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
            final ByteBuffer header = ByteBuffer.wrap(header(descr, dims, APPENDER_HEADER_BYTES));
            long at = 0;
            while (header.hasRemaining())
            {
                at += channel.write(header, at);
            }
            finished = true;
            channel.close();
            return path;
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

    /**
     * Reads a header and leaves {@code channel} at the first value.
     *
     * @return the type and shape, without values.
     */
    public static Array header(final Path path, final FileChannel channel) throws IOException
    {
        final ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, start);
        if (start.get(0) != MAGIC[0] || start.get(1) != 'N')
        {
            throw new IOException(path + ": not a .npy file");
        }
        final ByteBuffer text = ByteBuffer.allocate(Short.toUnsignedInt(start.getShort(MAGIC.length)));
        readFully(channel, text);
        final String header = new String(text.array(), StandardCharsets.US_ASCII);
        final Matcher d = DESCR.matcher(header);
        final Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find())
        {
            throw new IOException(path + ": malformed .npy header: " + header.trim());
        }
        final long[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
            .mapToLong(Long::parseLong).toArray();
        return new Array(d.group(1), shape, new double[0]);
    }

    private static void readFully(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) < 0)
            {
                throw new java.io.EOFException("a .npy file ends before its header says");
            }
        }
        buffer.flip();
    }

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

    /** A read array: its NumPy type, shape and values widened to double (for tests and tools). */
    public record Array(String descr, long[] shape, double[] values)
    {
    }

    /** Reads a little-endian {@code <i4}, {@code <i8} or {@code <f8} file written by {@link Npy}. */
    public static Array read(final Path path) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path))
        {
            final Array header = header(path, channel);
            final long count = Arrays.stream(header.shape()).reduce(1, (a, b) -> a * b);
            final String descr = header.descr();
            final int itemSize = Integer.parseInt(descr.substring(2));
            final ByteBuffer data = ByteBuffer.allocate((int) (count * itemSize)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, data);
            final double[] values = new double[(int) count];
            for (int i = 0; i < count; i++)
            {
                values[i] = switch (descr)
                {
                    case "<i4" -> data.getInt();
                    case "<i8" -> data.getLong();
                    case "<f8" -> data.getDouble();
                    default -> throw new IOException(path + ": unsupported dtype " + descr);
                };
            }
            return new Array(descr, header.shape(), values);
        }
    }
}
