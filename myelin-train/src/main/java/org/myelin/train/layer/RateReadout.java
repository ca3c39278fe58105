package org.myelin.train.layer;

import java.util.Arrays;
import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;
import org.myelin.util.Check;

/**
 * A leaky rate readout (brainstate {@code LeakyRateReadout}; the simulator's
 * {@link org.myelin.readout.LeakyRateReadout}, same equation): a low-pass filter of the weighted
 * input.
 *
 * <pre>
 *   r_n = d·r_{n−1} + Σ_i W[i]·x_n[i]        d = e^{−dt/τ}, r_{−1} = 0
 * backward:
 *   r̄_n = e_n + d·r̄_{n+1};   ∂W += x_n r̄_nᵀ;   ∂x_n = W·r̄_n
 * </pre>
 * A spike input adds one weight row per spike (ascending ids, as the simulator does).
 */
public final class RateReadout extends WeightedLayer
{
    private final double tau;
    private double dt = Double.NaN;
    private double decay;

    private RateReadout(final String name, final int inputs, final int size, final double tau, final WeightInit init)
    {
        super("RateReadout", name, inputs, size, init);
        this.tau = Check.positive("RateReadout layer '" + name + "'", "tau", tau, "ms");
    }

    /** A readout of {@code size} units with time constant {@code tau} [ms], weights {@code init}. */
    public static LayerSpec of(final String name, final int size, final double tau, final WeightInit init)
    {
        return inputs -> new RateReadout(name, inputs, size, tau, init);
    }

    /** [ms] The time constant. */
    public double tau()
    {
        return tau;
    }

    @Override
    public boolean spiking()
    {
        return false;
    }

    @Override
    public void prepare(final int batch, final int stepCount, final double dtMs, final boolean smooth)
    {
        if (dtMs != dt)
        {
            dt = Check.positive("RateReadout layer '" + name() + "'", "dt", dtMs, "ms");
            decay = Math.exp(-dtMs / tau);
        }
        super.prepare(batch, stepCount, dtMs, smooth);
    }

    @Override
    public void forward(final Signal in, final int from, final int to)
    {
        final int c = outputs();
        final double[] y = out.values();
        final double d = decay;
        for (int b = from; b < to; b++)
        {
            for (int n = 0; n < steps; n++)
            {
                final int o = out.offset(b, n);
                if (n == 0)
                {
                    Arrays.fill(y, o, o + c, 0.0);
                }
                else
                {
                    final int prev = o - c;
                    for (int k = 0; k < c; k++)
                    {
                        y[o + k] = y[prev + k] * d;
                    }
                }
                weights.addRows(in, b, n, y, o);
            }
        }
    }

    @Override
    public void backward(final Signal in, final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        final int c = outputs();
        final double d = decay;
        for (int b = from; b < to; b++)
        {
            for (int n = steps - 2; n >= 0; n--)
            {
                final int o = (b * steps + n) * c;
                for (int k = 0; k < c; k++)
                {
                    gradient[o + k] += d * gradient[o + c + k];
                }
            }
        }
        inputGradient(gradient, inputGradient, from, to);
    }
}
