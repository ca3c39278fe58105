package org.myelin.units;

/**
 * The physical dimension of a quantity: integer exponents of the SI base dimensions.
 *
 * <p>Two dimensions are equal when all exponents are equal, whichever constant or product built
 * them, so {@code CURRENT.multiply(RESISTANCE).equals(VOLTAGE)}. The constants below are the named
 * dimensions; each has a canonical unit (see the {@linkplain org.myelin.units package
 * documentation}).
 *
 * @param time        exponent of time (s).
 * @param length      exponent of length (m).
 * @param mass        exponent of mass (kg).
 * @param current     exponent of electric current (A).
 * @param temperature exponent of thermodynamic temperature (K).
 * @param amount      exponent of amount of substance (mol).
 */
public record Dimension(int time, int length, int mass, int current, int temperature, int amount)
{
    /** A pure number; canonical unit {@code 1}. */
    public static final Dimension DIMENSIONLESS = new Dimension(0, 0, 0, 0, 0, 0);

    /** s; canonical unit ms. */
    public static final Dimension TIME = new Dimension(1, 0, 0, 0, 0, 0);

    /** m; canonical unit um. */
    public static final Dimension LENGTH = new Dimension(0, 1, 0, 0, 0, 0);

    /** A; canonical unit pA. */
    public static final Dimension CURRENT = new Dimension(0, 0, 0, 1, 0, 0);

    /** K; canonical unit K. */
    public static final Dimension TEMPERATURE = new Dimension(0, 0, 0, 0, 1, 0);

    /** V = kg m^2 s^-3 A^-1; canonical unit mV. */
    public static final Dimension VOLTAGE = new Dimension(-3, 2, 1, -1, 0, 0);

    /** S = A / V = kg^-1 m^-2 s^3 A^2; canonical unit nS. */
    public static final Dimension CONDUCTANCE = new Dimension(3, -2, -1, 2, 0, 0);

    /** ohm = V / A = kg m^2 s^-3 A^-2; canonical unit Gohm (= mV/pA = 1/nS). */
    public static final Dimension RESISTANCE = new Dimension(-3, 2, 1, -2, 0, 0);

    /** F = A s / V = kg^-1 m^-2 s^4 A^2; canonical unit pF. */
    public static final Dimension CAPACITANCE = new Dimension(4, -2, -1, 2, 0, 0);

    /** C = A s; canonical unit fC (= pA*ms). */
    public static final Dimension CHARGE = new Dimension(1, 0, 0, 1, 0, 0);

    /** mol / m^3; canonical unit mM (1 mM = 1 mol/m^3). */
    public static final Dimension CONCENTRATION = new Dimension(0, -3, 0, 0, 0, 1);

    /** 1 / s; canonical unit Hz (not the coherent 1/ms, see the package documentation). */
    public static final Dimension FREQUENCY = new Dimension(-1, 0, 0, 0, 0, 0);

    /**
     * Dimension of a product of quantities.
     *
     * @param other the dimension of the other factor.
     * @return the sum of the exponents.
     */
    public Dimension multiply(final Dimension other)
    {
        return new Dimension(
            time + other.time,
            length + other.length,
            mass + other.mass,
            current + other.current,
            temperature + other.temperature,
            amount + other.amount);
    }

    /**
     * Dimension of a quotient of quantities.
     *
     * @param other the dimension of the divisor.
     * @return the difference of the exponents.
     */
    public Dimension divide(final Dimension other)
    {
        return multiply(other.pow(-1));
    }

    /**
     * Dimension of an integer power of a quantity.
     *
     * @param exponent the power, which may be zero or negative.
     * @return every exponent multiplied by {@code exponent}.
     */
    public Dimension pow(final int exponent)
    {
        return new Dimension(
            time * exponent,
            length * exponent,
            mass * exponent,
            current * exponent,
            temperature * exponent,
            amount * exponent);
    }

    /**
     * Whether this is the dimension of a pure number.
     *
     * @return true when every exponent is zero.
     */
    public boolean isDimensionless()
    {
        return equals(DIMENSIONLESS);
    }

    /**
     * A readable name: the noun of a named dimension ({@code "voltage"}, {@code "dimensionless"}),
     * otherwise a product of named dimensions such as {@code "voltage/time"} or
     * {@code "conductance/length^2"}.
     *
     * @return the name used in messages.
     */
    public String name()
    {
        return NamedDimension.nounOf(this);
    }

    /**
     * {@inheritDoc}
     *
     * @return the same as {@link #name()}.
     */
    @Override
    public String toString()
    {
        return name();
    }
}
