package org.myelin.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.util.ModelException;

/**
 * Synapses listed one by one: presynaptic index i, postsynaptic index j, and optionally a weight
 * and a delay per synapse (NEST {@code Connect(i, j, syn_spec)} with arrays, Brian2
 * {@code connect(i=..., j=...)}). The order of the list does not matter: synapses are sorted by
 * (i, j), keeping the given order among repeated pairs. Also built from a dense weight matrix.
 */
public final class ExplicitConnections implements Connector
{
    private final int[] pre;
    private final int[] post;
    private final double[] weights;
    private final double[] delaysMs;

    /**
     * @param pre      presynaptic index of each synapse.
     * @param post     postsynaptic index of each synapse.
     * @param weights  weight of each synapse (a factor on the projection's weight), or null.
     * @param delaysMs [ms] delay of each synapse, or null.
     */
    public ExplicitConnections(final int[] pre, final int[] post, final double[] weights, final double[] delaysMs)
    {
        if (pre == null || post == null)
        {
            throw new ModelException("ExplicitConnections: the pre and post index arrays are required");
        }
        checkLength("post", post.length, pre.length);
        if (weights != null)
        {
            checkLength("weights", weights.length, pre.length);
        }
        if (delaysMs != null)
        {
            checkLength("delays", delaysMs.length, pre.length);
        }
        this.pre = pre.clone();
        this.post = post.clone();
        this.weights = weights == null ? null : weights.clone();
        this.delaysMs = delaysMs == null ? null : delaysMs.clone();
    }

    /** Synapses without their own weights or delays. */
    public ExplicitConnections(final int[] pre, final int[] post)
    {
        this(pre, post, null, null);
    }

    /**
     * One synapse for every non-zero entry {@code w[i][j]} of a dense matrix (rows presynaptic,
     * columns postsynaptic), with that entry as its weight.
     *
     * @param w        the weight matrix, rectangular.
     * @param delaysMs [ms] a delay matrix of the same shape, or null.
     */
    public static ExplicitConnections fromDense(final double[][] w, final double[][] delaysMs)
    {
        final int columns = w.length == 0 ? 0 : w[0].length;
        final List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < w.length; i++)
        {
            checkLength("row " + i + " of the weight matrix", w[i].length, columns);
            if (delaysMs != null)
            {
                checkLength("row " + i + " of the delay matrix", delaysMs[i].length, columns);
            }
            for (int j = 0; j < columns; j++)
            {
                if (w[i][j] != 0)
                {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        if (delaysMs != null)
        {
            checkLength("delay matrix", delaysMs.length, w.length);
        }
        final int n = pairs.size();
        final int[] pre = new int[n];
        final int[] post = new int[n];
        final double[] weight = new double[n];
        final double[] delay = delaysMs == null ? null : new double[n];
        for (int k = 0; k < n; k++)
        {
            final int[] p = pairs.get(k);
            pre[k] = p[0];
            post[k] = p[1];
            weight[k] = w[p[0]][p[1]];
            if (delay != null)
            {
                delay[k] = delaysMs[p[0]][p[1]];
            }
        }
        return new ExplicitConnections(pre, post, weight, delay);
    }

    private static void checkLength(final String what, final int length, final int expected)
    {
        if (length != expected)
        {
            throw new ModelException("ExplicitConnections: " + what + " must have " + expected
                + " entries, got " + length);
        }
    }

    /** Number of synapses listed. */
    public int size()
    {
        return pre.length;
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return pre.length;
    }

    @Override
    public String describe()
    {
        return "explicit (" + pre.length + " synapses" + (weights == null ? "" : ", weights")
            + (delaysMs == null ? "" : ", delays") + ")";
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final int n = pre.length;
        final int[] rowStart = new int[sourceSize + 1];
        for (int k = 0; k < n; k++)
        {
            checkIndex("pre", k, pre[k], sourceSize);
            checkIndex("post", k, post[k], targetSize);
            rowStart[pre[k] + 1]++;
        }
        for (int i = 0; i < sourceSize; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        // stable counting sort by pre, then each row by (post, given position)
        final long[] order = new long[n];
        final int[] fill = Arrays.copyOf(rowStart, sourceSize);
        for (int k = 0; k < n; k++)
        {
            order[fill[pre[k]]++] = ((long) post[k] << 32) | k;
        }
        final int[] targets = new int[n];
        final float[] w = weights == null ? null : new float[n];
        final double[] d = delaysMs == null ? null : new double[n];
        for (int i = 0; i < sourceSize; i++)
        {
            Arrays.sort(order, rowStart[i], rowStart[i + 1]);
        }
        for (int s = 0; s < n; s++)
        {
            final int k = (int) order[s];
            targets[s] = (int) (order[s] >>> 32);
            if (w != null)
            {
                w[s] = (float) weights[k];
            }
            if (d != null)
            {
                d[s] = delaysMs[k];
            }
        }
        final CsrConnectivity csr = new CsrConnectivity(sourceSize, targetSize, rowStart, targets, w);
        return d == null ? csr : csr.withDelaysMs(d);
    }

    private static void checkIndex(final String what, final int k, final int index, final int size)
    {
        if (index < 0 || index >= size)
        {
            throw new ModelException("ExplicitConnections: " + what + "[" + k + "] must be in [0, " + size
                + "), got " + what + "[" + k + "]=" + index);
        }
    }
}
