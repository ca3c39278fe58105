package org.myelin.input;

import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Output;
import org.myelin.random.Rng;
import org.myelin.synapse.Receptor;
import org.myelin.synapse.SynapseModel;
import org.myelin.util.Check;

/**
 * Poisson input drawn per target neuron without materialising the sources (Brian2
 * {@code PoissonInput}, brainstate {@code PoissonInput}): each step, every target neuron receives
 * {@code k·weight} in its receptor, with k ~ Binomial(sources, rate·dt).
 *
 * <p>k is drawn by inversion from a counter-based uniform keyed by (seed, input, neuron, step),
 * exact for a mean up to 30; above that the normal approximation
 * {@code round(μ + σ·z)} clipped to [0, sources] is used, as Brian2 does for large n·p.
 * Delivered in the propagation phase, like spikes with no delay.
 */
public final class PoissonInput implements Delivery
{
    private static final double EXACT_MEAN_LIMIT = 30.0;

    private final String name;
    private final NeuronGroup target;
    private final Receptor receptor;
    private final int sources;
    private final double rateHz;
    private final double weight;
    private double p;
    private double p0;
    private long key;

    /**
     * @param name          unique name, part of the random key.
     * @param target        the group that receives the input.
     * @param sources       number of independent sources per neuron, {@code >= 1}.
     * @param rateHz        [Hz] rate of each source.
     * @param model         the synapse model the input enters.
     * @param output        the output of that receptor.
     * @param receptorLabel the receptor's variable name.
     * @param weight        weight per source spike.
     */
    public PoissonInput(
        final String name, final NeuronGroup target, final int sources, final double rateHz,
        final SynapseModel model, final Output output, final String receptorLabel, final double weight)
    {
        final String owner = "PoissonInput '" + name + "'";
        this.name = name;
        this.target = target;
        this.sources = Check.atLeast(owner, "sources", sources, 1);
        this.rateHz = Check.nonNegative(owner, "rate", rateHz, "Hz");
        this.weight = Check.finite(owner, "weight", weight, "");
        this.receptor = target.receptor(receptorLabel, model, output);
    }

    @Override
    public String kind()
    {
        return "PoissonInput";
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public NeuronGroup target()
    {
        return target;
    }

    /** None: the sources are not materialised. */
    @Override
    public Population source()
    {
        return null;
    }

    @Override
    public int historyDepth(final double dt)
    {
        return 0;
    }

    /** Draws from the state seed. */
    @Override
    public void prepare(final DeliveryContext context)
    {
        final double dt = context.dt();
        final long seed = context.seed();
        p = rateHz * dt / 1000.0;
        Check.that(p <= 1.0, "PoissonInput '" + name + "'",
            "rate must be <= 1/dt = " + Check.fmt(1000.0 / dt) + " Hz, got rate=" + Check.fmt(rateHz) + " Hz");
        p0 = Math.pow(1 - p, sources);
        key = Rng.key(seed, Rng.PURPOSE_POISSON, Rng.nameId(name), 1);
    }

    @Override
    public String describe()
    {
        return Delivery.super.describe() + ": " + sources + " sources at " + rateHz + " Hz, weight " + weight + ", "
            + receptor.model() + ", " + receptor.output();
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final double[] g = receptor.input();
        final long stepKey = Rng.mix(key ^ step);
        final double mean = sources * p;
        for (int i = from; i < to; i++)
        {
            final int k = mean <= EXACT_MEAN_LIMIT ? binomialByInversion(Rng.uniform(stepKey, i))
                : binomialNormal(stepKey, i, mean);
            g[i] += k * weight;
        }
    }

    private int binomialByInversion(final double u)
    {
        if (p >= 1.0)
        {
            return sources; // the ratio p/(1 − p) below would be infinite
        }
        final double ratio = p / (1 - p);
        double pk = p0;
        double cdf = pk;
        int k = 0;
        while (u >= cdf && k < sources)
        {
            pk *= (sources - k) / (double) (k + 1) * ratio;
            cdf += pk;
            k++;
        }
        return k;
    }

    private int binomialNormal(final long stepKey, final int i, final double mean)
    {
        final double u1 = Rng.uniform(stepKey, 2L * i + (1L << 40)) + 0x1.0p-54;
        final double u2 = Rng.uniform(stepKey, 2L * i + 1 + (1L << 40));
        final double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        final long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * z);
        return (int) Math.max(0, Math.min(sources, k));
    }
}
