package org.myelin.input;

import java.util.List;

import org.myelin.neuron.Population;
import org.myelin.neuron.RunContext;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * Independent Poisson spike sources at a constant rate (Brian2 {@code PoissonGroup}, brainstate
 * {@code PoissonSpike}): source i spikes at step n when {@code U(i, n) < rate·dt}, with U drawn
 * from the counter-based stream keyed by (seed, this group, i, n), so the spike trains are the
 * same for any thread count.
 */
public final class PoissonGroup extends Population
{
    private final double rateHz;
    private double probability;
    private long key;

    /**
     * @param name   unique name in the network.
     * @param size   number of sources.
     * @param rateHz [Hz] firing rate, {@code >= 0} and at most 1/dt.
     */
    public PoissonGroup(final String name, final int size, final double rateHz)
    {
        super("PoissonGroup", name, size);
        this.rateHz = Check.nonNegative("PoissonGroup '" + name + "'", "rate", rateHz, "Hz");
    }

    @Override
    public String kind()
    {
        return "PoissonGroup";
    }

    /** [Hz] the rate. */
    public double rateHz()
    {
        return rateHz;
    }

    @Override
    public void prepare(final RunContext context, final int historyDepth)
    {
        super.prepare(context, historyDepth);
        probability = rateHz * context.dt() / 1000.0;
        Check.that(probability <= 1.0, "PoissonGroup '" + name() + "'",
            "rate must be <= 1/dt = " + Check.fmt(1000.0 / context.dt()) + " Hz, got rate=" + Check.fmt(rateHz) + " Hz");
        key = Rng.key(context.seed(), Rng.PURPOSE_POISSON, id(), 0);
    }

    @Override
    public void reset(final long seed)
    {
        // stateless: every draw is a function of (seed, neuron, step)
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        final double prob = probability;
        final long stepKey = Rng.mix(key ^ step);
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (Rng.uniform(stepKey, i) < prob)
            {
                spikes[n++] = i;
            }
        }
        return n - offset;
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of();
    }
}
