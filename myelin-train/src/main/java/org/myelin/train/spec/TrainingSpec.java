package org.myelin.train.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.myelin.io.YamlNode;
import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronModels;
import org.myelin.neuron.PerNeuron;
import org.myelin.synapse.Exponential;
import org.myelin.train.layer.Gru;
import org.myelin.train.layer.LayerSpec;
import org.myelin.train.layer.Linear;
import org.myelin.train.layer.Lstm;
import org.myelin.train.layer.Mgu;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikeReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.layer.VanillaRnn;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.Loss;
import org.myelin.train.loss.MeanSquaredError;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.Sequential;
import org.myelin.train.optim.Adam;
import org.myelin.train.optim.LearningRateSchedule;
import org.myelin.train.optim.Optimizer;
import org.myelin.train.optim.RmsProp;
import org.myelin.train.optim.Sgd;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.surrogate.Surrogate;
import org.myelin.train.surrogate.Surrogates;
import org.myelin.train.task.CueAccumulation;
import org.myelin.train.task.Dataset;
import org.myelin.train.task.Randman;
import org.myelin.train.task.SpikePatterns;
import org.myelin.train.trainer.Trainer;
import org.myelin.train.weights.WeightInit;
import org.myelin.units.Dimension;
import org.myelin.util.ModelException;

/**
 * A training run described in YAML ({@code myelin train SPEC.yaml}): the task, the layers, the
 * loss and regularizers, the optimiser and its schedule, with units where they have one. A bad
 * entry is one line with {@code file:line:column} naming the key and what is allowed.
 *
 * <pre>{@code
 * name: randman
 * seed: 1                        # initial weights and batch order
 * dt: 1 ms
 * epochs: 50
 * batchSize: 256
 * threads: 2                     # optional; results do not depend on it
 * task: {model: Randman, classes: 10, inputs: 20, steps: 100, dimension: 1, spikesPerInput: 1,
 *        samplesPerClass: 1000, alpha: 2, testFraction: 0.2, seed: 42}
 * network:
 *   - {layer: LIF, name: hidden, size: 100, recurrent: true, detachReset: true,
 *      parameters: {vRest: 0 mV, vTh: 1 mV, vReset: 0 mV, tauM: 20 ms},
 *      synapse: {model: Exponential, tau: 10 ms}, surrogate: {model: FastSigmoid, alpha: 100},
 *      inputWeights: {scaledNormal: 4}, recurrentWeights: {scaledNormal: 4}}
 *   - {layer: RateReadout, name: out, size: 10, tau: 20 ms, weights: {scaledNormal: 1}}
 * loss: {model: CrossEntropy, over: max}
 * optimizer: {model: Adam, lr: 0.002}
 * schedule: {model: Cosine, epochs: 50}
 * }</pre>
 *
 * @param name         the run's name.
 * @param seed         seed of the initial weights and of the batch order.
 * @param threads      worker threads (0: one per processor).
 * @param dt           [ms] time step.
 * @param epochs       epochs.
 * @param batchSize    samples per batch.
 * @param clipNorm     gradient clipping norm, 0 for none.
 * @param task         the task's generator.
 * @param layers       the layers, input side first.
 * @param loss         the loss.
 * @param regularizers the regularizers.
 * @param optimizer    the optimiser's settings.
 * @param schedule     the learning-rate schedule.
 * @param text         the specification as written.
 */
public record TrainingSpec(String name, long seed, int threads, double dt, int epochs, int batchSize,
    double clipNorm, TaskSpec task, List<LayerSpec> layers, Loss loss, List<FiringRateRegularizer> regularizers,
    OptimizerSpec optimizer, LearningRateSchedule schedule, String text)
{
    private static final Set<String> TOP = Set.of("name", "seed", "threads", "dt", "epochs", "batchSize", "clipNorm",
        "task", "network", "loss", "regularizers", "optimizer", "schedule");

    /** The training and test sets of a task. */
    public record Datasets(Dataset train, Dataset test)
    {
    }

    /** Generates a task's datasets. */
    @FunctionalInterface
    public interface TaskSpec
    {
        /** The training and test sets at time step {@code dt}. */
        Datasets generate(double dtMs);
    }

    /**
     * An optimiser by name with its hyperparameters.
     *
     * @param model  SGD, Adam, AdamW or RMSProp.
     * @param values the hyperparameters given (lr, momentum, ...).
     */
    public record OptimizerSpec(String model, Map<String, Double> values)
    {
        /** The optimiser for these parameters. */
        public Optimizer create(final List<Parameter> parameters)
        {
            final double lr = values.getOrDefault("lr", 1e-3);
            final double wd = values.getOrDefault("weightDecay", "AdamW".equals(model) ? 0.01 : 0.0);
            return switch (model)
            {
                case "SGD" -> new Sgd(parameters, lr, values.getOrDefault("momentum", 0.0),
                    values.getOrDefault("dampening", 0.0), values.getOrDefault("nesterov", 0.0) != 0, wd);
                case "Adam", "AdamW" -> new Adam(parameters, lr, values.getOrDefault("beta1", 0.9),
                    values.getOrDefault("beta2", 0.999), values.getOrDefault("eps", 1e-8), wd, "AdamW".equals(model));
                default -> new RmsProp(parameters, lr, values.getOrDefault("alpha", 0.99),
                    values.getOrDefault("eps", 1e-8), values.getOrDefault("momentum", 0.0),
                    values.getOrDefault("centered", 0.0) != 0, wd);
            };
        }
    }

    /** Reads a specification file. */
    public static TrainingSpec read(final Path file) throws IOException
    {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a specification; {@code file} names it in messages. */
    public static TrainingSpec parse(final String file, final String text)
    {
        final YamlNode root = YamlNode.parse(file, text).as("the training specification");
        root.allowOnly(TOP);
        final String name = root.get("name") == null ? stem(file) : root.get("name").text();
        final long seed = root.get("seed") == null ? 1 : root.get("seed").integer("training", "seed", 0, Long.MAX_VALUE);
        final int threads = root.get("threads") == null ? 0 : (int) root.get("threads").integer("training", "threads", 1,
            1024);
        final double dt = root.get("dt") == null ? 1.0 : positive(root.get("dt"), "training", "dt", Dimension.TIME);
        final int epochs = (int) root.require("epochs").integer("training", "epochs", 1, 1_000_000);
        final int batchSize = root.get("batchSize") == null ? 32
            : (int) root.get("batchSize").integer("training", "batchSize", 1, 1 << 20);
        final double clip = root.get("clipNorm") == null ? 0
            : positive(root.get("clipNorm"), "training", "clipNorm", Dimension.DIMENSIONLESS);
        final TaskSpec task = task(root.require("task"));
        final List<LayerSpec> layers = new ArrayList<>();
        for (final YamlNode layer : root.require("network").items())
        {
            layers.add(layer(layer));
        }
        if (layers.isEmpty())
        {
            throw root.require("network").error("network: list at least one layer");
        }
        final Loss loss = loss(root.require("loss"));
        final List<FiringRateRegularizer> regularizers = new ArrayList<>();
        if (root.get("regularizers") != null)
        {
            for (final YamlNode r : root.get("regularizers").items())
            {
                regularizers.add(regularizer(r));
            }
        }
        final OptimizerSpec optimizer = optimizer(root.require("optimizer"));
        final LearningRateSchedule schedule = root.get("schedule") == null ? LearningRateSchedule.constant()
            : schedule(root.get("schedule"), epochs);
        return new TrainingSpec(name, seed, threads, dt, epochs, batchSize, clip, task, List.copyOf(layers), loss,
            List.copyOf(regularizers), optimizer, schedule, text);
    }

    /** The network for {@code inputs} input units, with initial weights drawn from {@link #seed}. */
    public Sequential network(final int inputs)
    {
        final Sequential.Builder b = Sequential.builder(inputs);
        layers.forEach(b::add);
        final Sequential net = b.build();
        net.initialize(seed);
        return net;
    }

    /** The trainer of a network built by {@link #network} on the task's datasets. */
    public Trainer trainer(final Sequential network, final Datasets data, final int threadCount)
    {
        final Trainer.Builder b = Trainer.builder(network, loss, optimizer.create(network.parameters()), data.train())
            .test(data.test()).batchSize(batchSize).dt(dt).seed(seed).threads(threadCount).schedule(schedule);
        if (clipNorm > 0)
        {
            b.clipNorm(clipNorm);
        }
        regularizers.forEach(b::regularizer);
        return b.build();
    }

    private static String stem(final String file)
    {
        final String base = Path.of(file).getFileName().toString();
        final int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static double number(final YamlNode node, final String owner, final String key)
    {
        return node.quantity(owner, key, Dimension.DIMENSIONLESS);
    }

    private static double positive(final YamlNode node, final String owner, final String key, final Dimension d)
    {
        final double v = node.quantity(owner, key, d);
        if (!(v > 0) || Double.isInfinite(v))
        {
            throw node.error(owner + ": " + key + " must be > 0, got '" + node.text() + "'");
        }
        return v;
    }

    private static double numberOr(final YamlNode map, final String owner, final String key, final double fallback)
    {
        final YamlNode n = map.get(key);
        return n == null ? fallback : number(n, owner, key);
    }

    private static double quantityOr(final YamlNode map, final String owner, final String key, final Dimension d,
        final double fallback)
    {
        final YamlNode n = map.get(key);
        return n == null ? fallback : n.quantity(owner, key, d);
    }

    private static int intOr(final YamlNode map, final String owner, final String key, final int min, final int fallback)
    {
        final YamlNode n = map.get(key);
        return n == null ? fallback : (int) n.integer(owner, key, min, Integer.MAX_VALUE);
    }

    private static boolean flagOr(final YamlNode map, final String owner, final String key, final boolean fallback)
    {
        final YamlNode n = map.get(key);
        return n == null ? fallback : n.flag(owner, key);
    }

    private static String choice(final YamlNode node, final String owner, final String key, final List<String> allowed)
    {
        final String text = node.text().strip();
        for (final String a : allowed)
        {
            if (a.equalsIgnoreCase(text))
            {
                return a;
            }
        }
        throw node.error(owner + ": " + key + " must be one of " + String.join(", ", allowed) + ", got '" + text + "'");
    }

    /**
     * Runs {@code build}, reporting a model error at the value of the mapping's key that the
     * message names ({@code "Adam: lr must be ..."} at {@code lr}), else at {@code node}.
     */
    private static <T> T at(final YamlNode node, final java.util.function.Supplier<T> build)
    {
        try
        {
            return build.get();
        }
        catch (final org.myelin.io.ModelFileException e)
        {
            throw e;
        }
        catch (final ModelException e)
        {
            if (node.isMapping())
            {
                for (final Map.Entry<String, YamlNode> entry : node.entries().entrySet())
                {
                    if (e.getMessage().contains(": " + entry.getKey() + " must"))
                    {
                        throw entry.getValue().error(e.getMessage(), e);
                    }
                }
            }
            throw node.error(e.getMessage(), e);
        }
    }

    private static TaskSpec task(final YamlNode t)
    {
        final String model = choice(t.require("model"), "task", "model", List.of("Randman", "CueAccumulation",
            "SpikePatterns"));
        final String owner = model;
        switch (model)
        {
            case "Randman" ->
            {
                t.allowOnly(List.of("model", "classes", "inputs", "steps", "dimension", "spikesPerInput",
                    "samplesPerClass", "alpha", "testFraction", "seed"));
                final int classes = intOr(t, owner, "classes", 2, 10);
                final int inputs = intOr(t, owner, "inputs", 1, 20);
                final int steps = intOr(t, owner, "steps", 1, 100);
                final int dimension = intOr(t, owner, "dimension", 1, 1);
                final int spikes = intOr(t, owner, "spikesPerInput", 1, 1);
                final int perClass = intOr(t, owner, "samplesPerClass", 1, 1000);
                final double alpha = numberOr(t, owner, "alpha", 2.0);
                final double testFraction = fraction(t, owner);
                final long seed = t.get("seed") == null ? 42 : t.get("seed").integer(owner, "seed", 0, Long.MAX_VALUE);
                return dt -> split(at(t, () -> Randman.generate(classes, inputs, steps, dimension, spikes, perClass,
                    alpha, seed)), testFraction);
            }
            case "CueAccumulation" ->
            {
                t.allowOnly(List.of("model", "samples", "testSamples", "seed"));
                final int samples = intOr(t, owner, "samples", 1, 6400);
                final int testSamples = intOr(t, owner, "testSamples", 0, 640);
                final long seed = t.get("seed") == null ? 42 : t.get("seed").integer(owner, "seed", 0, Long.MAX_VALUE);
                return dt ->
                {
                    final Dataset all = at(t, () -> CueAccumulation.generate(samples + testSamples, dt, seed));
                    return new Datasets(all.slice(0, samples), testSamples == 0 ? null
                        : all.slice(samples, samples + testSamples));
                };
            }
            default ->
            {
                t.allowOnly(List.of("model", "classes", "inputs", "steps", "rate", "jitter", "deletion", "noise",
                    "samples", "testFraction", "seed"));
                final int classes = intOr(t, owner, "classes", 2, 10);
                final int inputs = intOr(t, owner, "inputs", 1, 100);
                final int steps = intOr(t, owner, "steps", 1, 100);
                final double rate = quantityOr(t, owner, "rate", Dimension.FREQUENCY, 10);
                final double jitterMs = quantityOr(t, owner, "jitter", Dimension.TIME, 0);
                final double deletion = numberOr(t, owner, "deletion", 0);
                final double noise = quantityOr(t, owner, "noise", Dimension.FREQUENCY, 0);
                final int samples = intOr(t, owner, "samples", 1, 1000);
                final double testFraction = fraction(t, owner);
                final long seed = t.get("seed") == null ? 42 : t.get("seed").integer(owner, "seed", 0, Long.MAX_VALUE);
                return dt -> split(at(t, () -> SpikePatterns.generate(classes, inputs, steps, dt, rate, jitterMs / dt,
                    deletion, noise, samples, seed)), testFraction);
            }
        }
    }

    private static double fraction(final YamlNode t, final String owner)
    {
        final double f = numberOr(t, owner, "testFraction", 0.2);
        if (!(f >= 0 && f < 1))
        {
            throw t.get("testFraction").error(owner + ": testFraction must be in [0, 1), got testFraction="
                + t.get("testFraction").text());
        }
        return f;
    }

    private static Datasets split(final Dataset all, final double testFraction)
    {
        final int test = (int) Math.round(all.size() * testFraction);
        return new Datasets(all.slice(0, all.size() - test), test == 0 ? null : all.slice(all.size() - test,
            all.size()));
    }

    private static LayerSpec layer(final YamlNode l)
    {
        final String kind = choice(l.require("layer"), "network", "layer", List.of("LIF", "ALIF", "RateReadout",
            "SpikeReadout", "Linear", "RNN", "GRU", "MGU", "LSTM"));
        final String name = l.require("name").text();
        final String owner = kind + " layer '" + name + "'";
        final int size = (int) l.require("size").integer(owner, "size", 1, 1 << 24);
        return switch (kind)
        {
            case "LIF", "ALIF" -> spiking(l, kind, name, size, owner);
            case "RateReadout" ->
            {
                l.allowOnly(List.of("layer", "name", "size", "tau", "weights"));
                final double tau = positive(l.require("tau"), owner, "tau", Dimension.TIME);
                yield at(l, () -> RateReadout.of(name, size, tau, init(l.get("weights"), owner, WeightInit.scaledNormal(1))));
            }
            case "SpikeReadout" ->
            {
                l.allowOnly(List.of("layer", "name", "size", "tau", "vTh", "reset", "detachReset", "surrogate",
                    "weights"));
                final double tau = positive(l.require("tau"), owner, "tau", Dimension.TIME);
                final double vTh = l.get("vTh") == null ? 1.0 : positive(l.get("vTh"), owner, "vTh", Dimension.VOLTAGE);
                final boolean soft = l.get("reset") == null
                    || "subtract".equals(choice(l.get("reset"), owner, "reset", List.of("subtract", "zero")));
                yield SpikeReadout.of(name, size, tau, vTh, soft, flagOr(l, owner, "detachReset", false),
                    surrogate(l.get("surrogate")), init(l.get("weights"), owner, WeightInit.scaledNormal(1)));
            }
            case "Linear" ->
            {
                l.allowOnly(List.of("layer", "name", "size", "weights", "bias"));
                yield Linear.of(name, size, init(l.get("weights"), owner, WeightInit.scaledUniform(1)),
                    l.get("bias") != null && "none".equalsIgnoreCase(l.get("bias").text()) ? null
                        : init(l.get("bias"), owner, WeightInit.constant(0)));
            }
            default ->
            {
                l.allowOnly(List.of("layer", "name", "size", "weights", "bias", "activation"));
                final WeightInit w = init(l.get("weights"), owner, WeightInit.scaledUniform(1));
                final WeightInit bias = init(l.get("bias"), owner, WeightInit.constant(0));
                yield switch (kind)
                {
                    case "RNN" -> VanillaRnn.of(name, size, l.get("activation") == null ? VanillaRnn.Activation.RELU
                        : VanillaRnn.Activation.valueOf(choice(l.get("activation"), owner, "activation",
                            List.of("RELU", "TANH"))), w, bias);
                    case "GRU" -> Gru.of(name, size, w, bias);
                    case "MGU" -> Mgu.of(name, size, w, bias);
                    default -> Lstm.of(name, size, w, bias);
                };
            }
        };
    }

    private static LayerSpec spiking(final YamlNode l, final String kind, final String name, final int size,
        final String owner)
    {
        l.allowOnly(List.of("layer", "name", "size", "parameters", "beta", "synapse", "recurrent", "selfConnections",
            "reset", "detachReset", "surrogate", "inputWeights", "recurrentWeights", "excitatory"));
        final NeuronModels.Model<?> model = NeuronModels.get(kind.toLowerCase(Locale.ROOT));
        final Map<String, Double> values = new LinkedHashMap<>();
        Integrator integrator = Integrator.EXACT;
        final YamlNode params = l.get("parameters");
        if (params != null)
        {
            for (final Map.Entry<String, YamlNode> e : params.entries().entrySet())
            {
                if ("integrator".equals(e.getKey()))
                {
                    integrator = Integrator.valueOf(choice(e.getValue(), kind, "integrator",
                        model.integrators()).toUpperCase(Locale.ROOT));
                    continue;
                }
                final String key = e.getKey();
                values.put(key, at(params.keyNode(key), () -> model.parse(key, e.getValue().text())));
            }
        }
        final Integrator chosen = integrator;
        final SpikingLayer.Builder b = at(params == null ? l : params, () ->
        {
            if ("LIF".equals(kind))
            {
                return SpikingLayer.lif(name, size, PerNeuron.fromMap("LIF", Lif.Parameters.defaults().with(chosen),
                    values));
            }
            return SpikingLayer.alif(name, size, PerNeuron.fromMap("ALIF", Alif.Parameters.defaults().with(chosen),
                values));
        });
        if (l.get("beta") != null)
        {
            if (!"ALIF".equals(kind))
            {
                throw l.keyNode("beta").error(owner + ": beta per neuron is an ALIF parameter");
            }
            final List<YamlNode> items = l.get("beta").items();
            final double[] beta = new double[items.size()];
            for (int k = 0; k < beta.length; k++)
            {
                beta[k] = items.get(k).quantity(owner, "beta", Dimension.VOLTAGE);
            }
            at(l.get("beta"), () -> b.beta(beta));
        }
        final YamlNode synapse = l.get("synapse");
        if (synapse != null)
        {
            final String s = choice(synapse.require("model"), owner, "synapse", List.of("Exponential", "Delta"));
            synapse.allowOnly("Exponential".equals(s) ? List.of("model", "tau") : List.of("model"));
            if ("Exponential".equals(s))
            {
                final double tau = synapse.get("tau") == null ? Exponential.DEFAULT_TAU
                    : positive(synapse.get("tau"), owner, "synapse tau", Dimension.TIME);
                b.synapse(new Exponential(tau));
            }
        }
        final boolean recurrent = flagOr(l, owner, "recurrent", false);
        b.recurrent(recurrent).selfConnections(flagOr(l, owner, "selfConnections", false))
            .detachReset(flagOr(l, owner, "detachReset", false));
        if (l.get("reset") != null)
        {
            b.reset("subtract".equals(choice(l.get("reset"), owner, "reset", List.of("value", "subtract")))
                ? SpikingLayer.Reset.SUBTRACT : SpikingLayer.Reset.TO_VALUE);
        }
        if (l.get("surrogate") != null)
        {
            b.surrogate(surrogate(l.get("surrogate")));
        }
        b.inputInit(init(l.get("inputWeights"), owner, WeightInit.scaledNormal(1)));
        b.recurrentInit(init(l.get("recurrentWeights"), owner, WeightInit.scaledNormal(1)));
        if (l.get("excitatory") != null)
        {
            if (!recurrent)
            {
                throw l.keyNode("excitatory").error(owner + ": excitatory (Dale's law) needs recurrent: true");
            }
            final int excitatory = (int) l.get("excitatory").integer(owner, "excitatory", 0, size);
            final double[] signs = new double[size];
            for (int k = 0; k < size; k++)
            {
                signs[k] = k < excitatory ? 1 : -1;
            }
            b.recurrentSigns(signs);
        }
        return b;
    }

    private static Surrogate surrogate(final YamlNode s)
    {
        if (s == null)
        {
            return null;
        }
        final String model = s.require("model").text();
        final Map<String, Double> values = new LinkedHashMap<>();
        for (final Map.Entry<String, YamlNode> e : s.entries().entrySet())
        {
            if (!"model".equals(e.getKey()))
            {
                values.put(e.getKey(), number(e.getValue(), model + " surrogate", e.getKey()));
            }
        }
        return at(s, () -> Surrogates.create(model, values));
    }

    private static WeightInit init(final YamlNode w, final String owner, final WeightInit fallback)
    {
        if (w == null)
        {
            return fallback;
        }
        w.allowOnly(List.of("normal", "uniform", "scaledNormal", "scaledUniform", "constant"));
        if (w.entries().size() != 1)
        {
            throw w.error(owner + ": give one initialisation: normal: {mean, sd}, uniform: [low, high], scaledNormal: "
                + "gain, scaledUniform: gain or constant: value");
        }
        final Map.Entry<String, YamlNode> e = w.entries().entrySet().iterator().next();
        final YamlNode v = e.getValue();
        return at(v, () -> switch (e.getKey())
        {
            case "normal" -> WeightInit.normal(number(v.require("mean"), owner, "mean"), number(v.require("sd"), owner,
                "sd"));
            case "uniform" -> WeightInit.uniform(number(v.items().get(0), owner, "low"), number(v.items().get(1), owner,
                "high"));
            case "scaledNormal" -> WeightInit.scaledNormal(number(v, owner, "gain"));
            case "scaledUniform" -> WeightInit.scaledUniform(number(v, owner, "gain"));
            default -> WeightInit.constant(number(v, owner, "constant"));
        });
    }

    private static Loss loss(final YamlNode l)
    {
        final String model = choice(l.require("model"), "loss", "model", List.of("CrossEntropy", "MeanSquaredError"));
        l.allowOnly(List.of("model", "over", "window"));
        TimeReduction over = null;
        if (l.get("over") != null)
        {
            final String kind = choice(l.get("over"), model, "over", List.of("max", "sum", "mean", "last", "every"));
            if (!"every".equals(kind))
            {
                int from = 0;
                int to = 0;
                if (l.get("window") != null)
                {
                    final List<YamlNode> w = l.get("window").items();
                    if (w.size() != 2)
                    {
                        throw l.get("window").error(model + ": window must be [from, to] steps (negative: from the end, "
                            + "to 0: the end)");
                    }
                    from = (int) w.get(0).integer(model, "window", Integer.MIN_VALUE, Integer.MAX_VALUE);
                    to = (int) w.get(1).integer(model, "window", Integer.MIN_VALUE, Integer.MAX_VALUE);
                }
                over = new TimeReduction(TimeReduction.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), from, to);
            }
        }
        if ("CrossEntropy".equals(model))
        {
            if (over == null)
            {
                throw l.error("CrossEntropy: 'over' must be max, sum, mean or last");
            }
            return new CrossEntropy(over);
        }
        return new MeanSquaredError(over);
    }

    private static FiringRateRegularizer regularizer(final YamlNode r)
    {
        r.allowOnly(List.of("layer", "scope", "bound", "target", "strength"));
        final String owner = "regularizer";
        final String scope = r.get("scope") == null ? "neuron"
            : choice(r.get("scope"), owner, "scope", List.of("neuron", "population"));
        final String bound = r.get("bound") == null ? "both"
            : choice(r.get("bound"), owner, "bound", List.of("both", "above", "below"));
        return at(r, () -> new FiringRateRegularizer(r.require("layer").text(),
            "neuron".equals(scope) ? FiringRateRegularizer.Scope.PER_NEURON : FiringRateRegularizer.Scope.POPULATION,
            FiringRateRegularizer.Bound.valueOf(bound.toUpperCase(Locale.ROOT)),
            r.require("target").quantity(owner, "target", Dimension.FREQUENCY),
            number(r.require("strength"), owner, "strength")));
    }

    private static OptimizerSpec optimizer(final YamlNode o)
    {
        final String model = choice(o.require("model"), "optimizer", "model", List.of("SGD", "Adam", "AdamW",
            "RMSProp"));
        final List<String> allowed = switch (model)
        {
            case "SGD" -> List.of("model", "lr", "momentum", "dampening", "nesterov", "weightDecay");
            case "Adam", "AdamW" -> List.of("model", "lr", "beta1", "beta2", "eps", "weightDecay");
            default -> List.of("model", "lr", "alpha", "eps", "momentum", "centered", "weightDecay");
        };
        o.allowOnly(allowed);
        final Map<String, Double> values = new LinkedHashMap<>();
        for (final Map.Entry<String, YamlNode> e : o.entries().entrySet())
        {
            final String key = e.getKey();
            if ("model".equals(key))
            {
                continue;
            }
            values.put(key, "nesterov".equals(key) || "centered".equals(key)
                ? (e.getValue().flag(model, key) ? 1.0 : 0.0) : number(e.getValue(), model, key));
        }
        final OptimizerSpec spec = new OptimizerSpec(model, Map.copyOf(values));
        at(o, () -> spec.create(List.of(new Parameter("check", 1, 1))));
        return spec;
    }

    private static LearningRateSchedule schedule(final YamlNode s, final int epochs)
    {
        final String model = choice(s.require("model"), "schedule", "model", List.of("Constant", "Step", "Exponential",
            "Cosine"));
        s.allowOnly(switch (model)
        {
            case "Step" -> List.of("model", "stepSize", "gamma");
            case "Exponential" -> List.of("model", "gamma");
            case "Cosine" -> List.of("model", "epochs", "minimum");
            default -> List.of("model");
        });
        final String owner = model.toLowerCase(Locale.ROOT) + " schedule";
        return at(s, () -> switch (model)
        {
            case "Step" -> LearningRateSchedule.step(intOr(s, owner, "stepSize", 1, 1), numberOr(s, owner, "gamma", 0.1));
            case "Exponential" -> LearningRateSchedule.exponential(numberOr(s, owner, "gamma", 0.95));
            case "Cosine" -> LearningRateSchedule.cosine(intOr(s, owner, "epochs", 1, epochs),
                numberOr(s, owner, "minimum", 0));
            default -> LearningRateSchedule.constant();
        });
    }
}
