package org.myelin.connect;

import java.util.Arrays;

/** A growable {@code int} array for building rows, without boxing. */
final class IntArray
{
    private int[] values;
    private int size;

    IntArray(final int capacity)
    {
        this.values = new int[Math.max(16, capacity)];
    }

    void add(final int value)
    {
        if (size == values.length)
        {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    /** Makes room for {@code extra} more values and returns the backing array. */
    int[] reserve(final int extra)
    {
        if (size + extra > values.length)
        {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + extra));
        }
        return values;
    }

    int[] array()
    {
        return values;
    }

    int size()
    {
        return size;
    }

    void setSize(final int newSize)
    {
        size = newSize;
    }

    int[] toArray()
    {
        return Arrays.copyOf(values, size);
    }
}
