package org.myelin.units;

import java.util.Objects;

/**
 * A value with a dimension, held in the canonical unit of that dimension ({@code 5 ms} is
 * {@code Quantity(5.0, TIME)}, {@code 1 s} is {@code Quantity(1000.0, TIME)}).
 *
 * @param value     in the canonical unit of {@code dimension}.
 * @param dimension what the value measures.
 */
public record Quantity(double value, Dimension dimension)
{
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code dimension} is null.
     */
    public Quantity
    {
        Objects.requireNonNull(dimension, "dimension");
    }

    /**
     * Parses a number followed by an optional unit, e.g. {@code "5 ms"}, {@code "-60 mV"},
     * {@code "0.6nS"}, {@code "1e-3 s"}, {@code "5*ms"}, {@code "2.5 mV/ms"}, or {@code "10"} for a
     * dimensionless number.
     *
     * @param text the quantity; surrounding white space is ignored.
     * @return the quantity in canonical units.
     * @throws UnitException if the text is empty, malformed, out of range or names an unknown unit.
     */
    public static Quantity parse(final String text)
    {
        return QuantityParser.parseQuantity(text, "5 ms");
    }

    /**
     * A quantity from a value and its unit.
     *
     * @param value in {@code unit}.
     * @param unit  the unit of {@code value}.
     * @return the quantity in canonical units.
     */
    public static Quantity of(final double value, final Unit unit)
    {
        return new Quantity(unit.toCanonical(value), unit.dimension());
    }

    /**
     * A quantity from a value and its unit written as text.
     *
     * @param value in {@code unit}.
     * @param unit  a unit expression, e.g. {@code "mV/ms"}.
     * @return the quantity in canonical units.
     * @throws UnitException if the unit is malformed or unknown.
     */
    public static Quantity of(final double value, final String unit)
    {
        return of(value, Unit.parse(unit));
    }

    /**
     * The value of this quantity in another unit of the same dimension.
     *
     * @param unit the unit to express the value in.
     * @return the value in {@code unit}.
     * @throws UnitException if {@code unit} measures another dimension.
     */
    public double in(final Unit unit)
    {
        if (!dimension.equals(unit.dimension()))
        {
            throw new UnitException("cannot express " + this + " (" + NamedDimension.describe(dimension) + ") in "
                + unit.symbol() + " (" + NamedDimension.describe(unit.dimension()) + ")");
        }
        return unit.fromCanonical(value);
    }

    /**
     * The value of this quantity in another unit of the same dimension, written as text.
     *
     * @param unit a unit expression, e.g. {@code "s"} or {@code "uA/cm^2"}.
     * @return the value in {@code unit}.
     * @throws UnitException if {@code unit} is malformed, unknown or measures another dimension.
     */
    public double in(final String unit)
    {
        return in(Unit.parse(unit));
    }

    /**
     * The canonical unit of this quantity's dimension, in which {@link #value()} is given.
     *
     * @return e.g. ms for a time.
     */
    public Unit unit()
    {
        return Unit.canonical(dimension);
    }

    /**
     * The value and canonical unit, e.g. {@code "5 ms"}, {@code "-60 mV"}, or {@code "10"} when
     * dimensionless, with the value as by {@link Units#format(double)}. The text parses back to an
     * equal quantity up to that rounding.
     *
     * @return the quantity as text.
     */
    @Override
    public String toString()
    {
        final String number = Units.format(value);
        return dimension.isDimensionless() ? number : number + " " + unit().symbol();
    }
}
