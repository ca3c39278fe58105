package org.myelin.io.model;

import java.util.List;
import java.util.function.Function;

import org.myelin.connect.Connector;

/**
 * A connection rule a file can name ({@code connectivity: {model: FixedProbability, p: 0.02}}).
 *
 * @param name     the name in files.
 * @param params   the parameters.
 * @param factory  builds the rule.
 * @param estimate the expected number of synapses, for {@code myelin validate}.
 */
public record ConnectorType(String name, List<Param> params, Function<ParamValues, Connector> factory,
    SynapseEstimate estimate) implements Registry.Named
{
    /** The expected number of synapses of a rule between two groups. */
    @FunctionalInterface
    public interface SynapseEstimate
    {
        /**
         * @param values     the rule's parameters.
         * @param sourceSize neurons in the source.
         * @param targetSize neurons in the target.
         * @param sameGroup  whether source and target are one group.
         * @return expected synapses.
         */
        double expected(ParamValues values, int sourceSize, int targetSize, boolean sameGroup);
    }
}
