package org.myelin.state;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.myelin.util.ModelException;

/**
 * The state of a network as named primitive arrays ({@code double[]}, {@code float[]},
 * {@code int[]}, {@code long[]}; a scalar is an array of one), in the order the parts visited
 * them: what a checkpoint holds, without the files.
 *
 * <p>{@link #writer()} collects the arrays of the parts it visits by reference, without copying:
 * they are valid until the simulation runs again, long enough to write them to disk.
 * {@link #reader(String)} fills the parts from the arrays and names, in its errors, the
 * checkpoint, the array and what does not match.
 */
public final class StateArrays
{
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    /** Arrays whose length changes as the network runs (monitors' data, spikes in flight). */
    private final Set<String> growing = new LinkedHashSet<>();

    /** The arrays by name, in the order they were visited or added. */
    public Map<String, Object> arrays()
    {
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Adds an array read from a checkpoint.
     *
     * @param values a {@code double[]}, {@code float[]}, {@code int[]} or {@code long[]}.
     */
    public void put(final String name, final Object values)
    {
        if (!(values instanceof double[] || values instanceof float[] || values instanceof int[]
            || values instanceof long[]))
        {
            throw new IllegalArgumentException("state '" + name + "': not a primitive array: " + values);
        }
        if (arrays.putIfAbsent(name, values) != null)
        {
            throw new IllegalArgumentException("state '" + name + "' is visited twice");
        }
    }

    /** An access that adds the arrays of the parts it visits to these arrays. */
    public StateAccess writer()
    {
        return new Access("", false, null, "");
    }

    /**
     * An access that fills the parts it visits from these arrays.
     *
     * @param source what the arrays were read from, for messages (a checkpoint's folder).
     */
    public StateAccess reader(final String source)
    {
        return new Access("", true, new LinkedHashSet<>(), source);
    }

    /** The names a reader did not visit: state of parts the network no longer has. */
    public Set<String> unread(final StateAccess reader)
    {
        final Set<String> left = new LinkedHashSet<>(arrays.keySet());
        left.removeAll(((Access) reader).read);
        return left;
    }

    /**
     * One line per array of fixed length: its name, type and length, e.g.
     * {@code population/E/v double[400]}. Arrays that grow as the network runs are left out.
     */
    public List<String> layout()
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<String, Object> e : arrays.entrySet())
        {
            if (!growing.contains(e.getKey()))
            {
                lines.add("state " + e.getKey() + " " + e.getValue().getClass().getComponentType() + "["
                    + Array.getLength(e.getValue()) + "]");
            }
        }
        return lines;
    }

    /** True when the array of {@code name} grows as the network runs. */
    public boolean grows(final String name)
    {
        return growing.contains(name);
    }

    /** Marks an array read from a checkpoint as one that grows as the network runs. */
    public void markGrowing(final String name)
    {
        growing.add(name);
    }

    /**
     * A copy whose arrays are copies of these: it stays valid while the simulation that handed
     * out these arrays runs on.
     */
    public StateArrays copy()
    {
        final StateArrays copy = new StateArrays();
        for (final Map.Entry<String, Object> e : arrays.entrySet())
        {
            final Object values = e.getValue();
            if (growing.contains(e.getKey()))
            {
                // the writer copied these already
                copy.arrays.put(e.getKey(), values);
                continue;
            }
            final int length = Array.getLength(values);
            final Object same = Array.newInstance(values.getClass().getComponentType(), length);
            System.arraycopy(values, 0, same, 0, length);
            copy.arrays.put(e.getKey(), same);
        }
        copy.growing.addAll(growing);
        return copy;
    }

    /** Total values held, over all arrays. */
    public long valueCount()
    {
        long total = 0;
        for (final Object a : arrays.values())
        {
            total += Array.getLength(a);
        }
        return total;
    }

    private final class Access implements StateAccess
    {
        private final String prefix;
        private final boolean restoring;
        private final Set<String> read;
        private final String source;

        Access(final String prefix, final boolean restoring, final Set<String> read, final String source)
        {
            this.prefix = prefix;
            this.restoring = restoring;
            this.read = read;
            this.source = source;
        }

        @Override
        public boolean restoring()
        {
            return restoring;
        }

        @Override
        public StateAccess in(final String scope)
        {
            return new Access(prefix + scope + "/", restoring, read, source);
        }

        /** The saved array of {@code name}, of {@code type}, with {@code length} values unless negative. */
        private Object saved(final String name, final Class<?> type, final int length)
        {
            final String key = prefix + name;
            final Object values = arrays.get(key);
            if (values == null)
            {
                throw new ModelException(source + ": no state '" + key + "' in the checkpoint; it was written for "
                    + "another network");
            }
            if (values.getClass() != type)
            {
                throw new ModelException(source + ": state '" + key + "' holds " + values.getClass().getComponentType()
                    + " values, the network needs " + type.getComponentType());
            }
            final int saved = Array.getLength(values);
            if (length >= 0 && saved != length)
            {
                throw new ModelException(source + ": state '" + key + "' holds " + saved + " values, the network needs "
                    + length);
            }
            read.add(key);
            return values;
        }

        private void exact(final String name, final Object values)
        {
            if (restoring)
            {
                final int length = Array.getLength(values);
                System.arraycopy(saved(name, values.getClass(), length), 0, values, 0, length);
            }
            else
            {
                put(prefix + name, values);
            }
        }

        private Object growing(final String name, final Object values, final int length)
        {
            if (restoring)
            {
                final Object saved = saved(name, values.getClass(), -1);
                final int n = Array.getLength(saved);
                final Object copy = Array.newInstance(values.getClass().getComponentType(), n);
                System.arraycopy(saved, 0, copy, 0, n);
                return copy;
            }
            final Object used = Array.newInstance(values.getClass().getComponentType(), length);
            System.arraycopy(values, 0, used, 0, length);
            put(prefix + name, used);
            growing.add(prefix + name);
            return values;
        }

        @Override
        public void doubles(final String name, final double[] values)
        {
            exact(name, values);
        }

        @Override
        public void floats(final String name, final float[] values)
        {
            exact(name, values);
        }

        @Override
        public void ints(final String name, final int[] values)
        {
            exact(name, values);
        }

        @Override
        public void longs(final String name, final long[] values)
        {
            exact(name, values);
        }

        @Override
        public long[] longs(final String name, final long[] values, final int length)
        {
            return (long[]) growing(name, values, length);
        }

        @Override
        public int[] ints(final String name, final int[] values, final int length)
        {
            return (int[]) growing(name, values, length);
        }

        @Override
        public double[] doubles(final String name, final double[] values, final int length)
        {
            return (double[]) growing(name, values, length);
        }

        @Override
        public float[] floats(final String name, final float[] values, final int length)
        {
            return (float[]) growing(name, values, length);
        }

        @Override
        public long scalar(final String name, final long value)
        {
            final long[] box = {value};
            exact(name, box);
            return box[0];
        }

        @Override
        public double scalar(final String name, final double value)
        {
            final double[] box = {value};
            exact(name, box);
            return box[0];
        }
    }
}
