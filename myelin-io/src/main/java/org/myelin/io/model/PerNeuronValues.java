package org.myelin.io.model;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.myelin.io.DataFileException;
import org.myelin.io.ModelFileException;
import org.myelin.io.Npy;
import org.myelin.io.Suggestions;
import org.myelin.io.YamlNode;
import org.myelin.random.Initializer;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Values that differ from element to element (neurons for initial states and parameters,
 * synapses for weights and delays), as a model file gives them:
 *
 * <pre>
 *   c: {uniform: [-65 mV, -50 mV]}                 # an independent draw per element, in [low, high)
 *   c: {normal: {mean: -60 mV, sd: 2 mV}}
 *   w: {lognormal: {median: 0.5 nS, sigma: 0.8}}   # exp(ln(median) + sigma·Z)
 *   d: {normal: {mean: 1.5 ms, sd: 0.5 ms}, clip: [0.1 ms, 3 ms]}   # drawn again until inside
 *   c: {expression: "-65 + 15*r^2", unit: mV}      # neurons only: r uniform in [0, 1), i the index
 *   v: {file: v0.npy, unit: mV}                    # one value per element from a .npy array
 * </pre>
 * In an expression, {@code r} is one uniform draw per neuron shared by all parameters and initial
 * values of the population (so {@code c} and {@code d} of Izhikevich (2003) can depend on the same
 * r), and {@code i} is the neuron's index. Draws are counter-based on (seed, population, name),
 * like {@link Initializer}, so they do not depend on threads or on the order of the file. A file
 * holds a one-dimensional array of finite numbers, one per element (for synapses: in the order of
 * the connectivity, rows by presynaptic neuron, then by target), in {@code unit}.
 *
 * @param draw       the distribution, or null.
 * @param expression the expression of r and i, or null.
 * @param file       the {@code .npy} file, or null.
 * @param unitFactor the value of the expression's or file's unit in canonical units.
 * @param node       where the values are given, for messages.
 * @param owner      the model or projection, for messages.
 * @param name       the parameter, state variable, weight or delay.
 */
public record PerNeuronValues(Initializer draw, Expression expression, Path file, double unitFactor, YamlNode node,
    String owner, String name)
{
    /** The variables an expression may use. */
    public static final List<String> VARIABLES = List.of("r", "i");

    /** The forms values may take. */
    public enum Kind
    {
        /** {@code {uniform: [low, high]}}. */
        UNIFORM,
        /** {@code {normal: {mean:, sd:}}}. */
        NORMAL,
        /** {@code {lognormal: {median:, sigma:}}}. */
        LOGNORMAL,
        /** {@code {expression: "...", unit: u}}. */
        EXPRESSION,
        /** {@code {file: x.npy, unit: u}}. */
        FILE;

        /** The key in files. */
        String key()
        {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String example()
        {
            return switch (this)
            {
                case UNIFORM -> "{uniform: [low, high]}";
                case NORMAL -> "{normal: {mean: m, sd: s}}";
                case LOGNORMAL -> "{lognormal: {median: m, sigma: s}}";
                case EXPRESSION -> "{expression: \"...\", unit: u}";
                case FILE -> "{file: values.npy, unit: u}";
            };
        }
    }

    /** Every form, for per-neuron values. */
    public static final List<Kind> NEURON_KINDS = List.of(Kind.values());
    /** The forms of per-synapse values: no expression. */
    public static final List<Kind> SYNAPSE_KINDS = List.of(Kind.UNIFORM, Kind.NORMAL, Kind.LOGNORMAL, Kind.FILE);
    private static final String CLIP = "clip";

    /**
     * Reads a mapping node of values.
     *
     * @param owner     the model, for messages.
     * @param name      the parameter or state variable.
     * @param node      the mapping.
     * @param dimension the dimension its values must have.
     * @param kinds     the forms accepted.
     */
    public static PerNeuronValues read(final String owner, final String name, final YamlNode node,
        final Dimension dimension, final List<Kind> kinds)
    {
        final Map<String, YamlNode> entries = node.entries();
        Kind kind = null;
        for (final Kind k : kinds)
        {
            if (entries.containsKey(k.key()))
            {
                if (kind != null)
                {
                    throw node.error(owner + ": " + name + " gives both " + kind.key() + " and " + k.key()
                        + "; choose one");
                }
                kind = k;
            }
        }
        if (kind == null)
        {
            final String first = entries.isEmpty() ? "" : entries.keySet().iterator().next();
            final List<String> keys = kinds.stream().map(Kind::key).toList();
            final List<String> forms = new ArrayList<>(List.of("a quantity"));
            kinds.forEach(k -> forms.add(k.example()));
            throw node.error(owner + ": " + name + " must be " + String.join(", ", forms.subList(0, forms.size() - 1))
                + " or " + forms.get(forms.size() - 1) + (first.isEmpty() ? "" : ", got '" + first + "'"
                + Suggestions.hint(first, keys)));
        }
        return switch (kind)
        {
            case EXPRESSION -> expression(owner, name, node, dimension);
            case FILE -> file(owner, name, node, dimension);
            default -> distribution(owner, name, node, dimension, kind);
        };
    }

    /** The value of the node's {@code unit:} in canonical units, required unless dimensionless. */
    static double unitFactor(final String owner, final String name, final YamlNode node,
        final Dimension dimension, final String what)
    {
        final YamlNode unit = node.get("unit");
        if (unit == null && !dimension.equals(Dimension.DIMENSIONLESS))
        {
            throw node.error(owner + ": " + name + ": " + what + " needs a unit of " + dimension.name() + ", e.g. unit: "
                + Units.canonicalUnitName(dimension));
        }
        try
        {
            return unit == null ? 1.0 : Units.parse(owner, name, "1 " + unit.text().strip(), dimension);
        }
        catch (final ModelException e)
        {
            throw unit.error(e.getMessage(), e);
        }
    }

    private static PerNeuronValues expression(final String owner, final String name, final YamlNode node,
        final Dimension dimension)
    {
        node.allowOnly(List.of("expression", "unit"));
        final YamlNode text = node.require("expression");
        final double factor = unitFactor(owner, name, node, dimension, "an expression");
        try
        {
            return new PerNeuronValues(null, Expression.parse(text.text(), VARIABLES), null, factor, node, owner, name);
        }
        catch (final ModelException e)
        {
            throw text.error(owner + ": " + name + ": " + e.getMessage(), e);
        }
    }

    private static PerNeuronValues file(final String owner, final String name, final YamlNode node,
        final Dimension dimension)
    {
        node.allowOnly(List.of("file", "unit"));
        final double factor = unitFactor(owner, name, node, dimension, "a file of values");
        return new PerNeuronValues(null, null, node.path("file"), factor, node, owner, name);
    }

    private static PerNeuronValues distribution(final String owner, final String name, final YamlNode node,
        final Dimension dimension, final Kind kind)
    {
        node.allowOnly(List.of(kind.key(), CLIP));
        final YamlNode spec = node.get(kind.key());
        Initializer draw;
        try
        {
            draw = switch (kind)
            {
                case UNIFORM ->
                {
                    final double[] bounds = pair(owner, name, spec.as(name + " uniform bounds"), dimension, "uniform",
                        "[low, high]");
                    yield Initializer.uniform(bounds[0], bounds[1]);
                }
                case NORMAL ->
                {
                    final YamlNode normal = spec.as("normal distribution of " + name);
                    normal.allowOnly(List.of("mean", "sd"));
                    yield Initializer.normal(normal.require("mean").quantity(owner, name + " mean", dimension),
                        normal.require("sd").quantity(owner, name + " sd", dimension));
                }
                default ->
                {
                    final YamlNode lognormal = spec.as("lognormal distribution of " + name);
                    lognormal.allowOnly(List.of("median", "sigma"));
                    final double median = lognormal.require("median").quantity(owner, name + " median", dimension);
                    if (!(median > 0))
                    {
                        throw lognormal.require("median").error(owner + ": " + name + ": a lognormal median must be > 0,"
                            + " got median=" + lognormal.require("median").text());
                    }
                    yield Initializer.lognormal(Math.log(median), lognormal.require("sigma").quantity(owner,
                        name + " sigma", Dimension.DIMENSIONLESS));
                }
            };
            if (node.get(CLIP) != null)
            {
                final double[] clip = pair(owner, name, node.get(CLIP).as(name + " clip bounds"), dimension, CLIP,
                    "[low, high]");
                draw = Initializer.clipped(draw, clip[0], clip[1]);
            }
        }
        catch (final ModelFileException e)
        {
            throw e;
        }
        catch (final ModelException e)
        {
            throw spec.error(owner + ": " + name + ": " + e.getMessage(), e);
        }
        return new PerNeuronValues(draw, null, null, 1.0, node, owner, name);
    }

    private static double[] pair(final String owner, final String name, final YamlNode node, final Dimension dimension,
        final String what, final String form)
    {
        final List<YamlNode> bounds = node.items();
        if (bounds.size() != 2)
        {
            throw node.error(owner + ": " + what + " needs two bounds " + form + ", got " + bounds.size());
        }
        return new double[] {bounds.get(0).quantity(owner, name, dimension), bounds.get(1).quantity(owner, name,
            dimension)};
    }

    /**
     * One value per neuron, in canonical units.
     *
     * @param size    the number of neurons.
     * @param seed    the network's seed.
     * @param ownerId the population's id.
     * @param key     the name that keys a draw (the parameter's or state variable's).
     * @param r       the population's shared uniform numbers, one per neuron.
     * @throws ModelFileException for a file that cannot be read, has another length or holds a
     *                            value that is not finite, located at the file's key.
     */
    public double[] values(final int size, final long seed, final long ownerId, final String key, final double[] r)
    {
        final double[] out = new double[size];
        if (draw != null)
        {
            draw.fill(out, seed, ownerId, key);
            return out;
        }
        if (file != null)
        {
            return fileValues(size);
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

    /**
     * The values as an initializer of synapses: the distribution, or the file's values in the
     * order of the connectivity.
     */
    public Initializer initializer()
    {
        if (draw != null)
        {
            return draw;
        }
        if (file == null)
        {
            throw node.error(owner + ": " + name + " cannot be an expression");
        }
        return Initializer.values(fileValues(-1));
    }

    /** True for values read from a file. */
    public boolean fromFile()
    {
        return file != null;
    }

    /** The file's values in canonical units; {@code length} −1 for any. */
    private double[] fileValues(final int length)
    {
        final YamlNode at = node.get("file");
        final double[] raw;
        try
        {
            raw = Npy.read(file).checkRange(name, -Double.MAX_VALUE, Double.MAX_VALUE, "finite")
                .vector(name + " values" + (length >= 0 ? " (one per neuron)" : ""), length);
        }
        catch (final DataFileException e)
        {
            throw at.error(owner + ": " + e.getMessage(), e);
        }
        catch (final NoSuchFileException e)
        {
            throw at.error(owner + ": " + name + ": cannot read " + file + " (no such file)", e);
        }
        catch (final IOException e)
        {
            throw at.error(owner + ": " + name + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        final double[] out = new double[raw.length];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = raw[k] * unitFactor;
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
