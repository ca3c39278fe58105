package org.myelin.train.weights;

import java.util.Arrays;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.util.ModelException;

/**
 * A dense weight matrix {@code W[i][k]} from input i to output k (row-major, rows presynaptic),
 * with an optional sparsity mask and optional sign constraints per input row (Dale's law: all
 * outgoing weights of an excitatory neuron are ≥ 0, of an inhibitory one ≤ 0).
 *
 * <p>The mask holds absent connections at 0 and their gradient at 0. Signs are kept by projection
 * after each optimiser step ({@link #constrain()}): a weight that would change sign is set to 0
 * (as in Bellec et al. 2018's sign-constrained networks); the gradient is that of the
 * unconstrained matrix.
 *
 * <p>Products (all in a fixed order per output element, whatever the thread count):
 * <ul>
 *   <li>{@link #addRows}: {@code target += xᵀW} for one sample and step; a spike train adds
 *       one row per spike, in ascending id order (the simulator's order of delivery), a dense
 *       input one row per non-zero entry;</li>
 *   <li>{@link #multiply}: {@code out += a·W} and {@link #multiplyTransposed}:
 *       {@code out += d·Wᵀ} for a few rows at once ({@link MatrixKernels});</li>
 *   <li>{@link #accumulateGradient}: {@code ∂W[i][k] += Σ_{b,n} x[b][n−lag][i]·δ[b][n][k]},
 *       summed over samples then steps for each row i, the rows split between workers: each
 *       entry is summed by one worker in one order, so the gradient is the same for any thread
 *       count; spike inputs add δ rows only where a spike was.</li>
 * </ul>
 */
public final class DenseWeights
{
    private final String name;
    private final int inputs;
    private final int outputs;
    private final Parameter weight;
    private final double[] transposed;
    private final double[] sign;

    /**
     * @param name      the parameter's name, e.g. {@code hidden.recurrent}.
     * @param inputs    rows (presynaptic units).
     * @param outputs   columns (postsynaptic units).
     * @param connected per entry {@code [i·outputs + k]}, whether the connection exists, or null for all.
     * @param sign      per input row: +1 (outgoing weights ≥ 0), −1 (≤ 0) or 0 (free), or null.
     */
    public DenseWeights(final String name, final int inputs, final int outputs, final boolean[] connected,
        final double[] sign)
    {
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
        boolean[] frozen = null;
        if (connected != null)
        {
            if (connected.length != (long) inputs * outputs)
            {
                throw new ModelException(name + ": the connection mask must have " + inputs + " × " + outputs + " = "
                    + (long) inputs * outputs + " entries, got " + connected.length);
            }
            frozen = new boolean[connected.length];
            for (int k = 0; k < connected.length; k++)
            {
                frozen[k] = !connected[k];
            }
        }
        if (sign != null)
        {
            if (sign.length != inputs)
            {
                throw new ModelException(name + ": signs must have one entry per input row (" + inputs + "), got "
                    + sign.length);
            }
            for (int i = 0; i < inputs; i++)
            {
                if (sign[i] != 1 && sign[i] != -1 && sign[i] != 0)
                {
                    throw new ModelException(name + ": signs must be +1, -1 or 0, got sign[" + i + "]=" + sign[i]);
                }
            }
        }
        this.weight = new Parameter(name, inputs, outputs, frozen);
        this.transposed = new double[inputs * outputs];
        this.sign = sign == null ? null : sign.clone();
    }

    /** A matrix without mask or signs. */
    public DenseWeights(final String name, final int inputs, final int outputs)
    {
        this(name, inputs, outputs, null, null);
    }

    /** The trainable matrix. */
    public Parameter parameter()
    {
        return weight;
    }

    /** Rows. */
    public int inputs()
    {
        return inputs;
    }

    /** Columns. */
    public int outputs()
    {
        return outputs;
    }

    /** The sign of each input row (+1, −1, 0), or null when unconstrained. */
    public double[] signs()
    {
        return sign == null ? null : sign.clone();
    }

    /** True when entry {@code [i][k]} exists (not masked out). */
    public boolean connected(final int i, final int k)
    {
        return !weight.frozen(i * outputs + k);
    }

    /**
     * Draws the initial weights (fan-in = rows), gives signed rows the magnitude of the draw with
     * their sign, and applies the mask.
     */
    public void initialize(final WeightInit init, final long seed)
    {
        final double[] w = weight.value();
        init.fill(w, inputs, seed, name);
        if (sign != null)
        {
            for (int i = 0; i < inputs; i++)
            {
                if (sign[i] != 0)
                {
                    for (int k = i * outputs; k < (i + 1) * outputs; k++)
                    {
                        w[k] = sign[i] * Math.abs(w[k]);
                    }
                }
            }
        }
        constrain();
    }

    /**
     * Projects the weights onto the constraints (masked entries 0, signed rows clipped at 0) and
     * refreshes the transposed copy the backward products read; call after every change of
     * {@link Parameter#value()}.
     */
    public void constrain()
    {
        final double[] w = weight.value();
        if (weight.hasFrozenEntries())
        {
            for (int k = 0; k < w.length; k++)
            {
                if (weight.frozen(k))
                {
                    w[k] = 0.0;
                }
            }
        }
        if (sign != null)
        {
            for (int i = 0; i < inputs; i++)
            {
                final double s = sign[i];
                if (s == 0)
                {
                    continue;
                }
                for (int k = i * outputs; k < (i + 1) * outputs; k++)
                {
                    if (s * w[k] < 0)
                    {
                        w[k] = 0.0;
                    }
                }
            }
        }
        for (int i = 0; i < inputs; i++)
        {
            for (int k = 0; k < outputs; k++)
            {
                transposed[k * inputs + i] = w[i * outputs + k];
            }
        }
    }

    /**
     * {@code target[offset + k] += Σ_i x[b][n][i]·W[i][k]}: one row per spike of a spike train
     * (ascending ids), one scaled row per non-zero entry of a dense input.
     */
    public void addRows(final Signal x, final int b, final int n, final double[] target, final int offset)
    {
        final double[] w = weight.value();
        final int cols = outputs;
        if (x.isSpikes())
        {
            final int[] ids = x.ids();
            final int end = x.end(b, n);
            for (int s = x.start(b, n); s < end; s++)
            {
                final int row = ids[s] * cols;
                for (int k = 0; k < cols; k++)
                {
                    target[offset + k] += w[row + k];
                }
            }
        }
        else
        {
            final double[] values = x.values();
            final int base = x.offset(b, n);
            for (int i = 0; i < inputs; i++)
            {
                final double xi = values[base + i];
                if (xi != 0)
                {
                    final int row = i * cols;
                    for (int k = 0; k < cols; k++)
                    {
                        target[offset + k] += xi * w[row + k];
                    }
                }
            }
        }
    }

    /**
     * {@code out[outOffsets[r] + k] += Σ_i a[aOffsets[r] + i]·W[i][k]} for
     * {@code first <= r < first + rows}.
     */
    public void multiply(final double[] a, final int[] aOffsets, final double[] out, final int[] outOffsets,
        final int first, final int rows)
    {
        MatrixKernels.multiplyAdd(a, aOffsets, weight.value(), inputs, outputs, out, outOffsets, first, rows);
    }

    /**
     * {@code out[outOffsets[r] + i] += Σ_k d[dOffsets[r] + k]·W[i][k]} for
     * {@code first <= r < first + rows}.
     */
    public void multiplyTransposed(final double[] d, final int[] dOffsets, final double[] out, final int[] outOffsets,
        final int first, final int rows)
    {
        MatrixKernels.multiplyAdd(d, dOffsets, transposed, outputs, inputs, out, outOffsets, first, rows);
    }

    /**
     * Adds {@code Σ_b Σ_n x[b][n − lag][i]·δ[b][n][k]} to the gradient of rows
     * {@code i ∈ [inputs·part/parts, inputs·(part+1)/parts)}, for steps {@code n ≥ lag}; δ of
     * sample b at step n starts at {@code (b·steps + n)·deltaStride + deltaColumn}. Masked entries
     * keep a zero gradient.
     *
     * @param lag 0 when step n's output depends on step n's input, 1 for recurrent state inputs
     *            {@code h[n−1]}.
     */
    public void accumulateGradient(final Signal x, final int lag, final double[] delta, final int deltaStride,
        final int deltaColumn, final int part, final int parts)
    {
        final int lo = (int) ((long) inputs * part / parts);
        final int hi = (int) ((long) inputs * (part + 1) / parts);
        if (lo >= hi)
        {
            return;
        }
        final double[] g = weight.gradient();
        final int cols = outputs;
        final int batch = x.batch();
        final int steps = x.steps();
        for (int b = 0; b < batch; b++)
        {
            for (int n = lag; n < steps; n++)
            {
                final int d = (b * steps + n) * deltaStride + deltaColumn;
                if (x.isSpikes())
                {
                    final int[] ids = x.ids();
                    final int end = x.end(b, n - lag);
                    int s = x.start(b, n - lag);
                    while (s < end && ids[s] < lo)
                    {
                        s++;
                    }
                    for (; s < end && ids[s] < hi; s++)
                    {
                        final int row = ids[s] * cols;
                        for (int k = 0; k < cols; k++)
                        {
                            g[row + k] += delta[d + k];
                        }
                    }
                }
                else
                {
                    final double[] values = x.values();
                    final int base = x.offset(b, n - lag);
                    for (int i = lo; i < hi; i++)
                    {
                        final double xi = values[base + i];
                        if (xi != 0)
                        {
                            final int row = i * cols;
                            for (int k = 0; k < cols; k++)
                            {
                                g[row + k] += xi * delta[d + k];
                            }
                        }
                    }
                }
            }
        }
        if (weight.hasFrozenEntries())
        {
            for (int k = lo * cols; k < hi * cols; k++)
            {
                if (weight.frozen(k))
                {
                    g[k] = 0.0;
                }
            }
        }
    }

    /** Rounds every weight to the nearest float (the simulator stores per-synapse weights as float). */
    public void roundToFloat()
    {
        final double[] w = weight.value();
        for (int k = 0; k < w.length; k++)
        {
            w[k] = (float) w[k];
        }
        constrain();
    }

    /** A copy of the weights as {@code [inputs][outputs]}. */
    public double[][] toMatrix()
    {
        final double[][] m = new double[inputs][];
        for (int i = 0; i < inputs; i++)
        {
            m[i] = Arrays.copyOfRange(weight.value(), i * outputs, (i + 1) * outputs);
        }
        return m;
    }
}
