package org.myelin.connect;

import org.myelin.util.ModelException;

/**
 * A connection rule whose synapses each get their own weight factor, e.g. Izhikevich (2003)'s
 * {@code 0.5·rand} per synapse: the synapses of {@code base}, with the weights that
 * {@code weights} draws for them, in synapse order (row by row, targets ascending). The
 * projection's weight multiplies each factor.
 *
 * @param base    the rule that chooses the synapses; it must build a {@link CsrConnectivity}.
 * @param weights draws one factor per synapse; must be deterministic in its key.
 */
public record WeightedConnector(Connector base, Weights weights) implements Connector
{
    /** Draws the weight factors. */
    @FunctionalInterface
    public interface Weights
    {
        /**
         * @param count the number of synapses.
         * @param key   the projection's random key.
         * @return one finite factor per synapse.
         */
        double[] draw(int count, long key);
    }

    /** Validates the parts. */
    public WeightedConnector
    {
        if (base == null || weights == null)
        {
            throw new ModelException("WeightedConnector: base rule and weights are required");
        }
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final Connectivity built = base.build(sourceSize, targetSize, sameGroup, key);
        if (!(built instanceof CsrConnectivity csr))
        {
            throw new ModelException("WeightedConnector: the rule '" + base.describe()
                + "' does not build CSR connectivity, so its synapses cannot carry weights");
        }
        final double[] drawn = weights.draw((int) csr.synapseCount(), key);
        final float[] w = new float[drawn.length];
        for (int k = 0; k < w.length; k++)
        {
            if (!Double.isFinite(drawn[k]))
            {
                throw new ModelException("WeightedConnector: weights must be finite, got weight=" + drawn[k]
                    + " at synapse " + k);
            }
            w[k] = (float) drawn[k];
        }
        return csr.withWeights(w);
    }

    @Override
    public String describe()
    {
        return base.describe() + ", weights per synapse";
    }
}
