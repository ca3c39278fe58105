package org.myelin.io.neuroml;

import java.util.Arrays;

import org.myelin.connect.Connectivity;
import org.myelin.connect.Connector;
import org.myelin.connect.CsrConnectivity;

/**
 * Connections given one by one (NeuroML {@code connection}/{@code connectionWD}), with an
 * optional weight each, built into CSR rows.
 *
 * @param pre     presynaptic index of each connection.
 * @param post    postsynaptic index of each connection.
 * @param weights the weight of each connection, or null when all are 1.
 */
record ConnectionList(int[] pre, int[] post, float[] weights) implements Connector
{
    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final Integer[] order = new Integer[pre.length];
        for (int k = 0; k < order.length; k++)
        {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> pre[a] != pre[b] ? Integer.compare(pre[a], pre[b]) : Integer.compare(post[a],
            post[b]));
        final int[] rowStart = new int[sourceSize + 1];
        final int[] targets = new int[pre.length];
        final float[] w = weights == null ? null : new float[pre.length];
        for (int k = 0; k < order.length; k++)
        {
            rowStart[pre[order[k]] + 1]++;
            targets[k] = post[order[k]];
            if (w != null)
            {
                w[k] = weights[order[k]];
            }
        }
        for (int i = 0; i < sourceSize; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        return new CsrConnectivity(sourceSize, targetSize, rowStart, targets, w);
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return pre.length;
    }

    @Override
    public String describe()
    {
        return pre.length + " listed connections";
    }
}
