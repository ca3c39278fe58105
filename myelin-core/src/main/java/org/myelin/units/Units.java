package org.myelin.units;

import java.math.BigDecimal;
import java.math.MathContext;

import org.myelin.util.Check;

/**
 * Where units meet the engine: parsing a user's quantity into a canonical {@code double} with a
 * dimension check, and turning a duration into a whole number of time steps.
 */
public final class Units
{
    /**
     * Largest distance, as a fraction of one step, between {@code duration / dt} and the nearest
     * integer for the duration to count as a whole number of steps.
     */
    public static final double STEP_TOLERANCE = 1e-6;

    /** Significant digits kept by {@link #format(double)}. */
    private static final MathContext FORMAT_PRECISION = new MathContext(15);

    private Units()
    {
    }

    /**
     * Parses a quantity the user gave for a parameter and returns it in the canonical unit of the
     * expected dimension.
     *
     * <p>Messages name the owner, the parameter, the text and what was expected, for example
     * {@code "LIF: tauM must be a time (e.g. 20 ms), got '5 mV' (a voltage)"} or
     * {@code "LIF: tauM: unknown unit 'mss' in '5 mss'; known units: s, ms, ..."}.
     *
     * @param owner     the model, population or option the parameter belongs to, e.g. {@code "LIF"}.
     * @param parameter the parameter's name, e.g. {@code "tauM"}.
     * @param text      the quantity as written, e.g. {@code "20 ms"}.
     * @param expected  the dimension the parameter must have.
     * @return the value in the canonical unit of {@code expected}, e.g. 20.0 for {@code "20 ms"}.
     * @throws UnitException if the text is empty, malformed or out of range, names an unknown unit, or
     *                       has another dimension than {@code expected}.
     */
    public static double parse(final String owner, final String parameter, final String text, final Dimension expected)
    {
        final Quantity quantity;
        try
        {
            quantity = QuantityParser.parseQuantity(text, NamedDimension.exampleOf(expected));
        }
        catch (final UnitException ex)
        {
            throw new UnitException(owner + ": " + parameter + ": " + ex.getMessage(), ex);
        }
        return checkDimension(owner, parameter, quantity, text.strip(), expected);
    }

    /**
     * Returns a quantity the user gave for a parameter in the canonical unit of the expected
     * dimension, with the same message as {@link #parse(String, String, String, Dimension)} when the
     * dimension is wrong.
     *
     * @param owner     the model, population or option the parameter belongs to.
     * @param parameter the parameter's name.
     * @param quantity  the quantity given.
     * @param expected  the dimension the parameter must have.
     * @return {@code quantity.value()}.
     * @throws UnitException if {@code quantity} has another dimension than {@code expected}.
     */
    public static double require(
        final String owner, final String parameter, final Quantity quantity, final Dimension expected)
    {
        return checkDimension(owner, parameter, quantity, quantity.toString(), expected);
    }

    /**
     * The symbol of the unit in which the engine holds quantities of a dimension.
     *
     * @param dimension any dimension.
     * @return e.g. {@code "ms"}, {@code "Gohm"}, {@code "1"} (dimensionless), {@code "mV/ms"} or
     *         {@code "nS/um^2"}.
     */
    public static String canonicalUnitName(final Dimension dimension)
    {
        return NamedDimension.symbolOf(dimension);
    }

    /**
     * Converts a duration to a whole number of time steps, {@code round(duration / dt)}.
     *
     * <p>The duration counts as a whole number of steps when {@code duration / dt} is within
     * {@link #STEP_TOLERANCE} of an integer (or four ulps of it, for very long durations), which
     * absorbs the rounding error of decimal durations such as {@code 1.0 / 0.1}. Otherwise it is an
     * error unless {@code allowRounding}, in which case it is rounded to the nearest step (halves
     * up). A positive duration that rounds to zero steps is always an error, as is a negative one.
     *
     * @param owner         the model or option the duration belongs to, e.g. {@code "LIF"}.
     * @param parameter     the duration's name, e.g. {@code "tRef"}.
     * @param durationMs    the duration in ms; must be finite and {@code >= 0}.
     * @param dtMs          the time step in ms; must be finite and {@code > 0}.
     * @param allowRounding whether a duration between two multiples of dt may be rounded.
     * @return the number of steps.
     * @throws org.myelin.util.ModelException if the duration or dt is out of range, the duration is
     *                                        shorter than one step, or it is not a whole number of
     *                                        steps and rounding is not allowed.
     */
    public static int toSteps(
        final String owner,
        final String parameter,
        final double durationMs,
        final double dtMs,
        final boolean allowRounding)
    {
        Check.nonNegative(owner, parameter, durationMs, "ms");
        Check.positive(owner, "dt", dtMs, "ms");
        final double ratio = durationMs / dtMs;
        final long steps = Math.round(ratio);
        final String given = owner + ": " + parameter + "=" + format(durationMs) + " ms";
        final String step = " dt=" + format(dtMs) + " ms";
        if (steps > Integer.MAX_VALUE)
        {
            throw new UnitException(given + " is too long: more than " + Integer.MAX_VALUE + " steps of" + step);
        }
        if (durationMs > 0 && 0 == steps)
        {
            throw new UnitException(given + " is shorter than one time step" + step
                + "; set it to 0, make it at least dt, or use a smaller dt");
        }
        final double tolerance = Math.max(STEP_TOLERANCE, 4 * Math.ulp(ratio));
        if (!allowRounding && Math.abs(ratio - steps) > tolerance)
        {
            throw new UnitException(given + " is not a whole number of time steps" + step + " ("
                + format(ratio) + " steps); use a multiple of dt, change dt, or allow rounding to "
                + steps + (1 == steps ? " step (" : " steps (") + format(steps * dtMs) + " ms)");
        }
        return (int) steps;
    }

    /**
     * Formats a number for messages and {@link Quantity#toString()}: at most 15 significant digits,
     * no trailing zeros and no exponent between 1e-6 and 1e15, so {@code 3 * 0.1} prints as
     * {@code 0.3} and {@code 20.0} as {@code 20}.
     *
     * @param value any double.
     * @return the number as text; {@code NaN} and {@code Infinity} as by {@link Double#toString()}.
     */
    public static String format(final double value)
    {
        if (!Double.isFinite(value))
        {
            return Double.toString(value);
        }
        if (0 == value)
        {
            return "0";
        }
        final BigDecimal rounded = new BigDecimal(value).round(FORMAT_PRECISION).stripTrailingZeros();
        return rounded.scale() < 0 && Math.abs(value) < 1e15 ? rounded.toPlainString() : rounded.toString();
    }

    private static double checkDimension(
        final String owner,
        final String parameter,
        final Quantity quantity,
        final String given,
        final Dimension expected)
    {
        if (quantity.dimension().equals(expected))
        {
            return quantity.value();
        }
        final String actual = quantity.dimension().isDimensionless()
            ? "without a unit"
            : "(" + NamedDimension.describe(quantity.dimension()) + ")";
        throw new UnitException(owner + ": " + parameter + " must be " + NamedDimension.describe(expected)
            + " (e.g. " + NamedDimension.exampleOf(expected) + "), got '" + given + "' " + actual);
    }
}
