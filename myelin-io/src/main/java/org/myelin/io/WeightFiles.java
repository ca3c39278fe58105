package org.myelin.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.WeightMonitor;
import org.myelin.projection.PlasticProjection;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Writes the weights of plastic projections as {@code .npy}:
 * <ul>
 *   <li>the weights of every synapse, {@code <base>_i.npy} and {@code <base>_j.npy} (int32
 *       presynaptic and postsynaptic neuron) and {@code <base>_w.npy} (float32 weight in the
 *       projection's weight unit), ordered by presynaptic then postsynaptic neuron, the form a
 *       model file reads back as explicit connections ({@code {model: Explicit, i:, j:, weight:}});</li>
 *   <li>a weight monitor's samples, {@code <base>_t.npy} (float64 [ms], one per sample),
 *       {@code <base>_w.npy} (float32, samples × synapses) and the synapses it records,
 *       {@code <base>_i.npy}, {@code <base>_j.npy}, streamed as the run goes by a {@link Spool}.</li>
 * </ul>
 * {@code run-info.yaml} lists them under {@code weights:} ({@link #runInfo}, {@link #read}).
 */
public final class WeightFiles
{
    private WeightFiles()
    {
    }

    /** The base name of a projection's final weights, {@code weights_<projection>}. */
    public static String finalBase(final String projection)
    {
        return "weights_" + StateFiles.safe(projection);
    }

    /** The base name of a snapshot of a projection's weights at {@code timeMs}, {@code weights_<projection>_at_<t>ms}. */
    public static String snapshotBase(final String projection, final double timeMs)
    {
        return finalBase(projection) + "_at_" + StateFiles.safe(Units.format(timeMs)) + "ms";
    }

    /**
     * The base name of the {@code k}-th (from 1) weight monitor of a projection:
     * {@code weights_<projection>_monitor}, then {@code _monitor2}, ...
     */
    public static String monitorBase(final String projection, final int k)
    {
        return finalBase(projection) + "_monitor" + (k == 1 ? "" : Integer.toString(k));
    }

    /** Writes every synapse's current weight under {@code base} into {@code dir}; returns the three paths. */
    public static List<Path> writeWeights(final Path dir, final String base, final PlasticProjection projection)
        throws IOException
    {
        final PlasticProjection.Weights weights = projection.weights();
        final Path i = dir.resolve(base + "_i.npy");
        final Path j = dir.resolve(base + "_j.npy");
        final Path w = dir.resolve(base + "_w.npy");
        Npy.write(i, weights.pre());
        Npy.write(j, weights.post());
        Npy.write(w, weights.w());
        return List.of(i, j, w);
    }

    /**
     * Streams weight monitors to their files as a run goes: {@link #drain()} after each chunk of
     * steps appends the samples ({@code <base>_t.npy}, {@code <base>_w.npy}) and clears the
     * monitors, {@link #finish()} completes them and writes the synapses ({@code <base>_i.npy},
     * {@code <base>_j.npy}). A spool that continues its folder after a checkpoint appends to the
     * files it finds there.
     */
    public static final class Spool implements FileSpool
    {
        private final Path dir;
        private final List<String> bases;
        private final List<WeightMonitor> monitors;
        private final List<Npy.Appender> times = new ArrayList<>();
        private final List<Npy.Appender> values = new ArrayList<>();
        private final boolean keep;
        private boolean finished;

        /**
         * @param bases     the base name of each monitor's files.
         * @param continued whether to append to the files in {@code dir} (cut back to a
         *                  checkpoint's position by {@link SpoolPosition#cut}) rather than start them.
         * @param keep      whether closing it before {@link #finish()} keeps the files.
         * @throws ModelException naming a file that does not hold whole samples.
         */
        public Spool(final Path dir, final List<String> bases, final List<WeightMonitor> monitors,
            final boolean continued, final boolean keep) throws IOException
        {
            this.dir = dir;
            this.bases = List.copyOf(bases);
            this.monitors = List.copyOf(monitors);
            this.keep = keep;
            for (int m = 0; m < monitors.size(); m++)
            {
                final Npy.Appender t = new Npy.Appender(dir.resolve(bases.get(m) + "_t.npy"), "<f8", 8, continued);
                times.add(t);
                final Npy.Appender w = new Npy.Appender(dir.resolve(bases.get(m) + "_w.npy"), "<f4", 4, continued);
                values.add(w);
                final int synapses = monitors.get(m).pre().length;
                if (w.items() != t.items() * synapses)
                {
                    close();
                    throw new ModelException(dir.resolve(bases.get(m) + "_w.npy") + ": holds " + w.items()
                        + " weights, " + t.items() + " samples of " + synapses + " synapses need " + t.items()
                        * synapses + "; the files were cut or belong to another run");
                }
            }
        }

        @Override
        public Path folder()
        {
            return dir;
        }

        @Override
        public void drain() throws IOException
        {
            for (int m = 0; m < monitors.size(); m++)
            {
                final WeightMonitor monitor = monitors.get(m);
                for (final double t : monitor.timesMs())
                {
                    times.get(m).putDouble(t);
                }
                final Npy.Appender w = values.get(m);
                for (final float[] sample : monitor.values())
                {
                    for (final float weight : sample)
                    {
                        w.putFloat(weight);
                    }
                }
                monitor.clear();
            }
        }

        @Override
        public void flush() throws IOException
        {
            drain();
            for (int m = 0; m < monitors.size(); m++)
            {
                times.get(m).flush();
                values.get(m).flush();
            }
        }

        /** Completes the files and returns, per monitor, its {@code _t}, {@code _w}, {@code _i} and {@code _j} paths. */
        @Override
        public List<Path> finish() throws IOException
        {
            final List<Path> written = new ArrayList<>();
            for (int m = 0; m < monitors.size(); m++)
            {
                final WeightMonitor monitor = monitors.get(m);
                final long samples = times.get(m).items();
                written.add(times.get(m).finish());
                written.add(values.get(m).finish(samples, monitor.pre().length));
                final Path i = dir.resolve(bases.get(m) + "_i.npy");
                final Path j = dir.resolve(bases.get(m) + "_j.npy");
                Npy.write(i, monitor.pre());
                Npy.write(j, monitor.post());
                written.add(i);
                written.add(j);
            }
            finished = true;
            return written;
        }

        /** Closes; the files are deleted unless {@link #finish()} completed them or the spool keeps them. */
        @Override
        public void close() throws IOException
        {
            for (final Npy.Appender a : java.util.stream.Stream.concat(times.stream(), values.stream()).toList())
            {
                if (keep && !finished)
                {
                    a.keep();
                }
                else
                {
                    a.close();
                }
            }
        }
    }

    /**
     * The weight files of one plastic projection, as {@code run-info.yaml} lists them.
     *
     * @param projection the projection's name.
     * @param base       the base name of its final weights.
     * @param unit       the unit of its weights, e.g. {@code nS}.
     * @param wMin       the rule's lower bound.
     * @param wMax       the rule's upper bound.
     * @param monitors   the base names of its weight monitors.
     * @param snapshots  the base names of its snapshots, in time order.
     */
    public record Saved(String projection, String base, String unit, double wMin, double wMax, List<String> monitors,
        List<String> snapshots)
    {
    }

    /** The {@code weights:} section of {@code run-info.yaml}; empty without plastic projections. */
    public static String runInfo(final List<Saved> saved)
    {
        if (saved.isEmpty())
        {
            return "";
        }
        final StringBuilder s = new StringBuilder("weights:\n");
        for (final Saved w : saved)
        {
            s.append(String.format(Locale.ROOT, "  - {projection: '%s', base: '%s', unit: '%s', wMin: %s, wMax: %s, "
                + "monitors: %s, snapshots: %s}%n", quote(w.projection()), quote(w.base()), quote(w.unit()),
                Double.toString(w.wMin()), Double.toString(w.wMax()), list(w.monitors()), list(w.snapshots())));
        }
        return s.toString();
    }

    private static String list(final List<String> names)
    {
        return "[" + String.join(", ", names.stream().map(n -> "'" + quote(n) + "'").toList()) + "]";
    }

    private static String quote(final String text)
    {
        return text.replace("'", "''");
    }

    /**
     * The weight files a saved run lists in {@code dir/run-info.yaml}.
     *
     * @throws ModelException if there is no saved run or it has no plastic projection.
     */
    public static List<Saved> read(final Path dir)
    {
        RunInfo.read(dir);
        final Path path = dir.resolve(RunInfo.FILE);
        final YamlNode root;
        try
        {
            root = YamlNode.parse(path.toString(), Files.readString(path));
        }
        catch (final IOException e)
        {
            throw new ModelException(path + ": cannot read (" + e + ")", e);
        }
        final YamlNode section = root.get("weights");
        if (section == null || section.items().isEmpty())
        {
            throw new ModelException(dir + ": the run has no plastic projection, so no weights were saved; give a "
                + "projection plasticity: {rule: stdp, ...}");
        }
        final List<Saved> saved = new ArrayList<>();
        for (final YamlNode w : section.items())
        {
            saved.add(new Saved(w.require("projection").text(), w.require("base").text(), w.require("unit").text(),
                number(w, "wMin"), number(w, "wMax"), names(w.get("monitors")), names(w.get("snapshots"))));
        }
        return List.copyOf(saved);
    }

    private static double number(final YamlNode node, final String key)
    {
        return node.require(key).quantity("run info", key, org.myelin.units.Dimension.DIMENSIONLESS);
    }

    private static List<String> names(final YamlNode node)
    {
        return node == null ? List.of() : node.items().stream().map(YamlNode::text).toList();
    }
}
