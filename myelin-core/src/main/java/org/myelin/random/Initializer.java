package org.myelin.random;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * How a state variable gets its value at time 0: a constant, a seeded draw per neuron, or given
 * values. Draws are counter-based on (seed, owner, variable, neuron index), so they do not depend
 * on threads or on the order in which groups are built.
 */
public sealed interface Initializer
{
    /**
     * Fills {@code target} with the initial values.
     *
     * @param target   the state array.
     * @param seed     the network's seed.
     * @param owner    the owning population's id.
     * @param variable the variable's name, part of the random key.
     */
    void fill(double[] target, long seed, long owner, String variable);

    /** Every neuron starts at {@code value}. */
    static Initializer constant(final double value)
    {
        return new Constant(value);
    }

    /** Uniform in {@code [low, high)}. */
    static Initializer uniform(final double low, final double high)
    {
        return new Uniform(low, high);
    }

    /** Normal with {@code mean} and standard deviation {@code sd}. */
    static Initializer normal(final double mean, final double sd)
    {
        return new Normal(mean, sd);
    }

    /** The given values, one per neuron. */
    static Initializer values(final double... values)
    {
        return new Values(values.clone());
    }

    /** @param value the constant. */
    record Constant(double value) implements Initializer
    {
        /** Validates the value. */
        public Constant
        {
            Check.finite("Initializer.constant", "value", value, "");
        }

        @Override
        public void fill(final double[] target, final long seed, final long owner, final String variable)
        {
            java.util.Arrays.fill(target, value);
        }
    }

    /**
     * @param low  lower bound, included.
     * @param high upper bound, excluded; {@code >= low}.
     */
    record Uniform(double low, double high) implements Initializer
    {
        /** Validates the bounds. */
        public Uniform
        {
            Check.finite("Initializer.uniform", "low", low, "");
            Check.finite("Initializer.uniform", "high", high, "");
            Check.that(low <= high, "Initializer.uniform",
                "low must be <= high, got low=" + Check.fmt(low) + ", high=" + Check.fmt(high));
        }

        @Override
        public void fill(final double[] target, final long seed, final long owner, final String variable)
        {
            final long key = Rng.key(seed, Rng.PURPOSE_INIT, owner, Rng.nameId(variable));
            for (int i = 0; i < target.length; i++)
            {
                target[i] = low + (high - low) * Rng.uniform(key, i);
            }
        }
    }

    /**
     * @param mean the mean.
     * @param sd   the standard deviation, {@code >= 0}.
     */
    record Normal(double mean, double sd) implements Initializer
    {
        /** Validates the parameters. */
        public Normal
        {
            Check.finite("Initializer.normal", "mean", mean, "");
            Check.nonNegative("Initializer.normal", "sd", sd, "");
        }

        @Override
        public void fill(final double[] target, final long seed, final long owner, final String variable)
        {
            final long key = Rng.key(seed, Rng.PURPOSE_INIT, owner, Rng.nameId(variable));
            final RandomStream stream = new RandomStream(0);
            for (int i = 0; i < target.length; i++)
            {
                stream.reset(Rng.mix(key ^ i));
                target[i] = mean + sd * stream.nextGaussian();
            }
        }
    }

    /** @param values one value per neuron. */
    record Values(double[] values) implements Initializer
    {
        @Override
        public void fill(final double[] target, final long seed, final long owner, final String variable)
        {
            if (values.length != target.length)
            {
                throw new ModelException("Initializer.values for '" + variable + "': expected " + target.length
                    + " values (one per neuron), got " + values.length);
            }
            System.arraycopy(values, 0, target, 0, target.length);
        }
    }
}
