package org.myelin.train.weights;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * How a weight matrix or bias starts: every entry drawn independently from a counter-based stream
 * keyed by (seed, the parameter's name), so a network's initial weights depend on its seed and
 * names only, never on threads or on the order layers are built in.
 *
 * <table>
 *   <caption>Kinds</caption>
 *   <tr><th>kind</th><th>entries</th><th>source</th></tr>
 *   <tr><td>{@code normal(mean, sd)}</td><td>N(mean, sd²)</td><td></td></tr>
 *   <tr><td>{@code uniform(low, high)}</td><td>U[low, high)</td><td></td></tr>
 *   <tr><td>{@code scaledNormal(gain)}</td><td>N(0, (gain/√fanIn)²)</td><td>SpyTorch (gain 0.2), LeCun</td></tr>
 *   <tr><td>{@code scaledUniform(gain)}</td><td>U[−gain/√fanIn, gain/√fanIn)</td><td>PyTorch {@code nn.Linear} (gain 1)</td></tr>
 *   <tr><td>{@code constant(c)}</td><td>c</td><td>biases (0)</td></tr>
 * </table>
 *
 * @param kind the distribution.
 * @param a    mean, low bound, gain or constant.
 * @param b    standard deviation or high bound (unused otherwise).
 */
public record WeightInit(Kind kind, double a, double b)
{
    /** The distributions. */
    public enum Kind
    {
        /** N(a, b²). */
        NORMAL,
        /** U[a, b). */
        UNIFORM,
        /** N(0, (a/√fanIn)²). */
        SCALED_NORMAL,
        /** U[−a/√fanIn, a/√fanIn). */
        SCALED_UNIFORM,
        /** Every entry a. */
        CONSTANT
    }

    /** Validates the parameters of the distribution. */
    public WeightInit
    {
        if (kind == null)
        {
            throw new ModelException("weight initialisation: the kind is required");
        }
        final String owner = "weight initialisation " + kind.name().toLowerCase(java.util.Locale.ROOT);
        Check.finite(owner, "a", a, "");
        Check.finite(owner, "b", b, "");
        switch (kind)
        {
            case NORMAL -> Check.nonNegative(owner, "sd", b, "");
            case UNIFORM -> Check.that(a < b, owner, "low must be < high, got low=" + Check.fmt(a) + ", high="
                + Check.fmt(b));
            case SCALED_NORMAL, SCALED_UNIFORM -> Check.nonNegative(owner, "gain", a, "");
            default -> { }
        }
    }

    /** N(mean, sd²). */
    public static WeightInit normal(final double mean, final double sd)
    {
        return new WeightInit(Kind.NORMAL, mean, sd);
    }

    /** U[low, high). */
    public static WeightInit uniform(final double low, final double high)
    {
        return new WeightInit(Kind.UNIFORM, low, high);
    }

    /** N(0, (gain/√fanIn)²). */
    public static WeightInit scaledNormal(final double gain)
    {
        return new WeightInit(Kind.SCALED_NORMAL, gain, 0);
    }

    /** U[−gain/√fanIn, gain/√fanIn): PyTorch's {@code nn.Linear} default with gain 1. */
    public static WeightInit scaledUniform(final double gain)
    {
        return new WeightInit(Kind.SCALED_UNIFORM, gain, 0);
    }

    /** Every entry {@code value}. */
    public static WeightInit constant(final double value)
    {
        return new WeightInit(Kind.CONSTANT, value, 0);
    }

    /**
     * Fills {@code values} (a {@code fanIn × columns} matrix or a vector) from the stream of
     * {@code (seed, name)}.
     */
    public void fill(final double[] values, final int fanIn, final long seed, final String name)
    {
        final RandomStream stream = new RandomStream(Rng.key(seed, Rng.PURPOSE_INIT, Rng.nameId(name), 0));
        final double scale = a / Math.sqrt(Math.max(1, fanIn));
        for (int k = 0; k < values.length; k++)
        {
            values[k] = switch (kind)
            {
                case NORMAL -> a + b * stream.nextGaussian();
                case UNIFORM -> a + (b - a) * stream.nextDouble();
                case SCALED_NORMAL -> scale * stream.nextGaussian();
                case SCALED_UNIFORM -> scale * (2 * stream.nextDouble() - 1);
                case CONSTANT -> a;
            };
        }
    }

    @Override
    public String toString()
    {
        return switch (kind)
        {
            case NORMAL -> "normal(" + a + ", " + b + ")";
            case UNIFORM -> "uniform(" + a + ", " + b + ")";
            case SCALED_NORMAL -> "scaledNormal(" + a + ")";
            case SCALED_UNIFORM -> "scaledUniform(" + a + ")";
            case CONSTANT -> "constant(" + a + ")";
        };
    }
}
