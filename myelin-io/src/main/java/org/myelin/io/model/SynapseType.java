package org.myelin.io.model;

import java.util.List;
import java.util.function.Function;

import org.myelin.synapse.SynapseModel;
import org.myelin.units.Dimension;

/**
 * A synapse model a file can name ({@code synapse: {model: Exponential, tau: 5 ms}}).
 *
 * @param name            the name in files.
 * @param params          the parameters.
 * @param weightDimension the dimension of weights into it for its values and output, or null when the
 *                        output decides (nS for COBA, pA for CUBA); a delta synapse into v takes mV
 *                        through CUBA.
 * @param factory         builds the model.
 */
public record SynapseType(String name, List<Param> params, WeightDimension weightDimension,
    Function<ParamValues, SynapseModel> factory) implements Registry.Named
{
    /** The dimension of a synapse's weights when it is not simply the output's. */
    @FunctionalInterface
    public interface WeightDimension
    {
        /**
         * @param values the synapse's parameters.
         * @param output the output it drives.
         * @return the weight's dimension, or null for the output's own.
         */
        Dimension of(ParamValues values, OutputType output);
    }
}
