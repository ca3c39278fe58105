package org.myelin.train.parameter;

import java.util.Arrays;

import org.myelin.util.ModelException;

/**
 * A trainable array (a weight matrix or a bias vector) with its gradient, both row-major
 * {@code [rows][columns]} in one {@code double[]} each, the form optimisers update in place.
 *
 * <p>The name is the layer's name and the parameter's role, e.g. {@code hidden.input},
 * {@code hidden.recurrent}, {@code out.bias}; it names the {@code .npy} file of a training run.
 */
public final class Parameter
{
    private final String name;
    private final int rows;
    private final int columns;
    private final double[] value;
    private final double[] gradient;
    private final boolean[] frozen;

    /**
     * @param name    unique name within a network, e.g. {@code hidden.input}.
     * @param rows    rows, {@code >= 1}.
     * @param columns columns, {@code >= 1}.
     */
    public Parameter(final String name, final int rows, final int columns)
    {
        this(name, rows, columns, null);
    }

    /**
     * @param name    unique name within a network.
     * @param rows    rows, {@code >= 1}.
     * @param columns columns, {@code >= 1}.
     * @param frozen  per entry, true for entries that stay 0 and whose gradient is always 0 (a
     *                sparsity mask's absent connections), or null.
     */
    public Parameter(final String name, final int rows, final int columns, final boolean[] frozen)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ModelException("parameter '" + name + "': shape must be at least 1 × 1, got " + rows + " × "
                + columns);
        }
        if (frozen != null && frozen.length != (long) rows * columns)
        {
            throw new ModelException("parameter '" + name + "': the mask must have " + (long) rows * columns
                + " entries, got " + frozen.length);
        }
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.value = new double[rows * columns];
        this.gradient = new double[rows * columns];
        this.frozen = frozen == null ? null : frozen.clone();
    }

    /** The name. */
    public String name()
    {
        return name;
    }

    /** Rows. */
    public int rows()
    {
        return rows;
    }

    /** Columns. */
    public int columns()
    {
        return columns;
    }

    /** Number of entries. */
    public int size()
    {
        return value.length;
    }

    /** The values, row-major; updated in place by optimisers. */
    public double[] value()
    {
        return value;
    }

    /** The gradient of the loss, row-major, summed by the backward pass. */
    public double[] gradient()
    {
        return gradient;
    }

    /** True when entry {@code k} is held at 0 (masked out). */
    public boolean frozen(final int k)
    {
        return frozen != null && frozen[k];
    }

    /** True when some entries are held at 0. */
    public boolean hasFrozenEntries()
    {
        return frozen != null;
    }

    /** Sets every gradient entry to 0. */
    public void zeroGradient()
    {
        Arrays.fill(gradient, 0.0);
    }

    /** Copies values in (length must match). */
    public void set(final double[] values)
    {
        if (values.length != value.length)
        {
            throw new ModelException("parameter '" + name + "': expected " + value.length + " values (" + rows + " × "
                + columns + "), got " + values.length);
        }
        System.arraycopy(values, 0, value, 0, value.length);
    }

    @Override
    public String toString()
    {
        return name + " [" + rows + " × " + columns + "]";
    }
}
