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
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelFileException;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.model.Recording;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.AdEx;
import org.myelin.neuron.AdQuaIf;
import org.myelin.neuron.Integrator;
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
        "spikeGeneratorPoisson");
    private static final List<String> COMPONENTS = List.of("iafCell", "iafRefCell", "izhikevich2007Cell",
        "adExIaFCell", "spikeGeneratorPoisson",
        "expOneSynapse", "expTwoSynapse", "alphaSynapse", "pulseGenerator", "poissonFiringSynapse", "network");
    private static final Pattern CELL_PATH = Pattern.compile("(?:\\.\\./)?([^/\\[\\]]+)(?:\\[(\\d+)\\]|/(\\d+)(?:/.*)?)");
    private static final double DEFAULT_DT = 0.1;
    /** 1/ms in Hz. */
    private static final double HZ_PER_PER_MS = 1000.0;
    private static final double DEFAULT_DURATION = 1000;
    private static final long DEFAULT_SEED = 42;

    private final String file;
    private final ModelLoader.Overrides overrides;
    private final Map<String, XmlElement> components = new LinkedHashMap<>();
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private Network network;
    private double dt;
    private long synapses;

    private NeuroMLImporter(final String file, final ModelLoader.Overrides overrides)
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
        final XmlElement root;
        try (InputStream in = Files.newInputStream(path))
        {
            root = XmlElement.parse(path.toString(), in);
        }
        catch (final NoSuchFileException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "cannot read the file (no such file)", e);
        }
        catch (final IOException e)
        {
            throw new ModelFileException(path.toString(), 0, 0, "cannot read the file (" + e + ")", e);
        }
        return new NeuroMLImporter(path.toString(), overrides).read(root);
    }

    private ModelFile read(final XmlElement root)
    {
        if (!"neuroml".equals(root.name()))
        {
            throw root.error("not a NeuroML 2 document: the root element is <" + root.name() + ">, expected <neuroml>");
        }
        XmlElement networkElement = null;
        for (final XmlElement e : root.children())
        {
            if (SKIPPED.contains(e.name()))
            {
                continue;
            }
            checkSupported(e, COMPONENTS);
            if ("network".equals(e.name()))
            {
                if (networkElement != null)
                {
                    throw e.error("only one <network> per file is supported");
                }
                networkElement = e;
            }
            else
            {
                final String id = e.require("id");
                if (components.put(id, e) != null)
                {
                    throw e.error("the id '" + id + "' is defined twice");
                }
            }
        }
        if (networkElement == null)
        {
            throw root.error("the document has no <network>");
        }
        dt = overrides.dtMs() != null ? overrides.dtMs() : DEFAULT_DT;
        final double duration = overrides.durationMs() != null ? overrides.durationMs() : DEFAULT_DURATION;
        network = new Network(dt, overrides.seed() != null ? overrides.seed() : DEFAULT_SEED);
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
        return monitored(networkElement.attribute("id") == null ? "network" : networkElement.attribute("id"),
            duration);
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
        final Population p = at(c, "", () -> switch (c.name())
        {
            case "spikeGeneratorPoisson" -> new PoissonGroup(id, size, rate(c, "averageRate"));
            case "izhikevich2007Cell" -> new AdQuaIf(id, size, izhikevich2007(c))
                .initial("v", Initializer.constant(c.quantity("v0", Dimension.VOLTAGE)));
            case "adExIaFCell" -> new AdEx(id, size, adex(c));
            default -> new Lif(id, size, lif(c));
        });
        populations.put(id, network.add(p));
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

    private static Lif.Parameters lif(final XmlElement c)
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
            c.quantity("reset", Dimension.VOLTAGE), cm / g, 1.0 / g, tRef, 0.0, Integrator.EXACT));
    }

    /**
     * NeuroML's {@code izhikevich2007Cell}, {@code C·dv/dt = k·(v − vr)·(v − vt) − u + I},
     * {@code du/dt = a·(b·(v − vr) − u)}, at {@code v > vpeak}: {@code v ← c, u ← u + d}, as an
     * {@link AdQuaIf}: dividing by a conductance 1/R gives
     * {@code R·C·dv/dt = k·R·(v − vr)·(v − vt) − R·u + R·I}, i.e. AdQuaIF with vRest = vr,
     * vC = vt, vTh = vpeak, vReset = c, c = k·R, tauM = R·C, w = u, tauW = 1/a, a = b, b = d and
     * no refractory period; any R gives the same v, and R = 1 GΩ is taken. v starts at v0, u at 0.
     */
    private static AdQuaIf.Parameters izhikevich2007(final XmlElement c)
    {
        final double r = 1.0;
        final double rate = c.quantity("a", Dimension.FREQUENCY) / HZ_PER_PER_MS;
        return at(c, c.name() + " '" + c.attribute("id") + "': ", () -> new AdQuaIf.Parameters(
            c.quantity("vr", Dimension.VOLTAGE), c.quantity("c", Dimension.VOLTAGE),
            c.quantity("vpeak", Dimension.VOLTAGE), c.quantity("vt", Dimension.VOLTAGE),
            c.quantity("k", Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE)) * r,
            c.quantity("C", Dimension.CAPACITANCE) * r, r, 1.0 / rate,
            c.quantity("b", Dimension.CONDUCTANCE), c.quantity("d", Dimension.CURRENT), 0.0, 0.0,
            AdQuaIf.Parameters.defaults().integrator()));
    }

    /**
     * NeuroML's {@code adExIaFCell} (Brette and Gerstner 2005) as {@link AdEx}: the same equations,
     * {@code thresh} being the spike cut-off vPeak; v starts at EL, w at 0.
     */
    private static AdEx.Parameters adex(final XmlElement c)
    {
        return at(c, c.name() + " '" + c.attribute("id") + "': ", () -> new AdEx.Parameters(
            c.quantity("C", Dimension.CAPACITANCE), c.quantity("gL", Dimension.CONDUCTANCE),
            c.quantity("EL", Dimension.VOLTAGE), c.quantity("VT", Dimension.VOLTAGE),
            c.quantity("delT", Dimension.VOLTAGE), c.quantity("thresh", Dimension.VOLTAGE),
            c.quantity("reset", Dimension.VOLTAGE), c.quantity("tauw", Dimension.TIME),
            c.quantity("a", Dimension.CONDUCTANCE), c.quantity("b", Dimension.CURRENT),
            c.quantity("refract", Dimension.TIME), 0.0, AdEx.Parameters.defaults().integrator()));
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
            final double delay = wd ? c.quantity("delay", Dimension.TIME) : 0.0;
            checkDelay(c, id, delay);
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
            final String name = byDelay.size() == 1 ? id : id + "@" + Units.format(entry.getKey()) + "ms";
            connectThrough(e, name, pre, target, new ConnectionList(a, b, unit ? null : w), syn, entry.getKey());
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
            new Coba(syn.quantity("erev", Dimension.VOLTAGE)), "g_" + syn.require("id"),
            syn.quantity("gbase", Dimension.CONDUCTANCE) * ("alphaSynapse".equals(syn.name()) ? Math.E : 1.0),
            delay));
    }

    private static SynapseModel synapseModel(final XmlElement syn)
    {
        return at(syn, syn.name() + " '" + syn.attribute("id") + "': ", () -> switch (syn.name())
        {
            case "expTwoSynapse" -> new DualExponential(syn.quantity("tauDecay", Dimension.TIME),
                syn.quantity("tauRise", Dimension.TIME), 1.0, DualExponential.Normalization.PEAK);
            case "alphaSynapse" -> new Alpha(syn.quantity("tau", Dimension.TIME));
            default -> new Exponential(syn.quantity("tauDecay", Dimension.TIME));
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
        final XmlElement c = component(at, inputId, List.of("pulseGenerator", "poissonFiringSynapse"));
        if ("pulseGenerator".equals(c.name()))
        {
            final PulseCurrent pulse = at(c, "", () -> new PulseCurrent(ref.index(), c.quantity("delay", Dimension.TIME),
                c.quantity("duration", Dimension.TIME), weight * c.quantity("amplitude", Dimension.CURRENT)));
            group.addInput(pulse);
            return;
        }
        final XmlElement syn = component(c, c.require("synapse"), SYNAPSES);
        final String name = inputId + "->" + ref.population().name() + "[" + ref.index() + "]#" + network.deliveries()
            .size();
        final PoissonGroup source = network.add(new PoissonGroup(name, 1, rate(c, "averageRate")));
        connectThrough(at, name + ":syn", source, group, new ConnectionList(new int[] {0}, new int[] {ref.index()},
            weight == 1.0 ? null : new float[] {(float) weight}), syn, 0.0);
        synapses++;
    }

    private ModelFile monitored(final String name, final double duration)
    {
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
            new ModelFile.Estimate(neurons, synapses, bytes));
    }
}
