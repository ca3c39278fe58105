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
 * @param weightDimension the dimension of weights into it, or null when the output decides (nS for
 *                        COBA, pA for CUBA); a delta synapse takes mV.
 * @param factory         builds the model.
 */
public record SynapseType(String name, List<Param> params, Dimension weightDimension,
    Function<ParamValues, SynapseModel> factory) implements Registry.Named
{
}
