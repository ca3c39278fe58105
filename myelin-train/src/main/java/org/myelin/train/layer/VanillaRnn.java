package org.myelin.train.layer;

import org.myelin.train.weights.WeightInit;

/**
 * The vanilla RNN cell (brainstate {@code ValinaRNNCell}): {@code h_n = f(W_xᵀx_n + W_hᵀh_{n−1} + b)}
 * with f = ReLU (brainstate's default) or tanh, {@code h_{−1} = 0}.
 *
 * <pre>
 * backward:  ā_n = h̄_n · f'(a_n);   h̄_{n−1} += W_h·ā_n
 * </pre>
 */
public final class VanillaRnn extends RateCell
{
    /** The nonlinearity. */
    public enum Activation
    {
        /** max(a, 0). */
        RELU,
        /** tanh(a). */
        TANH
    }

    private final Activation activation;

    private VanillaRnn(final String name, final int inputs, final int size, final Activation activation,
        final WeightInit init, final WeightInit biasInit)
    {
        super("RNN", name, inputs, size, 1, 1, false, init, biasInit);
        this.activation = activation;
    }

    /** A vanilla cell of {@code size} units. */
    public static LayerSpec of(final String name, final int size, final Activation activation, final WeightInit init,
        final WeightInit biasInit)
    {
        return inputs -> new VanillaRnn(name, inputs, size, activation, init, biasInit);
    }

    /** The nonlinearity. */
    public Activation activation()
    {
        return activation;
    }

    @Override
    protected void gates(final int b, final int step)
    {
    }

    @Override
    protected void output(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * n;
        final double[] h = out.values();
        for (int k = 0; k < n; k++)
        {
            final double a = act[o + k];
            h[o + k] = activation == Activation.RELU ? Math.max(a, 0.0) : Math.tanh(a);
        }
    }

    @Override
    protected void backwardOutput(final int b, final int step)
    {
        final int n = outputs();
        final int o = row(b, step) * n;
        final double[] h = out.values();
        for (int k = 0; k < n; k++)
        {
            final double slope = activation == Activation.RELU
                ? (act[o + k] > 0 ? 1.0 : 0.0)
                : 1 - h[o + k] * h[o + k];
            delta[o + k] = hBar[b * n + k] * slope;
        }
    }
}
