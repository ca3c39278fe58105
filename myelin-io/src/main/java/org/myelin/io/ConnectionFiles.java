package org.myelin.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

        @Override
        public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
        {
            return connections.size();
        }
    }

    /** The columns of a table of synapses between groups of the given sizes. */
    private static List<ColumnFiles.Column> columns(final int sourceSize, final int targetSize)
    {
        return List.of(ColumnFiles.Column.index(PRE, sourceSize, "presynaptic index i", "source"),
            ColumnFiles.Column.index(POST, targetSize, "postsynaptic index j", "target"),
            ColumnFiles.Column.number(WEIGHT, "weight", -MAX_WEIGHT, MAX_WEIGHT, WEIGHT_RULE),
            ColumnFiles.Column.number(DELAY, "delay", 0, Double.MAX_VALUE, DELAY_RULE));
    }

    private static Table table(final double[][] columns)
    {
        return Table.of(toInts(columns[0]), toInts(columns[1]), columns[2], columns[3]);
    }

    private static int[] toInts(final double[] values)
    {
        final int[] out = new int[values.length];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = (int) values[k];
        }
        return out;
    }

    /**
     * Reads a table of synapses, {@code .csv} or {@code .npz} by the file's extension.
     *
     * @param sourceSize neurons of the source: every i must be below it.
     * @param targetSize neurons of the target: every j must be below it.
     * @throws DataFileException for a malformed file or a value out of range.
     */
    public static Table read(final Path path, final int sourceSize, final int targetSize) throws IOException
    {
        return table(ColumnFiles.read(path, columns(sourceSize, targetSize), "connection table (for .npy arrays "
            + "give i, j, weight and delay as files of their own)"));
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
    public static Table fromCsv(final Path path, final int sourceSize, final int targetSize) throws IOException
    {
        return table(ColumnFiles.fromCsv(path, columns(sourceSize, targetSize), "connection table"));
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
        return table(ColumnFiles.arrays(new Npy.Array[] {Npy.read(pre), Npy.read(post),
            weight == null ? null : Npy.read(weight), delayMs == null ? null : Npy.read(delayMs)},
            columns(sourceSize, targetSize)));
    }

    /**
     * Reads synapses from a {@code .npz} archive of the arrays {@code i}, {@code j} and optionally
     * {@code weight} and {@code delay} (or the other column names of the CSV table).
     *
     * @throws DataFileException for a file that is not a zip archive, a missing or unknown array,
     *                           or an array that fails the checks of {@link #fromNpy}.
     */
    public static Table fromNpz(final Path path, final int sourceSize, final int targetSize) throws IOException
    {
        return table(ColumnFiles.fromNpz(path, columns(sourceSize, targetSize), "connection archive"));
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
