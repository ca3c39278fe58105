package org.myelin.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.myelin.connect.ExplicitConnections;
import org.myelin.util.AtomicFiles;

/**
 * Explicit connectivity in files: presynaptic index i, postsynaptic index j, and optionally a
 * weight and a delay [ms] per synapse, as
 * <ul>
 *   <li>a CSV table whose header names the columns ({@code i}/{@code pre}/{@code source},
 *       {@code j}/{@code post}/{@code target}, {@code weight}/{@code w}, {@code delay}/{@code delay_ms});
 *       other columns are ignored, blank lines and lines starting with {@code #} are skipped;</li>
 *   <li>a {@code .npz} archive ({@code numpy.savez(f, i=..., j=..., weight=..., delay=...)}) of
 *       one-dimensional arrays of equal length under the same names;</li>
 *   <li>one-dimensional {@code .npy} arrays of equal length, one per column;</li>
 *   <li>a dense weight matrix {@code .npy} of shape (source neurons, target neurons), one synapse
 *       per non-zero entry, with an optional delay matrix of the same shape.</li>
 * </ul>
 * Indices must be whole numbers in range, weights finite and within the range of a float (the
 * connectivity stores them as 32-bit floats), delays finite and {@code >= 0}; an error names the
 * file and the line and column, or the element, of the first bad value.
 */
public final class ConnectionFiles
{
    /** The largest magnitude of a weight: synapses store weights as 32-bit floats. */
    public static final double MAX_WEIGHT = Float.MAX_VALUE;

    private static final List<String> PRE = List.of("i", "pre", "source");
    private static final List<String> POST = List.of("j", "post", "target");
    private static final List<String> WEIGHT = List.of("weight", "w");
    private static final List<String> DELAY = List.of("delay", "delay_ms");
    private static final String WEIGHT_RULE = "finite and at most 3.4028235e38 in magnitude (weights are stored as "
        + "32-bit floats)";
    private static final String DELAY_RULE = "finite and >= 0 ms";
    /** Neuron counts that check nothing. */
    private static final int ANY = Integer.MAX_VALUE;

    private ConnectionFiles()
    {
    }

    /**
     * Synapses read from a file: the connector, and whether the file gave each synapse a weight
     * and a delay.
     *
     * @param connections the synapses.
     * @param hasWeights  whether they have their own weights.
     * @param hasDelays   whether they have their own delays.
     */
    public record Table(ExplicitConnections connections, boolean hasWeights, boolean hasDelays)
        implements org.myelin.connect.Connector
    {
        static Table of(final int[] pre, final int[] post, final double[] weights, final double[] delaysMs)
        {
            return new Table(new ExplicitConnections(pre, post, weights, delaysMs), weights != null, delaysMs != null);
        }

        /** Number of synapses. */
        public int size()
        {
            return connections.size();
        }

        @Override
        public org.myelin.connect.Connectivity build(final int sourceSize, final int targetSize,
            final boolean sameGroup, final long key)
        {
            return connections.build(sourceSize, targetSize, sameGroup, key);
        }

        @Override
        public String describe()
        {
            return connections.describe();
        }
    }

    /**
     * Reads a table of synapses, {@code .csv} or {@code .npz} by the file's extension.
     *
     * @param sourceSize neurons of the source: every i must be below it.
     * @param targetSize neurons of the target: every j must be below it.
     * @throws DataFileException for a malformed file or a value out of range.
     */
    public static Table read(final Path path, final int sourceSize, final int targetSize)
        throws IOException
    {
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz"))
        {
            return fromNpz(path, sourceSize, targetSize);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv"))
        {
            return fromCsv(path, sourceSize, targetSize);
        }
        throw new DataFileException(path.toString(), null, "a connection table is a .csv or .npz file; for .npy "
            + "arrays give i, j, weight and delay as files of their own");
    }

    /** Reads a CSV table of synapses without checking indices against neuron counts. */
    public static Table fromCsv(final Path path) throws IOException
    {
        return fromCsv(path, ANY, ANY);
    }

    /**
     * Reads a CSV table of synapses.
     *
     * @throws DataFileException if a required column is missing or a value does not parse or is
     *                           out of range; the message names the file, line and column.
     */
    public static Table fromCsv(final Path path, final int sourceSize, final int targetSize)
        throws IOException
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
                throw new DataFileException(file, null, "empty connection table; expected a header such as "
                    + "'i,j,weight,delay'");
            }
            final int headerLine = lineNumber;
            final int ci = column(file, headerLine, header, PRE, true);
            final int cj = column(file, headerLine, header, POST, true);
            final int cw = column(file, headerLine, header, WEIGHT, false);
            final int cd = column(file, headerLine, header, DELAY, false);
            int n = 0;
            int[] pre = new int[1024];
            int[] post = new int[1024];
            double[] weight = cw < 0 ? null : new double[1024];
            double[] delay = cd < 0 ? null : new double[1024];
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
                if (n == pre.length)
                {
                    if (n > Npy.MAX_ELEMENTS / 2)
                    {
                        throw new DataFileException(file, lineNumber, 0, "more synapses than a Java array can hold ("
                            + Npy.MAX_ELEMENTS + ")");
                    }
                    pre = Arrays.copyOf(pre, 2 * n);
                    post = Arrays.copyOf(post, 2 * n);
                    weight = weight == null ? null : Arrays.copyOf(weight, 2 * n);
                    delay = delay == null ? null : Arrays.copyOf(delay, 2 * n);
                }
                pre[n] = index(file, lineNumber, line, ci, header[ci], cells[ci], sourceSize, "source");
                post[n] = index(file, lineNumber, line, cj, header[cj], cells[cj], targetSize, "target");
                if (weight != null)
                {
                    weight[n] = number(file, lineNumber, line, cw, header[cw], cells[cw], -MAX_WEIGHT, MAX_WEIGHT,
                        WEIGHT_RULE);
                }
                if (delay != null)
                {
                    delay[n] = number(file, lineNumber, line, cd, header[cd], cells[cd], 0, Double.MAX_VALUE,
                        DELAY_RULE);
                }
                n++;
            }
            return Table.of(Arrays.copyOf(pre, n), Arrays.copyOf(post, n),
                weight == null ? null : Arrays.copyOf(weight, n), delay == null ? null : Arrays.copyOf(delay, n));
        }
    }

    /**
     * Reads synapses from one-dimensional {@code .npy} arrays of equal length, without checking
     * indices against neuron counts.
     *
     * @param pre     presynaptic indices (integer dtype).
     * @param post    postsynaptic indices (integer dtype).
     * @param weight  weights, or null.
     * @param delayMs [ms] delays, or null.
     */
    public static Table fromNpy(final Path pre, final Path post, final Path weight, final Path delayMs)
        throws IOException
    {
        return fromNpy(pre, post, weight, delayMs, ANY, ANY);
    }

    /**
     * Reads synapses from one-dimensional {@code .npy} arrays of equal length.
     *
     * @param sourceSize neurons of the source: every i must be below it.
     * @param targetSize neurons of the target: every j must be below it.
     * @throws DataFileException for a malformed file, a shape that is not that of i, a float
     *                           index, or a value out of range.
     */
    public static Table fromNpy(final Path pre, final Path post, final Path weight, final Path delayMs,
        final int sourceSize, final int targetSize) throws IOException
    {
        final Npy.Array i = Npy.read(pre);
        return columns(i, Npy.read(post), weight == null ? null : Npy.read(weight),
            delayMs == null ? null : Npy.read(delayMs), sourceSize, targetSize);
    }

    /**
     * Reads synapses from a {@code .npz} archive of the arrays {@code i}, {@code j} and optionally
     * {@code weight} and {@code delay} (or the other column names of the CSV table).
     *
     * @throws DataFileException for a file that is not a zip archive, a missing or unknown array,
     *                           or an array that fails the checks of {@link #fromNpy}.
     */
    public static Table fromNpz(final Path path, final int sourceSize, final int targetSize)
        throws IOException
    {
        final Map<String, Npy.Array> arrays = Npz.read(path);
        final String file = path.toString();
        final Map<String, Npy.Array> named = new LinkedHashMap<>();
        for (final Map.Entry<String, Npy.Array> e : arrays.entrySet())
        {
            final String key = e.getKey().toLowerCase(Locale.ROOT);
            final List<String> names = PRE.contains(key) ? PRE : POST.contains(key) ? POST : WEIGHT.contains(key)
                ? WEIGHT : DELAY.contains(key) ? DELAY : null;
            if (names == null)
            {
                throw new DataFileException(file, null, "unknown array '" + e.getKey() + "'; a connection archive holds "
                    + "i, j and optionally weight and delay");
            }
            if (named.put(names.get(0), e.getValue()) != null)
            {
                throw new DataFileException(file, null, "two arrays for " + String.join("/", names));
            }
        }
        for (final List<String> required : List.of(PRE, POST))
        {
            if (!named.containsKey(required.get(0)))
            {
                throw new DataFileException(file, null, "no array " + String.join("/", required) + "; the archive holds "
                    + arrays.keySet());
            }
        }
        return columns(named.get("i"), named.get("j"), named.get("weight"), named.get("delay"), sourceSize,
            targetSize);
    }

    private static Table columns(final Npy.Array i, final Npy.Array j, final Npy.Array weight,
        final Npy.Array delay, final int sourceSize, final int targetSize)
    {
        final long n = i.vector("presynaptic indices i", -1).length;
        final int[] pre = i.indices("presynaptic index i", sourceSize);
        j.vector("postsynaptic indices j (as many as i in " + i.file() + ")", n);
        final int[] post = j.indices("postsynaptic index j", targetSize);
        double[] w = null;
        if (weight != null)
        {
            weight.vector("weights (as many as i in " + i.file() + ")", n);
            w = weight.checkRange("weight", -MAX_WEIGHT, MAX_WEIGHT, WEIGHT_RULE).values();
        }
        double[] d = null;
        if (delay != null)
        {
            delay.vector("delays (as many as i in " + i.file() + ")", n);
            d = delay.checkRange("delay", 0, Double.MAX_VALUE, DELAY_RULE).values();
        }
        return Table.of(pre, post, w, d);
    }

    /**
     * Synapses from a dense weight matrix: one synapse for every non-zero entry {@code w[i, j]}
     * (rows are source neurons, columns target neurons), that entry its weight.
     *
     * @param weights the matrix, shape (sourceSize, targetSize).
     * @param delays  [ms] a delay matrix of the same shape, or null.
     * @throws DataFileException for another shape or a value out of range.
     */
    public static Table fromDense(final Path weights, final Path delays, final int sourceSize,
        final int targetSize) throws IOException
    {
        final double[] w = Npy.read(weights).checkRange("weight", -MAX_WEIGHT, MAX_WEIGHT, WEIGHT_RULE)
            .matrix("a weight matrix", sourceSize, targetSize);
        final double[] d = delays == null ? null : Npy.read(delays).checkRange("delay", 0, Double.MAX_VALUE,
            DELAY_RULE).matrix("a delay matrix", sourceSize, targetSize);
        int n = 0;
        for (final double x : w)
        {
            n += x != 0 ? 1 : 0;
        }
        final int[] pre = new int[n];
        final int[] post = new int[n];
        final double[] weight = new double[n];
        final double[] delay = d == null ? null : new double[n];
        int s = 0;
        for (int k = 0; k < w.length; k++)
        {
            if (w[k] != 0)
            {
                pre[s] = k / targetSize;
                post[s] = k % targetSize;
                weight[s] = w[k];
                if (delay != null)
                {
                    delay[s] = d[k];
                }
                s++;
            }
        }
        return Table.of(pre, post, weight, delay);
    }

    /**
     * Writes synapses as a table the readers take back: a {@code .npz} archive (arrays {@code i}
     * int32, {@code j} int32, {@code weight} float64, {@code delay} float64 [ms]; what
     * {@code numpy.load} reads) or, for any other extension, a CSV table with the header
     * {@code i,j[,weight][,delay]}. Written atomically.
     *
     * @param weights the weight of each synapse, or null.
     * @param delaysMs [ms] the delay of each synapse, or null.
     */
    public static void write(final Path path, final int[] pre, final int[] post, final double[] weights,
        final double[] delaysMs) throws IOException
    {
        if (post.length != pre.length || weights != null && weights.length != pre.length
            || delaysMs != null && delaysMs.length != pre.length)
        {
            throw new IllegalArgumentException("i, j, weights and delays must have one entry per synapse");
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"))
        {
            AtomicFiles.write(path, out ->
            {
                // finished, not closed: closing would close the stream AtomicFiles still has to sync
                final ZipOutputStream zip = new ZipOutputStream(out);
                entry(zip, "i", o -> Npy.write(o, pre));
                entry(zip, "j", o -> Npy.write(o, post));
                if (weights != null)
                {
                    entry(zip, "weight", o -> Npy.write(o, weights, weights.length));
                }
                if (delaysMs != null)
                {
                    entry(zip, "delay", o -> Npy.write(o, delaysMs, delaysMs.length));
                }
                zip.finish();
            });
            return;
        }
        AtomicFiles.write(path, out ->
        {
            final StringBuilder s = new StringBuilder("i,j").append(weights == null ? "" : ",weight")
                .append(delaysMs == null ? "" : ",delay").append('\n');
            for (int k = 0; k < pre.length; k++)
            {
                s.append(pre[k]).append(',').append(post[k]);
                if (weights != null)
                {
                    s.append(',').append(weights[k]);
                }
                if (delaysMs != null)
                {
                    s.append(',').append(delaysMs[k]);
                }
                s.append('\n');
                if (s.length() > 1 << 16)
                {
                    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
                    s.setLength(0);
                }
            }
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Writes one array into an archive. */
    @FunctionalInterface
    private interface ArrayWriter
    {
        void write(OutputStream out) throws IOException;
    }

    private static void entry(final ZipOutputStream zip, final String name, final ArrayWriter writer)
        throws IOException
    {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        writer.write(zip);
        zip.closeEntry();
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

    private static int column(final String file, final int line, final String[] header, final List<String> names,
        final boolean required)
    {
        int found = -1;
        for (int k = 0; k < header.length; k++)
        {
            if (names.contains(header[k].toLowerCase(Locale.ROOT)))
            {
                if (found >= 0)
                {
                    throw new DataFileException(file, line, 0, "two columns for " + String.join("/", names)
                        + " in the header " + Arrays.toString(header));
                }
                found = k;
            }
        }
        if (found < 0 && required)
        {
            throw new DataFileException(file, line, 0, "no column " + String.join("/", names) + " in the header "
                + Arrays.toString(header));
        }
        return found;
    }

    private static int index(final String file, final int lineNumber, final String line, final int cell,
        final String column, final String text, final int bound, final String side)
    {
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException e)
        {
            throw new DataFileException(file, lineNumber, columnOf(line, cell), "column " + column
                + " must be a whole number, got '" + text + "'");
        }
        if (value < 0 || value >= bound)
        {
            throw new DataFileException(file, lineNumber, columnOf(line, cell), "column " + column + ": index " + value
                + " is out of range [0, " + bound + ") of the " + side + " neurons");
        }
        return (int) value;
    }

    private static double number(final String file, final int lineNumber, final String line, final int cell,
        final String column, final String text, final double min, final double max, final String rule)
    {
        final double value;
        try
        {
            value = Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new DataFileException(file, lineNumber, columnOf(line, cell), "column " + column
                + " must be a number, got '" + text + "'");
        }
        if (!(value >= min && value <= max))
        {
            throw new DataFileException(file, lineNumber, columnOf(line, cell), "column " + column + ": " + text
                + " must be " + rule);
        }
        return value;
    }

    /** {@code .npz} archives: a zip file of {@code .npy} arrays ({@code numpy.savez}, {@code savez_compressed}). */
    static final class Npz
    {
        private Npz()
        {
        }

        /**
         * The arrays of an archive by name (the entry name without {@code .npy}), in archive order.
         *
         * @throws DataFileException for a file that is not a zip archive or an entry that is not a
         *                           valid {@code .npy} array (named as {@code file:entry}).
         */
        static Map<String, Npy.Array> read(final Path path) throws IOException
        {
            final Map<String, Npy.Array> out = new LinkedHashMap<>();
            if (!Files.exists(path))
            {
                throw new NoSuchFileException(path.toString());
            }
            final ZipFile zip;
            try
            {
                zip = new ZipFile(path.toFile());
            }
            catch (final java.util.zip.ZipException e)
            {
                throw new DataFileException(path.toString(), null, "not a .npz archive (a zip file of .npy arrays): "
                    + e.getMessage());
            }
            try (zip)
            {
                for (final ZipEntry e : java.util.Collections.list(zip.entries()))
                {
                    final String name = e.getName();
                    final String file = path + ":" + name;
                    if (!name.endsWith(".npy"))
                    {
                        throw new DataFileException(file, null, "an entry of a .npz archive must be a .npy array");
                    }
                    try (InputStream in = zip.getInputStream(e))
                    {
                        out.put(name.substring(0, name.length() - 4), Npy.read(file, in, e.getSize()));
                    }
                    catch (final java.util.zip.ZipException bad)
                    {
                        throw new DataFileException(file, null, "damaged archive entry: " + bad.getMessage());
                    }
                }
            }
            return out;
        }
    }
}
