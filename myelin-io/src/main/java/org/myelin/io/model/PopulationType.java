package org.myelin.io.model;

import java.util.List;
import java.util.Map;

import org.myelin.base.Population;
import org.myelin.random.Initializer;
import org.myelin.units.Dimension;

/**
 * A population model a file can name ({@code model: LIF}): its parameters, the state variables
 * that take initial values, and how to build it.
 *
 * @param name           the name in files.
 * @param params         the parameters.
 * @param states         the state variables that accept {@code initial:} values, with their dimension.
 * @param bytesPerNeuron memory per neuron for estimates (state arrays, input sums).
 * @param factory        builds the population.
 */
public record PopulationType(String name, List<Param> params, Map<String, Dimension> states, long bytesPerNeuron,
    Factory factory) implements Registry.Named
{
    /** Builds a population from checked values. */
    @FunctionalInterface
    public interface Factory
    {
        /**
         * @param name    the population's name.
         * @param size    number of neurons.
         * @param values  the parameters, in canonical units.
         * @param initial an initializer for each state variable the file sets (others take the
         *                model's default).
         * @return the population.
         */
        Population create(String name, int size, ParamValues values, Map<String, Initializer> initial);
    }
}
