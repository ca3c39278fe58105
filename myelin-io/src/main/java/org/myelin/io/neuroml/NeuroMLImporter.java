package org.myelin.io.neuroml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.myelin.base.Population;
import org.myelin.input.PoissonGroup;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.io.ModelFileException;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.model.Recording;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.AdEx;
import org.myelin.neuron.AdQuaIf;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.synapse.Alpha;
import org.myelin.synapse.DualExponential;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.SynapseModel;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Imports a NeuroML 2 network into a {@link Network}.
 *
 * <p>Supported: {@code iafCell}, {@code iafRefCell} (→ {@link Lif}, exact integration,
 * {@code v} starting at {@code leakReversal}), {@code izhikevich2007Cell} (→ {@link AdQuaIf}, an
 * exact reparameterisation, see {@link #izhikevich2007}), {@code adExIaFCell} (→ {@link AdEx}),
 * {@code spikeGeneratorPoisson} (→
 * {@link PoissonGroup}), {@code expOneSynapse} (→ {@link Exponential}), {@code expTwoSynapse} (→
 * {@link DualExponential} normalised to a peak of 1, NeuroML's waveform factor) and
 * {@code alphaSynapse} (→ {@link Alpha}, whose unit response peaks at 1/e, so the weight is
 * {@code e·gbase} for NeuroML's peak {@code gbase}), each with a {@link Coba} output at
 * {@code erev} and the weight {@code gbase} times the connection's weight, {@code network}, {@code population} (with
 * {@code size} or {@code instance}s), {@code projection} with {@code connection} and
 * {@code connectionWD} (one align-post projection per distinct delay), {@code explicitInput} and
 * {@code inputList}/{@code input}/{@code inputW}, {@code pulseGenerator} and
 * {@code poissonFiringSynapse} (an independent Poisson train per target through the named synapse).
 * {@code notes} and {@code annotation} are skipped. Any other element is an error naming it.
 *
 * <p>Recorded: the spikes of every population and {@code v} of up to the first
 * {@value #TRACED_NEURONS} neurons of each cell population, every step.
 */
public final class NeuroMLImporter
{
    /** The synapse elements. */
    private static final List<String> SYNAPSES = List.of("expOneSynapse", "expTwoSynapse", "alphaSynapse");
    /** Neurons per cell population whose {@code v} is recorded. */
    public static final int TRACED_NEURONS = 10;

    private static final List<String> SKIPPED = List.of("notes", "annotation", "property");
    /** The cell elements. */
    private static final List<String> CELLS = List.of("iafCell", "iafRefCell", "izhikevich2007Cell", "adExIaFCell",
        "spikeGeneratorPoisson", "spikeArray", "spikeGenerator");
    private static final List<String> COMPONENTS = List.of("iafCell", "iafRefCell", "izhikevich2007Cell",
        "adExIaFCell", "spikeGeneratorPoisson", "spikeArray", "spikeGenerator",
        "expOneSynapse", "expTwoSynapse", "alphaSynapse", "pulseGenerator", "poissonFiringSynapse",
        "timedSynapticInput", "network");
    private static final Pattern CELL_PATH = Pattern.compile("(?:\\.\\./)?([^/\\[\\]]+)(?:\\[(\\d+)\\]|/(\\d+)(?:/.*)?)");
    /** [ms] the time step of a NeuroML document run without one (NeuroML holds none). */
    static final double DEFAULT_DT = 0.1;
    /** 1/ms in Hz. */
    private static final double HZ_PER_PER_MS = 1000.0;
    /** [ms] the duration of a NeuroML document run without one. */
    static final double DEFAULT_DURATION = 1000;
    static final long DEFAULT_SEED = 42;
    private static final String JLEMS = "jLEMS semantics";

    private final String file;
    private final ModelLoader.Overrides overrides;
    private final Map<String, XmlElement> components = new LinkedHashMap<>();
    private final Map<String, XmlElement> networks = new LinkedHashMap<>();
    private final java.util.Set<Path> read = new java.util.HashSet<>();
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private Network network;
    private double dt;
    private double duration;
    private long synapses;

    NeuroMLImporter(final String file, final ModelLoader.Overrides overrides)
    {
        this.file = file;
        this.overrides = overrides;
    }

    /**
     * Imports a file.
     *
     * @param path      the {@code .nml} file.
     * @param overrides dt, duration (NeuroML has none; default 1 s), seed and what to record.
     * @throws ModelFileException with {@code file:line:column} for an unsupported element, a
     *                            missing attribute, a wrong unit or an undefined reference.
     */
    public static ModelFile load(final Path path, final ModelLoader.Overrides overrides)
    {
        final XmlElement root = parse(path);
        final NeuroMLImporter importer = new NeuroMLImporter(path.toString(), overrides);
        importer.collect(root, path);
        if (importer.networks.size() > 1)
        {
            throw root.error("the document has " + importer.networks.size() + " networks " + importer.networks.keySet()
                + "; run a LEMS simulation file whose <Simulation target=...> chooses one");
        }
        final List<String> notes = new ArrayList<>();
        final List<String> defaults = new ArrayList<>();
        if (overrides.dtMs() == null)
        {
            defaults.add("dt " + Units.format(DEFAULT_DT) + " ms");
        }
        if (overrides.durationMs() == null)
        {
            defaults.add("duration " + Units.format(DEFAULT_DURATION) + " ms");
        }
        if (!defaults.isEmpty())
        {
            notes.add("NeuroML holds no time step or duration: ran with " + String.join(" and ", defaults)
                + " (set --dt and --duration, or run a LEMS simulation file)");
        }
        if (overrides.jlems())
        {
            final double dtMs = overrides.dtMs() != null ? overrides.dtMs() : DEFAULT_DT;
            importer.useClock(new LemsClock(dtMs / 1000.0), true);
        }
        importer.build(importer.onlyNetwork(root), overrides.dtMs() != null ? overrides.dtMs() : DEFAULT_DT,
            overrides.durationMs() != null ? overrides.durationMs() : DEFAULT_DURATION,
            overrides.seed() != null ? overrides.seed() : DEFAULT_SEED);
        return importer.monitored(notes, List.of());
    }

    /** Parses an XML file; a file that cannot be read is one located error. */
    static XmlElement parse(final Path path)
    {
        try (InputStream in = Files.newInputStream(path))
        {
            return XmlElement.parse(path.toString(), in);
        }
        catch (final NoSuchFileException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "cannot read the file (no such file)", e);
        }
        catch (final IOException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "cannot read the file (" + e + ")", e);
        }
    }

    /**
     * Adds the components and networks of a {@code <neuroml>} document, and of the documents its
     * {@code <include href=...>} elements name (relative to its folder; each read once).
     */
    void collect(final XmlElement root, final Path path)
    {
        if (!"neuroml".equals(root.name()))
        {
            throw root.error("not a NeuroML 2 document: the root element is <" + root.name() + ">, expected <neuroml>");
        }
        read.add(path.toAbsolutePath().normalize());
        for (final XmlElement e : root.children())
        {
            if (SKIPPED.contains(e.name()))
            {
                continue;
            }
            if ("include".equals(e.name()))
            {
                include(e, path, e.require("href"));
                continue;
            }
            component(e);
        }
    }

    /** Reads the NeuroML document {@code href} names, relative to the folder of {@code from}. */
    void include(final XmlElement at, final Path from, final String href)
    {
        final Path parent = from.toAbsolutePath().getParent();
        final Path target = (parent == null ? Path.of(href) : parent.resolve(href)).normalize();
        if (read.contains(target))
        {
            return;
        }
        if (!Files.exists(target))
        {
            throw at.error("cannot read the included file " + target + " (no such file)");
        }
        collect(parse(target), target);
    }

    /** Adds one component (or network) element, which must be supported and have a new id. */
    void component(final XmlElement e)
    {
        checkSupported(e, COMPONENTS);
        final String id = e.require("id");
        final Map<String, XmlElement> into = "network".equals(e.name()) ? networks : components;
        if (components.containsKey(id) || networks.containsKey(id))
        {
            throw e.error("the id '" + id + "' is defined twice");
        }
        into.put(id, e);
    }

    /** The document's one network. */
    private XmlElement onlyNetwork(final XmlElement root)
    {
        if (networks.isEmpty())
        {
            throw root.error("the document has no <network>");
        }
        return networks.values().iterator().next();
    }

    /** The network of that id, or null. */
    XmlElement network(final String id)
    {
        return networks.get(id);
    }

    /** The ids of the networks read. */
    java.util.Set<String> networkIds()
    {
        return networks.keySet();
    }

    /** The population of that id in the built network, or null. */
    Population population(final String id)
    {
        return populations.get(id);
    }

    /** The component element of a population (its cell type). */
    XmlElement cellOf(final String population)
    {
        return components.get(cellIds.get(population));
    }

    private final Map<String, String> cellIds = new LinkedHashMap<>();

    /** The built network. */
    Network builtNetwork()
    {
        return network;
    }

    /**
     * Builds {@code networkElement} with the collected components.
     *
     * @param dtMs       [ms] time step.
     * @param durationMs [ms] run time (spike generators are laid out over it).
     * @param seed       the seed.
     */
    void build(final XmlElement networkElement, final double dtMs, final double durationMs, final long seed)
    {
        dt = dtMs;
        clock = clock != null ? clock : new LemsClock(dtMs / 1000.0, false);
        duration = durationMs;
        network = new Network(dt, seed);
        if (jlems)
        {
            planJlems(networkElement);
        }
        final List<XmlElement> later = new ArrayList<>();
        for (final XmlElement e : networkElement.children())
        {
            if (SKIPPED.contains(e.name()))
            {
                continue;
            }
            checkSupported(e, List.of("population", "projection", "explicitInput", "inputList"));
            if ("population".equals(e.name()))
            {
                population(e);
            }
            else
            {
                later.add(e);
            }
        }
        for (final XmlElement e : later)
        {
            switch (e.name())
            {
                case "projection" -> projection(e);
                case "explicitInput" -> input(e, e.require("target"), e.require("input"), 1.0);
                default -> inputList(e);
            }
        }
        networkName = networkElement.attribute("id") == null ? "network" : networkElement.attribute("id");
    }

    private String networkName;
    /** The clock spike sources are laid out on: jLEMS's, or exact multiples of dt. */
    private LemsClock clock;

    /** Whether the network runs with jLEMS's semantics (see {@link LemsSimulation}). */
    private boolean jlems;
    /** Spike-source populations whose spikes Myelin emits one step early (see {@link #build}). */
    private final java.util.Set<String> earlySources = new java.util.HashSet<>();

    /**
     * Lays spike sources out on {@code lemsClock} instead of exact multiples of dt and, with
     * {@code jlemsSemantics}, runs the network as jLEMS does; call before {@link #build}.
     */
    void useClock(final LemsClock lemsClock, final boolean jlemsSemantics)
    {
        this.clock = lemsClock;
        this.jlems = jlemsSemantics;
    }

    /** Steps a population's spikes are emitted before jLEMS emits them: 1 for early sources, else 0. */
    int emissionShift(final String population)
    {
        return earlySources.contains(population) ? 1 : 0;
    }

    private Integrator synapseIntegrator()
    {
        return jlems ? Integrator.EULER : Integrator.EXACT;
    }

    private static void checkSupported(final XmlElement e, final List<String> supported)
    {
        if (!supported.contains(e.name()))
        {
            throw e.error("unsupported NeuroML element <" + e.name() + ">; supported here: "
                + String.join(", ", supported));
        }
    }

    private XmlElement component(final XmlElement at, final String id, final List<String> kinds)
    {
        final XmlElement c = components.get(id);
        if (c == null)
        {
            throw at.error("undefined component '" + id + "'; defined: " + components.keySet());
        }
        if (!kinds.contains(c.name()))
        {
            throw at.error("'" + id + "' is a <" + c.name() + ">, expected one of " + kinds);
        }
        return c;
    }

    private void population(final XmlElement e)
    {
        final String id = e.require("id");
        final XmlElement c = component(e, e.require("component"), CELLS);
        final long instances = e.children().stream().filter(x -> "instance".equals(x.name())).count();
        final int size = e.attribute("size") != null ? e.integer("size", 1) : (int) instances;
        if (size < 1)
        {
            throw e.error("<population id=\"" + id + "\"> needs size >= 1 or <instance> children");
        }
        cellIds.put(id, c.attribute("id"));
        final Population p = at(c, "", () -> switch (c.name())
        {
            case "spikeGeneratorPoisson" -> new PoissonGroup(id, size, rate(c, "averageRate"));
            case "spikeArray", "spikeGenerator" -> spikeSource(id, size, emissions(c, id));
            case "izhikevich2007Cell" -> new AdQuaIf(id, size, izhikevich2007(c))
                .initial("v", Initializer.constant(c.quantity("v0", Dimension.VOLTAGE)));
            case "adExIaFCell" -> new AdEx(id, size, adex(c));
            default -> new Lif(id, size, lif(c));
        });
        populations.put(id, network.add(p));
        if (jlems && ("iafRefCell".equals(c.name()) || "adExIaFCell".equals(c.name())))
        {
            // jLEMS: refractory from its step k until the first step m with t_m > t_k + refract, integrating
            // again at step m + 1; Myelin's step n is jLEMS's n + 1, so it integrates again at step m
            final double refract = seconds(c, "refract");
            ((NeuronGroup) p).refractoryClock((neuron, step) -> (int) (clock.firstAfter(clock.time(step + 1) + refract,
                step + 2) - step));
        }
    }

    /**
     * Checks that jLEMS's order of events can be reproduced and chooses which spike sources emit
     * early. jLEMS updates populations in the network's order, neurons in index order, each
     * neuron's synapses before the neuron; a spike reaches the synapses of a zero-delay connection
     * at once, so a target updated later in the same step already feels it, a target updated
     * earlier feels it from the next step (Myelin's timing). Spike sources know their spikes in
     * advance, so a source that reaches later populations emits one step early in Myelin and its
     * targets feel it in the step jLEMS's do; for neurons that is impossible, and such a
     * connection needs a delay.
     */
    private void planJlems(final XmlElement networkElement)
    {
        final Map<String, Integer> order = new LinkedHashMap<>();
        final Map<String, XmlElement> cellOf = new LinkedHashMap<>();
        for (final XmlElement e : networkElement.children())
        {
            if ("population".equals(e.name()))
            {
                order.put(e.require("id"), order.size());
                cellOf.put(e.require("id"), components.get(e.require("component")));
            }
        }
        final Map<String, Boolean> sourceDirection = new LinkedHashMap<>();
        for (final XmlElement e : networkElement.children())
        {
            if ("population".equals(e.name()))
            {
                final XmlElement cell = cellOf.get(e.require("id"));
                if (cell != null && "spikeGeneratorPoisson".equals(cell.name()))
                {
                    throw e.error(JLEMS + ": <spikeGeneratorPoisson> draws random spikes, which cannot be jLEMS's; "
                        + "run without --semantics jlems");
                }
            }
            if ("explicitInput".equals(e.name()) || "inputList".equals(e.name()))
            {
                final XmlElement input = components.get("explicitInput".equals(e.name()) ? e.require("input")
                    : e.require("component"));
                if (input != null && !"pulseGenerator".equals(input.name()))
                {
                    throw e.error(JLEMS + ": <" + input.name() + "> inputs are not reproduced in jLEMS's order; "
                        + "jLEMS semantics take pulseGenerator inputs and spike sources in populations");
                }
            }
            if (!"projection".equals(e.name()))
            {
                continue;
            }
            final String pre = e.require("presynapticPopulation");
            final String post = e.require("postsynapticPopulation");
            final XmlElement cell = cellOf.get(pre);
            final boolean source = cell != null && ("spikeArray".equals(cell.name()) || "spikeGenerator".equals(
                cell.name()));
            for (final XmlElement c : e.children())
            {
                if (!"connection".equals(c.name()) && !"connectionWD".equals(c.name())
                    || "connectionWD".equals(c.name()) && seconds(c, "delay") > 0)
                {
                    continue;
                }
                final CellRef from = parseRef(c, c.require("preCellId"), order);
                final CellRef to = parseRef(c, c.require("postCellId"), order);
                final boolean forward = order.get(post) > order.get(pre)
                    || pre.equals(post) && to.index() > from.index();
                if (!source && forward)
                {
                    throw c.error(JLEMS + ": a spike of " + pre + "[" + from.index() + "] reaches " + post + "["
                        + to.index() + "] in the step it is emitted (jLEMS updates the target later in the same "
                        + "step), which Myelin's step cannot reproduce; give the connection a delay of at least one "
                        + "step (connectionWD delay=...)");
                }
                if (source && sourceDirection.containsKey(pre) && sourceDirection.get(pre) != forward)
                {
                    throw c.error(JLEMS + ": spike source " + pre + " reaches populations both before and after it "
                        + "in jLEMS's order without a delay, which one emission step cannot serve");
                }
                if (source)
                {
                    sourceDirection.put(pre, forward);
                }
            }
        }
        sourceDirection.forEach((pre, forward) ->
        {
            if (forward)
            {
                earlySources.add(pre);
            }
        });
    }

    /** A cell reference's population and index, before any population is built. */
    private static CellRef parseRef(final XmlElement at, final String path, final Map<String, Integer> order)
    {
        final Matcher m = CELL_PATH.matcher(path.strip());
        if (!m.matches() || !order.containsKey(m.group(1)))
        {
            throw at.error("cannot read the cell reference '" + path + "'; expected ../population/index/component or"
                + " population[index] of this network");
        }
        return new CellRef(null, Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3)));
    }


    /**
     * The Myelin steps at which a spike source emits: jLEMS emits at the first step whose time
     * passes the source's condition, and Myelin's step n is jLEMS's step n + 1, so a spike that
     * jLEMS emits at its step k is Myelin's spike of step k − 1 and reaches its targets at the same
     * point of the run.
     *
     * <p>{@code spikeArray} (and {@code timedSynapticInput}): one spike per child {@code <spike
     * time>} at the first step with {@code t >= time}; {@code spikeGenerator}: a spike at the
     * first step with {@code t > tnext − 1e-9 ms}, tnext = period, 2·period, ... (at most one a
     * step), as NeuroML's definitions say.
     */
    private long[] emissions(final XmlElement c, final String population)
    {
        final int shift = emissionShift(population);
        final long last = clock.steps(duration / 1000.0);
        final List<Long> steps = new ArrayList<>();
        if ("spikeGenerator".equals(c.name()))
        {
            final double period = seconds(c, "period");
            if (!(period > 0))
            {
                throw c.error("<spikeGenerator id=\"" + c.attribute("id") + "\">: period must be > 0 s, got period="
                    + c.require("period"));
            }
            final double small = 1e-9 * 1e-3;
            double next = period;
            long k = 1;
            while (true)
            {
                k = clock.firstAfter(next - small, k);
                if (k > last)
                {
                    break;
                }
                steps.add(early(c, k - 1 - shift));
                next += period;
                k++;
            }
        }
        else
        {
            for (final XmlElement spike : c.children())
            {
                if (SKIPPED.contains(spike.name()))
                {
                    continue;
                }
                checkSupported(spike, List.of("spike"));
                final long k = clock.firstAtOrAfter(seconds(spike, "time"), 1);
                if (k <= last)
                {
                    steps.add(early(c, k - 1 - shift));
                }
            }
            java.util.Collections.sort(steps);
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /** A Myelin emission step, which must not be before the run's first step. */
    private static long early(final XmlElement c, final long step)
    {
        if (step < 0)
        {
            throw c.error(JLEMS + ": <" + c.name() + " id=\"" + c.attribute("id") + "\"> spikes in jLEMS's first step "
                + "and its targets feel it in that step, before Myelin's first step can deliver it; start it later");
        }
        return step;
    }

    /** A time attribute in seconds, converted as jLEMS converts it. */
    private static double seconds(final XmlElement e, final String key)
    {
        final String text = e.require(key);
        try
        {
            return LemsClock.seconds(text);
        }
        catch (final ModelException ex)
        {
            throw e.error("<" + e.name() + ">: " + key + ": " + ex.getMessage(), ex);
        }
    }

    /** Sources that all spike at the given steps (a population of one spike train). */
    private SpikeGeneratorGroup spikeSource(final String id, final int size, final long[] steps)
    {
        final int[] indices = new int[steps.length * size];
        final double[] times = new double[indices.length];
        for (int k = 0; k < steps.length; k++)
        {
            for (int i = 0; i < size; i++)
            {
                indices[k * size + i] = i;
                times[k * size + i] = steps[k] * dt;
            }
        }
        return new SpikeGeneratorGroup(id, size, indices, times);
    }

    /**
     * Runs {@code body}; a model's error (not already located) is reported at element {@code at},
     * after {@code prefix}.
     */
    private static <T> T at(final XmlElement at, final String prefix, final java.util.function.Supplier<T> body)
    {
        try
        {
            return body.get();
        }
        catch (final ModelFileException e)
        {
            throw e;
        }
        catch (final ModelException e)
        {
            throw at.error(prefix + e.getMessage(), e);
        }
    }

    private double rate(final XmlElement c, final String key)
    {
        final double hz = c.quantity(key, Dimension.FREQUENCY);
        if (hz * dt / 1000.0 > 1.0)
        {
            throw c.error("<" + c.name() + ">: " + key + " must be <= 1/dt = " + Units.format(1000 / dt) + " Hz, got "
                + key + "=" + c.require(key));
        }
        return hz;
    }

    private Lif.Parameters lif(final XmlElement c)
    {
        final double g = c.quantity("leakConductance", Dimension.CONDUCTANCE);
        final double cm = c.quantity("C", Dimension.CAPACITANCE);
        if (!(g > 0) || !(cm > 0))
        {
            throw c.error("<" + c.name() + ">: leakConductance and C must be > 0, got leakConductance="
                + c.require("leakConductance") + ", C=" + c.require("C"));
        }
        final double tRef = "iafRefCell".equals(c.name()) ? c.quantity("refract", Dimension.TIME) : 0.0;
        return at(c, c.name() + " '" + c.attribute("id") + "': ", () -> new Lif.Parameters(
            c.quantity("leakReversal", Dimension.VOLTAGE), c.quantity("thresh", Dimension.VOLTAGE),
            c.quantity("reset", Dimension.VOLTAGE), cm / g, 1.0 / g, tRef, 0.0,
            jlems ? Integrator.EULER : Integrator.EXACT));
    }

    /**
     * NeuroML's {@code izhikevich2007Cell}, {@code C·dv/dt = k·(v − vr)·(v − vt) − u + I},
     * {@code du/dt = a·(b·(v − vr) − u)}, at {@code v > vpeak}: {@code v ← c, u ← u + d}, as an
     * {@link AdQuaIf}: dividing by a conductance 1/R gives
     * {@code R·C·dv/dt = k·R·(v − vr)·(v − vt) − R·u + R·I}, i.e. AdQuaIF with vRest = vr,
     * vC = vt, vTh = vpeak, vReset = c, c = k·R, tauM = R·C, w = u, tauW = 1/a, a = b, b = d and
     * no refractory period; any R gives the same v, and R = 1 GΩ is taken. v starts at v0, u at 0.
     */
    private AdQuaIf.Parameters izhikevich2007(final XmlElement c)
    {
        final double r = 1.0;
        final double rate = c.quantity("a", Dimension.FREQUENCY) / HZ_PER_PER_MS;
        return at(c, c.name() + " '" + c.attribute("id") + "': ", () -> new AdQuaIf.Parameters(
            c.quantity("vr", Dimension.VOLTAGE), c.quantity("c", Dimension.VOLTAGE),
            c.quantity("vpeak", Dimension.VOLTAGE), c.quantity("vt", Dimension.VOLTAGE),
            c.quantity("k", Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE)) * r,
            c.quantity("C", Dimension.CAPACITANCE) * r, r, 1.0 / rate,
            c.quantity("b", Dimension.CONDUCTANCE), c.quantity("d", Dimension.CURRENT), 0.0, 0.0,
            jlems ? Integrator.EULER : AdQuaIf.Parameters.defaults().integrator()));
    }

    /**
     * NeuroML's {@code adExIaFCell} (Brette and Gerstner 2005) as {@link AdEx}: the same equations,
     * {@code thresh} being the spike cut-off vPeak; v starts at EL, w at 0.
     */
    private AdEx.Parameters adex(final XmlElement c)
    {
        return at(c, c.name() + " '" + c.attribute("id") + "': ", () -> new AdEx.Parameters(
            c.quantity("C", Dimension.CAPACITANCE), c.quantity("gL", Dimension.CONDUCTANCE),
            c.quantity("EL", Dimension.VOLTAGE), c.quantity("VT", Dimension.VOLTAGE),
            c.quantity("delT", Dimension.VOLTAGE), c.quantity("thresh", Dimension.VOLTAGE),
            c.quantity("reset", Dimension.VOLTAGE), c.quantity("tauw", Dimension.TIME),
            c.quantity("a", Dimension.CONDUCTANCE), c.quantity("b", Dimension.CURRENT),
            c.quantity("refract", Dimension.TIME), 0.0,
            jlems ? Integrator.EULER : AdEx.Parameters.defaults().integrator()));
    }

    /** A population index from {@code ../pop/3/cell} or {@code pop[3]}. */
    private record CellRef(Population population, int index)
    {
    }

    private CellRef cell(final XmlElement at, final String path, final String expectedPopulation)
    {
        final Matcher m = CELL_PATH.matcher(path.strip());
        if (!m.matches())
        {
            throw at.error("cannot read the cell reference '" + path + "'; expected ../population/index/component or"
                + " population[index]");
        }
        final String popName = m.group(1);
        final Population p = populations.get(popName);
        if (p == null)
        {
            throw at.error("undefined population '" + popName + "'; defined: " + populations.keySet());
        }
        if (expectedPopulation != null && !expectedPopulation.equals(popName))
        {
            throw at.error("'" + path + "' is not in population '" + expectedPopulation + "'");
        }
        final int index = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        if (index >= p.size())
        {
            throw at.error("cell index " + index + " is out of range for population '" + popName + "' of size "
                + p.size());
        }
        return new CellRef(p, index);
    }

    private NeuronGroup target(final XmlElement at, final Population p)
    {
        if (!(p instanceof NeuronGroup g))
        {
            throw at.error("population '" + p.name() + "' holds spike sources (" + p.kind()
                + "), which cannot receive synapses or inputs");
        }
        return g;
    }

    private void projection(final XmlElement e)
    {
        final String id = e.require("id");
        final Population pre = populations.get(e.require("presynapticPopulation"));
        final Population post = populations.get(e.require("postsynapticPopulation"));
        if (pre == null || post == null)
        {
            throw e.error("<projection id=\"" + id + "\">: undefined population '" + (pre == null
                ? e.require("presynapticPopulation") : e.require("postsynapticPopulation")) + "'; defined: "
                + populations.keySet());
        }
        final NeuronGroup target = target(e, post);
        final XmlElement syn = component(e, e.require("synapse"), SYNAPSES);
        // connections grouped by delay: each group is one align-post projection with a homogeneous delay
        final Map<Double, List<double[]>> byDelay = new TreeMap<>();
        for (final XmlElement c : e.children())
        {
            if (SKIPPED.contains(c.name()))
            {
                continue;
            }
            checkSupported(c, List.of("connection", "connectionWD"));
            final CellRef from = cell(c, c.require("preCellId"), pre.name());
            final CellRef to = cell(c, c.require("postCellId"), post.name());
            final boolean wd = "connectionWD".equals(c.name());
            final double weight = wd ? c.number("weight") : 1.0;
            // with jLEMS's semantics the delay in seconds as jLEMS reads it, timed on its clock; else ms, whole steps
            final double delay = !wd ? 0.0 : jlems ? seconds(c, "delay") : c.quantity("delay", Dimension.TIME);
            if (!jlems)
            {
                checkDelay(c, id, delay);
            }
            byDelay.computeIfAbsent(delay, d -> new ArrayList<>()).add(new double[] {from.index(), to.index(), weight});
        }
        int group = 0;
        for (final Map.Entry<Double, List<double[]>> entry : byDelay.entrySet())
        {
            final List<double[]> list = entry.getValue();
            final int[] a = list.stream().mapToInt(x -> (int) x[0]).toArray();
            final int[] b = list.stream().mapToInt(x -> (int) x[1]).toArray();
            final boolean unit = list.stream().allMatch(x -> x[2] == 1.0);
            final float[] w = new float[list.size()];
            for (int k = 0; k < w.length; k++)
            {
                w[k] = (float) list.get(k)[2];
            }
            final String name = byDelay.size() == 1 ? id : id + "@" + Units.format(entry.getKey() * (jlems ? 1000 : 1))
                + "ms";
            if (jlems && entry.getKey() > 0)
            {
                final double[] factors = list.stream().mapToDouble(x -> x[2]).toArray();
                at(e, "", () -> network.add(new ClockedDelivery(name, pre, target, target.receptor("g_"
                    + syn.require("id"), synapseModel(syn), new Coba(syn.quantity("erev", Dimension.VOLTAGE))),
                    weightOf(syn), entry.getKey(), clock, a, b, factors)));
            }
            else
            {
                connectThrough(e, name, pre, target, new ConnectionList(a, b, unit ? null : w), syn, entry.getKey());
            }
            synapses += a.length;
            group++;
        }
        if (group == 0)
        {
            // a projection without connections still creates its receptor, as NeuroML simulators do
            connectThrough(e, id, pre, target, new ConnectionList(new int[0], new int[0], null), syn, 0.0);
        }
    }

    private void checkDelay(final XmlElement at, final String owner, final double delay)
    {
        try
        {
            Units.toSteps(owner, "delay", delay, dt, false);
        }
        catch (final ModelException ex)
        {
            throw at.error(ex.getMessage(), ex);
        }
    }

    private void connectThrough(final XmlElement at, final String name, final Population pre, final NeuronGroup post,
        final ConnectionList connections, final XmlElement syn, final double delay)
    {
        at(at, "", () -> network.connect(name, pre, post, connections, synapseModel(syn),
            new Coba(syn.quantity("erev", Dimension.VOLTAGE)), "g_" + syn.require("id"), weightOf(syn), delay));
    }

    /** [nS] A synapse's weight per spike: gbase, times e for an alpha synapse (its unit response peaks at 1/e). */
    private static double weightOf(final XmlElement syn)
    {
        return syn.quantity("gbase", Dimension.CONDUCTANCE) * ("alphaSynapse".equals(syn.name()) ? Math.E : 1.0);
    }

    private SynapseModel synapseModel(final XmlElement syn)
    {
        return at(syn, syn.name() + " '" + syn.attribute("id") + "': ", () -> switch (syn.name())
        {
            case "expTwoSynapse" -> new DualExponential(syn.quantity("tauDecay", Dimension.TIME),
                syn.quantity("tauRise", Dimension.TIME), 1.0, DualExponential.Normalization.PEAK, synapseIntegrator());
            case "alphaSynapse" -> new Alpha(syn.quantity("tau", Dimension.TIME), synapseIntegrator());
            default -> new Exponential(syn.quantity("tauDecay", Dimension.TIME), synapseIntegrator());
        });
    }

    private void inputList(final XmlElement e)
    {
        final String pop = e.require("population");
        final String component = e.require("component");
        for (final XmlElement in : e.children())
        {
            if (SKIPPED.contains(in.name()))
            {
                continue;
            }
            checkSupported(in, List.of("input", "inputW"));
            final String targetPath = in.require("target");
            final CellRef ref = cell(in, targetPath, pop);
            final double weight = "inputW".equals(in.name()) ? in.number("weight") : 1.0;
            input(in, ref.population().name() + "[" + ref.index() + "]", component, weight);
        }
    }

    private void input(final XmlElement at, final String targetPath, final String inputId, final double weight)
    {
        final CellRef ref = cell(at, targetPath, null);
        final NeuronGroup group = target(at, ref.population());
        final XmlElement c = component(at, inputId, List.of("pulseGenerator", "poissonFiringSynapse",
            "timedSynapticInput"));
        if ("pulseGenerator".equals(c.name()))
        {
            final double amplitude = weight * c.quantity("amplitude", Dimension.CURRENT);
            final PulseCurrent pulse = at(c, "", () -> jlems
                // jLEMS: on at its steps k with delay <= t_k < delay + duration, Myelin's steps k - 1
                ? new PulseCurrent(ref.index(), clock.firstAtOrAfter(seconds(c, "delay"), 1) - 1,
                    clock.firstAtOrAfter(seconds(c, "duration") + seconds(c, "delay"), 1) - 1, amplitude)
                : PulseCurrent.atStepStarts(ref.index(), c.quantity("delay", Dimension.TIME),
                    c.quantity("duration", Dimension.TIME), amplitude, dt));
            group.addInput(pulse);
            return;
        }
        final XmlElement syn = component(c, c.require("synapse"), SYNAPSES);
        final String name = inputId + "->" + ref.population().name() + "[" + ref.index() + "]#" + network.deliveries()
            .size();
        final Population source = network.add("timedSynapticInput".equals(c.name())
            ? at(c, "", () -> spikeSource(name, 1, emissions(c, name)))
            : new PoissonGroup(name, 1, rate(c, "averageRate")));
        connectThrough(at, name + ":syn", source, group, new ConnectionList(new int[] {0}, new int[] {ref.index()},
            weight == 1.0 ? null : new float[] {(float) weight}), syn, 0.0);
        synapses++;
    }

    /**
     * The model with the monitors Myelin's outputs use: every population's spikes and v of the
     * first neurons of each cell population.
     *
     * @param notes   what the run should tell the user about how the file was read.
     * @param outputs files the model writes besides Myelin's.
     */
    ModelFile monitored(final List<String> notes, final List<ModelFile.RunOutput> outputs)
    {
        final String name = networkName;
        final Recording recording = overrides.record() == null ? Recording.ALL
            : Recording.parse(overrides.record(), populations.keySet());
        final List<SpikeMonitor> spikes = new ArrayList<>();
        final List<StateMonitor> states = new ArrayList<>();
        for (final Population p : populations.values())
        {
            if (recording.spikes(p.name()))
            {
                spikes.add(network.monitorSpikes(p));
            }
            if (p instanceof NeuronGroup && recording.states(p.name()))
            {
                states.add(network.monitorState(p, "v", IntStream.range(0, Math.min(TRACED_NEURONS, p.size()))
                    .toArray(), 1));
            }
        }
        final long neurons = network.neuronCount();
        final double bytes = 48.0 * neurons + 8.0 * synapses + 8.0 * TRACED_NEURONS * states.size() * (duration / dt);
        return new ModelFile(name, network, duration, null, List.copyOf(spikes), List.copyOf(states),
            new ModelFile.Estimate(neurons, synapses, bytes), List.copyOf(notes), List.copyOf(outputs));
    }
}
