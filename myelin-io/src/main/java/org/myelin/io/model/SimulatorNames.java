package org.myelin.io.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NEST's and PyNN's names for models Myelin has, with their own parameter names and defaults,
 * so that a model file may say {@code model: fixed_indegree, indegree: 100} or
 * {@code model: IF_cond_exp}. Each alias stands for one Myelin model (the same equations) and
 * translates its parameters to that model's; "did you mean" suggests them.
 */
final class SimulatorNames
{
    private SimulatorNames()
    {
    }

    /** Registers the aliases of the connection rules of {@code c}. */
    static void registerConnectors(final Catalog c)
    {
        final Registry<ConnectorType> r = c.connectors();
        // NEST: conn_spec rules; allow_autapses and allow_multapses default to true
        r.registerAlias(connector("all_to_all", r.get("AllToAll"), "allow_autapses", "selfConnections"));
        r.registerAlias(connector("one_to_one", r.get("OneToOne")));
        r.registerAlias(connector("pairwise_bernoulli", r.get("FixedProbability"), "allow_autapses", "selfConnections"));
        r.registerAlias(connector("fixed_indegree", r.get("FixedInDegree"), "indegree", "k", "allow_autapses",
            "selfConnections", "allow_multapses", "multapses"));
        r.registerAlias(connector("fixed_outdegree", r.get("FixedOutDegree"), "outdegree", "k", "allow_autapses",
            "selfConnections", "allow_multapses", "multapses"));
        // PyNN: connectors; with_replacement (multapses) defaults to false
        r.registerAlias(connector("AllToAllConnector", r.get("AllToAll"), "allow_self_connections", "selfConnections"));
        r.registerAlias(connector("OneToOneConnector", r.get("OneToOne")));
        r.registerAlias(connector("FixedProbabilityConnector", r.get("FixedProbability"), "p_connect", "p",
            "allow_self_connections", "selfConnections"));
        r.registerAlias(withDefault(connector("FixedNumberPreConnector", r.get("FixedInDegree"), "n", "k",
            "allow_self_connections", "selfConnections", "with_replacement", "multapses"), "with_replacement", "false"));
        r.registerAlias(withDefault(connector("FixedNumberPostConnector", r.get("FixedOutDegree"), "n", "k",
            "allow_self_connections", "selfConnections", "with_replacement", "multapses"), "with_replacement", "false"));
    }

    /**
     * A rule under another name whose parameters {@code names[2k]} are {@code base}'s
     * {@code names[2k + 1]}; the others keep their names.
     */
    private static ConnectorType connector(final String name, final ConnectorType base, final String... names)
    {
        final Map<String, String> toBase = pairs(names);
        final Map<String, String> fromBase = new LinkedHashMap<>();
        toBase.forEach((alias, own) -> fromBase.put(own, alias));
        final List<Param> params = new ArrayList<>();
        for (final Param p : base.params())
        {
            params.add(renamed(p, fromBase.getOrDefault(p.name(), p.name()), null));
        }
        return new ConnectorType(name, List.copyOf(params),
            (values, sides) -> base.factory().create(values.renamed(name, toBase), sides),
            (values, sides, rule) -> base.estimate().expected(values.renamed(name, toBase), sides, rule));
    }

    /** {@code type} with the choice {@code param} defaulting to {@code value}. */
    private static ConnectorType withDefault(final ConnectorType type, final String param, final String value)
    {
        final List<Param> params = new ArrayList<>();
        for (final Param p : type.params())
        {
            params.add(p.name().equals(param) ? renamed(p, param, value) : p);
        }
        return new ConnectorType(type.name(), List.copyOf(params), type.factory(), type.estimate());
    }

    static Map<String, String> pairs(final String... names)
    {
        final Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k += 2)
        {
            out.put(names[k], names[k + 1]);
        }
        return out;
    }

    /** {@code p} under another name, with another default for a choice ({@code choiceDefault} non-null). */
    static Param renamed(final Param p, final String name, final String choiceDefault)
    {
        return switch (p)
        {
            case Param.QuantityParam q -> new Param.QuantityParam(name, q.dimension(), q.defaultValue(), q.perNeuron());
            case Param.ChoiceParam c -> new Param.ChoiceParam(name, c.options(),
                choiceDefault != null ? choiceDefault : c.defaultValue());
            case Param.CountParam c -> new Param.CountParam(name, c.min(), c.max(), c.defaultValue());
            case Param.ListParam l -> new Param.ListParam(name, l.dimension());
            case Param.FileParam f -> new Param.FileParam(name, f.required());
        };
    }
}
