package org.myelin.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.connect.ExplicitConnections;
import org.myelin.util.ModelException;

/**
 * Explicit connectivity read from files: a CSV table or {@code .npy} arrays of presynaptic index
 * i, postsynaptic index j, and optionally a weight and a delay [ms] per synapse.
 *
 * <p>CSV: a header names the columns ({@code i}/{@code pre}/{@code source},
 * {@code j}/{@code post}/{@code target}, {@code weight}/{@code w}, {@code delay}/{@code delay_ms});
 * other columns are ignored, blank lines and lines starting with {@code #} are skipped.
 */
public final class ConnectionFiles
{
    private static final List<String> PRE = List.of("i", "pre", "source");
    private static final List<String> POST = List.of("j", "post", "target");
    private static final List<String> WEIGHT = List.of("weight", "w");
    private static final List<String> DELAY = List.of("delay", "delay_ms");

    private ConnectionFiles()
    {
    }

    /**
     * Reads a CSV table of synapses.
     *
     * @throws ModelException if a required column is missing or a value does not parse (the
     *                        message names the file, line and column).
     */
    public static ExplicitConnections fromCsv(final Path path) throws IOException
    {
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
                throw new ModelException(
                    path + ": empty connection table; expected a header such as 'i,j,weight,delay'");
            }
            final int ci = column(path, header, PRE, true);
            final int cj = column(path, header, POST, true);
            final int cw = column(path, header, WEIGHT, false);
            final int cd = column(path, header, DELAY, false);
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
                if (cells.length < header.length)
                {
                    throw new ModelException(path + ":" + lineNumber + ": expected " + header.length
                        + " columns, got " + cells.length);
                }
                if (n == pre.length)
                {
                    pre = Arrays.copyOf(pre, 2 * n);
                    post = Arrays.copyOf(post, 2 * n);
                    weight = weight == null ? null : Arrays.copyOf(weight, 2 * n);
                    delay = delay == null ? null : Arrays.copyOf(delay, 2 * n);
                }
                pre[n] = (int) number(path, lineNumber, header[ci], cells[ci], true);
                post[n] = (int) number(path, lineNumber, header[cj], cells[cj], true);
                if (weight != null)
                {
                    weight[n] = number(path, lineNumber, header[cw], cells[cw], false);
                }
                if (delay != null)
                {
                    delay[n] = number(path, lineNumber, header[cd], cells[cd], false);
                }
                n++;
            }
            return new ExplicitConnections(Arrays.copyOf(pre, n), Arrays.copyOf(post, n),
                weight == null ? null : Arrays.copyOf(weight, n), delay == null ? null : Arrays.copyOf(delay, n));
        }
    }

    /**
     * Reads synapses from one-dimensional {@code .npy} arrays of equal length.
     *
     * @param pre      presynaptic indices (integer dtype).
     * @param post     postsynaptic indices (integer dtype).
     * @param weight   weights, or null.
     * @param delayMs  [ms] delays, or null.
     */
    public static ExplicitConnections fromNpy(final Path pre, final Path post, final Path weight, final Path delayMs)
        throws IOException
    {
        return new ExplicitConnections(indices(pre), indices(post), weight == null ? null : Npy.read(weight).values(),
            delayMs == null ? null : Npy.read(delayMs).values());
    }

    private static int[] indices(final Path path) throws IOException
    {
        final Npy.Array a = Npy.read(path);
        if (!a.descr().startsWith("<i"))
        {
            throw new ModelException(path + ": indices must have an integer dtype, got " + a.descr());
        }
        final int[] out = new int[a.values().length];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = (int) a.values()[k];
        }
        return out;
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

    private static int column(final Path path, final String[] header, final List<String> names, final boolean required)
    {
        for (int k = 0; k < header.length; k++)
        {
            if (names.contains(header[k].toLowerCase(Locale.ROOT)))
            {
                return k;
            }
        }
        if (required)
        {
            throw new ModelException(path + ": no column " + String.join("/", names) + " in the header "
                + Arrays.toString(header));
        }
        return -1;
    }

    private static double number(
        final Path path, final int line, final String column, final String text, final boolean integer)
    {
        try
        {
            return integer ? Integer.parseInt(text) : Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new ModelException(path + ":" + line + ": column " + column + " must be "
                + (integer ? "an integer" : "a number") + ", got '" + text + "'");
        }
    }
}
