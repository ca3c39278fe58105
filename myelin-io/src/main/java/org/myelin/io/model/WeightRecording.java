package org.myelin.io.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.myelin.connect.Connectivity;
import org.myelin.connect.CsrConnectivity;
import org.myelin.io.Suggestions;
import org.myelin.io.WeightFiles;
import org.myelin.io.YamlNode;
import org.myelin.monitor.WeightMonitor;
import org.myelin.projection.PlasticProjection;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * The weights a model file records of its plastic projections: the final weights of each (always),
 * the weight monitors and the snapshots of {@code monitors: weights:}
 *
 * <pre>
 * monitors:
 *   weights:
 *     - {projection: P, synapses: [[0, 0], [1, 0]], every: 1 ms}   # chosen synapses, every 1 ms
 *     - {projection: P, first: 10, every: 10 ms}                   # the first 10 synapses by (pre, post)
 *     - {projection: P, at: [10 s, 50 s]}                          # every synapse at these times
 *                                                                  # (those after the run's end skipped)
 * </pre>
 *
 * written after the run (and at the snapshot times during it) by {@link WeightFiles}.
 */
final class WeightRecording implements ModelFile.RunOutput
{
    /** The keys of a weight monitor. */
    static final List<String> KEYS = List.of("projection", "synapses", "first", "every", "at");

    /** One plastic projection and what is recorded of it. */
    private record Entry(PlasticProjection projection, String unit, List<WeightMonitor> monitors, TreeSet<Long> at)
    {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final double dt;
    private final double durationMs;
    private final long connectivitySeed;
    /** Whether a {@link #spool} streams the weight monitors. */
    private boolean spooled;

    /**
     * @param dt               [ms] the time step.
     * @param durationMs       [ms] the run's duration.
     * @param connectivitySeed the network's connectivity seed, to find the first synapses.
     */
    WeightRecording(final double dt, final double durationMs, final long connectivitySeed)
    {
        this.dt = dt;
        this.durationMs = durationMs;
        this.connectivitySeed = connectivitySeed;
    }

    /** Records the final weights of {@code projection}, whose weights are in {@code unit}. */
    void add(final PlasticProjection projection, final String unit)
    {
        entries.put(projection.name(), new Entry(projection, unit, new ArrayList<>(), new TreeSet<>()));
    }

    /** Whether there is any plastic projection. */
    boolean isEmpty()
    {
        return entries.isEmpty();
    }

    /**
     * Reads one entry of {@code monitors: weights:}.
     *
     * @return the bytes its samples will take.
     */
    double monitor(final YamlNode node)
    {
        node.allowOnly(KEYS);
        final YamlNode ref = node.require("projection");
        final String name = ref.text().strip();
        final Entry entry = entries.get(name);
        if (entry == null)
        {
            throw ref.error("weight monitor: no plastic projection '" + name + "'" + (entries.isEmpty()
                ? "; the model has none (give a projection plasticity: {rule: stdp, ...})"
                : Suggestions.hint(name, entries.keySet())));
        }
        final String owner = "weight monitor of '" + name + "'";
        final YamlNode synapses = node.get("synapses");
        final YamlNode first = node.get("first");
        if (synapses != null && first != null)
        {
            throw first.error(owner + ": give synapses: or first:, not both");
        }
        if (synapses == null && first == null && node.get("at") == null)
        {
            throw node.error(owner + ": give synapses: [[pre, post], ...], first: n or at: [times]");
        }
        if (node.get("every") != null && synapses == null && first == null)
        {
            throw node.get("every").error(owner + ": every: needs synapses: or first: (at: records every synapse at"
                + " the times it lists)");
        }
        double bytes = 0;
        if (synapses != null || first != null)
        {
            final int[][] chosen = synapses != null ? listed(synapses, entry.projection(), owner)
                : first(first, entry.projection(), owner);
            final long every = every(node.get("every"), owner);
            entry.monitors().add(entry.projection().monitorWeights(chosen[0], chosen[1], every));
            bytes += 4.0 * chosen[0].length * (Math.floor(durationMs / dt / every) + 1);
        }
        if (node.get("at") != null)
        {
            for (final YamlNode t : node.get("at").as(owner + ": at").items())
            {
                entry.at().add(step(t, owner, "at"));
            }
            bytes += 12.0 * entry.projection().synapses().connector().expectedSynapses(
                entry.projection().source().size(), entry.projection().target().size(),
                entry.projection().source() == entry.projection().target()) * entry.at().size();
        }
        return bytes;
    }

    private static int[][] listed(final YamlNode node, final PlasticProjection p, final String owner)
    {
        final List<YamlNode> items = node.as(owner + ": synapses").items();
        final int[] pre = new int[items.size()];
        final int[] post = new int[items.size()];
        for (int k = 0; k < items.size(); k++)
        {
            final List<YamlNode> pair = items.get(k).as(owner + ": synapse").items();
            if (pair.size() != 2)
            {
                throw items.get(k).error(owner + ": a synapse is [pre, post], got " + pair.size() + " value"
                    + (pair.size() == 1 ? "" : "s"));
            }
            pre[k] = (int) pair.get(0).integer(owner, "pre", 0, p.source().size() - 1L);
            post[k] = (int) pair.get(1).integer(owner, "post", 0, p.target().size() - 1L);
        }
        return new int[][] {pre, post};
    }

    /** The first {@code n} synapses in the order of the saved weights (by pre, then post). */
    private int[][] first(final YamlNode node, final PlasticProjection p, final String owner)
    {
        final int n = (int) node.integer(owner, "first", 1, Integer.MAX_VALUE - 8);
        final Connectivity built;
        try
        {
            built = p.synapses().build(connectivitySeed);
        }
        catch (final ModelException e)
        {
            throw node.error(owner + ": " + e.getMessage(), e);
        }
        if (!(built instanceof CsrConnectivity csr) || csr.synapseCount() < n)
        {
            throw node.error(owner + ": first: " + n + " exceeds the projection's " + built.synapseCount()
                + " synapses");
        }
        final int[] pre = new int[n];
        final int[] post = new int[n];
        final int[] row = new int[p.target().size()];
        int at = 0;
        for (int i = 0; at < n; i++)
        {
            final int degree = csr.outDegree(i);
            csr.copyTargets(i, row, 0);
            // rows are sorted by target, the order of the saved weights
            for (int m = 0; m < degree && at < n; m++)
            {
                pre[at] = i;
                post[at++] = row[m];
            }
        }
        return new int[][] {pre, post};
    }

    private long every(final YamlNode node, final String owner)
    {
        if (node == null)
        {
            return 1;
        }
        final long steps = step(node, owner, "every");
        if (steps < 1)
        {
            throw node.error(owner + ": every must be at least one step (dt = " + Units.format(dt) + " ms), got every="
                + node.text());
        }
        return steps;
    }

    /** A time as a whole number of steps in [0, duration]. */
    private long step(final YamlNode node, final String owner, final String field)
    {
        final double ms = node.quantity(owner, field, Dimension.TIME);
        final long steps;
        try
        {
            steps = Units.toSteps(owner, field, ms, dt, false);
        }
        catch (final ModelException e)
        {
            throw node.error(e.getMessage(), e);
        }
        if (ms < 0)
        {
            throw node.error(owner + ": " + field + " must be >= 0 ms, got " + field + "=" + node.text());
        }
        return steps;
    }

    /** Streams the weight monitors; {@link #write} then writes only the final weights. */
    @Override
    public WeightFiles.Spool spool(final Path dir, final boolean continued, final boolean keep) throws IOException
    {
        final List<String> bases = new ArrayList<>();
        final List<WeightMonitor> monitors = new ArrayList<>();
        for (final Entry e : entries.values())
        {
            for (int k = 0; k < e.monitors().size(); k++)
            {
                bases.add(WeightFiles.monitorBase(e.projection().name(), k + 1));
                monitors.add(e.monitors().get(k));
            }
        }
        spooled = true;
        return new WeightFiles.Spool(dir, bases, monitors, continued, keep);
    }

    /** Each rank's weight monitors hold only the synapses onto its own slices until gathered. */
    @Override
    public void gatherRecordings(final org.myelin.sim.Simulation simulation)
    {
        final List<WeightMonitor> monitors = new ArrayList<>();
        for (final Entry e : entries.values())
        {
            monitors.addAll(e.monitors());
        }
        simulation.gatherWeightMonitors(monitors);
    }

    /** The weights of the synapses onto other ranks' slices are those ranks'. */
    @Override
    public boolean readsSharedState()
    {
        return true;
    }

    @Override
    public List<Path> write(final Path outputFolder) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final Entry e : entries.values())
        {
            final String name = e.projection().name();
            written.addAll(WeightFiles.writeWeights(outputFolder, WeightFiles.finalBase(name), e.projection()));
        }
        if (!spooled)
        {
            // the monitors held their samples through the run
            try (WeightFiles.Spool monitors = spool(outputFolder, false, false))
            {
                monitors.drain();
                written.addAll(monitors.finish());
            }
        }
        return written;
    }

    @Override
    public long[] snapshotSteps()
    {
        final TreeSet<Long> all = new TreeSet<>();
        entries.values().forEach(e -> all.addAll(e.at()));
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public List<Path> snapshot(final long step, final Path outputFolder) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        for (final Entry e : entries.values())
        {
            if (e.at().contains(step))
            {
                written.addAll(WeightFiles.writeWeights(outputFolder, WeightFiles.snapshotBase(e.projection().name(),
                    step * dt), e.projection()));
            }
        }
        return written;
    }

    @Override
    public String runInfo()
    {
        final List<WeightFiles.Saved> saved = new ArrayList<>();
        for (final Entry e : entries.values())
        {
            final String name = e.projection().name();
            final List<String> monitors = new ArrayList<>();
            for (int k = 0; k < e.monitors().size(); k++)
            {
                monitors.add(WeightFiles.monitorBase(name, k + 1));
            }
            saved.add(new WeightFiles.Saved(name, WeightFiles.finalBase(name), e.unit(),
                e.projection().rule().dependence().wMin(), e.projection().rule().dependence().wMax(), monitors,
                e.at().stream().filter(s -> s * dt <= durationMs * (1 + 1e-12))
                    .map(s -> WeightFiles.snapshotBase(name, s * dt)).toList()));
        }
        return WeightFiles.runInfo(saved);
    }
}
