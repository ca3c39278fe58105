package org.myelin.io.model;

import java.util.List;

import org.myelin.neuron.NeuronGroup;
import org.myelin.sim.Network;

/**
 * An external input a file can name ({@code inputs: [{model: PoissonInput, target: E, ...}]}).
 *
 * @param name          the name in files.
 * @param params        the parameters.
 * @param usesReceptor  whether it feeds a synapse ({@code synapse}, {@code output}, {@code weight}
 *                      and {@code receptor} fields) rather than injecting a current.
 * @param factory       builds it and adds it to the network.
 */
public record InputType(String name, List<Param> params, boolean usesReceptor, Factory factory)
    implements Registry.Named
{
    /**
     * What an input is built from.
     *
     * @param name     the input's unique name (part of its random key).
     * @param target   the group it drives.
     * @param values   its parameters in canonical units.
     * @param receptor the synapse it feeds, or null when it injects a current.
     */
    public record Spec(String name, NeuronGroup target, ParamValues values, ReceptorSpec receptor)
    {
    }

    /** Builds an input and adds it to the network. */
    @FunctionalInterface
    public interface Factory
    {
        /** Adds the input described by {@code spec} to {@code network}. */
        void add(Network network, Spec spec);
    }
}
