package org.myelin.neuron;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.base.Integrator;
import org.myelin.units.Unit;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * The catalogue of point-neuron models by name, for model files and the command line: each
 * entry builds a group from parameter values in canonical units (mV, ms, pA, nS, pF, GΩ; see
 * each model's table), with every parameter not given at its default.
 *
 * <table>
 *   <caption>Models</caption>
 *   <tr><th>name</th><th>class</th></tr>
 *   <tr><td>lif</td><td>{@link Lif} when every value is scalar (the vectorised fast path),
 *       {@link HeterogeneousLif} when some parameter is given per neuron</td></tr>
 *   <tr><td>if</td><td>{@link IntegrateAndFire}</td></tr>
 *   <tr><td>alif</td><td>{@link Alif}</td></tr>
 *   <tr><td>expif</td><td>{@link ExpIf}</td></tr>
 *   <tr><td>adex</td><td>{@link AdEx}</td></tr>
 *   <tr><td>quaif</td><td>{@link QuaIf}</td></tr>
 *   <tr><td>adquaif</td><td>{@link AdQuaIf}</td></tr>
 *   <tr><td>gif</td><td>{@link Gif}</td></tr>
 *   <tr><td>izhikevich</td><td>{@link Izhikevich} (presets: {@link Izhikevich.Preset})</td></tr>
 *   <tr><td>hh</td><td>{@link HodgkinHuxley}</td></tr>
 *   <tr><td>traubmiles</td><td>{@link TraubMiles}</td></tr>
 * </table>
 */
public final class NeuronModels
{
    /** Builds a group from validated parameter values. */
    @FunctionalInterface
    private interface Factory<P extends Record>
    {
        NeuronGroup create(String name, int size, PerNeuron<P> values);
    }

    /**
     * One model of the catalogue.
     *
     * @param <P> its parameter record.
     */
    public static final class Model<P extends Record>
    {
        private final String key;
        private final String kind;
        private final P defaults;
        private final Factory<P> factory;
        private final Map<String, P> presets;

        private Model(final String key, final String kind, final P defaults, final Factory<P> factory,
            final Map<String, P> presets)
        {
            this.key = key;
            this.kind = kind;
            this.defaults = defaults;
            this.factory = factory;
            this.presets = presets;
        }

        /**
         * The model's named parameter sets (e.g. Izhikevich's {@code bursting}), each as its full
         * parameter map in canonical units; empty when it has none.
         */
        public Map<String, Map<String, Double>> presets()
        {
            final Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            presets.forEach((name, values) -> out.put(name, PerNeuron.toMap(values)));
            return out;
        }

        /** The registry name, e.g. {@code adex}. */
        public String key()
        {
            return key;
        }

        /** The model's own name, e.g. {@code AdEx}, used in messages. */
        public String kind()
        {
            return kind;
        }

        /** The names of the number-valued parameters, in the order of the model's table. */
        public List<String> parameterNames()
        {
            return PerNeuron.names(defaults.getClass());
        }

        /** The default values in canonical units. */
        public Map<String, Double> defaults()
        {
            return PerNeuron.toMap(defaults);
        }

        /**
         * The unit in which the model holds a parameter, e.g. {@code "ms"} or {@code "mS/cm^2"}
         * (see {@link ParameterUnit}).
         *
         * @throws ModelException for an unknown parameter, listing the known ones.
         */
        public String unit(final String parameter)
        {
            for (final RecordComponent c : defaults.getClass().getRecordComponents())
            {
                if (c.getName().equals(parameter) && c.getType() == double.class)
                {
                    return c.getAnnotation(ParameterUnit.class).value();
                }
            }
            throw new ModelException(kind + ": unknown parameter '" + parameter + "'; known: " + parameterNames());
        }

        /**
         * A quantity written by the user, e.g. {@code "144 ms"} or {@code "0.144 s"}, in the
         * unit of {@link #unit(String)}.
         *
         * @throws ModelException for an unknown parameter.
         * @throws org.myelin.units.UnitException for a malformed quantity, an unknown unit or a
         *                                        quantity of another dimension; the message names
         *                                        the model, the parameter and what was expected.
         */
        public double parse(final String parameter, final String text)
        {
            final Unit unit = Unit.parse(unit(parameter));
            return unit.fromCanonical(Units.parse(kind, parameter, text, unit.dimension()));
        }

        /** The simple name of the model's class. */
        String factoryClass()
        {
            return defaults.getClass().getEnclosingClass().getSimpleName();
        }

        /** The integration methods the model accepts, in lower case. */
        public List<String> integrators()
        {
            final List<String> accepted = new ArrayList<>();
            for (final Integrator integrator : Integrator.values())
            {
                try
                {
                    PerNeuron.with(defaults, "integrator", integrator);
                    accepted.add(integrator.name().toLowerCase(Locale.ROOT));
                }
                catch (final ModelException notAccepted)
                {
                    // not one of this model's methods
                }
            }
            return accepted;
        }

        /** The default integration method. */
        public Integrator defaultIntegrator()
        {
            return (Integrator) PerNeuron.component(defaults, "integrator");
        }

        /**
         * A group with the given scalar parameters and the default integrator.
         *
         * @throws ModelException for an unknown or invalid parameter.
         */
        public NeuronGroup create(final String name, final int size, final Map<String, Double> parameters)
        {
            return create(name, size, parameters, Map.of(), null);
        }

        /**
         * A group with scalar parameters, some parameters given per neuron, and an integrator.
         *
         * @param parameters parameter name → value in canonical units; the rest are defaults.
         * @param perNeuron  parameter name → one value per neuron.
         * @param integrator the method, or null for the model's default.
         * @throws ModelException for an unknown parameter (listing the known ones), a value out of
         *                        range, or an integrator the model does not accept.
         */
        public NeuronGroup create(
            final String name, final int size, final Map<String, Double> parameters,
            final Map<String, double[]> perNeuron, final Integrator integrator)
        {
            P values = PerNeuron.fromMap(kind, defaults, parameters);
            if (integrator != null)
            {
                values = PerNeuron.with(values, "integrator", integrator);
            }
            PerNeuron<P> all = PerNeuron.of(kind, values);
            for (final Map.Entry<String, double[]> e : perNeuron.entrySet())
            {
                all = all.with(e.getKey(), e.getValue());
            }
            return factory.create(name, size, all);
        }
    }

    private static final Map<String, Model<?>> MODELS = new LinkedHashMap<>();

    static
    {
        // fast path: the vectorised Lif for scalar values; general path: HeterogeneousLif
        register("lif", "LIF", Lif.Parameters.defaults(), (name, size, v) -> v.perNeuronNames().isEmpty()
            && Lif.vectorised(v.scalars().integrator()) ? new Lif(name, size, v.scalars())
            : new HeterogeneousLif(name, size, v));
        register("if", "IF", IntegrateAndFire.Parameters.defaults(), IntegrateAndFire::new);
        register("alif", "ALIF", Alif.Parameters.defaults(), Alif::new);
        register("expif", "ExpIF", ExpIf.Parameters.defaults(), ExpIf::new);
        register("adex", "AdEx", AdEx.Parameters.defaults(), AdEx::new);
        register("quaif", "QuaIF", QuaIf.Parameters.defaults(), QuaIf::new);
        register("adquaif", "AdQuaIF", AdQuaIf.Parameters.defaults(), AdQuaIf::new);
        register("gif", "GIF", Gif.Parameters.defaults(), Gif::new);
        final Map<String, Izhikevich.Parameters> izhikevich = new LinkedHashMap<>();
        for (final Izhikevich.Preset preset : Izhikevich.Preset.values())
        {
            izhikevich.put(preset.key(), preset.parameters());
        }
        MODELS.put("izhikevich", new Model<>("izhikevich", "Izhikevich", Izhikevich.Parameters.defaults(),
            Izhikevich::new, izhikevich));
        register("hh", "HH", HodgkinHuxley.Parameters.defaults(), HodgkinHuxley::new);
        register("traubmiles", "TraubMiles", TraubMiles.Parameters.defaults(), TraubMiles::new);
    }

    private NeuronModels()
    {
    }

    private static <P extends Record> void register(
        final String key, final String kind, final P defaults, final Factory<P> factory)
    {
        MODELS.put(key, new Model<>(key, kind, defaults, factory, Map.of()));
    }

    /** The registry names, in catalogue order. */
    public static List<String> names()
    {
        return new ArrayList<>(MODELS.keySet());
    }

    /**
     * The catalogue as Markdown: for each model its class, default integrator, accepted
     * integrators and a table of parameters with defaults and units (docs/NEURON_MODELS.md).
     */
    public static String catalogue()
    {
        final StringBuilder out = new StringBuilder();
        for (final Model<?> m : MODELS.values())
        {
            out.append("### ").append(m.key()).append(" — ").append(m.kind()).append("\n\n");
            out.append("Class `").append(m.factoryClass()).append("`; default integrator `")
                .append(m.defaultIntegrator().name().toLowerCase(Locale.ROOT)).append("`; accepts ")
                .append(m.integrators()).append(".\n\n");
            out.append("| parameter | default | unit |\n|---|---|---|\n");
            for (final Map.Entry<String, Double> e : m.defaults().entrySet())
            {
                out.append("| ").append(e.getKey()).append(" | ").append(Units.format(e.getValue())).append(" | ")
                    .append(m.unit(e.getKey())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The model whose parameter record is {@code parameters}.
     *
     * @throws IllegalArgumentException for a record of no model of the catalogue.
     */
    static Model<?> of(final Class<?> parameters)
    {
        for (final Model<?> m : MODELS.values())
        {
            if (m.defaults.getClass() == parameters)
            {
                return m;
            }
        }
        throw new IllegalArgumentException(parameters.getName() + " is the parameter record of no catalogue model");
    }

    /**
     * The model of a name, ignoring case.
     *
     * @throws ModelException for an unknown name, listing the known ones.
     */
    public static Model<?> get(final String name)
    {
        final Model<?> model = name == null ? null : MODELS.get(name.toLowerCase(Locale.ROOT));
        if (model == null)
        {
            throw new ModelException("unknown neuron model '" + name + "'; known: " + names());
        }
        return model;
    }
}
