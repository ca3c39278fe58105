package org.myelin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an HDF5 file of groups, one-dimensional contiguous datasets and small attributes, with
 * the data of each dataset streamed in as it is produced, so a dataset never has to be held in
 * memory (the HDF5 libraries in Java keep whole arrays). The file follows the HDF5 format
 * specification 3.0: superblock version 2, version 2 object headers, groups with their links in
 * the header ("compact" new-style groups), contiguous layout (version 3), Jenkins lookup3
 * checksums. h5py, libhdf5 and jhdf read it.
 *
 * <p>Every dataset's length is declared when it is created: its bytes are reserved in the file
 * in the order datasets are created, then filled through {@link Dataset#append} in any order
 * across datasets. {@link #close()} writes the object headers after the data and the
 * superblock at offset 0. Names are UTF-8.
 *
 * <pre>{@code
 * try (Hdf5Writer h5 = new Hdf5Writer(path)) {
 *     Hdf5Writer.Group g = h5.root().group("spikes");
 *     Hdf5Writer.Dataset t = g.dataset("timestamps", Hdf5Writer.Type.FLOAT64, n);
 *     t.attribute("units", "ms");
 *     for (...) t.appendDouble(x);
 * }
 * }</pre>
 */
public final class Hdf5Writer implements AutoCloseable
{
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final int SUPERBLOCK_BYTES = 48;
    private static final long UNDEFINED = -1L;
    private static final int BUFFER_BYTES = 1 << 16;

    private static final int MSG_DATASPACE = 0x01;
    private static final int MSG_LINK_INFO = 0x02;
    private static final int MSG_DATATYPE = 0x03;
    private static final int MSG_FILL_VALUE = 0x05;
    private static final int MSG_LINK = 0x06;
    private static final int MSG_LAYOUT = 0x08;
    private static final int MSG_GROUP_INFO = 0x0A;
    private static final int MSG_ATTRIBUTE = 0x0C;

    /** The element types this writer knows. */
    public enum Type
    {
        /** Signed 32-bit integer, little-endian. */
        INT32(4, true),
        /** Unsigned 32-bit integer, little-endian. */
        UINT32(4, false),
        /** Unsigned 64-bit integer, little-endian. */
        UINT64(8, false),
        /** IEEE 754 double, little-endian. */
        FLOAT64(8, true);

        private final int size;
        private final boolean signed;

        Type(final int size, final boolean signed)
        {
            this.size = size;
            this.signed = signed;
        }

        /** Bytes per element. */
        public int size()
        {
            return size;
        }

        private byte[] message()
        {
            if (this == FLOAT64)
            {
                final ByteBuffer b = little(20);
                b.put((byte) 0x11).put((byte) 0x20).put((byte) 63).put((byte) 0).putInt(8);
                b.putShort((short) 0).putShort((short) 64).put((byte) 52).put((byte) 11).put((byte) 0).put((byte) 52)
                    .putInt(1023);
                return b.array();
            }
            return fixedPoint(size, signed);
        }
    }

    private final FileChannel channel;
    private final Group root = new Group("/");
    private final List<Dataset> datasets = new ArrayList<>();
    private long end = SUPERBLOCK_BYTES;
    private boolean closed;

    /** Creates or truncates {@code path}. */
    public Hdf5Writer(final Path path) throws IOException
    {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
    }

    /** The root group. */
    public Group root()
    {
        return root;
    }

    /** What groups and datasets share: attributes. */
    public abstract static sealed class Node permits Group, Dataset
    {
        private final List<byte[]> attributes = new ArrayList<>();
        long address;

        /** Adds a scalar or one-dimensional numeric attribute (one value: scalar). */
        public Node attribute(final String name, final Type type, final long... values)
        {
            final ByteBuffer data = little(values.length * type.size());
            for (final long v : values)
            {
                if (type.size() == 4)
                {
                    data.putInt((int) v);
                }
                else
                {
                    data.putLong(v);
                }
            }
            attributes.add(attributeMessage(name, type.message(), dataspace(values.length == 1 ? -1 : values.length),
                data.array()));
            return this;
        }

        /** Adds a fixed-length, null-terminated UTF-8 string attribute. */
        public Node attribute(final String name, final String value)
        {
            final byte[] text = value.getBytes(StandardCharsets.UTF_8);
            final ByteBuffer type = little(8);
            type.put((byte) 0x13).put((byte) 0x10).put((byte) 0).put((byte) 0).putInt(text.length + 1);
            final byte[] data = new byte[text.length + 1];
            System.arraycopy(text, 0, data, 0, text.length);
            attributes.add(attributeMessage(name, type.array(), dataspace(-1), data));
            return this;
        }

        /**
         * Adds a scalar enumeration attribute of base type uint8 whose members are {@code members}
         * with the values 0, 1, 2, ...
         */
        public Node enumAttribute(final String name, final List<String> members, final int value)
        {
            final byte[] base = fixedPoint(1, false);
            int namesBytes = 0;
            for (final String m : members)
            {
                namesBytes += padTo8(m.getBytes(StandardCharsets.UTF_8).length + 1);
            }
            final ByteBuffer type = little(8 + base.length + namesBytes + members.size());
            type.put((byte) 0x18).putShort((short) members.size()).put((byte) 0).putInt(1).put(base);
            for (final String m : members)
            {
                final byte[] text = m.getBytes(StandardCharsets.UTF_8);
                type.put(text).put(new byte[padTo8(text.length + 1) - text.length]);
            }
            for (int k = 0; k < members.size(); k++)
            {
                type.put((byte) k);
            }
            attributes.add(attributeMessage(name, type.array(), dataspace(-1), new byte[] {(byte) value}));
            return this;
        }

        abstract void writeHeader(Hdf5Writer file) throws IOException;
    }

    /** A group: its children are linked from its object header. */
    public final class Group extends Node
    {
        private final String name;
        private final List<Node> children = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        private Group(final String name)
        {
            this.name = name;
        }

        /** A new child group. */
        public Group group(final String child)
        {
            final Group g = new Group(child);
            add(child, g);
            return g;
        }

        /**
         * A new dataset of {@code length} elements whose bytes are reserved now, to be filled in
         * order through {@link Dataset#append}.
         */
        public Dataset dataset(final String child, final Type type, final long length)
        {
            final Dataset d = new Dataset(type, length, end);
            end += length * type.size();
            datasets.add(d);
            add(child, d);
            return d;
        }

        private void add(final String child, final Node node)
        {
            if (child.isEmpty() || child.contains("/") || child.equals(".") || names.contains(child))
            {
                throw new IllegalArgumentException("Hdf5Writer: group '" + name + "' cannot hold a child named '"
                    + child + "' (empty, with '/', '.' or already used)");
            }
            names.add(child);
            children.add(node);
        }

        @Override
        void writeHeader(final Hdf5Writer file) throws IOException
        {
            for (final Node child : children)
            {
                child.writeHeader(file);
            }
            final List<byte[]> messages = new ArrayList<>();
            final ByteBuffer linkInfo = little(18);
            linkInfo.put((byte) 0).put((byte) 0).putLong(UNDEFINED).putLong(UNDEFINED);
            messages.add(message(MSG_LINK_INFO, linkInfo.array()));
            messages.add(message(MSG_GROUP_INFO, new byte[] {0, 0}));
            for (int k = 0; k < children.size(); k++)
            {
                final byte[] text = names.get(k).getBytes(StandardCharsets.UTF_8);
                final boolean wide = text.length > 255;
                final ByteBuffer link = little(3 + (wide ? 2 : 1) + text.length + 8);
                link.put((byte) 1).put((byte) (0x10 | (wide ? 1 : 0))).put((byte) 1);
                if (wide)
                {
                    link.putShort((short) text.length);
                }
                else
                {
                    link.put((byte) text.length);
                }
                link.put(text).putLong(children.get(k).address);
                messages.add(message(MSG_LINK, link.array()));
            }
            address = file.writeObjectHeader(messages, this);
        }
    }

    /** A one-dimensional contiguous dataset, filled in order. */
    public final class Dataset extends Node
    {
        private final Type type;
        private final long length;
        private final long dataAddress;
        private final ByteBuffer buffer;
        private long written;

        private Dataset(final Type type, final long length, final long dataAddress)
        {
            if (length < 0)
            {
                throw new IllegalArgumentException("Hdf5Writer: a dataset's length must be >= 0, got " + length);
            }
            this.type = type;
            this.length = length;
            this.dataAddress = dataAddress;
            this.buffer = ByteBuffer.allocate((int) Math.min(BUFFER_BYTES, Math.max(type.size(), length * type.size())))
                .order(ByteOrder.LITTLE_ENDIAN);
        }

        /** Appends the next element of an integer dataset. */
        public void append(final long value) throws IOException
        {
            room();
            if (type.size() == 4)
            {
                buffer.putInt((int) value);
            }
            else
            {
                buffer.putLong(value);
            }
        }

        /** Appends the next element of a {@link Type#FLOAT64} dataset. */
        public void appendDouble(final double value) throws IOException
        {
            room();
            buffer.putDouble(value);
        }

        private void room() throws IOException
        {
            if (written + buffer.position() / type.size() >= length)
            {
                throw new IllegalStateException("Hdf5Writer: dataset of " + length + " elements is full");
            }
            if (buffer.remaining() < type.size())
            {
                flush();
            }
        }

        private void flush() throws IOException
        {
            buffer.flip();
            final long at = dataAddress + written * type.size();
            written += buffer.remaining() / type.size();
            long position = at;
            while (buffer.hasRemaining())
            {
                position += channel.write(buffer, position);
            }
            buffer.clear();
        }

        @Override
        void writeHeader(final Hdf5Writer file) throws IOException
        {
            flush();
            if (written != length)
            {
                throw new IOException("Hdf5Writer: a dataset of " + length + " elements got " + written);
            }
            final List<byte[]> messages = new ArrayList<>();
            messages.add(message(MSG_DATASPACE, dataspace(length)));
            messages.add(message(MSG_DATATYPE, type.message()));
            // version 3, space allocated early, fill value written only if one is set (none is)
            messages.add(message(MSG_FILL_VALUE, new byte[] {3, 0x09}));
            final ByteBuffer layout = little(18);
            layout.put((byte) 3).put((byte) 1).putLong(length == 0 ? UNDEFINED : dataAddress)
                .putLong(length * type.size());
            messages.add(message(MSG_LAYOUT, layout.array()));
            address = file.writeObjectHeader(messages, this);
        }
    }

    /** Writes the object headers and the superblock and closes the file. */
    @Override
    public void close() throws IOException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try (channel)
        {
            root.writeHeader(this);
            final ByteBuffer sb = little(SUPERBLOCK_BYTES);
            sb.put(SIGNATURE).put((byte) 2).put((byte) 8).put((byte) 8).put((byte) 0);
            sb.putLong(0).putLong(UNDEFINED).putLong(end).putLong(root.address);
            sb.putInt(Lookup3.hash(sb.array(), 0, SUPERBLOCK_BYTES - 4));
            sb.flip();
            writeAt(sb, 0);
        }
    }

    private long writeObjectHeader(final List<byte[]> messages, final Node node) throws IOException
    {
        final List<byte[]> all = new ArrayList<>(messages);
        all.addAll(node.attributes);
        int body = 0;
        for (final byte[] m : all)
        {
            body += m.length;
        }
        final ByteBuffer header = little(4 + 1 + 1 + 4 + body + 4);
        // version 2, flags 2: the size of chunk 0 takes 4 bytes; no times, no attribute phase change
        header.put((byte) 'O').put((byte) 'H').put((byte) 'D').put((byte) 'R').put((byte) 2).put((byte) 2).putInt(body);
        for (final byte[] m : all)
        {
            header.put(m);
        }
        header.putInt(Lookup3.hash(header.array(), 0, header.position()));
        header.flip();
        final long address = end;
        writeAt(header, address);
        end += header.limit();
        return address;
    }

    private void writeAt(final ByteBuffer buffer, final long at) throws IOException
    {
        long position = at;
        while (buffer.hasRemaining())
        {
            position += channel.write(buffer, position);
        }
    }

    private static byte[] message(final int type, final byte[] data)
    {
        final ByteBuffer m = little(4 + data.length);
        m.put((byte) type).putShort((short) data.length).put((byte) 0).put(data);
        return m.array();
    }

    private static byte[] attributeMessage(final String name, final byte[] type, final byte[] space, final byte[] data)
    {
        final byte[] text = name.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer a = little(9 + text.length + 1 + type.length + space.length + data.length);
        a.put((byte) 3).put((byte) 0).putShort((short) (text.length + 1)).putShort((short) type.length)
            .putShort((short) space.length).put((byte) 1).put(text).put((byte) 0).put(type).put(space).put(data);
        return message(MSG_ATTRIBUTE, a.array());
    }

    /** A version 2 dataspace: scalar for a negative length, else one dimension. */
    private static byte[] dataspace(final long length)
    {
        if (length < 0)
        {
            return new byte[] {2, 0, 0, 0};
        }
        final ByteBuffer s = little(12);
        s.put((byte) 2).put((byte) 1).put((byte) 0).put((byte) 1).putLong(length);
        return s.array();
    }

    private static byte[] fixedPoint(final int size, final boolean signed)
    {
        final ByteBuffer b = little(12);
        b.put((byte) 0x10).put((byte) (signed ? 0x08 : 0)).put((byte) 0).put((byte) 0).putInt(size);
        b.putShort((short) 0).putShort((short) (8 * size));
        return b.array();
    }

    private static int padTo8(final int bytes)
    {
        return (bytes + 7) / 8 * 8;
    }

    private static ByteBuffer little(final int bytes)
    {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Bob Jenkins' lookup3 {@code hashlittle} with initial value 0, the checksum of HDF5's
     * superblock (version 2 and later) and object headers (version 2).
     */
    static final class Lookup3
    {
        private Lookup3()
        {
        }

        static int hash(final byte[] data, final int offset, final int length)
        {
            int a = 0xdeadbeef + length;
            int b = a;
            int c = a;
            int k = offset;
            int remaining = length;
            while (remaining > 12)
            {
                a += word(data, k);
                b += word(data, k + 4);
                c += word(data, k + 8);
                a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
                b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
                c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
                a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
                b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
                c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
                k += 12;
                remaining -= 12;
            }
            if (remaining == 0)
            {
                return c;
            }
            final int[] tail = new int[3];
            for (int j = 0; j < remaining; j++)
            {
                tail[j / 4] |= (data[k + j] & 0xff) << (8 * (j % 4));
            }
            a += tail[0];
            b += tail[1];
            c += tail[2];
            c ^= b; c -= Integer.rotateLeft(b, 14);
            a ^= c; a -= Integer.rotateLeft(c, 11);
            b ^= a; b -= Integer.rotateLeft(a, 25);
            c ^= b; c -= Integer.rotateLeft(b, 16);
            a ^= c; a -= Integer.rotateLeft(c, 4);
            b ^= a; b -= Integer.rotateLeft(a, 14);
            c ^= b; c -= Integer.rotateLeft(b, 24);
            return c;
        }

        private static int word(final byte[] d, final int k)
        {
            return (d[k] & 0xff) | (d[k + 1] & 0xff) << 8 | (d[k + 2] & 0xff) << 16 | (d[k + 3] & 0xff) << 24;
        }
    }
}
