package org.myelin.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;
import org.myelin.util.ModelException;

/**
 * What a saved run needs besides its arrays to be read back: the model's name, dt, duration and
 * the populations of the global neuron numbering of {@code spikes_neuron.npy}. Written by
 * {@code myelin run} as {@code run-info.yaml}, read by {@code myelin plot}.
 *
 * @param model       the model's name.
 * @param dtMs        [ms] time step.
 * @param durationMs  [ms] simulated time.
 * @param populations every population of the network, in numbering order, recorded or not.
 * @param states      the state recordings.
 */
public record RunInfo(String model, double dtMs, double durationMs, List<Population> populations,
    List<State> states)
{
    /** The file name. */
    public static final String FILE = "run-info.yaml";

    /**
     * One population of the numbering.
     *
     * @param name     its name.
     * @param first    its first global neuron index.
     * @param size     its number of neurons.
     * @param recorded whether its spikes were recorded.
     */
    public record Population(String name, int first, int size, boolean recorded)
    {
    }

    /**
     * One state recording, saved by {@link StateFiles} under {@code base}.
     *
     * @param population the population.
     * @param variable   the variable.
     * @param base       the base name of its files, e.g. {@code states_E_v}.
     * @param unit       the unit of its values, e.g. {@code mV}; empty when not known.
     */
    public record State(String population, String variable, String base, String unit)
    {
    }

    /**
     * The run info of a run: every population of the network, numbered in order, which of them
     * had their spikes recorded, and the state recordings.
     */
    public static RunInfo of(final String model, final List<? extends org.myelin.base.Population> numbering,
        final List<SpikeMonitor> spikeMonitors, final double dtMs, final double durationMs,
        final List<StateMonitor> stateMonitors)
    {
        final List<State> states = new ArrayList<>();
        for (final StateMonitor m : stateMonitors)
        {
            states.add(new State(m.population().name(), m.variable(), StateFiles.baseName(m),
                StateFiles.unit(m.variable())));
        }
        final List<Population> pops = new ArrayList<>();
        int first = 0;
        for (final org.myelin.base.Population p : numbering)
        {
            final boolean recorded = spikeMonitors.stream().anyMatch(m -> m.population() == p);
            pops.add(new Population(p.name(), first, p.size(), recorded));
            first += p.size();
        }
        return new RunInfo(model, dtMs, durationMs, List.copyOf(pops), List.copyOf(states));
    }

    /** The populations whose spikes were recorded. */
    public List<Population> recorded()
    {
        return populations.stream().filter(Population::recorded).toList();
    }

    /** The first global index of each population, with the total appended. */
    public int[] offsets()
    {
        final int[] offsets = new int[populations.size() + 1];
        for (int p = 0; p < populations.size(); p++)
        {
            offsets[p + 1] = populations.get(p).first() + populations.get(p).size();
        }
        return offsets;
    }

    /** Total neurons of the numbering. */
    public int neuronCount()
    {
        return populations.isEmpty() ? 0 : populations.getLast().first() + populations.getLast().size();
    }

    /** Writes {@code dir/run-info.yaml} atomically and returns its path. */
    public Path write(final Path dir) throws IOException
    {
        return write(dir, "");
    }

    /**
     * Writes {@code dir/run-info.yaml} atomically with further top-level sections (e.g. the
     * {@code weights:} of {@link WeightFiles#runInfo}) and returns its path.
     */
    public Path write(final Path dir, final String sections) throws IOException
    {
        final StringBuilder s = new StringBuilder("# written by myelin run; read by myelin plot\n");
        s.append("model: '").append(quote(model)).append("'\n");
        s.append("dt: ").append(Units.format(dtMs)).append(" ms\n");
        s.append("duration: ").append(Units.format(durationMs)).append(" ms\n");
        s.append("populations:\n");
        for (final Population p : populations)
        {
            s.append(String.format(Locale.ROOT, "  - {name: '%s', first: %d, size: %d, spikes: %s}%n", quote(p.name()),
                p.first(), p.size(), p.recorded() ? "recorded" : "not recorded"));
        }
        s.append("states:").append(states.isEmpty() ? " []\n" : "\n");
        for (final State st : states)
        {
            s.append(String.format(Locale.ROOT, "  - {population: '%s', variable: '%s', base: '%s', unit: '%s'}%n",
                quote(st.population()), quote(st.variable()), quote(st.base()), quote(st.unit())));
        }
        s.append(sections);
        final Path path = dir.resolve(FILE);
        AtomicFiles.write(path, out -> out.write(s.toString().getBytes(StandardCharsets.UTF_8)));
        return path;
    }

    /**
     * Reads {@code dir/run-info.yaml}.
     *
     * @throws ModelException if the folder holds no saved run or the file is damaged.
     */
    public static RunInfo read(final Path dir)
    {
        final Path path = dir.resolve(FILE);
        final String text;
        try
        {
            text = Files.readString(path);
        }
        catch (final NoSuchFileException e)
        {
            throw new ModelException(dir + ": no saved run here (" + FILE + " is missing); write one with 'myelin run"
                + " --out " + dir + "'");
        }
        catch (final IOException e)
        {
            throw new ModelException(path + ": cannot read (" + e + ")", e);
        }
        final YamlNode root = YamlNode.parse(path.toString(), text);
        final List<Population> pops = new ArrayList<>();
        for (final YamlNode p : root.require("populations").items())
        {
            pops.add(new Population(p.require("name").text(),
                (int) p.require("first").integer("run info", "first", 0, Integer.MAX_VALUE),
                (int) p.require("size").integer("run info", "size", 0, Integer.MAX_VALUE),
                p.get("spikes") == null || "recorded".equals(p.get("spikes").text().strip())));
        }
        final List<State> states = new ArrayList<>();
        if (root.get("states") != null)
        {
            for (final YamlNode st : root.get("states").items())
            {
                states.add(new State(st.require("population").text(), st.require("variable").text(),
                    st.require("base").text(), st.get("unit") == null ? "" : st.get("unit").text()));
            }
        }
        return new RunInfo(root.require("model").text(), root.require("dt").quantity("run info", "dt", Dimension.TIME),
            root.require("duration").quantity("run info", "duration", Dimension.TIME), List.copyOf(pops),
            List.copyOf(states));
    }

    private static String quote(final String text)
    {
        return text.replace("'", "''");
    }
}
