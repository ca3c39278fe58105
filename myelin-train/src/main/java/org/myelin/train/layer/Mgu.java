package org.myelin.train.layer;

import org.myelin.train.weights.WeightInit;

/**
 * The minimal gated unit (brainstate {@code MGUCell}; Zhou et al. 2016): one forget gate.
 *
 * <pre>
 *   f = σ(W_xfᵀx + W_hfᵀh + b_f)
 *   c = tanh(W_xcᵀx + W_cᵀ(f ⊙ h) + b_c)    h' = (1 − f) ⊙ h + f ⊙ c
 * backward (h̄ = ∂L/∂h'):
 *   c̄ = f h̄;  f̄ = (c − h) h̄;  h̄_prev = (1 − f) h̄
 *   ā_c = c̄ (1 − c²);  q̄ = W_c ā_c;  f̄ += q̄ h;  h̄_prev += q̄ f
 *   ā_f = f̄ f (1 − f);  h̄_prev += W_h ā_f
 * </pre>
 * Blocks of the pre-activations: f, c.
 */
public final class Mgu extends RateCell
{
    private Mgu(final String name, final int inputs, final int size, final WeightInit init, final WeightInit biasInit)
    {
        super("MGU", name, inputs, size, 2, 1, true, init, biasInit);
    }

    /** An MGU of {@code size} units. */
    public static LayerSpec of(final String name, final int size, final WeightInit init, final WeightInit biasInit)
    {
        return inputs -> new Mgu(name, inputs, size, init, biasInit);
    }

    @Override
    protected void gates(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 2 * n;
        final int q = row(b, step) * n;
        final double[] gq = gated.values();
        for (int k = 0; k < n; k++)
        {
            final double f = sigmoid(act[o + k]);
            act[o + k] = f;
            gq[q + k] = f * previous(b, step, k);
        }
    }

    @Override
    protected void output(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 2 * n;
        final int h0 = row(b, step) * n;
        final double[] h = out.values();
        for (int k = 0; k < n; k++)
        {
            final double c = Math.tanh(act[o + n + k]);
            act[o + n + k] = c;
            final double f = act[o + k];
            h[h0 + k] = (1 - f) * previous(b, step, k) + f * c;
        }
    }

    @Override
    protected void backwardOutput(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 2 * n;
        for (int k = 0; k < n; k++)
        {
            final double hb = hBar[b * n + k];
            final double f = act[o + k];
            final double c = act[o + n + k];
            hPrevBar[b * n + k] += (1 - f) * hb;
            delta[o + n + k] = f * hb * (1 - c * c);
            delta[o + k] = (c - previous(b, step, k)) * hb;
        }
    }

    @Override
    protected void backwardGates(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * 2 * n;
        for (int k = 0; k < n; k++)
        {
            final double qb = qBar[b * n + k];
            final double f = act[o + k];
            final double hp = previous(b, step, k);
            hPrevBar[b * n + k] += qb * f;
            final double fBar = delta[o + k] + qb * hp;
            delta[o + k] = fBar * f * (1 - f);
        }
    }
}
