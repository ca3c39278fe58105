package org.myelin.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The named dimensions with their noun, canonical symbol and an example value for messages, and
 * the naming of every other dimension as a product of named ones.
 */
enum NamedDimension
{
    DIMENSIONLESS(Dimension.DIMENSIONLESS, "dimensionless", "1", "0.5"),
    TIME(Dimension.TIME, "time", "ms", "20 ms"),
    VOLTAGE(Dimension.VOLTAGE, "voltage", "mV", "-65 mV"),
    CURRENT(Dimension.CURRENT, "current", "pA", "100 pA"),
    CONDUCTANCE(Dimension.CONDUCTANCE, "conductance", "nS", "1 nS"),
    RESISTANCE(Dimension.RESISTANCE, "resistance", "Gohm", "0.1 Gohm"),
    CAPACITANCE(Dimension.CAPACITANCE, "capacitance", "pF", "250 pF"),
    CHARGE(Dimension.CHARGE, "charge", "fC", "100 fC"),
    CONCENTRATION(Dimension.CONCENTRATION, "concentration", "mM", "2 mM"),
    FREQUENCY(Dimension.FREQUENCY, "frequency", "Hz", "10 Hz"),
    LENGTH(Dimension.LENGTH, "length", "um", "10 um"),
    TEMPERATURE(Dimension.TEMPERATURE, "temperature", "K", "300 K");

    /** One factor of a product of named dimensions. */
    private record Term(NamedDimension base, int exponent)
    {
    }

    /**
     * Named dimensions that may be one factor of an unnamed dimension, in order of preference.
     * Their canonical units are coherent; frequency is left out because Hz is not.
     */
    private static final List<NamedDimension> FACTORS =
        List.of(VOLTAGE, CURRENT, CONDUCTANCE, CAPACITANCE, CHARGE, RESISTANCE, CONCENTRATION);

    private static final Map<Dimension, NamedDimension> BY_DIMENSION = new HashMap<>();

    static
    {
        for (final NamedDimension named : values())
        {
            BY_DIMENSION.put(named.dimension, named);
        }
    }

    private final Dimension dimension;
    private final String noun;
    private final String symbol;
    private final String example;

    NamedDimension(final Dimension dimension, final String noun, final String symbol, final String example)
    {
        this.dimension = dimension;
        this.noun = noun;
        this.symbol = symbol;
        this.example = example;
    }

    /** Noun of a dimension, e.g. {@code "voltage"} or {@code "conductance/length^2"}. */
    static String nounOf(final Dimension dimension)
    {
        return render(dimension, named -> named.noun);
    }

    /** Canonical unit symbol of a dimension, e.g. {@code "mV"} or {@code "nS/um^2"}. */
    static String symbolOf(final Dimension dimension)
    {
        return render(dimension, named -> named.symbol);
    }

    /** An example quantity in the canonical unit, e.g. {@code "20 ms"} or {@code "1 mV/ms"}. */
    static String exampleOf(final Dimension dimension)
    {
        final NamedDimension named = BY_DIMENSION.get(dimension);
        return null == named ? "1 " + symbolOf(dimension) : named.example;
    }

    /** The dimension with its article for a sentence: {@code "a time"}, {@code "dimensionless"}. */
    static String describe(final Dimension dimension)
    {
        return dimension.isDimensionless() ? DIMENSIONLESS.noun : "a " + nounOf(dimension);
    }

    private static String render(final Dimension dimension, final Function<NamedDimension, String> label)
    {
        final NamedDimension named = BY_DIMENSION.get(dimension);
        if (null != named)
        {
            return label.apply(named);
        }
        final StringBuilder numerator = new StringBuilder();
        final StringBuilder denominator = new StringBuilder();
        for (final Term term : decompose(dimension))
        {
            final int power = Math.abs(term.exponent);
            final String factor = label.apply(term.base) + (1 == power ? "" : "^" + power);
            if (term.exponent < 0)
            {
                denominator.append('/').append(factor);
            }
            else
            {
                numerator.append(numerator.isEmpty() ? "" : "*").append(factor);
            }
        }
        return (numerator.isEmpty() ? "1" : numerator.toString()) + denominator;
    }

    /**
     * Writes an unnamed dimension as a product of named ones: preferably one factor from
     * {@link #FACTORS} (to the power 1 or -1) times a power of length and of time, with the fewest
     * length and time powers; otherwise voltage, current, concentration, temperature, length and
     * time, which together span all six base dimensions.
     */
    private static List<Term> decompose(final Dimension dimension)
    {
        List<Term> best = null;
        int bestCost = Integer.MAX_VALUE;
        for (final NamedDimension factor : FACTORS)
        {
            for (int sign = 1; sign >= -1; sign -= 2)
            {
                final Dimension rest = dimension.divide(factor.dimension.pow(sign));
                final boolean onlyLengthAndTime =
                    0 == rest.mass() && 0 == rest.current() && 0 == rest.temperature() && 0 == rest.amount();
                final int cost = Math.abs(rest.length()) + Math.abs(rest.time());
                if (onlyLengthAndTime && cost < bestCost)
                {
                    best = terms(factor, sign, 0, 0, 0, rest.length(), rest.time());
                    bestCost = cost;
                }
            }
        }
        if (null != best)
        {
            return best;
        }
        final int m = dimension.mass();
        final int n = dimension.amount();
        return terms(
            VOLTAGE, m,
            dimension.current() + m,
            n,
            dimension.temperature(),
            dimension.length() - 2 * m + 3 * n,
            dimension.time() + 3 * m);
    }

    private static List<Term> terms(
        final NamedDimension first,
        final int firstPower,
        final int currentPower,
        final int concentrationPower,
        final int temperaturePower,
        final int lengthPower,
        final int timePower)
    {
        final List<Term> terms = new ArrayList<>();
        addIfNonZero(terms, first, firstPower);
        addIfNonZero(terms, CURRENT, currentPower);
        addIfNonZero(terms, CONCENTRATION, concentrationPower);
        addIfNonZero(terms, TEMPERATURE, temperaturePower);
        addIfNonZero(terms, LENGTH, lengthPower);
        addIfNonZero(terms, TIME, timePower);
        return terms;
    }

    private static void addIfNonZero(final List<Term> terms, final NamedDimension base, final int exponent)
    {
        if (0 != exponent)
        {
            terms.add(new Term(base, exponent));
        }
    }
}
