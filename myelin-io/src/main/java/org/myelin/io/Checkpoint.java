package org.myelin.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.myelin.mpi.Communicator;
import org.myelin.mpi.SingleProcess;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.state.StateArrays;
import org.myelin.units.Units;
import org.myelin.util.AtomicFiles;
import org.myelin.util.ModelException;

/**
 * A simulation's state on disk, to resume a run where it stopped: a folder of {@code .npy}
 * arrays, one per state array of {@link Simulation#saveState} (neuron and synapse order, so a
 * checkpoint resumes with any thread count), and a {@value #MANIFEST} that names the format
 * version, the Myelin version, the step, dt, seeds, the thread count at save, the model's
 * description and digest, and each array's file, type, length, size and SHA-256.
 *
 * <p>A checkpoint is written into a hidden sibling folder and renamed into place once complete;
 * the previous checkpoint is moved aside, not deleted, until the new one is in place, so a crash
 * at any moment leaves a complete checkpoint, under the name or (between the two renames) under
 * {@code .NAME.previous}, which {@link #restore} then reads.
 *
 * <p>Restoring refuses, with a one-line message, a checkpoint of another format version or of
 * another model (naming the first line of the model description that differs) and a file whose
 * size or checksum is not the manifest's (a truncated or damaged file, named).
 */
public final class Checkpoint
{
    /** The version of the folder's layout; a checkpoint of another version is refused. */
    public static final int FORMAT_VERSION = 1;

    /** The manifest's file name in a checkpoint folder. */
    public static final String MANIFEST = "manifest.yaml";

    private Checkpoint()
    {
    }

    /**
     * What a checkpoint's manifest holds.
     *
     * @param format          the format version.
     * @param myelinVersion   the version of Myelin that wrote it.
     * @param step            the step the simulation stood at.
     * @param dtMs            [ms] the time step.
     * @param seed            the state seed.
     * @param connectivitySeed the connectivity seed.
     * @param threads         the thread count at save (resuming may use any other).
     * @param modelDigest     SHA-256 of the model description.
     * @param model           the model description, one line per part ({@link Simulation#modelDescription}).
     * @param arrays          the arrays, in the order they were saved.
     * @param notes           what the writer added (the command line's planned end, output folder).
     */
    public record Manifest(int format, String myelinVersion, long step, double dtMs, long seed, long connectivitySeed,
        int threads, String modelDigest, List<String> model, List<ArrayFile> arrays, Map<String, String> notes)
    {
    }

    /**
     * One array's file.
     *
     * @param name   the state's name, e.g. {@code population/E/v}.
     * @param file   the file in the folder.
     * @param type   the element type: {@code f8}, {@code f4}, {@code i4} or {@code i8}.
     * @param length values.
     * @param bytes  the file's size.
     * @param sha256 the file's SHA-256, in hex.
     */
    public record ArrayFile(String name, String file, String type, int length, long bytes, String sha256)
    {
    }

    /** Saves {@code simulation} into {@code dir}, replacing the checkpoint there once the new one is complete. */
    public static Manifest save(final Simulation simulation, final Path dir) throws IOException
    {
        return save(simulation, dir, Map.of());
    }

    /**
     * Saves {@code simulation} into {@code dir} with {@code notes} in the manifest, replacing the
     * checkpoint there once the new one is complete.
     *
     * @param notes short key/value texts for whoever resumes (keys are letters, digits and dashes).
     */
    public static Manifest save(final Simulation simulation, final Path dir, final Map<String, String> notes)
        throws IOException
    {
        return snapshot(simulation, notes).write(dir);
    }

    /**
     * A copy of {@code simulation}'s state in memory, with {@code notes} for its manifest, to be
     * written by {@link Snapshot#write} while the simulation goes on (on another thread): the
     * copy takes a few milliseconds, writing it and forcing it to disk far longer.
     *
     * @param notes short key/value texts for whoever resumes (keys are letters, digits and dashes).
     */
    public static Snapshot snapshot(final Simulation simulation, final Map<String, String> notes)
    {
        for (final String key : notes.keySet())
        {
            if (!key.matches("[A-Za-z][A-Za-z0-9-]*"))
            {
                throw new IllegalArgumentException("checkpoint note key '" + key + "': use letters, digits and dashes");
            }
        }
        final StateArrays state = simulation.gatherState();
        final Network network = simulation.network();
        return new Snapshot(state, simulation.modelDescription(state), simulation.step(), network.dt(),
            network.seed(), network.connectivitySeed(), simulation.threads(), new LinkedHashMap<>(notes));
    }

    /**
     * A simulation's state copied at one step, independent of the simulation from then on: it
     * can be written while the simulation runs on.
     */
    public static final class Snapshot
    {
        private final StateArrays state;
        private final List<String> model;
        private final long step;
        private final double dtMs;
        private final long seed;
        private final long connectivitySeed;
        private final int threads;
        private final Map<String, String> notes;

        private Snapshot(final StateArrays state, final List<String> model, final long step, final double dtMs,
            final long seed, final long connectivitySeed, final int threads, final Map<String, String> notes)
        {
            this.state = state;
            this.model = List.copyOf(model);
            this.step = step;
            this.dtMs = dtMs;
            this.seed = seed;
            this.connectivitySeed = connectivitySeed;
            this.threads = threads;
            this.notes = notes;
        }

        /** The step the simulation stood at. */
        public long step()
        {
            return step;
        }

        /**
         * Writes the checkpoint into {@code dir}, replacing the one there once the new one is
         * complete: every array file is forced to disk before the manifest, and the manifest
         * before the folder is renamed into place, so a crash at any moment leaves a complete
         * checkpoint.
         */
        public Manifest write(final Path dir) throws IOException
        {
            final Path target = dir.toAbsolutePath().normalize();
            final Path parent = target.getParent();
            Files.createDirectories(parent);
            removeUnfinished(target);
            final Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".writing-");
            try
            {
                final List<ArrayFile> files = new ArrayList<>();
                int index = 0;
                for (final Map.Entry<String, Object> e : state.arrays().entrySet())
                {
                    final String file = String.format(Locale.ROOT, "%05d-%s.npy", index++, fileName(e.getKey()));
                    files.add(writeArray(staging.resolve(file), e.getKey(), file, e.getValue()));
                }
                final Manifest manifest = new Manifest(FORMAT_VERSION, myelinVersion(), step, dtMs, seed,
                    connectivitySeed, threads, digest(model), model, files, notes);
                final String text = manifestText(manifest);
                AtomicFiles.write(staging.resolve(MANIFEST), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                replace(staging, target);
                return manifest;
            }
            finally
            {
                RunFolder.deleteTree(staging);
            }
        }
    }

    /**
     * A new simulation of {@code network} on {@code threads} workers, standing where the
     * checkpoint in {@code dir} was saved.
     *
     * @throws ModelException if there is no checkpoint, it is of another format version or model,
     *                        or a file is missing, truncated or damaged; the message names it.
     */
    public static Simulation restore(final Network network, final Path dir, final int threads)
    {
        return restore(network, dir, threads, new SingleProcess());
    }

    /**
     * As {@link #restore(Network, Path, int)}, for a simulation shared by the processes of
     * {@code ranks}: every rank reads the whole checkpoint and then updates its own slices. A
     * checkpoint does not depend on how many ranks wrote it or resume it.
     */
    public static Simulation restore(final Network network, final Path dir, final int threads,
        final Communicator ranks)
    {
        final Path folder = readable(dir);
        final Manifest manifest = manifest(folder);
        final Simulation simulation = new Simulation(network, threads, ranks);
        requireSameModel(folder, manifest, simulation.modelDescription());
        final StateArrays arrays = new StateArrays();
        for (final ArrayFile a : manifest.arrays())
        {
            arrays.put(a.name(), readArray(folder, a));
        }
        simulation.restoreState(arrays, "checkpoint " + folder);
        return simulation;
    }

    /**
     * Reads the manifest of the checkpoint in {@code dir} (or of the previous one kept beside it
     * while a new one was being put in place).
     *
     * @throws ModelException if there is none, or it is of another format version or damaged.
     */
    public static Manifest manifest(final Path dir)
    {
        final Path folder = readable(dir);
        final Path path = folder.resolve(MANIFEST);
        final String text;
        try
        {
            text = Files.readString(path);
        }
        catch (final IOException e)
        {
            throw new ModelException("checkpoint " + folder + ": cannot read " + MANIFEST + " (" + e.getMessage() + ")");
        }
        final YamlNode root = YamlNode.parse(path.toString(), text);
        final int format = (int) root.require("format").integer("checkpoint", "format", 0, Integer.MAX_VALUE);
        if (format != FORMAT_VERSION)
        {
            throw new ModelException("checkpoint " + folder + ": format version " + format + ", this Myelin reads "
                + "format version " + FORMAT_VERSION);
        }
        final List<String> model = new ArrayList<>();
        for (final YamlNode line : root.require("model").items())
        {
            model.add(line.text());
        }
        final List<ArrayFile> arrays = new ArrayList<>();
        for (final YamlNode a : root.require("arrays").items())
        {
            arrays.add(new ArrayFile(a.require("name").text(), a.require("file").text(), a.require("type").text(),
                (int) a.require("length").integer("checkpoint", "length", 0, Integer.MAX_VALUE),
                a.require("bytes").integer("checkpoint", "bytes", 0, Long.MAX_VALUE), a.require("sha256").text()));
        }
        final Map<String, String> notes = new LinkedHashMap<>();
        final YamlNode notesNode = root.get("notes");
        if (notesNode != null && notesNode.isMapping())
        {
            for (final Map.Entry<String, YamlNode> e : notesNode.entries().entrySet())
            {
                notes.put(e.getKey(), e.getValue().text());
            }
        }
        return new Manifest(format, root.require("myelin").text(),
            root.require("step").integer("checkpoint", "step", 0, Long.MAX_VALUE),
            Double.parseDouble(root.require("dt").text()),
            Long.parseLong(root.require("seed").text()), Long.parseLong(root.require("connectivitySeed").text()),
            (int) root.require("threads").integer("checkpoint", "threads", 1, Integer.MAX_VALUE),
            root.require("modelDigest").text(), model, arrays, notes);
    }

    /** The folder to read: {@code dir}, or the previous checkpoint kept beside it if {@code dir} has none. */
    private static Path readable(final Path dir)
    {
        final Path target = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(target.resolve(MANIFEST)))
        {
            return target;
        }
        final Path previous = previous(target);
        if (Files.isRegularFile(previous.resolve(MANIFEST)))
        {
            return previous;
        }
        throw new ModelException(target + ": no checkpoint here (" + MANIFEST + " is missing); write one with "
            + "Checkpoint.save or 'myelin run --checkpoint-every'");
    }

    private static Path previous(final Path target)
    {
        return target.resolveSibling("." + target.getFileName() + ".previous");
    }

    /** Refuses a checkpoint of another model, naming the first line of the description that differs. */
    private static void requireSameModel(final Path folder, final Manifest manifest, final List<String> here)
    {
        if (manifest.modelDigest().equals(digest(here)) && manifest.model().equals(here))
        {
            return;
        }
        final List<String> saved = manifest.model();
        int k = 0;
        while (k < saved.size() && k < here.size() && saved.get(k).equals(here.get(k)))
        {
            k++;
        }
        final String then = k < saved.size() ? "'" + saved.get(k) + "'" : "nothing more";
        final String now = k < here.size() ? "'" + here.get(k) + "'" : "nothing more";
        if (k == saved.size() && k == here.size())
        {
            throw new ModelException("checkpoint " + folder + ": the model digest " + manifest.modelDigest()
                + " is not the digest of its own description; the manifest was edited");
        }
        throw new ModelException("checkpoint " + folder + " is of another model: it has " + then + " where this "
            + "model has " + now);
    }

    /** SHA-256 of the description's lines, each ended by a newline, in hex. */
    static String digest(final List<String> lines)
    {
        final MessageDigest sha = sha256();
        for (final String line : lines)
        {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String myelinVersion()
    {
        return Objects.requireNonNullElse(Checkpoint.class.getPackage().getImplementationVersion(),
            "development build");
    }

    /** A state name as part of a file name: letters, digits, dots and dashes; anything else becomes '_'. */
    private static String fileName(final String name)
    {
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static ArrayFile writeArray(final Path path, final String name, final String file, final Object values)
        throws IOException
    {
        final MessageDigest sha = sha256();
        final String type;
        final int length;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16),
            sha))
        {
            switch (values)
            {
                case double[] d ->
                {
                    Npy.write(out, d);
                    type = "f8";
                    length = d.length;
                }
                case float[] f ->
                {
                    Npy.write(out, f);
                    type = "f4";
                    length = f.length;
                }
                case int[] i ->
                {
                    Npy.write(out, i);
                    type = "i4";
                    length = i.length;
                }
                case long[] l ->
                {
                    Npy.write(out, l);
                    type = "i8";
                    length = l.length;
                }
                default -> throw new IllegalArgumentException("state '" + name + "': not a primitive array");
            }
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE))
        {
            channel.force(true);
        }
        return new ArrayFile(name, file, type, length, Files.size(path), HexFormat.of().formatHex(sha.digest()));
    }

    /** Reads one array after checking its file's size and checksum against the manifest. */
    private static Object readArray(final Path folder, final ArrayFile a)
    {
        final Path path = folder.resolve(a.file());
        final String where = "checkpoint " + folder + ": file " + a.file();
        try
        {
            final long size = Files.size(path);
            if (size < a.bytes())
            {
                throw new ModelException(where + " is truncated (" + size + " of " + a.bytes() + " bytes)");
            }
            if (size > a.bytes())
            {
                throw new ModelException(where + " is damaged (" + size + " bytes, the manifest says " + a.bytes() + ")");
            }
            final MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha))
            {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(a.sha256()))
            {
                throw new ModelException(where + " is damaged (its SHA-256 is not the manifest's)");
            }
            try (FileChannel channel = FileChannel.open(path))
            {
                final Npy.Array header = Npy.header(path, channel);
                final String expected = "<" + a.type();
                if (!header.descr().equals(expected) || header.shape().length != 1 || header.shape()[0] != a.length())
                {
                    throw new ModelException(where + " holds " + header.descr() + " " + header.shapeText()
                        + ", the manifest says " + expected + " (" + a.length() + ")");
                }
                final ByteBuffer data = ByteBuffer.allocate(Math.toIntExact((long) a.length() * itemSize(a.type())))
                    .order(ByteOrder.LITTLE_ENDIAN);
                while (data.hasRemaining() && channel.read(data) >= 0)
                {
                    // read until full
                }
                data.flip();
                return switch (a.type())
                {
                    case "f8" -> take(data.asDoubleBuffer(), new double[a.length()]);
                    case "f4" -> take(data.asFloatBuffer(), new float[a.length()]);
                    case "i4" -> take(data.asIntBuffer(), new int[a.length()]);
                    default -> take(data.asLongBuffer(), new long[a.length()]);
                };
            }
        }
        catch (final NoSuchFileException e)
        {
            throw new ModelException(where + " is missing");
        }
        catch (final IOException e)
        {
            throw new ModelException(where + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static int itemSize(final String type)
    {
        return switch (type)
        {
            case "f8", "i8" -> 8;
            case "f4", "i4" -> 4;
            default -> throw new ModelException("checkpoint: unknown array type '" + type + "'; known: f8, f4, i4, i8");
        };
    }

    private static double[] take(final DoubleBuffer from, final double[] into)
    {
        from.get(into);
        return into;
    }

    private static float[] take(final FloatBuffer from, final float[] into)
    {
        from.get(into);
        return into;
    }

    private static int[] take(final IntBuffer from, final int[] into)
    {
        from.get(into);
        return into;
    }

    private static long[] take(final LongBuffer from, final long[] into)
    {
        from.get(into);
        return into;
    }

    private static String manifestText(final Manifest m)
    {
        final StringBuilder s = new StringBuilder("# a Myelin checkpoint: resume with Checkpoint.restore or 'myelin "
            + "resume'\n");
        s.append("format: ").append(m.format()).append('\n');
        s.append("myelin: '").append(quote(m.myelinVersion())).append("'\n");
        s.append("step: ").append(m.step()).append('\n');
        s.append("dt: ").append(m.dtMs()).append("  # ms\n");
        s.append("time: ").append(Units.format(m.step() * m.dtMs())).append("  # ms\n");
        s.append("seed: ").append(m.seed()).append('\n');
        s.append("connectivitySeed: ").append(m.connectivitySeed()).append('\n');
        s.append("threads: ").append(m.threads()).append('\n');
        s.append("modelDigest: '").append(m.modelDigest()).append("'\n");
        s.append("model:\n");
        for (final String line : m.model())
        {
            s.append("  - '").append(quote(line)).append("'\n");
        }
        s.append("notes:").append(m.notes().isEmpty() ? " {}\n" : "\n");
        for (final Map.Entry<String, String> e : m.notes().entrySet())
        {
            s.append("  ").append(e.getKey()).append(": '").append(quote(e.getValue())).append("'\n");
        }
        s.append("arrays:\n");
        for (final ArrayFile a : m.arrays())
        {
            s.append(String.format(Locale.ROOT, "  - {name: '%s', file: '%s', type: %s, length: %d, bytes: %d, "
                + "sha256: '%s'}%n", quote(a.name()), quote(a.file()), a.type(), a.length(), a.bytes(), a.sha256()));
        }
        return s.toString();
    }

    private static String quote(final String text)
    {
        return text.replace("'", "''");
    }

    /**
     * Puts the complete folder {@code staging} in place of {@code target}: the old checkpoint is
     * renamed aside first and deleted only once the new one is in place. When an earlier crash
     * left only the previous checkpoint, it stays until the new one is in place, so that there is
     * a complete checkpoint at every moment.
     */
    private static void replace(final Path staging, final Path target) throws IOException
    {
        final Path previous = previous(target);
        if (Files.exists(target))
        {
            RunFolder.deleteTree(previous);
            RunFolder.move(target, previous);
        }
        RunFolder.move(staging, target);
        RunFolder.deleteTree(previous);
    }

    /** Removes the unfinished checkpoints a killed writer left beside {@code target}. */
    private static void removeUnfinished(final Path target) throws IOException
    {
        final String prefix = "." + target.getFileName() + ".writing-";
        try (Stream<Path> siblings = Files.list(target.getParent()))
        {
            for (final Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList())
            {
                RunFolder.deleteTree(p);
            }
        }
    }
}
