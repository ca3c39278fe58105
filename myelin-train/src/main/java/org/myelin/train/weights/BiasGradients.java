package org.myelin.train.weights;

import org.myelin.train.parameter.Parameter;

/** Bias gradients: {@code ∂bias[k] += Σ_b Σ_n δ[b][n][k]}, columns split between workers. */
public final class BiasGradients
{
    private BiasGradients()
    {
    }

    /**
     * Adds the sums of δ's columns {@code [size·part/parts, size·(part+1)/parts)} (δ rows of
     * {@code stride} values, the bias's columns from {@code column} on) over {@code rows} rows.
     */
    public static void accumulate(final Parameter bias, final double[] delta, final int stride, final int column,
        final int rows, final int part, final int parts)
    {
        final int size = bias.size();
        final int lo = (int) ((long) size * part / parts);
        final int hi = (int) ((long) size * (part + 1) / parts);
        final double[] g = bias.gradient();
        for (int row = 0; row < rows; row++)
        {
            final int o = row * stride + column;
            for (int k = lo; k < hi; k++)
            {
                g[k] += delta[o + k];
            }
        }
    }
}
