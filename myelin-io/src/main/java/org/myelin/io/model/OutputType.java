package org.myelin.io.model;

import java.util.List;
import java.util.function.Function;

import org.myelin.output.Output;
import org.myelin.units.Dimension;

/**
 * An output a file can name ({@code output: {model: COBA, eRev: 0 mV}}).
 *
 * @param name            the name in files.
 * @param params          the parameters.
 * @param weightDimension the dimension of synaptic weights through it.
 * @param factory         builds the output.
 */
public record OutputType(String name, List<Param> params, Dimension weightDimension,
    Function<ParamValues, Output> factory) implements Registry.Named
{
}
