package org.myelin.io.model;

import java.util.List;

import org.myelin.io.YamlNode;
import org.myelin.units.Dimension;
import org.myelin.util.ModelException;

/**
 * A quantity that may change in time, as a model file gives it: one quantity, or
 * {@code {expression: "10 + 5*sin(2*pi*t/100)", unit: Hz}} of the time {@code t} in ms. Every
 * thread that evaluates it uses an argument array of its own, so evaluation allocates nothing
 * after the first call on a thread.
 */
public final class TimeFunction
{
    private final double constant;
    private final Expression expression;
    private final double unitFactor;
    private final ThreadLocal<double[]> argument = ThreadLocal.withInitial(() -> new double[1]);

    private TimeFunction(final double constant, final Expression expression, final double unitFactor)
    {
        this.constant = constant;
        this.expression = expression;
        this.unitFactor = unitFactor;
    }

    /** The same value at every time. */
    public static TimeFunction constant(final double value)
    {
        return new TimeFunction(value, null, 1.0);
    }

    /** Reads {@code {expression: "...", unit: u}}. */
    static TimeFunction read(final String owner, final String name, final YamlNode node, final Dimension dimension)
    {
        node.allowOnly(List.of("expression", "unit"));
        final YamlNode text = node.require("expression");
        final double factor = PerNeuronValues.unitFactor(owner, name, node, dimension, "an expression");
        try
        {
            return new TimeFunction(Double.NaN, Expression.parse(text.text(), List.of("t")), factor);
        }
        catch (final ModelException e)
        {
            throw text.error(owner + ": " + name + ": " + e.getMessage(), e);
        }
    }

    /** True when the value does not change in time. */
    public boolean isConstant()
    {
        return expression == null;
    }

    /** The value at {@code timeMs} in canonical units. */
    public double at(final double timeMs)
    {
        if (expression == null)
        {
            return constant;
        }
        final double[] t = argument.get();
        t[0] = timeMs;
        return expression.evaluate(t) * unitFactor;
    }
}
