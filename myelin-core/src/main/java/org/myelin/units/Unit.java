package org.myelin.units;

import java.util.Objects;

/**
 * A unit of measurement: a symbol, a dimension and a size of 10^{@code exponent10} SI units.
 *
 * <p>Every unit Myelin knows is a power of ten of its SI unit (mV = 10^-3 V, M = 10^3 mol/m^3), so
 * the size is kept as an exact integer exponent and conversions multiply or divide by an exactly
 * representable power of ten: {@code 5 ms} becomes exactly {@code 5.0}. Units are obtained from
 * {@link #parse(String)} or {@link #canonical(Dimension)}; the symbol of a parsed unit is its ASCII
 * spelling, so {@code "µA / cm²"} has the symbol {@code "uA/cm^2"}.
 *
 * @param symbol     ASCII spelling, e.g. {@code "mV/ms"}; {@code "1"} for the dimensionless unit.
 * @param dimension  what the unit measures.
 * @param exponent10 the unit is 10^exponent10 coherent SI units of its dimension, e.g. -3 for ms.
 */
public record Unit(String symbol, Dimension dimension, int exponent10)
{
    /** The unit of pure numbers. */
    public static final Unit ONE = new Unit("1", Dimension.DIMENSIONLESS, 0);

    /** Powers of ten that are exact doubles, 10^0 to 10^22. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static
    {
        EXACT_POWERS_OF_TEN[0] = 1.0;
        for (int i = 1; i < EXACT_POWERS_OF_TEN.length; i++)
        {
            EXACT_POWERS_OF_TEN[i] = EXACT_POWERS_OF_TEN[i - 1] * 10.0;
        }
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code symbol} or {@code dimension} is null.
     */
    public Unit
    {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dimension, "dimension");
    }

    /**
     * Parses a unit expression such as {@code "ms"}, {@code "mV/ms"}, {@code "ms^-1"},
     * {@code "uA/cm^2"} or {@code "1"}.
     *
     * @param text the unit expression; see the package documentation for the syntax.
     * @return the unit, with its symbol in ASCII spelling.
     * @throws UnitException if the text is empty, malformed or names an unknown unit.
     */
    public static Unit parse(final String text)
    {
        return QuantityParser.parseUnit(text);
    }

    /**
     * The unit in which the engine holds quantities of a dimension, e.g. ms for
     * {@link Dimension#TIME} or nS/um^2 for a conductance per area.
     *
     * @param dimension any dimension.
     * @return the canonical unit, whose {@link #canonicalFactor()} is 1.
     */
    public static Unit canonical(final Dimension dimension)
    {
        return new Unit(NamedDimension.symbolOf(dimension), dimension, canonicalExponent10(dimension));
    }

    /**
     * Size of this unit in the canonical unit of its dimension, e.g. 1000 for s, 0.01 for uA/cm^2.
     *
     * @return how many canonical units one of this unit is.
     */
    public double canonicalFactor()
    {
        return toCanonical(1.0);
    }

    /**
     * Whether this is the canonical unit of its dimension.
     *
     * @return true when values in this unit need no conversion.
     */
    public boolean isCanonical()
    {
        return exponent10 == canonicalExponent10(dimension);
    }

    /**
     * Converts a value in this unit to the canonical unit of its dimension.
     *
     * @param value in this unit.
     * @return the same quantity in the canonical unit.
     */
    public double toCanonical(final double value)
    {
        return scaleByPowerOfTen(value, exponent10 - canonicalExponent10(dimension));
    }

    /**
     * Converts a value in the canonical unit of this unit's dimension to this unit.
     *
     * @param canonicalValue in the canonical unit.
     * @return the same quantity in this unit.
     */
    public double fromCanonical(final double canonicalValue)
    {
        return scaleByPowerOfTen(canonicalValue, canonicalExponent10(dimension) - exponent10);
    }

    /**
     * The product of two units.
     *
     * @param other the second factor.
     * @return a unit with symbol {@code "this*other"}.
     */
    Unit multiply(final Unit other)
    {
        return new Unit(
            symbol + "*" + other.symbol, dimension.multiply(other.dimension), exponent10 + other.exponent10);
    }

    /**
     * The quotient of two units.
     *
     * @param other the divisor, a single symbol with an optional power.
     * @return a unit with symbol {@code "this/other"}.
     */
    Unit divide(final Unit other)
    {
        return new Unit(
            symbol + "/" + other.symbol, dimension.divide(other.dimension), exponent10 - other.exponent10);
    }

    /**
     * An integer power of a single symbol.
     *
     * @param exponent the power.
     * @return a unit with symbol {@code "this^exponent"}, or this unit when the power is 1.
     */
    Unit pow(final int exponent)
    {
        return 1 == exponent ? this : new Unit(symbol + "^" + exponent, dimension.pow(exponent), exponent10 * exponent);
    }

    /**
     * Power of ten, in SI, of the canonical unit of a dimension. All canonical units but Hz form the
     * coherent system ms, um, 1e-12 kg, pA, K, 1e-18 mol, in which mV, nS, pF, fC, Gohm and mM are
     * themselves canonical; frequency keeps Hz (10^0) instead of the coherent 1/ms.
     */
    private static int canonicalExponent10(final Dimension dimension)
    {
        if (Dimension.FREQUENCY.equals(dimension))
        {
            return 0;
        }
        return -3 * dimension.time() - 6 * dimension.length() - 12 * dimension.mass() - 12 * dimension.current()
            - 18 * dimension.amount();
    }

    /** {@code value * 10^exponent}, correctly rounded while the power of ten is an exact double. */
    private static double scaleByPowerOfTen(final double value, final int exponent)
    {
        final int magnitude = Math.abs(exponent);
        if (magnitude >= EXACT_POWERS_OF_TEN.length)
        {
            return value * Math.pow(10.0, exponent);
        }
        return exponent >= 0 ? value * EXACT_POWERS_OF_TEN[magnitude] : value / EXACT_POWERS_OF_TEN[magnitude];
    }

    /**
     * {@inheritDoc}
     *
     * @return the symbol.
     */
    @Override
    public String toString()
    {
        return symbol;
    }
}
