package org.myelin.io.model;

import java.io.IOException;
import java.util.List;

import org.myelin.connect.Connector;

/**
 * A connection rule a file can name ({@code connectivity: {model: FixedProbability, p: 0.02}}).
 *
 * @param name     the name in files.
 * @param params   the parameters.
 * @param factory  builds the rule (which also estimates its synapses, {@link Connector#expectedSynapses}).
 */
public record ConnectorType(String name, List<Param> params, Factory factory)
    implements Registry.Named
{
    /**
     * The groups a rule connects.
     *
     * @param sourceSize neurons in the source.
     * @param targetSize neurons in the target.
     * @param sameGroup  whether source and target are one group.
     */
    public record Sides(int sourceSize, int targetSize, boolean sameGroup)
    {
    }

    /** Builds a rule from its checked values. */
    @FunctionalInterface
    public interface Factory
    {
        /**
         * @param values the rule's parameters.
         * @param sides  the groups it connects (files of synapses are checked against their sizes).
         * @return the rule.
         * @throws IOException if a file of synapses cannot be read.
         */
        Connector create(ParamValues values, Sides sides) throws IOException;
    }
}
