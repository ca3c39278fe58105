package org.myelin.train.layer;

import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.weights.BiasGradients;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;

/**
 * An affine map applied at every step (brainstate {@code Linear}): {@code y_n = Wᵀx_n + b}.
 *
 * <pre>
 * backward:  ∂W += x_n e_nᵀ,  ∂b += e_n,  ∂x_n = W·e_n
 * </pre>
 * Spike inputs add one weight row per spike.
 */
public final class Linear extends WeightedLayer
{
    private final Parameter bias;
    private final WeightInit biasInit;

    private Linear(final String name, final int inputs, final int size, final WeightInit init, final WeightInit biasInit)
    {
        super("Linear", name, inputs, size, init);
        this.bias = biasInit == null ? null : new Parameter(name + ".bias", 1, size);
        this.biasInit = biasInit;
    }

    /**
     * A linear layer of {@code size} outputs.
     *
     * @param biasInit the bias's initial values, or null for no bias.
     */
    public static LayerSpec of(final String name, final int size, final WeightInit init, final WeightInit biasInit)
    {
        return inputs -> new Linear(name, inputs, size, init, biasInit);
    }

    /** The bias, or null. */
    public Parameter bias()
    {
        return bias;
    }

    @Override
    public List<Parameter> parameters()
    {
        return bias == null ? List.of(weights.parameter()) : List.of(weights.parameter(), bias);
    }

    @Override
    public void initialize(final long seed)
    {
        super.initialize(seed);
        if (bias != null)
        {
            biasInit.fill(bias.value(), inputs(), seed, bias.name());
        }
    }

    @Override
    public boolean spiking()
    {
        return false;
    }

    @Override
    public void forward(final Signal in, final int from, final int to)
    {
        final int c = outputs();
        final double[] y = out.values();
        for (int b = from; b < to; b++)
        {
            for (int n = 0; n < steps; n++)
            {
                final int o = out.offset(b, n);
                if (bias == null)
                {
                    java.util.Arrays.fill(y, o, o + c, 0.0);
                }
                else
                {
                    System.arraycopy(bias.value(), 0, y, o, c);
                }
                weights.addRows(in, b, n, y, o);
            }
        }
    }

    @Override
    public void backward(final Signal in, final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        inputGradient(gradient, inputGradient, from, to);
    }

    @Override
    public void accumulateGradients(final Signal in, final double[] gradient, final int part, final int parts)
    {
        super.accumulateGradients(in, gradient, part, parts);
        if (bias != null)
        {
            BiasGradients.accumulate(bias, gradient, outputs(), 0, batch * steps, part, parts);
        }
    }
}
