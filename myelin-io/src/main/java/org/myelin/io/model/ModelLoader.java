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

import org.myelin.base.InputPort;
import org.myelin.base.Population;
import org.myelin.connect.Connector;
import org.myelin.connect.JustInTime;
import org.myelin.delay.DelayRounding;
import org.myelin.io.ConnectionFiles;
import org.myelin.io.ModelFileException;
import org.myelin.io.Suggestions;
import org.myelin.io.YamlNode;
import org.myelin.io.RateFiles;
import org.myelin.monitor.PopulationRateMonitor;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Output;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
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
    /**
     * The keys of the top level, of a population, of a projection, of an input, of
     * {@code monitors:} and of its entries (a test checks that docs/MODEL-FILES.md lists them).
     */
    static final List<String> TOP = List.of("name", "dt", "duration", "seed", "threads", "justInTime",
        "populations", "projections", "inputs", "monitors");
    static final List<String> POPULATION = List.of("model", "size", "parameters", "initial");
    static final List<String> PROJECTION = List.of("name", "source", "target", "connectivity", "synapse",
        "output", "receptor", "weight", "weights", "delay", "delayRounding", "plasticity");
    private static final String DELAY_ROUNDING = "delayRounding";
    private static final List<String> ROUNDINGS = List.of("nearest", "previous", "error");
    static final String JUST_IN_TIME = "justInTime";
    private static final List<String> JIT_RULES = List.of("AllToAll", "FixedProbability", "FixedOutDegree",
        "FixedTotalNumber");
    static final List<String> RECEPTOR = List.of("synapse", "output", "receptor", "weight");
    static final List<String> INPUT_FIELDS = List.of("name", "model", "target");
    static final List<String> MONITORS = List.of("spikes", "states", "rates", "weights");
    static final List<String> RATE_MONITOR = List.of("population", "bin");
    static final List<String> STATE_MONITOR = List.of("population", "variable", "neurons", "every");
    private static final double DEFAULT_DT = 0.1;
    private static final String DEFAULT_OUTPUT = "CUBA";
    /** The seed of a file that gives none. */
    public static final long DEFAULT_SEED = 42;

    private final Catalog catalog;
    private final Overrides overrides;

    /**
     * Values given outside the file (on the command line) that replace the file's.
     *
     * @param dtMs       [ms] time step, or null.
     * @param durationMs [ms] run time, or null.
     * @param seed       the seed, or null.
     * @param record     which monitors to keep ({@link Recording} words), or null for all.
     * @param jlems      whether NeuroML and LEMS files run with jLEMS's semantics (forward Euler,
     *                   its clock, refractory count and event timing) instead of Myelin's.
     * @param settings   values of the YAML tree replaced before the model is read, path to value
     *                   in the order given ({@link YamlNode#with}); empty for none.
     */
    public record Overrides(Double dtMs, Double durationMs, Long seed, List<String> record, boolean jlems,
        Map<String, String> settings)
    {
        public Overrides
        {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** Values that replace the file's, none of its tree. */
        public Overrides(final Double dtMs, final Double durationMs, final Long seed, final List<String> record,
            final boolean jlems)
        {
            this(dtMs, durationMs, seed, record, jlems, Map.of());
        }

        /** Nothing replaced. */
        public static final Overrides NONE = new Overrides(null, null, null, null);

        /** Values that replace the file's, with Myelin's own semantics. */
        public Overrides(final Double dtMs, final Double durationMs, final Long seed, final List<String> record)
        {
            this(dtMs, durationMs, seed, record, false);
        }
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
            // UTF-8 takes at least one byte per character: a larger file is refused before it is read
            final long size = Files.size(path);
            if (size > 4L * YamlNode.MAX_CHARACTERS)
            {
                throw YamlNode.tooLarge(path.toString(), size, "bytes");
            }
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
        YamlNode root = YamlNode.parse(file, text);
        for (final Map.Entry<String, String> setting : overrides.settings().entrySet())
        {
            root = root.with(setting.getKey(), setting.getValue());
        }
        return new Reading(root).read(defaultName);
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
        private long seedOfConnectivity;
        /** Whether projections that do not say regenerate their rows (those that can and learn nothing). */
        private boolean justInTimeByDefault;
        private final List<PopulationRateMonitor> rateMonitors = new ArrayList<>();
        private WeightRecording weightRecording;

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
            justInTimeByDefault = root.get(JUST_IN_TIME) != null && root.get(JUST_IN_TIME).flag("model", JUST_IN_TIME);
            final Network network = new Network(dt, seed);
            seedOfConnectivity = network.connectivitySeed();
            weightRecording = new WeightRecording(dt, duration, seedOfConnectivity);
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
            final List<ModelFile.RunOutput> outputs = new ArrayList<>();
            if (!rateMonitors.isEmpty())
            {
                outputs.add(folder -> RateFiles.write(folder, rateMonitors, dt));
            }
            if (!weightRecording.isEmpty())
            {
                outputs.add(weightRecording);
            }
            return new ModelFile(name, network, duration, threads, List.copyOf(spikeMonitors),
                List.copyOf(stateMonitors), new ModelFile.Estimate(network.neuronCount(), synapses, bytes), List.of(),
                List.copyOf(outputs));
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
            if (paramNode != null && paramNode.isMapping())
            {
                for (final String key : paramNode.entries().keySet())
                {
                    if (type.elsewhere().containsKey(key))
                    {
                        throw paramNode.keyNode(key).error(type.name() + ": " + key + ": " + type.elsewhere().get(key));
                    }
                }
            }
            final ParamValues values = ParamValues.read(type.name(), type.params(),
                paramNode == null ? null : paramNode.as("parameters of population '" + name + "'"),
                paramNode == null ? node : paramNode, Set.of()).sample(size, network.seed(), Rng.nameId(name));
            checkRates(values, type.name());
            final Map<String, Initializer> initial = initial(type, name, node.get("initial"), size, network.seed());
            final Population population;
            try
            {
                population = network.add(type.factory().create(name, size, values, initial));
            }
            catch (final ModelFileException e)
            {
                throw e;
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

        private Map<String, Initializer> initial(final PopulationType type, final String name, final YamlNode node,
            final int size, final long seed)
        {
            final Map<String, Initializer> out = new HashMap<>();
            if (node == null)
            {
                return out;
            }
            final String owner = type.name() + " '" + name + "'";
            final long id = Rng.nameId(name);
            double[] r = null;
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
                final YamlNode value = e.getValue();
                if (value.isScalar())
                {
                    out.put(e.getKey(), Initializer.constant(value.quantity(owner, e.getKey(), dimension)));
                    continue;
                }
                final PerNeuronValues values = PerNeuronValues.read(owner, "initial " + e.getKey(), value, dimension,
                    PerNeuronValues.NEURON_KINDS);
                if (values.draw() != null)
                {
                    out.put(e.getKey(), values.draw());
                    continue;
                }
                r = r == null ? PerNeuronValues.sharedUniform(size, seed, id) : r;
                out.put(e.getKey(), Initializer.values(values.values(size, seed, id, e.getKey(), r)));
            }
            return out;
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
            final ConnectorType.Sides sides = new ConnectorType.Sides(source.size(), target.size(), source == target);
            final Rule rule = connectivity(node.require("connectivity").as("connectivity of " + owner), owner, sides,
                justInTimeByDefault && node.get("plasticity") == null);
            final Synapse synapse = synapse(node, owner, target);
            final String label = node.get("receptor") == null ? "g_" + name : node.get("receptor").text();
            final DelayRounding rounding = rounding(node, owner);
            final YamlNode weightNode = node.require("weight");
            final PerSynapse weight = perSynapse(weightNode, owner, "weight", synapse.weightDimension());
            final YamlNode delayNode = node.get("delay");
            final PerSynapse delay = delayNode == null ? new PerSynapse(0.0, null)
                : perSynapse(delayNode, owner, "delay", Dimension.TIME);
            if (weight.values() != null && (rule.fileWeights() || node.get("weights") != null))
            {
                throw weightNode.error(owner + ": weights per synapse are given twice: " + (rule.fileWeights()
                    ? "the connection file gives each synapse a weight; weight: then scales them (e.g. weight: 1 nS)"
                    : "use weight: {...} or weights: {...}, not both"));
            }
            if (delay.values() != null && rule.fileDelays())
            {
                throw delayNode.error(owner + ": the connection file gives each synapse a delay; delay: may only add "
                    + "one delay to all of them (e.g. delay: 0.5 ms)");
            }
            checkDelay(delayNode, owner, delay, rounding);
            final AlignPostProjection projection;
            try
            {
                projection = synapse.port() != null
                    ? new AlignPostProjection(name, source, target, rule.connector(), synapse.port(), weight.scalar(),
                        delay.scalar())
                    : new AlignPostProjection(name, source, target, rule.connector(), synapse.model(),
                        synapse.output(), label, weight.scalar(), delay.scalar());
                projection.withRounding(rounding);
            }
            catch (final ModelException e)
            {
                throw node.error(e.getMessage(), e);
            }
            if (weight.values() != null)
            {
                projection.withWeights(weight.values().initializer());
            }
            if (node.get("weights") != null)
            {
                projection.withWeights(factors(node.get("weights"), owner));
            }
            if (delay.values() != null)
            {
                projection.withDelays(delay.values().initializer(), rounding);
            }
            final YamlNode plasticityNode = node.get("plasticity");
            final SpikeTimingRules.Read learning = plasticityNode == null || !SpikeTimingRules.names(plasticityNode)
                ? null : SpikeTimingRules.read(plasticityNode.as("plasticity of " + owner), synapse.weightDimension());
            if (learning != null && (rule.justInTime() || delay.values() != null || rule.fileDelays()))
            {
                throw plasticityNode.error(owner + ": plastic synapses must be stored and share one delay; "
                    + (rule.justInTime() ? "remove justInTime: true" : "give delay: one quantity"));
            }
            if (plasticityNode != null && learning == null)
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
            try
            {
                network.add(learning == null ? projection : plastic(network, projection, learning, synapse));
            }
            catch (final ModelException e)
            {
                throw (learning != null && learning.dendriticNode() != null && e.getMessage().contains("dendritic")
                    ? learning.dendriticNode() : node).error(e.getMessage(), e);
            }
            final boolean ownWeights = rule.fileWeights() || weight.values() != null || node.get("weights") != null;
            final boolean ownDelays = rule.fileDelays() || delay.values() != null;
            if (weight.values() != null && weight.values().fromFile() || delay.values() != null
                && delay.values().fromFile() || ownDelays && rule.fileDelays())
            {
                // values from files: their number and delays are checked now, at their place in the file
                buildNow(projection, rule, weight, delay, delayNode, weightNode, owner, rounding);
            }
            final double expected = rule.expected();
            synapses += expected;
            // a target index per synapse, row offsets, a float weight and a delay step if it has its own
            bytes += !rule.connector().storesSynapses() ? 0.0 : (4.0 + (ownWeights ? 4.0 : 0.0) + (ownDelays ? 2.0 : 0.0)) * expected
                + 4.0 * (source.size() + 1);
        }

        private PlasticProjection plastic(final Network network, final AlignPostProjection synapses,
            final SpikeTimingRules.Read learning, final Synapse synapse)
        {
            final PlasticProjection plastic = new PlasticProjection(synapses, learning.rule())
                .withDendriticDelay(learning.dendriticDelayMs());
            if (learning.neuromodulator() != null)
            {
                try
                {
                    plastic.withNeuromodulator(network.population(learning.neuromodulator()));
                }
                catch (final ModelException e)
                {
                    throw learning.neuromodulatorNode().error("dopamine STDP: neuromodulator: " + e.getMessage(), e);
                }
            }
            weightRecording.add(plastic, Units.canonicalUnitName(synapse.weightDimension()));
            bytes += plastic.estimatedBytes(dt);
            return plastic;
        }

        /** A rule as the file names it, built. */
        private record Rule(Connector connector, double expected, boolean justInTime, boolean fileWeights,
            boolean fileDelays, YamlNode node)
        {
        }

        /**
         * The rule of a projection's {@code connectivity:} node; {@code byDefault}: whether it is
         * regenerated at each spike, if it can be, when the node does not say.
         */
        private Rule connectivity(final YamlNode node, final String owner, final ConnectorType.Sides sides,
            final boolean byDefault)
        {
            final ConnectorType type = catalog.connectors().lookup(node.isScalar() ? node : node.require("model"));
            final ParamValues values = ParamValues.read(type.name(), type.params(), node.isScalar() ? null : node,
                node, node.isScalar() ? Set.of() : Set.of("model", JUST_IN_TIME));
            final boolean given = !node.isScalar() && node.get(JUST_IN_TIME) != null;
            final boolean jit = given ? node.get(JUST_IN_TIME).flag(type.name(), JUST_IN_TIME) : byDefault;
            Connector connector;
            try
            {
                connector = type.factory().create(values, sides);
            }
            catch (final ModelFileException e)
            {
                throw e;
            }
            catch (final org.myelin.io.DataFileException e)
            {
                throw node.error(owner + ": " + e.getMessage(), e);
            }
            catch (final ModelException e)
            {
                throw values.wrap(e);
            }
            catch (final java.nio.file.NoSuchFileException e)
            {
                throw node.error(owner + ": " + type.name() + ": cannot read " + e.getFile() + " (no such file)", e);
            }
            catch (final IOException e)
            {
                throw node.error(owner + ": " + type.name() + ": cannot read a file (" + e.getMessage() + ")", e);
            }
            final double expected = connector.expectedSynapses(sides.sourceSize(), sides.targetSize(),
                sides.sameGroup());
            if (jit && (given || connector instanceof JustInTime.Rule))
            {
                if (!(connector instanceof JustInTime.Rule regenerated))
                {
                    throw node.get(JUST_IN_TIME).error(owner + ": " + type.name() + " cannot be regenerated just in "
                        + "time; justInTime: true works with " + String.join(", ", JIT_RULES));
                }
                connector = regenerated.justInTime();
            }
            final boolean table = connector instanceof ConnectionFiles.Table;
            return new Rule(connector, expected, connector instanceof JustInTime,
                table && ((ConnectionFiles.Table) connector).hasWeights(),
                table && ((ConnectionFiles.Table) connector).hasDelays(), node);
        }

        /**
         * A weight or delay: one quantity for every synapse ({@code scalar}, values null), or values
         * per synapse (scalar 1 for a weight, 0 for a delay).
         */
        private record PerSynapse(double scalar, PerNeuronValues values)
        {
        }

        private PerSynapse perSynapse(final YamlNode node, final String owner, final String name,
            final Dimension dimension)
        {
            if (node.isScalar())
            {
                return new PerSynapse(node.quantity(owner, name, dimension), null);
            }
            final PerNeuronValues values = PerNeuronValues.read(owner, name, node.as(name + " of " + owner), dimension,
                PerNeuronValues.SYNAPSE_KINDS);
            return new PerSynapse("delay".equals(name) ? 0.0 : 1.0, values);
        }

        /** The older form of per-synapse weights: a factor on {@code weight:}, a number or a distribution. */
        private Initializer factors(final YamlNode node, final String owner)
        {
            return node.isScalar() ? Initializer.constant(node.quantity(owner, "weights", Dimension.DIMENSIONLESS))
                : PerNeuronValues.read(owner, "weights", node, Dimension.DIMENSIONLESS, PerNeuronValues.SYNAPSE_KINDS)
                    .initializer();
        }

        private DelayRounding rounding(final YamlNode node, final String owner)
        {
            final YamlNode r = node.get(DELAY_ROUNDING);
            if (r == null)
            {
                return DelayRounding.EXACT;
            }
            final String text = r.text().strip().toLowerCase(java.util.Locale.ROOT);
            return switch (text)
            {
                case "nearest" -> DelayRounding.NEAREST;
                case "previous" -> DelayRounding.PREVIOUS;
                case "error" -> DelayRounding.EXACT;
                default -> throw r.error(owner + ": delayRounding must be one of [nearest, previous, error], got '"
                    + r.text() + "'" + (Suggestions.closest(text, ROUNDINGS) == null ? ""
                        : "; did you mean '" + Suggestions.closest(text, ROUNDINGS) + "'?"));
            };
        }

        /**
         * Checks a projection's delay against dt and the rounding: a single delay must be >= 0 and a
         * whole number of steps unless rounded; per-synapse delays drawn from a distribution must be
         * rounded and at least one step.
         */
        private void checkDelay(final YamlNode node, final String owner, final PerSynapse delay,
            final DelayRounding rounding)
        {
            if (node == null)
            {
                return;
            }
            if (delay.values() == null)
            {
                final double ms = delay.scalar();
                if (ms < 0)
                {
                    throw node.error(owner + ": delay must be >= 0 ms, got delay=" + node.text());
                }
                final double ratio = ms / dt;
                final long nearest = Math.round(ratio);
                if (rounding == DelayRounding.EXACT && ms > 0 && nearest > 0 && Math.abs(ratio - nearest)
                    > Math.max(Units.STEP_TOLERANCE, 4 * Math.ulp(ratio)))
                {
                    throw node.error(owner + ": delay=" + Units.format(ms) + " ms is not a whole number of time steps"
                        + " dt=" + Units.format(dt) + " ms (" + Units.format(ratio) + " steps); use a multiple of dt, "
                        + "change dt, or add " + DELAY_ROUNDING + ": nearest (" + steps(Math.round(ratio)) + ")"
                        + (ratio < 1 ? "" : " or " + DELAY_ROUNDING + ": previous (" + steps((long) Math.floor(ratio))
                            + ")"));
                }
                try
                {
                    rounding.toSteps(owner, "delay", ms, dt);
                }
                catch (final ModelException e)
                {
                    throw node.error(e.getMessage(), e);
                }
                return;
            }
            final Initializer draw = delay.values().draw();
            if (draw == null)
            {
                return;
            }
            if (rounding == DelayRounding.EXACT)
            {
                throw node.error(owner + ": delays drawn from a distribution are not whole numbers of time steps dt="
                    + Units.format(dt) + " ms; add " + DELAY_ROUNDING + ": nearest or " + DELAY_ROUNDING + ": previous");
            }
            final double low = lowerBound(draw);
            if (!(low >= dt * (1 - Units.STEP_TOLERANCE)))
            {
                throw node.error(owner + ": per-synapse delays must be at least one time step dt=" + Units.format(dt)
                    + " ms, but the distribution reaches " + (Double.isInfinite(low) ? "below 0 ms"
                        : Units.format(low) + " ms") + "; bound it with clip: [" + Units.format(dt) + " ms, ...]");
            }
        }

        private String steps(final long n)
        {
            return n + (n == 1 ? " step, " : " steps, ") + Units.format(n * dt) + " ms";
        }

        /**
         * Builds the connectivity now, for values from files: their number must match the synapses
         * and their delays dt and the rounding, which is reported here at the key that names the file.
         */
        private void buildNow(final AlignPostProjection projection, final Rule rule, final PerSynapse weight,
            final PerSynapse delay, final YamlNode delayNode, final YamlNode weightNode, final String owner,
            final DelayRounding rounding)
        {
            final org.myelin.connect.Connectivity built;
            try
            {
                built = projection.build(seedOfConnectivity);
            }
            catch (final ModelException e)
            {
                final boolean weights = e.getMessage().contains("one weight per synapse");
                final YamlNode at = weights ? weightNode.get("file") : delayNode.get("file");
                throw at.error(owner + ": " + (weights ? weight : delay).values().file() + " does not match the "
                    + "connectivity: " + e.getMessage().replace("CSR connectivity: ", "") + " (values from a file "
                    + "follow the order of the synapses: by presynaptic neuron, then by target)", e);
            }
            try
            {
                built.prepareDelays(owner, dt, rounding);
            }
            catch (final ModelException e)
            {
                final YamlNode at = rule.fileDelays() ? rule.node() : delayNode.get("file");
                throw at.error(e.getMessage().replace("choose rounding NEAREST or PREVIOUS", "add " + DELAY_ROUNDING
                    + ": nearest or " + DELAY_ROUNDING + ": previous"), e);
            }
        }

        /**
         * The synapse side of a projection or input: model, output and the dimension of its
         * weights, or an input port of the target that takes the weights directly (model and
         * output then null).
         */
        private record Synapse(SynapseModel model, Output output, Dimension weightDimension, InputPort port)
        {
        }

        /** @param target the group a projection feeds, or null for an input. */
        private Synapse synapse(final YamlNode node, final String owner, final NeuronGroup target)
        {
            final Component<SynapseType> synapse = component(catalog.synapses(), node.require("synapse")
                .as("synapse of " + owner));
            if (synapse.type().port() != null)
            {
                final SynapseType.Target port;
                try
                {
                    port = target == null ? null : synapse.type().port().of(synapse.values(), target,
                        types.get(target).states());
                }
                catch (final ModelException e)
                {
                    throw synapse.values().wrap(e);
                }
                if (port == null && target == null && "CurrentPulse".equals(synapse.type().name()))
                {
                    throw node.require("synapse").error(owner + ": CurrentPulse feeds projections only; an input "
                        + "gives its current directly (ConstantCurrent, StepCurrent, ...)");
                }
                if (port != null)
                {
                    if (node.get("output") != null)
                    {
                        throw node.get("output").error(owner + ": " + synapse.type().name() + " adds its weight "
                            + "straight into the target; it takes no output");
                    }
                    return new Synapse(null, null, port.weightDimension(), port.port());
                }
            }
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
            return new Synapse(model, out, own != null ? own : output.type().weightDimension(), null);
        }

        private ReceptorSpec receptor(final YamlNode node, final String owner, final String defaultLabel)
        {
            final Synapse synapse = synapse(node, owner, null);
            final double weight = node.require("weight").quantity(owner, "weight", synapse.weightDimension());
            final String label = node.get("receptor") == null ? defaultLabel : node.get("receptor").text();
            return new ReceptorSpec(synapse.model(), synapse.output(), label, weight);
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
                m.allowOnly(MONITORS);
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
            if (m != null && m.get("rates") != null)
            {
                for (final YamlNode r : m.get("rates").as("monitors: rates").items())
                {
                    rateMonitor(network, r.as("rate monitor"), duration);
                }
            }
            if (m != null && m.get("weights") != null)
            {
                for (final YamlNode w : m.get("weights").as("monitors: weights").items())
                {
                    bytes += weightRecording.monitor(w.as("weight monitor"));
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

        /** {@code {population: E, bin: 1 ms}}: the population's rate in bins (default one step). */
        private void rateMonitor(final Network network, final YamlNode node, final double duration)
        {
            node.allowOnly(RATE_MONITOR);
            final Population p = reference(node.require("population"), "rate monitor");
            final String owner = "rate monitor of '" + p.name() + "'";
            int bin = 1;
            if (node.get("bin") != null)
            {
                final double ms = node.get("bin").quantity(owner, "bin", Dimension.TIME);
                bin = checkSteps(node.get("bin"), owner, "bin", ms);
                if (bin < 1)
                {
                    throw node.get("bin").error(owner + ": bin must be at least one step (dt = " + Units.format(dt)
                        + " ms), got bin=" + node.get("bin").text());
                }
            }
            if (recording.spikes(p.name()))
            {
                rateMonitors.add(network.monitorRate(p, bin));
                bytes += 8.0 * (Math.floor(duration / dt / bin) + 1);
            }
        }

        private StateMonitor stateMonitor(final Network network, final YamlNode node, final double duration)
        {
            node.allowOnly(STATE_MONITOR);
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

    /** The smallest value a distribution of delays can give. */
    private static double lowerBound(final Initializer draw)
    {
        return switch (draw)
        {
            case Initializer.Constant c -> c.value();
            case Initializer.Uniform u -> u.low();
            case Initializer.LogNormal l -> 0.0;
            case Initializer.Clipped c -> Math.max(c.low(), lowerBound(c.inner()));
            case Initializer.Values v -> java.util.Arrays.stream(v.values()).min().orElse(0.0);
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    /** A model named in the file with its parameter values. */
    private record Component<T>(T type, ParamValues values)
    {
    }
}
