package org.myelin.io.model;

import java.util.List;
import java.util.function.Function;

import org.myelin.neuron.NeuronGroup;
import org.myelin.base.InputPort;
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
 * @param port            the input the weights go into instead of a synapse model's receptor
 *                        (a jump of another state variable, a one-step current), or null.
 */
public record SynapseType(String name, List<Param> params, WeightDimension weightDimension,
    Function<ParamValues, SynapseModel> factory, Port port) implements Registry.Named
{
    /** A synapse model with a receptor. */
    public SynapseType(final String name, final List<Param> params, final WeightDimension weightDimension,
        final Function<ParamValues, SynapseModel> factory)
    {
        this(name, params, weightDimension, factory, null);
    }

    /**
     * An input of the target that spikes add into directly.
     *
     * @param port            the input.
     * @param weightDimension the dimension of the weights it takes.
     */
    public record Target(InputPort port, Dimension weightDimension)
    {
    }

    /** Chooses the input of a target group that spikes add into, or none. */
    @FunctionalInterface
    public interface Port
    {
        /**
         * @param values the synapse's parameters.
         * @param target the group the projection feeds.
         * @param states the target model's state variables and their dimensions.
         * @return the input and its weights' dimension, or null to use the synapse model.
         */
        Target of(ParamValues values, NeuronGroup target, java.util.Map<String, Dimension> states);
    }

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
