package org.myelin.io.model;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.myelin.base.Population;
import org.myelin.connect.Connector;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Output;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.random.Rng;
import org.myelin.sim.Network;
import org.myelin.synapse.SynapseModel;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Reads a YAML model file into a {@link Network}. The format (see {@code examples/} and
 * {@code docs/MODEL-FILES.md}):
 *
 * <pre>
 * name: COBA                      # optional
 * dt: 0.1 ms                      # default 0.1 ms
 * duration: 1 s                   # required
 * seed: 42                        # default 42
 * threads: 2                      # optional; default: the machine's processors
 * populations:
 *   E:
 *     model: LIF                  # a registered neuron model or spike source
 *     size: 3200
 *     parameters: {tauM: 20 ms, vTh: -50 mV, ...}
 *     initial: {v: {uniform: [-60 mV, -50 mV]}}   # or a constant, or {normal: {mean:, sd:}}
 * projections:
 *   - name: E-&gt;E                  # optional; default source-&gt;target
 *     source: E
 *     target: E
 *     connectivity: {model: FixedProbability, p: 0.02}
 *     synapse: {model: Exponential, tau: 5 ms}
 *     output: {model: COBA, eRev: 0 mV}             # default CUBA
 *     receptor: ge                                  # default g_&lt;name&gt;
 *     weight: 0.6 nS                                # nS (COBA), pA (CUBA) or mV (Delta)
 *     weights: {uniform: [0, 1]}                    # optional factor per synapse on weight
 *     delay: 1.5 ms                                 # default 0 ms
 *     plasticity: {model: STP, U: 0.15, tauF: 1500 ms, tauD: 200 ms}   # optional; or STD
 * inputs:
 *   - {model: PoissonInput, target: E, sources: 1000, rate: 10 Hz, synapse: Delta, weight: 0.1 mV}
 *   - {model: ConstantCurrent, target: I, amplitude: 10 pA}
 * monitors:
 *   spikes: all                   # or a list of populations, or none; default all
 *   states:
 *     - {population: E, variable: v, neurons: [0, 1, 2], every: 0.1 ms}
 * </pre>
 *
 * <p>Every error is a {@link ModelFileException} with {@code file:line:column}: malformed YAML,
 * an unknown field, model or parameter (with a "did you mean" hint), a unit of the wrong
 * dimension, a missing field, a reference to an undefined population, and a value a model
 * rejects (its own message, located at the value).
 */
public final class ModelLoader
{
    private static final List<String> TOP = List.of("name", "dt", "duration", "seed", "threads", "populations",
        "projections", "inputs", "monitors");
    private static final List<String> POPULATION = List.of("model", "size", "parameters", "initial");
    private static final List<String> PROJECTION = List.of("name", "source", "target", "connectivity", "synapse",
        "output", "receptor", "weight", "weights", "delay", "plasticity");
    private static final List<String> RECEPTOR = List.of("synapse", "output", "receptor", "weight");
    private static final List<String> INPUT_FIELDS = List.of("name", "model", "target");
    private static final double DEFAULT_DT = 0.1;
    private static final String DEFAULT_OUTPUT = "CUBA";
    private static final long DEFAULT_SEED = 42;

    private final Catalog catalog;
    private final Overrides overrides;

    /**
     * Values given outside the file (on the command line) that replace the file's.
     *
     * @param dtMs       [ms] time step, or null.
     * @param durationMs [ms] run time, or null.
     * @param seed       the seed, or null.
     * @param record     which monitors to keep ({@link Recording} words), or null for all.
     */
    public record Overrides(Double dtMs, Double durationMs, Long seed, List<String> record)
    {
        /** Nothing replaced. */
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /** @param catalog the models files may name. */
    public ModelLoader(final Catalog catalog)
    {
        this(catalog, Overrides.NONE);
    }

    /**
     * @param catalog   the models files may name.
     * @param overrides values that replace the file's.
     */
    public ModelLoader(final Catalog catalog, final Overrides overrides)
    {
        this.catalog = catalog;
        this.overrides = overrides;
    }

    /** Loads a file with the built-in models. */
    public static ModelFile load(final Path path)
    {
        return new ModelLoader(Catalog.standard()).loadFile(path);
    }

    /** Loads a file with the built-in models and values that replace the file's. */
    public static ModelFile load(final Path path, final Overrides overrides)
    {
        return new ModelLoader(Catalog.standard(), overrides).loadFile(path);
    }

    /**
     * Loads a file.
     *
     * @throws ModelFileException if it cannot be read or is not a valid model.
     */
    public ModelFile loadFile(final Path path)
    {
        final String text;
        try
        {
            text = Files.readString(path);
        }
        catch (final MalformedInputException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "not UTF-8 text; a model file is YAML", e);
        }
        catch (final IOException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "cannot read the file ("
                + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString()) + ")", e);
        }
        final String fileName = path.getFileName().toString();
        final String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return load(path.toString(), stem, text);
    }

    /**
     * Loads a model from text.
     *
     * @param file        the file name for messages.
     * @param defaultName the model's name when the file gives none.
     * @param text        the YAML text.
     */
    public ModelFile load(final String file, final String defaultName, final String text)
    {
        return new Reading(YamlNode.parse(file, text)).read(defaultName);
    }

    /** The state of reading one file. */
    private final class Reading
    {
        private final YamlNode root;
        private final Map<String, Population> populations = new LinkedHashMap<>();
        private final Map<String, YamlNode> populationNodes = new HashMap<>();
        private final Map<Population, PopulationType> types = new HashMap<>();
        private double dt;
        private Recording recording;
        private double synapses;
        private double bytes;

        Reading(final YamlNode root)
        {
            this.root = root;
        }

        ModelFile read(final String defaultName)
        {
            root.allowOnly(TOP);
            final String name = root.get("name") == null ? defaultName : root.get("name").text();
            final YamlNode dtNode = root.get("dt");
            dt = overrides.dtMs() != null ? overrides.dtMs() : dtNode == null ? DEFAULT_DT : positive(dtNode, "dt");
            final double duration;
            if (overrides.durationMs() != null)
            {
                duration = overrides.durationMs();
            }
            else
            {
                duration = positive(root.require("duration"), "duration");
                checkSteps(root.get("duration"), "model", "duration", duration);
            }
            final long seed = overrides.seed() != null ? overrides.seed() : root.get("seed") == null ? DEFAULT_SEED
                : root.get("seed").integer("model", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
            final Integer threads = root.get("threads") == null ? null
                : (int) root.get("threads").integer("model", "threads", 1, 1024);
            final Network network = new Network(dt, seed);
            final YamlNode pops = root.require("populations");
            if (pops.entries().isEmpty())
            {
                throw pops.error("populations: the model has no population; add at least one");
            }
            pops.entries().forEach((popName, node) -> population(network, popName, node.as("population '"
                + popName + "'")));
            if (root.get("projections") != null)
            {
                for (final YamlNode p : root.get("projections").items())
                {
                    projection(network, p);
                }
            }
            if (root.get("inputs") != null)
            {
                int k = 0;
                for (final YamlNode in : root.get("inputs").items())
                {
                    input(network, in, ++k);
                }
            }
            final List<SpikeMonitor> spikeMonitors = new ArrayList<>();
            final List<StateMonitor> stateMonitors = new ArrayList<>();
            recording = overrides.record() == null ? Recording.ALL
                : Recording.parse(overrides.record(), populations.keySet());
            monitors(network, root.get("monitors"), duration, spikeMonitors, stateMonitors);
            for (final Population p : network.populations())
            {
                bytes += (double) types.get(p).bytesPerNeuron() * p.size();
                if (p instanceof NeuronGroup g)
                {
                    bytes += 8.0 * g.size() * g.receptors().size();
                }
            }
            return new ModelFile(name, network, duration, threads, List.copyOf(spikeMonitors),
                List.copyOf(stateMonitors), new ModelFile.Estimate(network.neuronCount(), synapses, bytes));
        }

        private double positive(final YamlNode node, final String field)
        {
            final double value = node.quantity("model", field, Dimension.TIME);
            if (!(value > 0))
            {
                throw node.error("model: " + field + " must be > 0 ms, got " + field + "=" + node.text());
            }
            return value;
        }

        private int checkSteps(final YamlNode node, final String owner, final String field, final double ms)
        {
            try
            {
                return Units.toSteps(owner, field, ms, dt, false);
            }
            catch (final ModelException e)
            {
                throw node.error(e.getMessage(), e);
            }
        }

        private void population(final Network network, final String name, final YamlNode node)
        {
            node.allowOnly(POPULATION);
            final PopulationType type = catalog.populations().lookup(node.require("model"));
            final int size = (int) node.require("size").integer(type.name() + " '" + name + "'", "size", 1,
                Integer.MAX_VALUE - 8);
            final YamlNode paramNode = node.get("parameters");
            final ParamValues values = ParamValues.read(type.name(), type.params(),
                paramNode == null ? null : paramNode.as("parameters of population '" + name + "'"),
                paramNode == null ? node : paramNode, Set.of()).sample(size, network.seed(), Rng.nameId(name));
            checkRates(values, type.name());
            final Map<String, Initializer> initial = initial(type, name, node.get("initial"));
            final Population population;
            try
            {
                population = network.add(type.factory().create(name, size, values, initial));
            }
            catch (final ModelException e)
            {
                throw values.wrap(e);
            }
            populations.put(name, population);
            populationNodes.put(name, node);
            types.put(population, type);
        }

        private void checkRates(final ParamValues values, final String owner)
        {
            final YamlNode rate = values.node("rate");
            if (rate != null && values.get("rate") * dt / 1000.0 > 1.0)
            {
                throw rate.error(owner + ": rate must be <= 1/dt = " + Units.format(1000.0 / dt) + " Hz, got rate="
                    + rate.text());
            }
        }

        private Map<String, Initializer> initial(final PopulationType type, final String name, final YamlNode node)
        {
            final Map<String, Initializer> out = new HashMap<>();
            if (node == null)
            {
                return out;
            }
            final String owner = type.name() + " '" + name + "'";
            for (final Map.Entry<String, YamlNode> e : node.as("initial values of population '" + name + "'")
                .entries().entrySet())
            {
                final Dimension dimension = type.states().get(e.getKey());
                if (dimension == null)
                {
                    throw node.keyNode(e.getKey()).error(owner + ": no state variable '" + e.getKey()
                        + "' to initialise" + (type.states().isEmpty() ? "; it has none"
                            : Suggestions.hint(e.getKey(), type.states().keySet())));
                }
                out.put(e.getKey(), initializer(owner, e.getKey(), "initial value of " + e.getKey(), e.getValue(),
                    dimension));
            }
            return out;
        }

        /**
         * A constant or a distribution ({@code {uniform: ...}}, {@code {normal: ...}}) of values;
         * {@code label} names a distribution in messages.
         */
        private Initializer initializer(final String owner, final String name, final String label,
            final YamlNode node, final Dimension dimension)
        {
            return node.isScalar() ? Initializer.constant(node.quantity(owner, name, dimension))
                : PerNeuronValues.read(owner, label, node, dimension, false).draw();
        }

        private Population reference(final YamlNode node, final String owner)
        {
            final String name = node.text().strip();
            final Population p = populations.get(name);
            if (p == null)
            {
                throw node.error(owner + ": undefined population '" + name + "'"
                    + Suggestions.hint(name, populations.keySet()));
            }
            return p;
        }

        private NeuronGroup target(final YamlNode node, final String owner)
        {
            final Population p = reference(node, owner);
            if (!(p instanceof NeuronGroup g))
            {
                throw node.error(owner + ": target '" + p.name() + "' is a " + p.kind()
                    + ", which cannot receive synapses or inputs");
            }
            return g;
        }

        private void projection(final Network network, final YamlNode raw)
        {
            final YamlNode node = raw.as("projection");
            node.allowOnly(PROJECTION);
            final String prelim = "projection" + (node.get("name") == null ? "" : " '" + node.get("name").text() + "'");
            final Population source = reference(node.require("source"), prelim);
            final NeuronGroup target = target(node.require("target"), prelim);
            final String name = node.get("name") == null ? source.name() + "->" + target.name()
                : node.get("name").text();
            final String owner = "projection '" + name + "'";
            final Component<ConnectorType> rule = component(catalog.connectors(), node.require("connectivity")
                .as("connectivity of " + owner));
            final Connector connector;
            try
            {
                connector = rule.type().factory().apply(rule.values());
            }
            catch (final ModelException e)
            {
                throw rule.values().wrap(e);
            }
            final ReceptorSpec receptor = receptor(node, owner, "g_" + name);
            double delay = 0;
            if (node.get("delay") != null)
            {
                delay = node.get("delay").quantity(owner, "delay", Dimension.TIME);
                if (delay < 0)
                {
                    throw node.get("delay").error(owner + ": delay must be >= 0 ms, got delay=" + node.get("delay")
                        .text());
                }
                checkSteps(node.get("delay"), owner, "delay", delay);
            }
            final AlignPostProjection projection;
            try
            {
                projection = network.connect(name, source, target, connector, receptor.model(), receptor.output(),
                    receptor.label(), receptor.weight(), delay);
            }
            catch (final ModelException e)
            {
                throw node.error(e.getMessage(), e);
            }
            if (node.get("weights") != null)
            {
                projection.withWeights(initializer(owner, "weights", "weights", node.get("weights"),
                    Dimension.DIMENSIONLESS));
            }
            if (node.get("plasticity") != null)
            {
                final Component<PlasticityType> plastic = component(catalog.plasticity(), node.get("plasticity")
                    .as("plasticity of " + owner));
                try
                {
                    projection.withPresynaptic(plastic.type().factory().apply(plastic.values()));
                }
                catch (final ModelException e)
                {
                    throw plastic.values().wrap(e);
                }
            }
            final double expected = rule.type().estimate().expected(rule.values(), source.size(), target.size(),
                source == target);
            synapses += expected;
            // a target index per synapse, row offsets, and a float weight per synapse if it has its own
            bytes += (node.get("weights") != null ? 8.0 : 4.0) * expected + 4.0 * (source.size() + 1);
        }

        private ReceptorSpec receptor(final YamlNode node, final String owner, final String defaultLabel)
        {
            final Component<SynapseType> synapse = component(catalog.synapses(), node.require("synapse")
                .as("synapse of " + owner));
            final Component<OutputType> output;
            if (node.get("output") == null)
            {
                final OutputType cuba = catalog.outputs().get(DEFAULT_OUTPUT);
                output = new Component<>(cuba, ParamValues.read(cuba.name(), cuba.params(), null, node, Set.of()));
            }
            else
            {
                output = component(catalog.outputs(), node.get("output").as("output of " + owner));
            }
            final SynapseModel model;
            final Output out;
            try
            {
                model = synapse.type().factory().apply(synapse.values());
            }
            catch (final ModelException e)
            {
                throw synapse.values().wrap(e);
            }
            try
            {
                out = output.type().factory().apply(output.values());
            }
            catch (final ModelException e)
            {
                throw output.values().wrap(e);
            }
            final Dimension own = synapse.type().weightDimension() == null ? null
                : synapse.type().weightDimension().of(synapse.values(), output.type());
            final Dimension weightDimension = own != null ? own : output.type().weightDimension();
            final double weight = node.require("weight").quantity(owner, "weight", weightDimension);
            final String label = node.get("receptor") == null ? defaultLabel : node.get("receptor").text();
            return new ReceptorSpec(model, out, label, weight);
        }

        private void input(final Network network, final YamlNode raw, final int index)
        {
            final YamlNode node = raw.as("input " + index);
            final InputType type = catalog.inputs().lookup(node.require("model"));
            final String name = node.get("name") == null ? "input" + index : node.get("name").text();
            final String owner = type.name() + " '" + name + "'";
            final NeuronGroup target = target(node.require("target"), owner);
            final Set<String> fields = new java.util.LinkedHashSet<>(INPUT_FIELDS);
            if (type.usesReceptor())
            {
                fields.addAll(RECEPTOR);
            }
            final ParamValues values = ParamValues.read(type.name(), type.params(), node, node, fields);
            checkRates(values, owner);
            final ReceptorSpec receptor = type.usesReceptor() ? receptor(node, owner, "g_" + name) : null;
            try
            {
                type.factory().add(network, new InputType.Spec(name, target, values, receptor));
            }
            catch (final ModelException e)
            {
                throw values.wrap(e);
            }
        }

        private <T extends Registry.Named> Component<T> component(final Registry<T> registry, final YamlNode node)
        {
            if (node.isScalar())
            {
                final T type = registry.lookup(node);
                return new Component<>(type, ParamValues.read(type.name(), type.params(), null, node, Set.of()));
            }
            final T type = registry.lookup(node.require("model"));
            return new Component<>(type, ParamValues.read(type.name(), type.params(), node, node, Set.of("model")));
        }

        private void monitors(final Network network, final YamlNode node, final double duration,
            final List<SpikeMonitor> spikes, final List<StateMonitor> states)
        {
            final YamlNode m = node == null ? null : node.as("monitors");
            if (m != null)
            {
                m.allowOnly(List.of("spikes", "states"));
            }
            final YamlNode spikeNode = m == null ? null : m.get("spikes");
            if (spikeNode == null || spikeNode.isScalar() && "all".equals(spikeNode.text().strip()))
            {
                populations.values().stream().filter(p -> recording.spikes(p.name()))
                    .forEach(p -> spikes.add(network.monitorSpikes(p)));
            }
            else if (!(spikeNode.isScalar() && "none".equals(spikeNode.text().strip())))
            {
                if (spikeNode.isScalar())
                {
                    throw spikeNode.error("monitors: spikes must be all, none or a list of populations, got '"
                        + spikeNode.text() + "'");
                }
                for (final YamlNode p : spikeNode.as("monitors: spikes").items())
                {
                    final Population population = reference(p, "spike monitor");
                    if (recording.spikes(population.name()))
                    {
                        spikes.add(network.monitorSpikes(population));
                    }
                }
            }
            if (m != null && m.get("states") != null)
            {
                for (final YamlNode s : m.get("states").as("monitors: states").items())
                {
                    final StateMonitor monitor = stateMonitor(network, s.as("state monitor"), duration);
                    if (monitor != null)
                    {
                        states.add(monitor);
                    }
                }
            }
        }

        private StateMonitor stateMonitor(final Network network, final YamlNode node, final double duration)
        {
            node.allowOnly(List.of("population", "variable", "neurons", "every"));
            final Population p = reference(node.require("population"), "state monitor");
            final String owner = "state monitor of '" + p.name() + "'";
            final YamlNode varNode = node.require("variable");
            final String variable = varNode.text().strip();
            if (!p.stateVariables().contains(variable))
            {
                throw varNode.error(owner + ": no state variable '" + variable + "'"
                    + (p.stateVariables().isEmpty() ? "; it has none" : Suggestions.hint(variable, p.stateVariables())));
            }
            final YamlNode neuronsNode = node.require("neurons");
            final int[] indices;
            if (neuronsNode.isScalar() && "all".equals(neuronsNode.text().strip()))
            {
                indices = java.util.stream.IntStream.range(0, p.size()).toArray();
            }
            else
            {
                final List<YamlNode> items = neuronsNode.as("neurons of " + owner).items();
                indices = new int[items.size()];
                for (int k = 0; k < indices.length; k++)
                {
                    indices[k] = (int) items.get(k).integer(owner, "neuron", 0, p.size() - 1L);
                }
            }
            int every = 1;
            if (node.get("every") != null)
            {
                final double ms = node.get("every").quantity(owner, "every", Dimension.TIME);
                every = checkSteps(node.get("every"), owner, "every", ms);
                if (every < 1)
                {
                    throw node.get("every").error(owner + ": every must be at least one step (dt = "
                        + Units.format(dt) + " ms), got every=" + node.get("every").text());
                }
            }
            if (!recording.states(p.name()))
            {
                return null;
            }
            try
            {
                final StateMonitor monitor = network.monitorState(p, variable, indices, every);
                bytes += 8.0 * indices.length * (Math.floor(duration / dt / every) + 1);
                return monitor;
            }
            catch (final ModelException e)
            {
                throw neuronsNode.error(e.getMessage(), e);
            }
        }
    }

    /** A model named in the file with its parameter values. */
    private record Component<T>(T type, ParamValues values)
    {
    }
}
