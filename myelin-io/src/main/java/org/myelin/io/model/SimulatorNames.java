package org.myelin.io.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.input.PoissonGroup;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.io.ModelFileException;
import org.myelin.io.YamlNode;
import org.myelin.units.Dimension;

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
        r.registerAlias(connector("fixed_total_number", r.get("FixedTotalNumber"), "N", "n", "allow_autapses",
            "selfConnections"));
        // PyNN: connectors; with_replacement (multapses) defaults to false
        r.registerAlias(connector("AllToAllConnector", r.get("AllToAll"), "allow_self_connections", "selfConnections"));
        r.registerAlias(connector("OneToOneConnector", r.get("OneToOne")));
        r.registerAlias(connector("FixedProbabilityConnector", r.get("FixedProbability"), "p_connect", "p",
            "allow_self_connections", "selfConnections"));
        r.registerAlias(connector("FixedTotalNumberConnector", r.get("FixedTotalNumber"), "allow_self_connections",
            "selfConnections"));
        r.registerAlias(withDefault(connector("FixedNumberPreConnector", r.get("FixedInDegree"), "n", "k",
            "allow_self_connections", "selfConnections", "with_replacement", "multapses"), "with_replacement", "false"));
        r.registerAlias(withDefault(connector("FixedNumberPostConnector", r.get("FixedOutDegree"), "n", "k",
            "allow_self_connections", "selfConnections", "with_replacement", "multapses"), "with_replacement", "false"));
    }

    /**
     * A parameter of another simulator's model computed from that model's parameters (one neuron's
     * values, in canonical units, in the order of {@code sources}).
     *
     * @param target   the Myelin model's parameter.
     * @param sources  the alias's parameters it depends on.
     * @param function the value from theirs.
     */
    private record Derived(String target, List<String> sources, java.util.function.ToDoubleFunction<double[]> function)
    {
        /** A parameter under another name. */
        static Derived same(final String target, final String source)
        {
            return new Derived(target, List.of(source), v -> v[0]);
        }
    }

    private static final Dimension V = Dimension.VOLTAGE;
    private static final Dimension T = Dimension.TIME;
    private static final Dimension C = Dimension.CAPACITANCE;
    private static final Dimension G = Dimension.CONDUCTANCE;
    private static final Dimension I = Dimension.CURRENT;

    /** Registers NEST's and PyNN's names of neuron models and spike sources of {@code c}. */
    static void registerNeurons(final Catalog c)
    {
        final Registry<PopulationType> r = c.populations();
        final PopulationType lif = r.get("LIF");
        final String current = "CUBA";
        final String conductance = "COBA";
        // NEST iaf_psc_*: membrane of C_m, tau_m; the exponential or alpha current belongs to each projection
        for (final String[] nest : new String[][] {{"iaf_psc_exp", "Exponential", current},
            {"iaf_psc_alpha", "Alpha", current}, {"iaf_psc_delta", "Delta", current}})
        {
            r.registerAlias(neuron(nest[0], lif, List.of(
                Param.perNeuron("C_m", C, 250.0), Param.perNeuron("tau_m", T, 10.0), Param.perNeuron("t_ref", T, 2.0),
                Param.perNeuron("E_L", V, -70.0), Param.perNeuron("V_th", V, -55.0),
                Param.perNeuron("V_reset", V, -70.0), Param.perNeuron("I_e", I, 0.0),
                Param.choice("integrator", "exact", "exact", "euler")),
                List.of(Derived.same("vRest", "E_L"), Derived.same("vTh", "V_th"), Derived.same("vReset", "V_reset"),
                    Derived.same("tauM", "tau_m"), new Derived("r", List.of("tau_m", "C_m"), v -> v[0] / v[1]),
                    Derived.same("tRef", "t_ref"), Derived.same("iExt", "I_e")),
                synaptic(nest[1], nest[2], "tau_syn_ex", "tau_syn_in", "V_min", "refractory_input")));
        }
        for (final String[] nest : new String[][] {{"iaf_cond_exp", "Exponential"}, {"iaf_cond_alpha", "Alpha"}})
        {
            r.registerAlias(neuron(nest[0], lif, List.of(
                Param.perNeuron("C_m", C, 250.0), Param.perNeuron("g_L", G, 16.6667), Param.perNeuron("t_ref", T, 2.0),
                Param.perNeuron("E_L", V, -70.0), Param.perNeuron("V_th", V, -55.0),
                Param.perNeuron("V_reset", V, -60.0), Param.perNeuron("I_e", I, 0.0),
                Param.choice("integrator", "exact", "exact", "euler")),
                List.of(Derived.same("vRest", "E_L"), Derived.same("vTh", "V_th"), Derived.same("vReset", "V_reset"),
                    new Derived("tauM", List.of("C_m", "g_L"), v -> v[0] / v[1]),
                    new Derived("r", List.of("g_L"), v -> 1.0 / v[0]), Derived.same("tRef", "t_ref"),
                    Derived.same("iExt", "I_e")),
                synaptic(nest[1], conductance, "E_ex", "E_in", "tau_syn_ex", "tau_syn_in")));
        }
        // PyNN IF_*: cm in nF, i_offset in nA (given with their units here)
        for (final String[] pynn : new String[][] {{"IF_curr_exp", "Exponential", current},
            {"IF_curr_alpha", "Alpha", current}, {"IF_cond_exp", "Exponential", conductance},
            {"IF_cond_alpha", "Alpha", conductance}})
        {
            r.registerAlias(neuron(pynn[0], lif, List.of(
                Param.perNeuron("cm", C, 1000.0), Param.perNeuron("tau_m", T, 20.0),
                Param.perNeuron("tau_refrac", T, 0.1), Param.perNeuron("v_rest", V, -65.0),
                Param.perNeuron("v_thresh", V, -50.0), Param.perNeuron("v_reset", V, -65.0),
                Param.perNeuron("i_offset", I, 0.0), Param.choice("integrator", "exact", "exact", "euler")),
                List.of(Derived.same("vRest", "v_rest"), Derived.same("vTh", "v_thresh"),
                    Derived.same("vReset", "v_reset"), Derived.same("tauM", "tau_m"),
                    new Derived("r", List.of("tau_m", "cm"), v -> v[0] / v[1]), Derived.same("tRef", "tau_refrac"),
                    Derived.same("iExt", "i_offset")),
                synaptic(pynn[1], pynn[2], "tau_syn_E", "tau_syn_I", "e_rev_E", "e_rev_I")));
        }
        final PopulationType adex = r.get("AdEx");
        for (final String[] nest : new String[][] {{"aeif_cond_exp", "Exponential", conductance},
            {"aeif_cond_alpha", "Alpha", conductance}, {"aeif_psc_exp", "Exponential", current},
            {"aeif_psc_alpha", "Alpha", current}})
        {
            r.registerAlias(neuron(nest[0], adex, List.of(
                Param.perNeuron("C_m", C, 281.0), Param.perNeuron("g_L", G, 30.0), Param.perNeuron("E_L", V, -70.6),
                Param.perNeuron("V_th", V, -50.4), Param.perNeuron("Delta_T", V, 2.0),
                Param.perNeuron("V_peak", V, 0.0), Param.perNeuron("V_reset", V, -60.0),
                Param.perNeuron("tau_w", T, 144.0), Param.perNeuron("a", G, 4.0), Param.perNeuron("b", I, 80.5),
                Param.perNeuron("t_ref", T, 0.0), Param.perNeuron("I_e", I, 0.0),
                integratorOf(adex)),
                List.of(Derived.same("cM", "C_m"), Derived.same("gL", "g_L"), Derived.same("eL", "E_L"),
                    Derived.same("vT", "V_th"), Derived.same("deltaT", "Delta_T"), Derived.same("vPeak", "V_peak"),
                    Derived.same("vReset", "V_reset"), Derived.same("tauW", "tau_w"), Derived.same("a", "a"),
                    Derived.same("b", "b"), Derived.same("tRef", "t_ref"), Derived.same("iExt", "I_e")),
                synaptic(nest[1], nest[2], "E_ex", "E_in", "tau_syn_ex", "tau_syn_in")));
        }
        for (final String[] pynn : new String[][] {{"EIF_cond_exp_isfa_ista", "Exponential"},
            {"EIF_cond_alpha_isfa_ista", "Alpha"}})
        {
            r.registerAlias(neuron(pynn[0], adex, List.of(
                Param.perNeuron("cm", C, 281.0), Param.perNeuron("tau_m", T, 9.3667),
                Param.perNeuron("v_rest", V, -70.6), Param.perNeuron("v_thresh", V, -50.4),
                Param.perNeuron("delta_T", V, 2.0), Param.perNeuron("v_spike", V, -40.0),
                Param.perNeuron("v_reset", V, -70.6), Param.perNeuron("tau_w", T, 144.0),
                Param.perNeuron("a", G, 4.0), Param.perNeuron("b", I, 80.5), Param.perNeuron("tau_refrac", T, 0.1),
                Param.perNeuron("i_offset", I, 0.0),
                integratorOf(adex)),
                List.of(Derived.same("cM", "cm"), new Derived("gL", List.of("cm", "tau_m"), v -> v[0] / v[1]),
                    Derived.same("eL", "v_rest"), Derived.same("vT", "v_thresh"), Derived.same("deltaT", "delta_T"),
                    Derived.same("vPeak", "v_spike"), Derived.same("vReset", "v_reset"), Derived.same("tauW", "tau_w"),
                    Derived.same("a", "a"), Derived.same("b", "b"), Derived.same("tRef", "tau_refrac"),
                    Derived.same("iExt", "i_offset")),
                synaptic(pynn[1], conductance, "tau_syn_E", "tau_syn_I", "e_rev_E", "e_rev_I")));
        }
        // PyNN HH_cond_exp: the Traub-Miles kinetics; the gates start at their steady state unless
        // initial: {m: 0, h: 1, n: 0} asks for PyNN's start
        final PopulationType traubMiles = r.get("TraubMiles");
        r.registerAlias(neuron("HH_cond_exp", traubMiles, List.of(
            Param.perNeuron("cm", C, 200.0), Param.perNeuron("gbar_Na", G, 20000.0),
            Param.perNeuron("gbar_K", G, 6000.0), Param.perNeuron("g_leak", G, 10.0),
            Param.perNeuron("v_offset", V, -63.0), Param.perNeuron("e_rev_Na", V, 50.0),
            Param.perNeuron("e_rev_K", V, -90.0), Param.perNeuron("e_rev_leak", V, -65.0),
            Param.perNeuron("i_offset", I, 0.0), integratorOf(traubMiles)),
            List.of(Derived.same("cM", "cm"), Derived.same("gNa", "gbar_Na"), Derived.same("gK", "gbar_K"),
                Derived.same("gL", "g_leak"), Derived.same("vT", "v_offset"), Derived.same("eNa", "e_rev_Na"),
                Derived.same("eK", "e_rev_K"), Derived.same("eL", "e_rev_leak"), Derived.same("iExt", "i_offset"),
                // pyNN.brian2's spike threshold and PyNN's initial v
                new Derived("vTh", List.of(), v -> -40.0), new Derived("v0", List.of(), v -> -65.0)),
            synaptic("Exponential", conductance, "tau_syn_E", "tau_syn_I", "e_rev_E", "e_rev_I")));
        final PopulationType poisson = r.get("PoissonGroup");
        r.registerAlias(new PopulationType("SpikeSourcePoisson", List.of(Param.quantity("rate", Dimension.FREQUENCY,
            1.0), Param.quantity("start", T, 0.0), Param.quantity("duration", T, Double.POSITIVE_INFINITY)),
            Map.of(), poisson.bytesPerNeuron(), (name, size, p, initial) ->
            {
                final double rate = p.get("rate");
                final double start = p.get("start");
                final double stop = start + p.get("duration");
                return start == 0 && Double.isInfinite(stop) ? new PoissonGroup(name, size, rate)
                    : new PoissonGroup(name, size, t -> t >= start && t < stop ? rate : 0.0);
            }));
        r.registerAlias(new PopulationType("SpikeSourceArray", List.of(Param.list("spike_times", T)), Map.of(),
            r.get("SpikeGeneratorGroup").bytesPerNeuron(), (name, size, p, initial) ->
            {
                // PyNN's one sequence for a whole population: every source spikes at each time
                final double[] times = p.list("spike_times");
                final int[] ids = new int[times.length * size];
                final double[] at = new double[ids.length];
                for (int k = 0; k < times.length; k++)
                {
                    for (int i = 0; i < size; i++)
                    {
                        ids[k * size + i] = i;
                        at[k * size + i] = times[k];
                    }
                }
                return new SpikeGeneratorGroup(name, size, ids, at);
            }));
    }

    /** The {@code integrator} choice of {@code base}, with its options and default. */
    private static Param integratorOf(final PopulationType base)
    {
        return base.params().stream().filter(p -> p.name().equals("integrator")).findFirst().orElseThrow();
    }

    /** Advice for parameters that belong to the synapses of projections in Myelin. */
    private static Map<String, String> synaptic(final String synapse, final String output, final String... names)
    {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final String n : names)
        {
            out.put(n, n.startsWith("tau_syn") ? "a synaptic time constant belongs to each projection into this "
                + "population: synapse: {model: " + synapse + ", tau: ...}, output: {model: " + output + "}"
                : n.startsWith("E_") || n.startsWith("e_rev") ? "a synaptic reversal potential belongs to each "
                    + "projection into this population: output: {model: COBA, eRev: ...}"
                    : "Myelin's model has no such parameter");
        }
        return out;
    }

    /**
     * Another simulator's neuron model with its parameters, standing for {@code base}: each of
     * {@code base}'s parameters in {@code derived} is computed from the alias's, per neuron where
     * one of them is given per neuron.
     */
    private static PopulationType neuron(final String name, final PopulationType base, final List<Param> params,
        final List<Derived> derived, final Map<String, String> elsewhere)
    {
        final String owner = name + " (" + base.name() + ")";
        return new PopulationType(name, params, base.states(), base.bytesPerNeuron(), (pop, size, p, initial) ->
        {
            final Map<String, Double> numbers = new LinkedHashMap<>();
            final Map<String, double[]> sampled = new LinkedHashMap<>();
            final Map<String, YamlNode> nodes = new LinkedHashMap<>();
            for (final Derived d : derived)
            {
                final double[] args = new double[d.sources().size()];
                boolean perNeuron = false;
                for (final String source : d.sources())
                {
                    perNeuron |= p.sampled().containsKey(source);
                    if (p.node(source) != null)
                    {
                        nodes.putIfAbsent(d.target(), p.node(source));
                    }
                }
                if (!perNeuron)
                {
                    for (int k = 0; k < args.length; k++)
                    {
                        args[k] = p.get(d.sources().get(k));
                    }
                    numbers.put(d.target(), d.function().applyAsDouble(args));
                    continue;
                }
                final double[] values = new double[size];
                for (int i = 0; i < size; i++)
                {
                    for (int k = 0; k < args.length; k++)
                    {
                        final double[] own = p.sampled().get(d.sources().get(k));
                        args[k] = own != null ? own[i] : p.get(d.sources().get(k));
                    }
                    values[i] = d.function().applyAsDouble(args);
                }
                numbers.put(d.target(), Double.NaN);
                sampled.put(d.target(), values);
            }
            final Map<String, String> choices = new LinkedHashMap<>();
            for (final Param bp : base.params())
            {
                if (bp instanceof Param.ChoiceParam choice)
                {
                    choices.put(choice.name(), params.stream().anyMatch(a -> a.name().equals(choice.name()))
                        ? p.choice(choice.name()) : choice.defaultValue());
                }
            }
            final ParamValues values = ParamValues.derived(owner, numbers, choices, sampled, nodes, p.where());
            try
            {
                return base.factory().create(pop, size, values, initial);
            }
            catch (final ModelFileException e)
            {
                throw e;
            }
            catch (final org.myelin.util.ModelException e)
            {
                // located at the alias's parameter the offending value came from
                throw values.wrap(new org.myelin.util.ModelException(name + " stands for " + e.getMessage(), e));
            }
        }, elsewhere);
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
            (values, sides) -> base.factory().create(values.renamed(name, toBase), sides));
    }

    /** {@code type} with the choice {@code param} defaulting to {@code value}. */
    private static ConnectorType withDefault(final ConnectorType type, final String param, final String value)
    {
        final List<Param> params = new ArrayList<>();
        for (final Param p : type.params())
        {
            params.add(p.name().equals(param) ? renamed(p, param, value) : p);
        }
        return new ConnectorType(type.name(), List.copyOf(params), type.factory());
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
            case Param.ListParam l -> new Param.ListParam(name, l.dimension(), l.required());
            case Param.TimeFunctionParam f -> new Param.TimeFunctionParam(name, f.dimension());
            case Param.FileParam f -> new Param.FileParam(name, f.required());
            case Param.TextParam t -> new Param.TextParam(name, t.defaultValue());
        };
    }
}
