package org.myelin.io.model;

import java.util.List;

import org.myelin.units.Dimension;
import org.myelin.units.Units;

/**
 * One parameter a model accepts in a model file: its name, what kind of value it takes and its
 * default ({@code null}: required).
 */
public sealed interface Param
{
    /** The parameter's name as written in the file, e.g. {@code "tauM"}. */
    String name();

    /** True when the file must give it. */
    boolean required();

    /** A short description of the accepted values for listings, e.g. {@code "time, default 20 ms"}. */
    String describe();

    /** A physical quantity with a unit, e.g. {@code tauM: 20 ms}; held in the engine's canonical unit. */
    static Param quantity(final String name, final Dimension dimension, final Double defaultValue)
    {
        return new QuantityParam(name, dimension, defaultValue, false);
    }

    /** A required physical quantity. */
    static Param quantity(final String name, final Dimension dimension)
    {
        return new QuantityParam(name, dimension, null, false);
    }

    /**
     * A quantity that may also be given per neuron, drawn from a distribution or computed from an
     * expression ({@link PerNeuronValues}), e.g. {@code c: {uniform: [-65 mV, -50 mV]}}.
     */
    static Param perNeuron(final String name, final Dimension dimension, final Double defaultValue)
    {
        return new QuantityParam(name, dimension, defaultValue, true);
    }

    /** A list of quantities of one dimension, e.g. {@code durations: [100 ms, 50 ms]}; required. */
    static Param list(final String name, final Dimension dimension)
    {
        return new ListParam(name, dimension, true);
    }

    /** A list of quantities that may be left out (another parameter gives the values instead). */
    static Param optionalList(final String name, final Dimension dimension)
    {
        return new ListParam(name, dimension, false);
    }

    /**
     * A quantity that may change in time: a quantity, or {@code {expression: "...", unit: u}} of
     * {@code t} [ms], e.g. {@code rate: {expression: "10 + 5*sin(2*pi*t/100)", unit: Hz}}.
     */
    static Param timeFunction(final String name, final Dimension dimension)
    {
        return new TimeFunctionParam(name, dimension);
    }

    /** One word out of {@code options}, e.g. {@code integrator: euler}. */
    static Param choice(final String name, final String defaultValue, final String... options)
    {
        return new ChoiceParam(name, List.of(options), defaultValue);
    }

    /**
     * A file, e.g. {@code file: connections.npz}, relative to the model file's directory unless
     * absolute.
     */
    static Param file(final String name, final boolean required)
    {
        return new FileParam(name, required);
    }

    /** A word or name, e.g. {@code variable: w}, with a default. */
    static Param text(final String name, final String defaultValue)
    {
        return new TextParam(name, defaultValue);
    }

    /** A whole number in {@code [min, max]}, e.g. {@code sources: 1000}. */
    static Param count(final String name, final long min, final long max, final Long defaultValue)
    {
        return new CountParam(name, min, max, defaultValue);
    }

    /**
     * @param name         the name.
     * @param dimension    the dimension its unit must have.
     * @param defaultValue the default in canonical units, or null when required.
     * @param perNeuron    whether it may be given per neuron.
     */
    record QuantityParam(String name, Dimension dimension, Double defaultValue, boolean perNeuron) implements Param
    {
        @Override
        public boolean required()
        {
            return defaultValue == null;
        }

        @Override
        public String describe()
        {
            final String unit = Units.canonicalUnitName(dimension);
            return dimension.name() + (required() ? ", required"
                : ", default " + Units.format(defaultValue) + ("1".equals(unit) ? "" : " " + unit))
                + (perNeuron ? ", may vary ({uniform}, {normal}, {lognormal}, {expression}, {file})" : "");
        }
    }

    /**
     * @param name         the name.
     * @param options      the allowed words (compared without case).
     * @param defaultValue the default word, or null when required.
     */
    record ChoiceParam(String name, List<String> options, String defaultValue) implements Param
    {
        @Override
        public boolean required()
        {
            return defaultValue == null;
        }

        @Override
        public String describe()
        {
            return "one of " + options + (required() ? ", required" : ", default " + defaultValue);
        }
    }

    /**
     * @param name         the name.
     * @param min          smallest allowed value.
     * @param max          largest allowed value.
     * @param defaultValue the default, or null when required.
     */
    record CountParam(String name, long min, long max, Long defaultValue) implements Param
    {
        @Override
        public boolean required()
        {
            return defaultValue == null;
        }

        @Override
        public String describe()
        {
            return "whole number" + (required() ? ", required" : ", default " + defaultValue);
        }
    }

    /**
     * @param name         the name.
     * @param defaultValue the default.
     */
    record TextParam(String name, String defaultValue) implements Param
    {
        @Override
        public boolean required()
        {
            return false;
        }

        @Override
        public String describe()
        {
            return "name, default " + defaultValue;
        }
    }

    /**
     * @param name     the name.
     * @param required whether the file must be given.
     */
    record FileParam(String name, boolean required) implements Param
    {
        @Override
        public String describe()
        {
            return "file" + (required ? ", required" : ", optional");
        }
    }

    /**
     * @param name      the name.
     * @param dimension the dimension of every item.
     * @param required  whether the file must give it.
     */
    record ListParam(String name, Dimension dimension, boolean required) implements Param
    {
        @Override
        public String describe()
        {
            return "list of " + dimension.name() + (required ? ", required" : ", optional");
        }
    }

    /**
     * @param name      the name.
     * @param dimension the dimension of its values.
     */
    record TimeFunctionParam(String name, Dimension dimension) implements Param
    {
        @Override
        public boolean required()
        {
            return true;
        }

        @Override
        public String describe()
        {
            return dimension.name() + ", required; or {expression: \"...\", unit: u} of t [ms]";
        }
    }
}
