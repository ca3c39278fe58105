package org.myelin.random;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * How a state variable or a per-synapse value (weight, delay) gets its value: a constant, a seeded
 * draw per element, or given values. Draws are counter-based on (seed, owner, variable, index), so
 * they do not depend on threads or on the order in which groups are built.
 *
 * <p>Every initialiser is a pure function {@link #sample(long, long)} of a stream key and a
 * counter: neurons use their index as the counter, synapses a counter built from (pre, position
 * in the row), so stored and just-in-time connectivity draw the same weight for a synapse.
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
    default void fill(final double[] target, final long seed, final long owner, final String variable)
    {
        final long key = Rng.key(seed, Rng.PURPOSE_INIT, owner, Rng.nameId(variable));
        for (int i = 0; i < target.length; i++)
        {
            target[i] = sample(key, i);
        }
    }

    /**
     * The value for element {@code counter} of the stream {@code key}; allocation-free, so a hot
     * loop may call it.
     *
     * @param key     the stream key.
     * @param counter the element's counter (neuron index, or a synapse counter).
     * @return the value.
     */
    double sample(long key, long counter);

    /** True when every element gets the same value. */
    default boolean isConstant()
    {
        return false;
    }

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

    /** The given values, one per neuron (or per synapse, in the order of the connectivity). */
    static Initializer values(final double... values)
    {
        return new Values(values.clone());
    }

    /** Log-normal: {@code exp(mu + sigma·Z)} with Z standard normal (NumPy's and NEST's parameters). */
    static Initializer lognormal(final double mu, final double sigma)
    {
        return new LogNormal(mu, sigma);
    }

    /**
     * {@code inner} restricted to {@code [low, high]} by drawing again until the value falls
     * inside (NEST's clipped distributions with redraw; the result is the truncated distribution).
     */
    static Initializer clipped(final Initializer inner, final double low, final double high)
    {
        return new Clipped(inner, low, high);
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

        @Override
        public double sample(final long key, final long counter)
        {
            return value;
        }

        @Override
        public boolean isConstant()
        {
            return true;
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
            checkBounds("Initializer.uniform", low, high);
        }

        @Override
        public double sample(final long key, final long counter)
        {
            return low + (high - low) * Rng.uniform(key, counter);
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
            checkNormal("Initializer.normal", "mean", mean, "sd", sd);
        }

        @Override
        public double sample(final long key, final long counter)
        {
            return mean + sd * standardNormal(key, counter);
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

        @Override
        public double sample(final long key, final long counter)
        {
            return values[(int) counter];
        }
    }

    /**
     * @param mu    mean of the underlying normal.
     * @param sigma standard deviation of the underlying normal, {@code >= 0}.
     */
    record LogNormal(double mu, double sigma) implements Initializer
    {
        /** Validates the parameters. */
        public LogNormal
        {
            checkNormal("Initializer.lognormal", "mu", mu, "sigma", sigma);
        }

        @Override
        public double sample(final long key, final long counter)
        {
            return Math.exp(mu + sigma * standardNormal(key, counter));
        }
    }

    /**
     * @param inner the distribution to restrict.
     * @param low   lower bound, included.
     * @param high  upper bound, included; {@code >= low}.
     */
    record Clipped(Initializer inner, double low, double high) implements Initializer
    {
        /** Draws tried before giving up: the bounds then hold almost none of the distribution. */
        static final int MAX_ATTEMPTS = 1000;

        /** Validates the bounds. */
        public Clipped
        {
            Check.that(inner != null, "Initializer.clipped", "inner distribution is required");
            checkBounds("Initializer.clipped", low, high);
        }

        @Override
        public double sample(final long key, final long counter)
        {
            long k = key;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
            {
                final double x = inner.sample(k, counter);
                if (x >= low && x <= high)
                {
                    return x;
                }
                k = Rng.mix(k + 0x9E3779B97F4A7C15L);
            }
            throw new ModelException("Initializer.clipped: no draw of " + inner + " in " + MAX_ATTEMPTS
                + " fell in [" + Check.fmt(low) + ", " + Check.fmt(high) + "]; widen the bounds");
        }
    }

    /** Checks finite bounds with {@code low <= high}. */
    private static void checkBounds(final String owner, final double low, final double high)
    {
        Check.finite(owner, "low", low, "");
        Check.finite(owner, "high", high, "");
        Check.that(low <= high, owner, "low must be <= high, got low=" + Check.fmt(low) + ", high=" + Check.fmt(high));
    }

    /** Checks a finite location and a non-negative, finite scale. */
    private static void checkNormal(
        final String owner, final String locationName, final double location, final String scaleName,
        final double scale)
    {
        Check.finite(owner, locationName, location, "");
        Check.nonNegative(owner, scaleName, scale, "");
    }

    /**
     * A standard normal deviate for element {@code counter} of stream {@code key} (Marsaglia's polar
     * method on the stream {@code mix(key ^ counter)}), without allocation.
     */
    static double standardNormal(final long key, final long counter)
    {
        final long k = Rng.mix(key ^ counter);
        long c = 0;
        double u;
        double v;
        double s;
        do
        {
            u = 2 * Rng.uniform(k, c++) - 1;
            v = 2 * Rng.uniform(k, c++) - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
