package org.myelin.train.layer;

import java.util.Arrays;

import org.myelin.train.weights.WeightInit;

/**
 * The long short-term memory cell (brainstate {@code LSTMCell}, with its forget-gate bias of +1;
 * Hochreiter and Schmidhuber 1997).
 *
 * <pre>
 *   [a_i, a_g, a_f, a_o] = W_xᵀx + W_hᵀh + b
 *   i = σ(a_i)   g = tanh(a_g)   f = σ(a_f + 1)   o = σ(a_o)
 *   c' = f ⊙ c + i ⊙ g          h' = o ⊙ tanh(c')
 * backward (h̄ = ∂L/∂h', c̄ carried from the next step):
 *   ō = h̄ tanh(c');  c̄ += h̄ o (1 − tanh²(c'));  f̄ = c̄ c;  ī = c̄ g;  ḡ = c̄ i;  c̄_prev = c̄ f
 *   ā = [ī i(1 − i), ḡ (1 − g²), f̄ f(1 − f), ō o(1 − o)];  h̄_prev = W_h ā
 * </pre>
 */
public final class Lstm extends RateCell
{
    private double[] cell;
    private double[] cBar;

    private Lstm(final String name, final int inputs, final int size, final WeightInit init, final WeightInit biasInit)
    {
        super("LSTM", name, inputs, size, 4, 4, false, init, biasInit);
    }

    /** An LSTM of {@code size} units. */
    public static LayerSpec of(final String name, final int size, final WeightInit init, final WeightInit biasInit)
    {
        return inputs -> new Lstm(name, inputs, size, init, biasInit);
    }

    @Override
    public void prepare(final int batchSize, final int stepCount, final double dt, final boolean smooth)
    {
        super.prepare(batchSize, stepCount, dt, smooth);
        final int n = outputs();
        if (cell == null || cell.length < batchSize * stepCount * n)
        {
            cell = new double[batchSize * stepCount * n];
        }
        if (cBar == null || cBar.length < batchSize * n)
        {
            cBar = new double[batchSize * n];
        }
    }

    /** The cell state c of sample b after step n. */
    public double cell(final int b, final int step, final int k)
    {
        return cell[row(b, step) * outputs() + k];
    }

    @Override
    protected void gates(final int b, final int step)
    {
    }

    @Override
    protected void output(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 4 * n;
        final int c0 = row(b, step) * n;
        final double[] h = out.values();
        for (int k = 0; k < n; k++)
        {
            final double i = sigmoid(act[o + k]);
            final double g = Math.tanh(act[o + n + k]);
            final double f = sigmoid(act[o + 2 * n + k] + 1.0);
            final double og = sigmoid(act[o + 3 * n + k]);
            act[o + k] = i;
            act[o + n + k] = g;
            act[o + 2 * n + k] = f;
            act[o + 3 * n + k] = og;
            final double previousCell = step == 0 ? 0.0 : cell[c0 - n + k];
            final double c = f * previousCell + i * g;
            cell[c0 + k] = c;
            h[c0 + k] = og * Math.tanh(c);
        }
    }

    @Override
    protected void startBackward(final int from, final int to)
    {
        Arrays.fill(cBar, from * outputs(), to * outputs(), 0.0);
    }

    @Override
    protected void backwardOutput(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 4 * n;
        final int c0 = row(b, step) * n;
        for (int k = 0; k < n; k++)
        {
            final double i = act[o + k];
            final double g = act[o + n + k];
            final double f = act[o + 2 * n + k];
            final double og = act[o + 3 * n + k];
            final double tc = Math.tanh(cell[c0 + k]);
            final double hb = hBar[b * n + k];
            final double oBar = hb * tc;
            final double cb = cBar[b * n + k] + hb * og * (1 - tc * tc);
            final double previousCell = step == 0 ? 0.0 : cell[c0 - n + k];
            cBar[b * n + k] = cb * f;
            delta[o + k] = cb * g * i * (1 - i);
            delta[o + n + k] = cb * i * (1 - g * g);
            delta[o + 2 * n + k] = cb * previousCell * f * (1 - f);
            delta[o + 3 * n + k] = oBar * og * (1 - og);
        }
    }

    @Override
    public long bufferBytes()
    {
        return super.bufferBytes() + 8L * (cell == null ? 0 : cell.length);
    }
}
