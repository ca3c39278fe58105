package org.myelin.train.loss;

import org.myelin.train.data.Signal;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A penalty on the firing rates of a spiking layer over a batch (Bellec et al. 2018's
 * {@code Σ (rate − target)²}; Zenke and Vogels 2021's one-sided bounds).
 *
 * <pre>
 *   r_k  = 1000/dt · (1/(B·T)) Σ_b Σ_n S[b][n][k]                     [Hz]
 *   per neuron:      λ · Σ_k f(r_k − target)
 *   per population:  λ · f(mean_k r_k − target)
 *   f(d) = d² (both), max(d, 0)² (above: only rates over the target), max(−d, 0)² (below)
 * </pre>
 * Its gradient with respect to each spike is the same for every sample and step of a neuron.
 *
 * @param layer    the name of the spiking layer.
 * @param scope    per neuron or per population.
 * @param bound    which deviations count.
 * @param targetHz [Hz] the target rate, ≥ 0.
 * @param strength λ [1/Hz²], ≥ 0.
 */
public record FiringRateRegularizer(String layer, Scope scope, Bound bound, double targetHz, double strength)
{
    /** Which rates are penalised. */
    public enum Scope
    {
        /** Each neuron's rate. */
        PER_NEURON,
        /** The layer's mean rate. */
        POPULATION
    }

    /** Which deviations from the target count. */
    public enum Bound
    {
        /** Above and below. */
        BOTH,
        /** Only rates above the target. */
        ABOVE,
        /** Only rates below the target. */
        BELOW
    }

    /** Validates the settings. */
    public FiringRateRegularizer
    {
        final String owner = "firing-rate regularizer on '" + layer + "'";
        if (layer == null || scope == null || bound == null)
        {
            throw new ModelException("firing-rate regularizer: layer, scope and bound are required");
        }
        Check.nonNegative(owner, "target", targetHz, "Hz");
        Check.nonNegative(owner, "strength", strength, "1/Hz^2");
    }

    /**
     * The penalty for the spikes of a batch, and into {@code perNeuronGradient[k]} the derivative
     * with respect to one spike of neuron k (the same at every sample and step).
     */
    public double penalty(final Signal spikes, final double dtMs, final double[] perNeuronGradient)
    {
        final int units = spikes.units();
        final int batch = spikes.batch();
        final int steps = spikes.steps();
        final double[] counts = new double[units];
        for (int b = 0; b < batch; b++)
        {
            if (spikes.isSpikes())
            {
                final int[] ids = spikes.ids();
                for (int s = spikes.regionStart(b); s < spikes.end(b, steps - 1); s++)
                {
                    counts[ids[s]] += 1;
                }
            }
            else
            {
                final double[] values = spikes.values();
                for (int n = 0; n < steps; n++)
                {
                    final int o = spikes.offset(b, n);
                    for (int k = 0; k < units; k++)
                    {
                        counts[k] += values[o + k];
                    }
                }
            }
        }
        final double perSpike = 1000.0 / dtMs / ((double) batch * steps);
        if (scope == Scope.PER_NEURON)
        {
            double total = 0;
            for (int k = 0; k < units; k++)
            {
                final double d = deviation(counts[k] * perSpike - targetHz);
                total += d * d;
                perNeuronGradient[k] = strength * 2 * d * perSpike * sign();
            }
            return strength * total;
        }
        double sum = 0;
        for (int k = 0; k < units; k++)
        {
            sum += counts[k];
        }
        final double d = deviation(sum * perSpike / units - targetHz);
        final double g = strength * 2 * d * perSpike / units * sign();
        java.util.Arrays.fill(perNeuronGradient, 0, units, g);
        return strength * d * d;
    }

    /** f's argument: the deviation, cut to the side that counts (negated for BELOW, so d ≥ 0). */
    private double deviation(final double d)
    {
        return switch (bound)
        {
            case BOTH -> d;
            case ABOVE -> Math.max(d, 0);
            case BELOW -> Math.max(-d, 0);
        };
    }

    private double sign()
    {
        return bound == Bound.BELOW ? -1.0 : 1.0;
    }
}
