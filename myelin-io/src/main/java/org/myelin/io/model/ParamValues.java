package org.myelin.io.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.myelin.io.ModelFileException;
import org.myelin.io.Suggestions;
import org.myelin.io.YamlNode;
import org.myelin.util.ModelException;

/**
 * The parameter values of one model as read from a file: numbers in the engine's canonical units
 * (defaults filled in) and chosen words, with the file node of each given value so that an error
 * the model raises can point at the offending line.
 */
public final class ParamValues
{
    private final String owner;
    private final Map<String, Double> numbers;
    private final Map<String, String> choices;
    private final Map<String, YamlNode> nodes;
    private final Map<String, PerNeuronValues> perNeuron;
    private final Map<String, double[]> lists;
    private final Map<String, double[]> sampled;
    private final Map<String, java.nio.file.Path> paths;
    private final Map<String, TimeFunction> functions;
    private final YamlNode where;

    private ParamValues(final String owner, final Map<String, Double> numbers, final Map<String, String> choices,
        final Map<String, YamlNode> nodes, final Map<String, PerNeuronValues> perNeuron,
        final Map<String, double[]> lists, final Map<String, double[]> sampled,
        final Map<String, java.nio.file.Path> paths, final Map<String, TimeFunction> functions, final YamlNode where)
    {
        this.paths = paths;
        this.functions = functions;
        this.sampled = sampled;
        this.owner = owner;
        this.numbers = Collections.unmodifiableMap(numbers);
        this.choices = Collections.unmodifiableMap(choices);
        this.nodes = nodes;
        this.perNeuron = Collections.unmodifiableMap(perNeuron);
        this.lists = lists;
        this.where = where;
    }

    /**
     * Reads the parameters {@code specs} of a model from a mapping (null: none given). Keys in
     * {@code otherKeys} belong to the surrounding structure and are skipped; any other key that is
     * not a parameter is an error with a "did you mean" hint.
     *
     * @param owner     the model name for messages, e.g. {@code "LIF"}.
     * @param specs     the parameters the model accepts.
     * @param mapping   the mapping with the values, or null.
     * @param where     the node to blame for missing values (the model's mapping or its parent).
     * @param otherKeys keys of the mapping that are not parameters.
     */
    public static ParamValues read(final String owner, final List<Param> specs, final YamlNode mapping,
        final YamlNode where, final Set<String> otherKeys)
    {
        final Map<String, YamlNode> given = mapping == null ? Map.of() : mapping.entries();
        final List<String> names = specs.stream().map(Param::name).toList();
        for (final String key : given.keySet())
        {
            if (!names.contains(key) && !otherKeys.contains(key))
            {
                final String parameters = names.isEmpty() ? "; it takes no parameters"
                    : Suggestions.hint(key, names);
                throw mapping.keyNode(key).error(owner + ": unknown parameter '" + key + "'" + parameters);
            }
        }
        final Map<String, Double> numbers = new LinkedHashMap<>();
        final Map<String, String> choices = new LinkedHashMap<>();
        final Map<String, YamlNode> nodes = new LinkedHashMap<>();
        final Map<String, PerNeuronValues> perNeuron = new LinkedHashMap<>();
        final Map<String, double[]> lists = new LinkedHashMap<>();
        final Map<String, java.nio.file.Path> paths = new LinkedHashMap<>();
        final Map<String, TimeFunction> functions = new LinkedHashMap<>();
        for (final Param spec : specs)
        {
            final YamlNode node = given.get(spec.name());
            if (node == null)
            {
                if (spec.required())
                {
                    throw where.error(owner + ": missing required parameter '" + spec.name() + "' ("
                        + spec.describe() + ")");
                }
                switch (spec)
                {
                    case Param.QuantityParam q -> numbers.put(q.name(), q.defaultValue());
                    case Param.CountParam c -> numbers.put(c.name(), (double) c.defaultValue());
                    case Param.ChoiceParam c -> choices.put(c.name(), c.defaultValue());
                    case Param.TextParam t -> choices.put(t.name(), t.defaultValue());
                    case Param.ListParam l ->
                    {
                        // optional and not given: no list
                    }
                    case Param.TimeFunctionParam f -> throw new IllegalStateException("a time function is required");
                    case Param.FileParam f ->
                    {
                        // optional and not given: no path
                    }
                }
                continue;
            }
            nodes.put(spec.name(), node);
            switch (spec)
            {
                case Param.QuantityParam q when q.perNeuron() && node.isMapping() ->
                {
                    perNeuron.put(q.name(), PerNeuronValues.read(owner, q.name(), node, q.dimension(),
                        PerNeuronValues.NEURON_KINDS));
                    numbers.put(q.name(), q.defaultValue() == null ? Double.NaN : q.defaultValue());
                }
                case Param.QuantityParam q -> numbers.put(q.name(), node.quantity(owner, q.name(), q.dimension()));
                case Param.CountParam c -> numbers.put(c.name(), (double) node.integer(owner, c.name(), c.min(), c.max()));
                case Param.ChoiceParam c -> choices.put(c.name(), choose(owner, c, node));
                case Param.TextParam t -> choices.put(t.name(), node.text().strip());
                case Param.ListParam l -> lists.put(l.name(), node.as(owner + ": " + l.name()).items().stream()
                    .mapToDouble(item -> item.quantity(owner, l.name(), l.dimension())).toArray());
                case Param.FileParam f -> paths.put(f.name(), mapping.path(f.name()));
                case Param.TimeFunctionParam f ->
                {
                    if (node.isMapping())
                    {
                        functions.put(f.name(), TimeFunction.read(owner, f.name(), node, f.dimension()));
                        numbers.put(f.name(), Double.NaN);
                    }
                    else
                    {
                        numbers.put(f.name(), node.quantity(owner, f.name(), f.dimension()));
                    }
                }
            }
        }
        return new ParamValues(owner, numbers, choices, nodes, perNeuron, lists, Map.of(), paths, functions, where);
    }

    private static String choose(final String owner, final Param.ChoiceParam spec, final YamlNode node)
    {
        final String text = node.text().strip();
        for (final String option : spec.options())
        {
            if (option.equalsIgnoreCase(text))
            {
                return option;
            }
        }
        throw node.error(owner + ": " + spec.name() + " must be one of " + spec.options() + ", got '" + text + "'"
            + (Suggestions.closest(text, spec.options()) == null ? ""
                : "; did you mean '" + Suggestions.closest(text, spec.options()) + "'?"));
    }

    /** The model name. */
    public String owner()
    {
        return owner;
    }

    /** A number in canonical units (quantities and counts). */
    public double get(final String name)
    {
        final Double value = numbers.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException(owner + " declares no numeric parameter '" + name + "'");
        }
        return value;
    }

    /** A whole-number parameter. */
    public int count(final String name)
    {
        return (int) get(name);
    }

    /** A chosen word, as spelt in the parameter's options. */
    public String choice(final String name)
    {
        final String value = choices.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException(owner + " declares no choice parameter '" + name + "'");
        }
        return value;
    }

    /** True when the list parameter {@code name} was given. */
    public boolean hasList(final String name)
    {
        return lists.containsKey(name);
    }

    /**
     * A quantity that may change in time, in canonical units as a function of t [ms]; a constant
     * function when the file gives one quantity.
     */
    public TimeFunction timeFunction(final String name)
    {
        final TimeFunction f = functions.get(name);
        return f != null ? f : TimeFunction.constant(get(name));
    }

    /** A list parameter's values in canonical units. */
    public double[] list(final String name)
    {
        final double[] value = lists.get(name);
        if (value == null)
        {
            throw new IllegalArgumentException(owner + " declares no list parameter '" + name + "'");
        }
        return value.clone();
    }

    /** A file parameter's path (resolved against the model file's directory), or null when not given. */
    public java.nio.file.Path path(final String name)
    {
        return paths.get(name);
    }

    /**
     * These values under other names: each key of {@code names} (a name in these values) becomes
     * its value; other names stay. Lets a model registered under another simulator's parameter
     * names hand its values to the model it stands for.
     *
     * @param owner the model name for messages.
     */
    public ParamValues renamed(final String owner, final Map<String, String> names)
    {
        return new ParamValues(owner, rename(numbers, names), rename(choices, names), rename(nodes, names),
            rename(perNeuron, names), rename(lists, names), rename(sampled, names), rename(paths, names),
            rename(functions, names), where);
    }

    private static <V> Map<String, V> rename(final Map<String, V> map, final Map<String, String> names)
    {
        final Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(names.getOrDefault(k, k), v));
        return out;
    }

    /**
     * Values computed from others (a model of another simulator translated into the one it
     * stands for): numbers and per-neuron arrays in canonical units, the given choices, the file
     * node of each value for messages.
     */
    public static ParamValues derived(final String owner, final Map<String, Double> numbers,
        final Map<String, String> choices, final Map<String, double[]> sampled, final Map<String, YamlNode> nodes,
        final YamlNode where)
    {
        return new ParamValues(owner, new LinkedHashMap<>(numbers), new LinkedHashMap<>(choices),
            new LinkedHashMap<>(nodes), Map.of(), Map.of(), new LinkedHashMap<>(sampled), Map.of(), Map.of(), where);
    }

    /** The node to blame for a missing value: the model's mapping or its parent. */
    public YamlNode where()
    {
        return where;
    }

    /** The parameters given per neuron, by name (their entry in {@link #numbers()} is unused). */
    public Map<String, PerNeuronValues> perNeuron()
    {
        return perNeuron;
    }

    /**
     * These values with the parameters given per neuron drawn or computed ({@link #sampled()}).
     *
     * @param size  the number of neurons.
     * @param seed  the network's seed.
     * @param owner the population's id ({@link org.myelin.random.Rng#nameId}).
     */
    public ParamValues sample(final int size, final long seed, final long owner)
    {
        final Map<String, double[]> out = new LinkedHashMap<>();
        if (!perNeuron.isEmpty())
        {
            final double[] r = PerNeuronValues.sharedUniform(size, seed, owner);
            perNeuron.forEach((name, spec) -> out.put(name, spec.values(size, seed, owner, name, r)));
        }
        return new ParamValues(owner(), numbers, choices, nodes, perNeuron, lists, out, paths, functions, where);
    }

    /** The per-neuron values in canonical units, once {@link #sample sampled}; else empty. */
    public Map<String, double[]> sampled()
    {
        return Collections.unmodifiableMap(sampled);
    }

    /** The numbers by name, in canonical units: what a {@code Map<String, Double>} factory takes. */
    public Map<String, Double> numbers()
    {
        return numbers;
    }

    /** The node given for {@code name}, or null when it took its default. */
    public YamlNode node(final String name)
    {
        return nodes.get(name);
    }

    /**
     * Rewords an error a model raised while being built from these values, located at the value
     * it names ({@code "<param> must"} or {@code "<param>="}) or else at the model's mapping.
     */
    public ModelFileException wrap(final ModelException e)
    {
        final String message = e.getMessage();
        YamlNode blame = where;
        int first = Integer.MAX_VALUE;
        for (final Map.Entry<String, YamlNode> entry : nodes.entrySet())
        {
            final String name = entry.getKey();
            for (final String pattern : List.of(" " + name + " must", " " + name + "=", ": " + name + ":"))
            {
                final int at = message.indexOf(pattern);
                if (at >= 0 && at < first)
                {
                    first = at;
                    blame = entry.getValue();
                }
            }
        }
        return blame.error(message, e);
    }

    @Override
    public String toString()
    {
        return owner + numbers + (choices.isEmpty() ? "" : choices.toString().toLowerCase(Locale.ROOT));
    }
}
