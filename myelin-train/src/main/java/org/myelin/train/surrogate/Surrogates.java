package org.myelin.train.surrogate;

import java.util.List;
import java.util.Map;

import org.myelin.util.ModelException;

/** The surrogates by name, for specifications: {@code Surrogates.create("FastSigmoid", Map.of("alpha", 25.0))}. */
public final class Surrogates
{
    /** The names {@link #create} accepts. */
    public static final List<String> NAMES =
        List.of("Sigmoid", "FastSigmoid", "Arctan", "PiecewiseLinear", "Gaussian", "MultiGaussian");

    private Surrogates()
    {
    }

    /** The parameter names of a surrogate, in the order of its record. */
    public static List<String> parameters(final String name)
    {
        return switch (canonical(name))
        {
            case "Sigmoid", "FastSigmoid", "Arctan" -> List.of("alpha");
            case "PiecewiseLinear" -> List.of("alpha", "width");
            case "Gaussian" -> List.of("sigma", "alpha");
            default -> List.of("h", "s", "sigma", "scale");
        };
    }

    /**
     * The surrogate of this name (case-insensitive) with the given parameters; missing ones take
     * their defaults, unknown ones are an error naming the known ones.
     */
    public static Surrogate create(final String name, final Map<String, Double> values)
    {
        final String key = canonical(name);
        final List<String> known = parameters(key);
        for (final String given : values.keySet())
        {
            if (!known.contains(given))
            {
                throw new ModelException(key + " surrogate: unknown parameter '" + given + "'; known: "
                    + String.join(", ", known));
            }
        }
        return switch (key)
        {
            case "Sigmoid" -> new Sigmoid(values.getOrDefault("alpha", Sigmoid.DEFAULT_ALPHA));
            case "FastSigmoid" -> new FastSigmoid(values.getOrDefault("alpha", FastSigmoid.DEFAULT_ALPHA));
            case "Arctan" -> new Arctan(values.getOrDefault("alpha", Arctan.DEFAULT_ALPHA));
            case "PiecewiseLinear" -> new PiecewiseLinear(values.getOrDefault("alpha", PiecewiseLinear.DEFAULT_ALPHA),
                values.getOrDefault("width", PiecewiseLinear.DEFAULT_WIDTH));
            case "Gaussian" -> new Gaussian(values.getOrDefault("sigma", Gaussian.DEFAULT_SIGMA),
                values.getOrDefault("alpha", Gaussian.DEFAULT_ALPHA));
            default -> new MultiGaussian(values.getOrDefault("h", MultiGaussian.DEFAULT_H),
                values.getOrDefault("s", MultiGaussian.DEFAULT_S), values.getOrDefault("sigma", MultiGaussian.DEFAULT_SIGMA),
                values.getOrDefault("scale", MultiGaussian.DEFAULT_SCALE));
        };
    }

    private static String canonical(final String name)
    {
        for (final String known : NAMES)
        {
            if (known.equalsIgnoreCase(name))
            {
                return known;
            }
        }
        throw new ModelException("unknown surrogate '" + name + "'; known: " + String.join(", ", NAMES));
    }
}
