package org.myelin.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tables of named numeric columns, the form of explicit synapses and of spike trains: a CSV
 * file whose header names the columns, a {@code .npz} archive of one-dimensional arrays, or one
 * {@code .npy} array per column. Each column accepts a few names (e.g. {@code i}, {@code pre},
 * {@code source}), is required or optional, and is either indices below a bound or numbers in a
 * range; every value is checked and an error names the file, its line and column (CSV) or
 * element ({@code .npy}), and the rule.
 */
final class ColumnFiles
{
    private ColumnFiles()
    {
    }

    /**
     * One column of a table.
     *
     * @param names    the names it may have, the first one its own (compared without case).
     * @param required whether the table must have it.
     * @param index    true for whole numbers in {@code [0, bound)}, false for numbers in
     *                 {@code [min, max]}.
     * @param bound    the number of neurons indices refer to.
     * @param what     what the values are, for messages, e.g. {@code "presynaptic index i"}.
     * @param side     for indices, whose neurons they are, e.g. {@code "source"}.
     * @param min      the smallest number allowed.
     * @param max      the largest number allowed.
     * @param rule     the range in words, for messages.
     */
    record Column(List<String> names, boolean required, boolean index, int bound, String what, String side,
        double min, double max, String rule)
    {
        /** A column of indices into a population of {@code bound} neurons. */
        static Column index(final List<String> names, final int bound, final String what, final String side)
        {
            return new Column(names, true, true, bound, what, side, 0, bound, "");
        }

        /** An optional column of numbers in {@code [min, max]}. */
        static Column number(final List<String> names, final String what, final double min, final double max,
            final String rule)
        {
            return new Column(names, false, false, 0, what, "", min, max, rule);
        }

        String label()
        {
            return names.get(0);
        }
    }

    /**
     * Reads the columns of a CSV file or a {@code .npz} archive, by the file's extension.
     *
     * @param kind what the table holds, for messages, e.g. {@code "connection table"}.
     * @return one array per column, in the order of {@code columns}; null for an optional column
     *         the table does not have.
     */
    static double[][] read(final Path path, final List<Column> columns, final String kind) throws IOException
    {
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz"))
        {
            return fromNpz(path, columns, kind);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt"))
        {
            return fromCsv(path, columns, kind);
        }
        throw new DataFileException(path.toString(), null, "a " + kind + " is a .csv or .npz file");
    }

    /** Reads the columns of a CSV file; see {@link #read}. */
    static double[][] fromCsv(final Path path, final List<Column> columns, final String kind) throws IOException
    {
        final String file = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8))
        {
            String line;
            int lineNumber = 0;
            String[] header = null;
            while (header == null && (line = in.readLine()) != null)
            {
                lineNumber++;
                if (!skip(line))
                {
                    header = split(line);
                }
            }
            if (header == null)
            {
                throw new DataFileException(file, null, "empty " + kind + "; expected a header naming the columns "
                    + String.join(",", columns.stream().map(Column::label).toList()));
            }
            final int headerLine = lineNumber;
            final int[] cell = new int[columns.size()];
            final double[][] out = new double[columns.size()][];
            for (int c = 0; c < cell.length; c++)
            {
                cell[c] = column(file, headerLine, header, columns.get(c));
                out[c] = cell[c] < 0 ? null : new double[1024];
            }
            int n = 0;
            while ((line = in.readLine()) != null)
            {
                lineNumber++;
                if (skip(line))
                {
                    continue;
                }
                final String[] cells = split(line);
                if (cells.length != header.length)
                {
                    throw new DataFileException(file, lineNumber, 0, "expected " + header.length + " columns as in the "
                        + "header on line " + headerLine + ", got " + cells.length);
                }
                if (n == out[0].length)
                {
                    if (n > Npy.MAX_ELEMENTS / 2)
                    {
                        throw new DataFileException(file, lineNumber, 0, "more rows than a Java array can hold ("
                            + Npy.MAX_ELEMENTS + ")");
                    }
                    for (int c = 0; c < out.length; c++)
                    {
                        out[c] = out[c] == null ? null : Arrays.copyOf(out[c], 2 * n);
                    }
                }
                for (int c = 0; c < out.length; c++)
                {
                    if (out[c] != null)
                    {
                        out[c][n] = value(file, lineNumber, line, cell[c], header[cell[c]], cells[cell[c]],
                            columns.get(c));
                    }
                }
                n++;
            }
            for (int c = 0; c < out.length; c++)
            {
                out[c] = out[c] == null ? null : Arrays.copyOf(out[c], n);
            }
            return out;
        }
    }

    /** Reads the arrays of a {@code .npz} archive as columns; see {@link #read}. */
    static double[][] fromNpz(final Path path, final List<Column> columns, final String kind) throws IOException
    {
        final Map<String, Npy.Array> arrays = ConnectionFiles.Npz.read(path);
        final String file = path.toString();
        final Npy.Array[] named = new Npy.Array[columns.size()];
        for (final Map.Entry<String, Npy.Array> e : arrays.entrySet())
        {
            final String key = e.getKey().toLowerCase(Locale.ROOT);
            int found = -1;
            for (int c = 0; c < named.length; c++)
            {
                found = columns.get(c).names().contains(key) ? c : found;
            }
            if (found < 0)
            {
                throw new DataFileException(file, null, "unknown array '" + e.getKey() + "'; a " + kind + " holds "
                    + describe(columns));
            }
            if (named[found] != null)
            {
                throw new DataFileException(file, null, "two arrays for " + String.join("/", columns.get(found)
                    .names()));
            }
            named[found] = e.getValue();
        }
        for (int c = 0; c < named.length; c++)
        {
            if (named[c] == null && columns.get(c).required())
            {
                throw new DataFileException(file, null, "no array " + String.join("/", columns.get(c).names())
                    + "; the archive holds " + arrays.keySet());
            }
        }
        return arrays(named, columns);
    }

    /**
     * Checks arrays read from {@code .npy} files (or an archive) as the columns of one table: one
     * dimension, the length of the first, the type and range of their column.
     *
     * @param arrays the arrays, null where an optional column is absent.
     */
    static double[][] arrays(final Npy.Array[] arrays, final List<Column> columns)
    {
        final double[][] out = new double[arrays.length][];
        final long n = arrays[0].vector(columns.get(0).what() + " values", -1).length;
        for (int c = 0; c < arrays.length; c++)
        {
            final Npy.Array a = arrays[c];
            if (a == null)
            {
                continue;
            }
            final Column column = columns.get(c);
            a.vector(column.label() + " values" + (c == 0 ? "" : " (as many as " + columns.get(0).label() + " in "
                + arrays[0].file() + ")"), n);
            if (column.index())
            {
                final int[] indices = a.indices(column.what(), column.bound());
                out[c] = Arrays.stream(indices).asDoubleStream().toArray();
            }
            else
            {
                out[c] = a.checkRange(column.label(), column.min(), column.max(), column.rule()).values();
            }
        }
        return out;
    }

    private static String describe(final List<Column> columns)
    {
        final StringBuilder s = new StringBuilder();
        for (final Column c : columns)
        {
            s.append(s.isEmpty() ? "" : ", ").append(c.label()).append(c.required() ? "" : " (optional)");
        }
        return s.toString();
    }

    private static boolean skip(final String line)
    {
        final String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    private static String[] split(final String line)
    {
        final String[] cells = line.split(",", -1);
        for (int k = 0; k < cells.length; k++)
        {
            cells[k] = cells[k].strip();
        }
        return cells;
    }

    /** The 1-based column (character position) where cell {@code index} of {@code line} starts. */
    private static int columnOf(final String line, final int index)
    {
        int at = 0;
        for (int k = 0; k < index; k++)
        {
            at = line.indexOf(',', at) + 1;
        }
        while (at < line.length() && Character.isWhitespace(line.charAt(at)))
        {
            at++;
        }
        return at + 1;
    }

    private static int column(final String file, final int line, final String[] header, final Column column)
    {
        int found = -1;
        for (int k = 0; k < header.length; k++)
        {
            if (column.names().contains(header[k].toLowerCase(Locale.ROOT)))
            {
                if (found >= 0)
                {
                    throw new DataFileException(file, line, 0, "two columns for " + String.join("/", column.names())
                        + " in the header " + Arrays.toString(header));
                }
                found = k;
            }
        }
        if (found < 0 && column.required())
        {
            throw new DataFileException(file, line, 0, "no column " + String.join("/", column.names())
                + " in the header " + Arrays.toString(header));
        }
        return found;
    }

    private static double value(final String file, final int lineNumber, final String line, final int cell,
        final String name, final String text, final Column column)
    {
        final int at = columnOf(line, cell);
        if (column.index())
        {
            final long value;
            try
            {
                value = Long.parseLong(text);
            }
            catch (final NumberFormatException e)
            {
                throw new DataFileException(file, lineNumber, at, "column " + name + " must be a whole number, got '"
                    + text + "'");
            }
            if (value < 0 || value >= column.bound())
            {
                throw new DataFileException(file, lineNumber, at, "column " + name + ": index " + value
                    + " is out of range [0, " + column.bound() + ") of the " + column.side() + " neurons");
            }
            return value;
        }
        final double value;
        try
        {
            value = Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new DataFileException(file, lineNumber, at, "column " + name + " must be a number, got '" + text
                + "'");
        }
        if (!(value >= column.min() && value <= column.max()))
        {
            throw new DataFileException(file, lineNumber, at, "column " + name + ": " + text + " must be "
                + column.rule());
        }
        return value;
    }
}
