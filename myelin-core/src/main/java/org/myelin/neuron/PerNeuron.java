package org.myelin.neuron;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.util.ModelException;

/**
 * The parameter values of one population: a validated record of scalars (a model's
 * {@code Parameters}) in which some parameters may instead hold one value per neuron
 * (heterogeneous parameters, as brainstate allows for every parameter).
 *
 * <p>A model reads each parameter once, at construction, into a local {@code double[]} of one
 * value per neuron ({@link #array}); its update loop then indexes that array, so the loop is the
 * same for scalar and per-neuron values. Per-neuron values are validated by the record's own
 * compact constructor: for each neuron the record is rebuilt with that neuron's values, so the
 * rules and the messages are exactly those of the scalar case, with the neuron index appended.
 *
 * <p>The same record machinery turns a map of named values in canonical units into a record
 * ({@link #fromMap}), which the model registry {@link NeuronModels} and the model files use.
 *
 * @param <P> the model's parameter record.
 */
public final class PerNeuron<P extends Record>
{
    private final String model;
    private final P scalars;
    private final Map<String, double[]> perNeuron;

    private PerNeuron(final String model, final P scalars, final Map<String, double[]> perNeuron)
    {
        this.model = model;
        this.scalars = scalars;
        this.perNeuron = perNeuron;
    }

    /**
     * Scalar values for every neuron.
     *
     * @param model   the model name, for messages.
     * @param scalars the validated parameters.
     */
    public static <P extends Record> PerNeuron<P> of(final String model, final P scalars)
    {
        if (scalars == null)
        {
            throw new ModelException(model + ": parameters must not be null");
        }
        return new PerNeuron<>(model, scalars, new LinkedHashMap<>());
    }

    /**
     * A copy in which parameter {@code name} has one value per neuron.
     *
     * @throws ModelException if the record has no number-valued parameter of that name.
     */
    public PerNeuron<P> with(final String name, final double... values)
    {
        requireKnown(model, scalars.getClass(), name);
        final Map<String, double[]> copy = new LinkedHashMap<>(perNeuron);
        copy.put(name, values.clone());
        return new PerNeuron<>(model, scalars, copy);
    }

    /** The scalar values (for the parameters given per neuron, the record's scalar is unused). */
    public P scalars()
    {
        return scalars;
    }

    /** Names of the parameters given per neuron. */
    public List<String> perNeuronNames()
    {
        return List.copyOf(perNeuron.keySet());
    }

    /**
     * Checks that every per-neuron array has {@code size} values and that each neuron's values
     * satisfy the record's rules.
     *
     * @throws ModelException naming the model, the parameter, the rule and the neuron.
     */
    public void validate(final int size)
    {
        if (perNeuron.isEmpty())
        {
            return;
        }
        for (final Map.Entry<String, double[]> e : perNeuron.entrySet())
        {
            if (e.getValue().length != size)
            {
                throw new ModelException(model + ": " + e.getKey() + " must have one value per neuron (" + size
                    + "), got " + e.getValue().length + " values");
            }
        }
        final RecordComponent[] components = scalars.getClass().getRecordComponents();
        final Object[] args = componentValues(scalars);
        final int[] slot = new int[perNeuron.size()];
        final double[][] arrays = new double[perNeuron.size()][];
        int k = 0;
        for (final Map.Entry<String, double[]> e : perNeuron.entrySet())
        {
            slot[k] = indexOf(components, e.getKey());
            arrays[k] = e.getValue();
            k++;
        }
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < slot.length; j++)
            {
                args[slot[j]] = arrays[j][i];
            }
            try
            {
                construct(scalars.getClass(), args);
            }
            catch (final ModelException e)
            {
                throw new ModelException(e.getMessage() + " (neuron " + i + ")", e);
            }
        }
    }

    /**
     * One value per neuron of parameter {@code name}: a copy of the per-neuron values, or the
     * scalar repeated.
     */
    public double[] array(final String name, final int size)
    {
        final double[] values = perNeuron.get(name);
        if (values != null)
        {
            return values.clone();
        }
        final double[] out = new double[size];
        Arrays.fill(out, scalarValue(scalars, name));
        return out;
    }

    /** The scalar value of a number-valued record component. */
    public static double scalarValue(final Record record, final String name)
    {
        final RecordComponent[] components = record.getClass().getRecordComponents();
        return ((Number) componentValues(record)[indexOf(components, name)]).doubleValue();
    }

    /** Names of the number-valued parameters of a parameter record type, in declaration order. */
    public static List<String> names(final Class<? extends Record> type)
    {
        final List<String> names = new ArrayList<>();
        for (final RecordComponent c : type.getRecordComponents())
        {
            if (c.getType() == double.class)
            {
                names.add(c.getName());
            }
        }
        return names;
    }

    /** The number-valued parameters of a record as a name → value map, in declaration order. */
    public static Map<String, Double> toMap(final Record record)
    {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final String name : names(record.getClass()))
        {
            out.put(name, scalarValue(record, name));
        }
        return out;
    }

    /**
     * {@code defaults} with the named values replaced, validated by the record's constructor.
     *
     * @param model    the model name, for messages.
     * @param defaults the values of parameters not in {@code values}.
     * @param values   parameter name → value in canonical units.
     * @throws ModelException for an unknown name (listing the known ones) or an invalid value.
     */
    @SuppressWarnings("unchecked")
    public static <P extends Record> P fromMap(final String model, final P defaults, final Map<String, Double> values)
    {
        final RecordComponent[] components = defaults.getClass().getRecordComponents();
        final Object[] args = componentValues(defaults);
        for (final Map.Entry<String, Double> e : values.entrySet())
        {
            requireKnown(model, defaults.getClass(), e.getKey());
            if (e.getValue() == null)
            {
                throw new ModelException(model + ": " + e.getKey() + " must be a number, got nothing");
            }
            args[indexOf(components, e.getKey())] = e.getValue();
        }
        return (P) construct(defaults.getClass(), args);
    }

    /** {@code record} with one component replaced (of any type), validated. */
    @SuppressWarnings("unchecked")
    static <P extends Record> P with(final P record, final String name, final Object value)
    {
        final Object[] args = componentValues(record);
        args[indexOf(record.getClass().getRecordComponents(), name)] = value;
        return (P) construct(record.getClass(), args);
    }

    /** The value of any component of a record. */
    static Object component(final Record record, final String name)
    {
        return componentValues(record)[indexOf(record.getClass().getRecordComponents(), name)];
    }

    private static void requireKnown(final String model, final Class<?> type, final String name)
    {
        @SuppressWarnings("unchecked")
        final List<String> known = names((Class<? extends Record>) type);
        if (!known.contains(name))
        {
            throw new ModelException(model + ": unknown parameter '" + name + "'; known: " + known);
        }
    }

    private static int indexOf(final RecordComponent[] components, final String name)
    {
        for (int k = 0; k < components.length; k++)
        {
            if (components[k].getName().equals(name))
            {
                return k;
            }
        }
        throw new IllegalArgumentException("no record component " + name);
    }

    private static Object[] componentValues(final Record record)
    {
        final RecordComponent[] components = record.getClass().getRecordComponents();
        final Object[] out = new Object[components.length];
        try
        {
            for (int k = 0; k < components.length; k++)
            {
                out[k] = components[k].getAccessor().invoke(record);
            }
        }
        catch (final IllegalAccessException | InvocationTargetException e)
        {
            throw new IllegalStateException("cannot read " + record.getClass().getName(), e);
        }
        return out;
    }

    private static Object construct(final Class<?> type, final Object[] args)
    {
        final RecordComponent[] components = type.getRecordComponents();
        final Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++)
        {
            types[k] = components[k].getType();
        }
        try
        {
            final Constructor<?> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        }
        catch (final InvocationTargetException e)
        {
            if (e.getCause() instanceof RuntimeException r)
            {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        catch (final ReflectiveOperationException e)
        {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
