package org.myelin.train.layer;

import org.myelin.train.weights.WeightInit;

/**
 * The gated recurrent unit (brainstate {@code GRUCell}; Cho et al. 2014).
 *
 * <pre>
 *   r = σ(W_xrᵀx + W_hrᵀh + b_r)            z = σ(W_xzᵀx + W_hzᵀh + b_z)
 *   c = tanh(W_xcᵀx + W_cᵀ(r ⊙ h) + b_c)    h' = (1 − z) ⊙ h + z ⊙ c
 * backward (h̄ = ∂L/∂h'):
 *   c̄ = z h̄;  z̄ = (c − h) h̄;  h̄_prev = (1 − z) h̄
 *   ā_c = c̄ (1 − c²);  q̄ = W_c ā_c;  r̄ = q̄ h;  h̄_prev += q̄ r
 *   ā_r = r̄ r (1 − r);  ā_z = z̄ z (1 − z);  h̄_prev += W_h [ā_r, ā_z]
 * </pre>
 * Blocks of the pre-activations: r, z, c.
 */
public final class Gru extends RateCell
{
    private Gru(final String name, final int inputs, final int size, final WeightInit init, final WeightInit biasInit)
    {
        super("GRU", name, inputs, size, 3, 2, true, init, biasInit);
    }

    /** A GRU of {@code size} units. */
    public static LayerSpec of(final String name, final int size, final WeightInit init, final WeightInit biasInit)
    {
        return inputs -> new Gru(name, inputs, size, init, biasInit);
    }

    @Override
    protected void gates(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 3 * n;
        final int q = row(b, step) * n;
        final double[] gq = gated.values();
        for (int k = 0; k < n; k++)
        {
            final double r = sigmoid(act[o + k]);
            act[o + k] = r;
            act[o + n + k] = sigmoid(act[o + n + k]);
            gq[q + k] = r * previous(b, step, k);
        }
    }

    @Override
    protected void output(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 3 * n;
        final int h0 = row(b, step) * n;
        final double[] h = out.values();
        for (int k = 0; k < n; k++)
        {
            final double c = Math.tanh(act[o + 2 * n + k]);
            act[o + 2 * n + k] = c;
            final double z = act[o + n + k];
            h[h0 + k] = (1 - z) * previous(b, step, k) + z * c;
        }
    }

    @Override
    protected void backwardOutput(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 3 * n;
        for (int k = 0; k < n; k++)
        {
            final double hb = hBar[b * n + k];
            final double z = act[o + n + k];
            final double c = act[o + 2 * n + k];
            final double hp = previous(b, step, k);
            hPrevBar[b * n + k] += (1 - z) * hb;
            delta[o + 2 * n + k] = z * hb * (1 - c * c);
            delta[o + n + k] = (c - hp) * hb * z * (1 - z);
        }
    }

    @Override
    protected void backwardGates(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 3 * n;
        for (int k = 0; k < n; k++)
        {
            final double qb = qBar[b * n + k];
            final double r = act[o + k];
            hPrevBar[b * n + k] += qb * r;
            delta[o + k] = qb * previous(b, step, k) * r * (1 - r);
        }
    }
}
