package org.myelin.util;

/**
 * Eager parameter checks with messages of one form:
 * {@code "<owner>: <parameter> must be <rule>, got <parameter>=<value>"}.
 *
 * <p>Each check returns its value so that a record's compact constructor can check and assign in
 * one expression.
 */
public final class Check
{
    private Check()
    {
    }

    /** Checks {@code value > 0} (and finite). */
    public static double positive(final String owner, final String name, final double value, final String unit)
    {
        if (!(value > 0) || Double.isInfinite(value))
        {
            throw fail(owner, name, "> 0" + unitSuffix(unit) + " and finite", value, unit);
        }
        return value;
    }

    /** Checks {@code value >= 0} (and finite). */
    public static double nonNegative(final String owner, final String name, final double value, final String unit)
    {
        if (!(value >= 0) || Double.isInfinite(value))
        {
            throw fail(owner, name, ">= 0" + unitSuffix(unit) + " and finite", value, unit);
        }
        return value;
    }

    /** Checks that {@code value} is a finite number. */
    public static double finite(final String owner, final String name, final double value, final String unit)
    {
        if (!Double.isFinite(value))
        {
            throw fail(owner, name, "a finite number", value, unit);
        }
        return value;
    }

    /** Checks {@code low <= value <= high}. */
    public static double inClosedRange(
        final String owner, final String name, final double value, final double low, final double high)
    {
        if (!(value >= low && value <= high))
        {
            throw fail(owner, name, "in [" + fmt(low) + ", " + fmt(high) + "]", value, "");
        }
        return value;
    }

    /** Checks {@code low < value <= high}. */
    public static double inHalfOpenRange(
        final String owner, final String name, final double value, final double low, final double high)
    {
        if (!(value > low && value <= high))
        {
            throw fail(owner, name, "in (" + fmt(low) + ", " + fmt(high) + "]", value, "");
        }
        return value;
    }

    /** Checks {@code value >= min} for counts and sizes. */
    public static int atLeast(final String owner, final String name, final int value, final int min)
    {
        if (value < min)
        {
            throw new ModelException(owner + ": " + name + " must be >= " + min + ", got " + name + "=" + value);
        }
        return value;
    }

    /** Checks {@code a < b} for two parameters: "{@code <owner>: a must be < b, got a=… unit, b=… unit}". */
    public static void below(
        final String owner, final String aName, final double a, final String bName, final double b, final String unit)
    {
        that(a < b, owner, aName + " must be < " + bName + ", got " + aName + "=" + fmt(a) + " " + unit
            + ", " + bName + "=" + fmt(b) + " " + unit);
    }

    /** Checks a relation between two parameters, e.g. {@code vReset < vTh}. */
    public static void that(final boolean condition, final String owner, final String rule)
    {
        if (!condition)
        {
            throw new ModelException(owner + ": " + rule);
        }
    }

    private static ModelException fail(
        final String owner, final String name, final String rule, final double value, final String unit)
    {
        return new ModelException(
            owner + ": " + name + " must be " + rule + ", got " + name + "=" + fmt(value) + unitSuffix(unit));
    }

    private static String unitSuffix(final String unit)
    {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }

    /** Formats a number without a trailing ".0" for integers, so messages read naturally. */
    public static String fmt(final double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
