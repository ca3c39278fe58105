package org.myelin.state;

/**
 * Either direction of a checkpoint, as one visitor: when writing, each call takes the values of
 * the array or scalar it is given; when restoring, each call fills the array with the values
 * saved under the name (or returns the saved scalar). A {@link Stateful} therefore writes its
 * state and reads it back with the same code.
 *
 * <p>Names are scoped: {@link #in(String)} returns an access whose names are prefixed with
 * {@code scope/}, so the parts of a network each use short names of their own.
 */
public interface StateAccess
{
    /** True when this access fills the arrays from a checkpoint, false when it takes their values. */
    boolean restoring();

    /** Saves or fills {@code values}, whose length must match the saved array's. */
    void doubles(String name, double[] values);

    /** Saves or fills {@code values}, whose length must match the saved array's. */
    void floats(String name, float[] values);

    /** Saves or fills {@code values}, whose length must match the saved array's. */
    void ints(String name, int[] values);

    /** Saves or fills {@code values}, whose length must match the saved array's. */
    void longs(String name, long[] values);

    /**
     * Saves the first {@code length} values of a growing array, or returns the saved values in an
     * array of their own length (the caller then holds that many).
     */
    long[] longs(String name, long[] values, int length);

    /** As {@link #longs(String, long[], int)}. */
    int[] ints(String name, int[] values, int length);

    /** As {@link #longs(String, long[], int)}. */
    double[] doubles(String name, double[] values, int length);

    /** As {@link #longs(String, long[], int)}. */
    float[] floats(String name, float[] values, int length);

    /** Saves {@code value}, or returns the saved one. */
    long scalar(String name, long value);

    /** Saves {@code value}, or returns the saved one. */
    double scalar(String name, double value);

    /** An access whose names are prefixed with {@code scope + "/"}. */
    StateAccess in(String scope);

    /** Visits {@code part}'s state under {@code scope}. */
    default void visit(final String scope, final Stateful part)
    {
        part.visitState(in(scope));
    }

    /**
     * Saves or fills every row of {@code rows}, a matrix of rows of equal length, as one array of
     * the rows one after another.
     */
    default void doubles(final String name, final double[][] rows)
    {
        final int columns = rows.length == 0 ? 0 : rows[0].length;
        final double[] flat = new double[rows.length * columns];
        if (!restoring())
        {
            for (int k = 0; k < rows.length; k++)
            {
                System.arraycopy(rows[k], 0, flat, k * columns, columns);
            }
        }
        doubles(name, flat);
        if (restoring())
        {
            for (int k = 0; k < rows.length; k++)
            {
                System.arraycopy(flat, k * columns, rows[k], 0, columns);
            }
        }
    }
}
