package org.myelin.io.neuroml;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.base.Population;
import org.myelin.io.ModelFileException;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;
import org.myelin.util.ModelException;

/**
 * Runs a LEMS simulation file ({@code LEMS_x.xml}, the way jNeuroML runs NeuroML models): the
 * {@code <Simulation>} that {@code <Target component=...>} names (or the only one) gives the time
 * step ({@code step}), the duration ({@code length}), the network ({@code target}) and the seed;
 * the NeuroML documents it {@code <Include>}s, and NeuroML elements written in the LEMS file
 * itself, give the network. The {@code <Include>}s of NeuroML's own type definitions
 * ({@code NeuroML2CoreTypes/Cells.xml}, ...) are what the importer implements and are skipped;
 * {@code <Display>}s (plots) are skipped.
 *
 * <p>Outputs, written after the run where and as jLEMS writes them (relative to the working
 * directory, missing folders created):
 * <ul>
 *   <li>{@code <OutputFile id fileName>} with {@code <OutputColumn id quantity="pop/0/cell/v">}
 *       (or {@code pop[0]/v}): one line per step 0 … round(length/step), the time and each
 *       column in SI units (s, V, A), as 32-bit floats, each followed by a tab;</li>
 *   <li>{@code <EventOutputFile id fileName format="TIME_ID|ID_TIME">} with
 *       {@code <EventSelection id select="pop/0/cell" eventPort="spike">}: one line per spike,
 *       its time in s (the end of the step it was emitted in) and the selection's id.</li>
 * </ul>
 * Times are jLEMS's clock, an accumulated sum of steps ({@link LemsClock}).
 */
public final class LemsSimulation
{
    /** The files of NeuroML's core type definitions that LEMS files include. */
    private static final Set<String> CORE_TYPES = Set.of("Cells.xml", "Channels.xml", "Inputs.xml", "Networks.xml",
        "NeuroML2CoreTypes.xml", "NeuroMLCoreCompTypes.xml", "NeuroMLCoreDimensions.xml", "PyNN.xml",
        "Simulation.xml", "Synapses.xml");
    private static final Pattern QUANTITY = Pattern.compile("([^/\\[\\]]+)(?:\\[(\\d+)\\]|/(\\d+)/[^/]+)(?:/(.+))?");
    private static final String TIME_ID = "TIME_ID";
    private static final String ID_TIME = "ID_TIME";

    private LemsSimulation()
    {
    }

    /** True when the file's root element is {@code <Lems>}. */
    static boolean isLems(final XmlElement root)
    {
        return "Lems".equals(root.name());
    }

    /**
     * Loads a LEMS simulation file.
     *
     * @param path      the file.
     * @param overrides values given outside the file (they win over the {@code <Simulation>}'s).
     * @param jlems     whether to lay spike sources out on jLEMS's clock (the jLEMS semantics).
     * @throws ModelFileException with {@code file:line:column} for anything it cannot run.
     */
    public static ModelFile load(final Path path, final ModelLoader.Overrides overrides, final boolean jlems)
    {
        final XmlElement root = NeuroMLImporter.parse(path);
        if (!isLems(root))
        {
            throw root.error("not a LEMS file: the root element is <" + root.name() + ">, expected <Lems>");
        }
        final NeuroMLImporter importer = new NeuroMLImporter(path.toString(), overrides);
        final Map<String, XmlElement> simulations = new LinkedHashMap<>();
        String target = null;
        XmlElement targetElement = null;
        for (final XmlElement e : root.children())
        {
            switch (e.name())
            {
                case "Target" ->
                {
                    target = e.require("component");
                    targetElement = e;
                }
                case "Include" -> include(importer, e, path);
                case "Simulation" -> simulations.put(e.require("id"), e);
                case "notes", "annotation", "Meta" ->
                {
                    // documentation
                }
                case "ComponentType", "Dimension", "Unit", "Constant", "Component", "Assertion" ->
                    throw e.error("<" + e.name() + "> defines LEMS types of its own, which Myelin does not interpret; "
                        + "it runs the NeuroML elements it knows (see docs/MODEL-FILES.md)");
                default -> importer.component(e);
            }
        }
        final XmlElement sim = simulation(root, simulations, target, targetElement);
        final double dtSeconds = seconds(sim, "step");
        final double lengthSeconds = seconds(sim, "length");
        // the clock of the run: jLEMS's step unless --dt replaces it
        final double stepSeconds = overrides.dtMs() != null ? overrides.dtMs() / 1000.0 : dtSeconds;
        final LemsClock clock = new LemsClock(stepSeconds, jlems);
        final LemsClock stamps = new LemsClock(stepSeconds, true);
        final double dtMs = overrides.dtMs() != null ? overrides.dtMs() : dtSeconds * 1000.0;
        final double durationMs = overrides.durationMs() != null ? overrides.durationMs()
            : new LemsClock(dtSeconds).steps(lengthSeconds) * dtMs;
        final long seed = overrides.seed() != null ? overrides.seed() : sim.attribute("seed") != null
            ? sim.integer("seed", 0) : NeuroMLImporter.DEFAULT_SEED;
        final String networkId = sim.require("target");
        final XmlElement network = importer.network(networkId);
        if (network == null)
        {
            throw sim.error("<Simulation id=\"" + sim.attribute("id") + "\">: target network '" + networkId
                + "' is not defined; networks: " + importer.networkIds());
        }
        importer.useClock(clock, jlems);
        importer.build(network, dtMs, durationMs, seed);
        final List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "ran <Simulation id=\"%s\"> of %s: dt %s ms%s, duration %s ms%s, "
            + "network '%s'%s", sim.attribute("id"), path.getFileName(), Units.format(dtMs),
            overrides.dtMs() != null ? " (from --dt)" : "", Units.format(durationMs),
            overrides.durationMs() != null ? " (from --duration)" : "", networkId,
            jlems ? ", jLEMS semantics" : ""));
        final List<ModelFile.RunOutput> outputs = new ArrayList<>();
        for (final XmlElement e : sim.children())
        {
            switch (e.name())
            {
                case "OutputFile" -> outputs.add(outputFile(importer, e, stamps));
                case "EventOutputFile" -> outputs.add(eventFile(importer, e, stamps));
                case "Display", "notes", "annotation", "Meta", "Record", "EventRecord" ->
                {
                    // plots and jLEMS's in-memory recordings: nothing to write
                }
                default -> throw e.error("unsupported element <" + e.name() + "> in <Simulation>; supported: "
                    + "OutputFile, EventOutputFile (Display is skipped)");
            }
        }
        return importer.monitored(notes, outputs);
    }

    private static double seconds(final XmlElement e, final String key)
    {
        try
        {
            return LemsClock.seconds(e.require(key));
        }
        catch (final ModelException ex)
        {
            throw e.error("<" + e.name() + " id=\"" + e.attribute("id") + "\">: " + key + ": " + ex.getMessage(), ex);
        }
    }

    private static void include(final NeuroMLImporter importer, final XmlElement e, final Path from)
    {
        final String file = e.attribute("file") != null ? e.require("file") : e.require("href");
        final String name = Path.of(file).getFileName().toString();
        if (CORE_TYPES.contains(name))
        {
            return;
        }
        importer.include(e, from, file);
    }

    private static XmlElement simulation(final XmlElement root, final Map<String, XmlElement> simulations,
        final String target, final XmlElement targetElement)
    {
        if (target != null)
        {
            final XmlElement sim = simulations.get(target);
            if (sim == null)
            {
                throw targetElement.error("<Target component=\"" + target + "\"> names no <Simulation>; simulations: "
                    + simulations.keySet());
            }
            return sim;
        }
        if (simulations.size() != 1)
        {
            throw root.error("the LEMS file has " + simulations.size() + " <Simulation>s and no <Target component=...>"
                + " choosing one");
        }
        return simulations.values().iterator().next();
    }

    /** A neuron named by a LEMS path, and the variable after it (null for a spike selection). */
    private record Cell(Population population, int index, String variable)
    {
    }

    private static Cell cell(final NeuroMLImporter importer, final XmlElement at, final String key,
        final boolean variable)
    {
        final String path = at.require(key);
        final Matcher m = QUANTITY.matcher(path.strip());
        if (!m.matches() || variable == (m.group(4) == null))
        {
            throw at.error("<" + at.name() + ">: cannot read " + key + "=\"" + path + "\"; expected "
                + (variable ? "population/index/component/variable or population[index]/variable"
                    : "population/index/component or population[index]"));
        }
        final Population p = importer.population(m.group(1));
        if (p == null)
        {
            throw at.error("<" + at.name() + ">: " + key + "=\"" + path + "\": no population '" + m.group(1) + "'");
        }
        final int index = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
        if (index >= p.size())
        {
            throw at.error("<" + at.name() + ">: " + key + "=\"" + path + "\": index " + index + " is out of range for "
                + "population '" + p.name() + "' of size " + p.size());
        }
        return new Cell(p, index, m.group(4));
    }

    /** The Myelin state variable of a LEMS variable and its factor from canonical to SI units. */
    private record Variable(String name, double toSi)
    {
    }

    private static Variable variable(final NeuroMLImporter importer, final XmlElement at, final Cell cell)
    {
        final XmlElement type = importer.cellOf(cell.population().name());
        final String kind = type == null ? "" : type.name();
        final Variable v = switch (kind + "/" + cell.variable())
        {
            case "iafCell/v", "iafRefCell/v", "izhikevich2007Cell/v", "adExIaFCell/v" -> new Variable("v", 1e-3);
            case "izhikevich2007Cell/u" -> new Variable("w", 1e-12);
            case "adExIaFCell/w" -> new Variable("w", 1e-12);
            default -> null;
        };
        if (v == null || !(cell.population() instanceof NeuronGroup))
        {
            throw at.error("<" + at.name() + ">: quantity \"" + at.require("quantity") + "\": Myelin records v of "
                + "iafCell, iafRefCell, izhikevich2007Cell and adExIaFCell, u of izhikevich2007Cell and w of "
                + "adExIaFCell, not " + cell.variable() + " of " + (kind.isEmpty() ? cell.population().kind() : kind));
        }
        return v;
    }

    private static Path file(final XmlElement e)
    {
        return Path.of(e.require("fileName"));
    }

    private static ModelFile.RunOutput outputFile(final NeuroMLImporter importer, final XmlElement e,
        final LemsClock stamps)
    {
        final Path path = file(e);
        final List<StateMonitor> monitors = new ArrayList<>();
        final List<Integer> columns = new ArrayList<>();
        final List<Double> toSi = new ArrayList<>();
        final Map<String, StateMonitor> byVariable = new LinkedHashMap<>();
        final List<Cell> cells = new ArrayList<>();
        final List<Variable> variables = new ArrayList<>();
        for (final XmlElement c : e.children())
        {
            if (!"OutputColumn".equals(c.name()))
            {
                throw c.error("unsupported element <" + c.name() + "> in <OutputFile>; supported: OutputColumn");
            }
            final Cell cell = cell(importer, c, "quantity", true);
            cells.add(cell);
            variables.add(variable(importer, c, cell));
        }
        // one monitor per population and variable, of the neurons its columns name
        final Map<String, java.util.TreeSet<Integer>> indices = new LinkedHashMap<>();
        for (int k = 0; k < cells.size(); k++)
        {
            indices.computeIfAbsent(cells.get(k).population().name() + "\u0000" + variables.get(k).name(),
                x -> new java.util.TreeSet<>()).add(cells.get(k).index());
        }
        for (int k = 0; k < cells.size(); k++)
        {
            final Cell cell = cells.get(k);
            final String variable = variables.get(k).name();
            final String key = cell.population().name() + "\u0000" + variable;
            final StateMonitor m = byVariable.computeIfAbsent(key, x -> importer.builtNetwork().monitorState(
                cell.population(), variable, indices.get(key).stream().mapToInt(Integer::intValue).toArray(), 1));
            monitors.add(m);
            columns.add(indices.get(key).headSet(cell.index()).size());
            toSi.add(variables.get(k).toSi());
        }
        return folder ->
        {
            final int samples = monitors.isEmpty() ? 0 : monitors.get(0).sampleCount();
            final StringBuilder s = new StringBuilder();
            for (int row = 0; row <= samples; row++)
            {
                s.append((float) stamps.time(row)).append('\t');
                for (int c = 0; c < monitors.size(); c++)
                {
                    final StateMonitor m = monitors.get(c);
                    // the last row is the state after the last step: the population's arrays now
                    final double value = row < samples ? m.value(row, columns.get(c))
                        : m.population().state(m.variable())[m.indices()[columns.get(c)]];
                    s.append((float) (value * toSi.get(c))).append('\t');
                }
                s.append('\n');
            }
            return List.of(write(path, s));
        };
    }

    private static ModelFile.RunOutput eventFile(final NeuroMLImporter importer, final XmlElement e,
        final LemsClock stamps)
    {
        final Path path = file(e);
        final String format = e.attribute("format") == null ? TIME_ID : e.require("format");
        if (!TIME_ID.equals(format) && !ID_TIME.equals(format))
        {
            throw e.error("<EventOutputFile id=\"" + e.attribute("id") + "\">: format must be TIME_ID or ID_TIME, got "
                + "format=" + format);
        }
        // per population: its monitor and, per neuron, the selection ids
        final Map<Population, Map<Integer, List<String>>> selected = new LinkedHashMap<>();
        for (final XmlElement c : e.children())
        {
            if (!"EventSelection".equals(c.name()))
            {
                throw c.error("unsupported element <" + c.name() + "> in <EventOutputFile>; supported: EventSelection");
            }
            final String port = c.attribute("eventPort");
            if (port != null && !"spike".equals(port.strip()))
            {
                throw c.error("<EventSelection id=\"" + c.attribute("id") + "\">: Myelin records the port spike, got "
                    + "eventPort=" + port);
            }
            final Cell cell = cell(importer, c, "select", false);
            selected.computeIfAbsent(cell.population(), p -> new LinkedHashMap<>())
                .computeIfAbsent(cell.index(), i -> new ArrayList<>()).add(c.require("id"));
        }
        // in jLEMS's order of updates: populations as the network lists them
        final List<Population> order = new ArrayList<>();
        for (final Population p : importer.builtNetwork().populations())
        {
            if (selected.containsKey(p))
            {
                order.add(p);
            }
        }
        final List<SpikeMonitor> monitors = new ArrayList<>();
        for (final Population p : order)
        {
            monitors.add(importer.builtNetwork().monitorSpikes(p));
        }
        return folder ->
        {
            final List<long[]> events = new ArrayList<>();
            for (int m = 0; m < monitors.size(); m++)
            {
                final long[] steps = monitors.get(m).steps();
                final int[] neurons = monitors.get(m).neurons();
                for (int k = 0; k < steps.length; k++)
                {
                    if (selected.get(order.get(m)).containsKey(neurons[k]))
                    {
                        events.add(new long[] {steps[k], m, neurons[k]});
                    }
                }
            }
            events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
                : Long.compare(a[2], b[2]));
            final StringBuilder s = new StringBuilder();
            for (final long[] ev : events)
            {
                // jLEMS's step of a spike Myelin emitted at step n is n + 1, or n + 2 for a source emitted early
                final float t = (float) stamps.time(ev[0] + 1 + importer.emissionShift(order.get((int) ev[1]).name()));
                for (final String id : selected.get(order.get((int) ev[1])).get((int) ev[2]))
                {
                    s.append(TIME_ID.equals(format) ? t + "\t" + id : id + "\t" + t).append('\n');
                }
            }
            return List.of(write(path, s));
        };
    }

    private static Path write(final Path path, final CharSequence text) throws IOException
    {
        final Path parent = path.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(path, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        return path;
    }
}
