package org.myelin.io.model;

import java.util.List;
import java.util.Map;

import org.myelin.random.Initializer;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Values given per neuron in a model file, for initial states and for parameters that accept
 * them ({@link Param#perNeuron}):
 *
 * <pre>
 *   c: {uniform: [-65 mV, -50 mV]}               # independent draw per neuron
 *   c: {normal: {mean: -60 mV, sd: 2 mV}}
 *   c: {expression: "-65 + 15*r^2", unit: mV}    # r: the neuron's uniform number in [0, 1)
 * </pre>
 * In an expression, {@code r} is one uniform draw per neuron shared by all parameters of the
 * population (so {@code c} and {@code d} of Izhikevich (2003) can depend on the same r), and
 * {@code i} is the neuron's index. Draws are counter-based on (seed, population, name), like
 * {@link Initializer}, so they do not depend on threads or on the order of the file.
 *
 * @param draw       the distribution, or null for an expression.
 * @param expression the expression of r and i, or null for a distribution.
 * @param unitFactor the expression unit's value in canonical units.
 */
public record PerNeuronValues(Initializer draw, Expression expression, double unitFactor)
{
    /** The variables an expression may use. */
    public static final List<String> VARIABLES = List.of("r", "i");

    private static final List<String> KINDS = List.of("uniform", "normal", "expression");

    /**
     * Reads a mapping node of per-neuron values.
     *
     * @param owner          the model, for messages.
     * @param name           the parameter or state variable.
     * @param node           the mapping.
     * @param dimension      the dimension its values must have.
     * @param allowExpression whether {@code expression} is accepted.
     */
    public static PerNeuronValues read(final String owner, final String name, final YamlNode node,
        final Dimension dimension, final boolean allowExpression)
    {
        final Map<String, YamlNode> entries = node.entries();
        final List<String> kinds = allowExpression ? KINDS : KINDS.subList(0, 2);
        final String first = entries.isEmpty() ? "" : entries.keySet().iterator().next();
        if (allowExpression && entries.containsKey("expression"))
        {
            node.allowOnly(List.of("expression", "unit"));
            final YamlNode text = node.require("expression");
            final YamlNode unit = node.get("unit");
            if (unit == null && !dimension.equals(Dimension.DIMENSIONLESS))
            {
                throw node.error(owner + ": " + name + ": an expression needs a unit of " + dimension.name()
                    + ", e.g. unit: " + Units.canonicalUnitName(dimension));
            }
            final double factor;
            try
            {
                factor = unit == null ? 1.0 : Units.parse(owner, name, "1 " + unit.text().strip(), dimension);
            }
            catch (final ModelException e)
            {
                throw unit.error(e.getMessage(), e);
            }
            try
            {
                return new PerNeuronValues(null, Expression.parse(text.text(), VARIABLES), factor);
            }
            catch (final ModelException e)
            {
                throw text.error(owner + ": " + name + ": " + e.getMessage(), e);
            }
        }
        if (entries.size() != 1 || !kinds.contains(first))
        {
            throw node.error(owner + ": " + name + " must be a quantity, {uniform: [low, high]}"
                + (allowExpression ? ", {normal: {mean: m, sd: s}} or {expression: \"...\", unit: u}"
                    : " or {normal: {mean: m, sd: s}}")
                + (first.isEmpty() || kinds.contains(first) ? "" : ", got '" + first + "'"
                    + Suggestions.hint(first, kinds)));
        }
        final YamlNode spec = entries.values().iterator().next();
        try
        {
            if (entries.containsKey("uniform"))
            {
                final List<YamlNode> bounds = spec.as(name + " uniform bounds").items();
                if (bounds.size() != 2)
                {
                    throw spec.error(owner + ": uniform needs two bounds [low, high], got " + bounds.size());
                }
                return new PerNeuronValues(Initializer.uniform(bounds.get(0).quantity(owner, name, dimension),
                    bounds.get(1).quantity(owner, name, dimension)), null, 1.0);
            }
            final YamlNode normal = spec.as("normal distribution of " + name);
            normal.allowOnly(List.of("mean", "sd"));
            return new PerNeuronValues(Initializer.normal(normal.require("mean").quantity(owner, name + " mean",
                dimension), normal.require("sd").quantity(owner, name + " sd", dimension)), null, 1.0);
        }
        catch (final ModelFileException e)
        {
            throw e;
        }
        catch (final ModelException e)
        {
            throw spec.error(owner + ": " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * One value per neuron, in canonical units.
     *
     * @param size  the number of neurons.
     * @param seed  the network's seed.
     * @param owner the population's id.
     * @param name  the parameter's name, part of the random key of a draw.
     * @param r     the population's shared uniform numbers, one per neuron.
     */
    public double[] values(final int size, final long seed, final long owner, final String name, final double[] r)
    {
        final double[] out = new double[size];
        if (draw != null)
        {
            draw.fill(out, seed, owner, name);
            return out;
        }
        final double[] vars = new double[2];
        for (int k = 0; k < size; k++)
        {
            vars[0] = r[k];
            vars[1] = k;
            out[k] = expression.evaluate(vars) * unitFactor;
        }
        return out;
    }

    /** The shared uniform numbers r of a population, one per neuron. */
    public static double[] sharedUniform(final int size, final long seed, final long owner)
    {
        final double[] r = new double[size];
        Initializer.uniform(0.0, 1.0).fill(r, seed, owner, "r");
        return r;
    }
}
