package org.myelin.synapse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.myelin.base.Integrator;
import org.myelin.util.ModelException;

/**
 * The synapse models by name, for model files: {@code create("DualExpon", {tauDecay: 5},
 * {normalization: "charge"})}.
 *
 * <p>Parameters are numbers in the engine's canonical units (ms, mM, 1/ms, ...), named as the
 * models' record components; a parameter left out takes the model's default. Options are the
 * non-numeric choices ({@code normalization} of {@code DualExpon}, {@code target} of
 * {@code Delta}, and {@code integrator} of every model with kinetics: {@code exact} (the
 * default), {@code exponential_euler}, {@code euler}, {@code rk2} or {@code rk4}). Unknown names
 * are errors that list the known ones.
 *
 * <table>
 *   <caption>Models</caption>
 *   <tr><th>name</th><th>parameters (defaults)</th><th>options</th></tr>
 *   <tr><td>Expon</td><td>tau (8)</td><td></td></tr>
 *   <tr><td>DualExpon</td><td>tauDecay (10), tauRise (1), amplitude (1)</td>
 *       <td>normalization (peak | charge | none)</td></tr>
 *   <tr><td>Alpha</td><td>tau (8)</td><td></td></tr>
 *   <tr><td>Delta</td><td></td><td>target (voltage | current)</td></tr>
 *   <tr><td>ExpCurrent</td><td>tau (8)</td><td></td></tr>
 *   <tr><td>AMPA</td><td>alpha (0.98), beta (0.18), T (0.5), tDur (0.5), gMax (1)</td><td></td></tr>
 *   <tr><td>GABAa</td><td>alpha (0.53), beta (0.18), T (1), tDur (1), gMax (1)</td><td></td></tr>
 *   <tr><td>NMDA</td><td>tauDecay (100), tauRise (2), a (0.5), gMax (1)</td><td></td></tr>
 * </table>
 */
public final class SynapseModels
{
    /** Builds a model from its parameters and options, both already checked for unknown names. */
    private interface Factory
    {
        SynapseModel create(Parameters p);
    }

    /** A model's known parameters, known options and factory. */
    private record Entry(List<String> parameters, List<String> options, Factory factory)
    {
    }

    private static final Map<String, Entry> MODELS = new LinkedHashMap<>();
    /** The option that chooses how a model's kinetics are stepped. */
    public static final String INTEGRATOR = "integrator";

    static
    {
        final DualExponential dual = new DualExponential();
        final Nmda nmda = new Nmda();
        MODELS.put("Expon", new Entry(List.of("tau"), List.of(INTEGRATOR),
            p -> new Exponential(p.number("tau", Exponential.DEFAULT_TAU), p.integrator("Expon"))));
        MODELS.put(DualExponential.NAME, new Entry(
            List.of("tauDecay", "tauRise", "amplitude"), List.of("normalization", INTEGRATOR),
            p -> new DualExponential(p.number("tauDecay", dual.tauDecay()), p.number("tauRise", dual.tauRise()),
                p.number("amplitude", dual.amplitude()),
                DualExponential.Normalization.parse(p.option("normalization", dual.normalization().label())),
                p.integrator(DualExponential.NAME))));
        MODELS.put(Alpha.NAME, new Entry(List.of("tau"), List.of(INTEGRATOR),
            p -> new Alpha(p.number("tau", Alpha.DEFAULT_TAU), p.integrator(Alpha.NAME))));
        MODELS.put(Delta.NAME, new Entry(List.of(), List.of("target"),
            p -> new Delta(Delta.Target.parse(p.option("target", Delta.Target.VOLTAGE.label())))));
        MODELS.put(ExponentialCurrent.NAME, new Entry(List.of("tau"), List.of(INTEGRATOR),
            p -> new ExponentialCurrent(p.number("tau", ExponentialCurrent.DEFAULT_TAU),
                p.integrator(ExponentialCurrent.NAME))));
        for (final TwoStateKinetic.Kind kind : TwoStateKinetic.Kind.values())
        {
            final TwoStateKinetic d = kind.defaults();
            MODELS.put(kind.label(), new Entry(List.of("alpha", "beta", "T", "tDur", "gMax"), List.of(INTEGRATOR),
                p -> new TwoStateKinetic(kind, p.number("alpha", d.alpha()), p.number("beta", d.beta()),
                    p.number("T", d.t()), p.number("tDur", d.tDur()), p.number("gMax", d.gMax()),
                    p.integrator(kind.label()))));
        }
        MODELS.put(Nmda.NAME, new Entry(List.of("tauDecay", "tauRise", "a", "gMax"), List.of(INTEGRATOR),
            p -> new Nmda(p.number("tauDecay", nmda.tauDecay()), p.number("tauRise", nmda.tauRise()),
                p.number("a", nmda.a()), p.number("gMax", nmda.gMax()), p.integrator(Nmda.NAME))));
    }

    private SynapseModels()
    {
    }

    /** The model names, in a stable order. */
    public static List<String> names()
    {
        return List.copyOf(MODELS.keySet());
    }

    /** The parameter names a model accepts. */
    public static List<String> parameters(final String name)
    {
        return entry(name).parameters();
    }

    /** The option names a model accepts. */
    public static List<String> options(final String name)
    {
        return entry(name).options();
    }

    /** The model with every parameter at its default. */
    public static SynapseModel create(final String name)
    {
        return create(name, Map.of(), Map.of());
    }

    /** The model with the given parameters (canonical units) and the default options. */
    public static SynapseModel create(final String name, final Map<String, Double> parameters)
    {
        return create(name, parameters, Map.of());
    }

    /**
     * The model with the given parameters and options.
     *
     * @param name       a name of {@link #names()}.
     * @param parameters numbers in canonical units by parameter name; missing ones take the default.
     * @param options    non-numeric choices by name; missing ones take the default.
     * @throws ModelException for an unknown model, parameter or option (the message lists the known
     *                        ones) or a value out of range (the message names the parameter and the
     *                        allowed range).
     */
    public static SynapseModel create(
        final String name, final Map<String, Double> parameters, final Map<String, String> options)
    {
        final Entry entry = entry(name);
        rejectUnknown(name, "parameter", parameters.keySet(), entry.parameters());
        rejectUnknown(name, "option", options.keySet(), entry.options());
        return entry.factory().create(new Parameters(parameters, options));
    }

    private static Entry entry(final String name)
    {
        final Entry entry = MODELS.get(name);
        if (entry == null)
        {
            throw new ModelException("unknown synapse model '" + name + "'; known: " + names());
        }
        return entry;
    }

    private static void rejectUnknown(
        final String model, final String kind, final Set<String> given, final List<String> known)
    {
        final List<String> unknown = new ArrayList<>();
        for (final String key : given)
        {
            if (!known.contains(key))
            {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty())
        {
            unknown.sort(null);
            throw new ModelException(model + ": unknown " + kind + (unknown.size() == 1 ? " '" + unknown.get(0) + "'"
                : "s " + unknown) + "; known: " + known);
        }
    }

    /** The given values, read with defaults. */
    private record Parameters(Map<String, Double> numbers, Map<String, String> options)
    {
        double number(final String key, final double fallback)
        {
            final Double value = numbers.get(key);
            return value == null ? fallback : value;
        }

        String option(final String key, final String fallback)
        {
            final String value = options.get(key);
            return value == null ? fallback : value;
        }

        /** The {@code integrator} option: a method's lower-case name, default {@code exact}. */
        Integrator integrator(final String model)
        {
            final String text = option(INTEGRATOR, "exact").strip();
            for (final Integrator i : Integrator.values())
            {
                if (i.name().equalsIgnoreCase(text))
                {
                    return i;
                }
            }
            throw new ModelException(model + ": integrator must be one of " + ModelOption.labels(Integrator.values())
                + ", got integrator=" + text);
        }
    }
}
