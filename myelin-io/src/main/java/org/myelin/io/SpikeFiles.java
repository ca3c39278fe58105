package org.myelin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.SpikeRaster;
import org.myelin.util.ModelException;

/**
 * Spikes as a pair of {@code .npy} arrays ({@code spikes_step.npy}: int64 steps,
 * {@code spikes_neuron.npy}: int32 global neuron ids) and as {@code spikes.csv} with columns
 * {@code step,time_ms,neuron,population}, written as the spikes arrive in time order
 * ({@link Writer}) and read back one at a time ({@link #cursor}): no step of either holds the
 * spikes in memory.
 */
public final class SpikeFiles
{
    /** File name of the step array. */
    public static final String STEP_NPY = "spikes_step.npy";
    /** File name of the neuron array. */
    public static final String NEURON_NPY = "spikes_neuron.npy";
    /** File name of the CSV table. */
    public static final String CSV = "spikes.csv";

    private static final int BUFFER = 1 << 16;

    private SpikeFiles()
    {
    }

    /**
     * Writes the three files of a raster in memory into {@code dir}, each atomically.
     *
     * @return the paths written.
     */
    public static List<Path> write(final Path dir, final SpikeRaster raster) throws IOException
    {
        return StagedFiles.write(dir, staging ->
        {
            try (Writer w = new Writer(staging, raster.populations(), raster.offsets(), raster.dt()))
            {
                for (int k = 0; k < raster.size(); k++)
                {
                    w.add(raster.steps()[k], raster.neurons()[k], raster.populationOf(raster.neurons()[k]));
                }
                return w.finish();
            }
        });
    }

    /**
     * How far the spike files go: the spikes in the {@code .npy} pair and the bytes of the CSV.
     *
     * @param spikes   spikes written.
     * @param csvBytes bytes of the CSV file, its header line included.
     */
    public record Position(long spikes, long csvBytes)
    {
    }

    /**
     * Writes spikes as they arrive, in time order (ties by population), into the three files of
     * a folder that becomes visible only as a whole (a run's staging folder): until
     * {@link #finish} the {@code .npy} files have no valid header.
     */
    public static final class Writer implements AutoCloseable
    {
        private final Npy.Appender steps;
        private final Npy.Appender neurons;
        private final Path csvPath;
        private final FileChannel csv;
        private final ByteBuffer line = ByteBuffer.allocateDirect(BUFFER);
        private final byte[][] populationSuffix;
        private final byte[] digits = new byte[20];
        private final double dt;
        /** Hundred-microsecond ticks per step when dt is a whole number of them, else 0. */
        private final long ticksPerStep;
        private boolean finished;
        /** Whether closing before {@link #finish} keeps the files, for a run that continues them. */
        private final boolean keep;

        /**
         * @param dir         the folder.
         * @param populations population names in numbering order.
         * @param offsets     the first global index of each population, with the total appended.
         * @param dt          [ms] the time step.
         */
        public Writer(final Path dir, final List<String> populations, final int[] offsets, final double dt)
            throws IOException
        {
            this(dir, populations, offsets, dt, null, false);
        }

        /**
         * A writer that continues the files in {@code dir} after their first {@code from.spikes()}
         * spikes, cutting what follows (what a run wrote after its last checkpoint), or starts
         * them anew when {@code from} is null.
         *
         * @param keep whether closing it without {@link #finish} keeps the files (for a run that
         *             continues them after a checkpoint) rather than deleting them.
         * @throws ModelException naming a file that is shorter than {@code from} says.
         */
        public Writer(final Path dir, final List<String> populations, final int[] offsets, final double dt,
            final Position from, final boolean keep) throws IOException
        {
            this.keep = keep;
            this.dt = dt;
            final double ticks = dt * 1e4;
            this.ticksPerStep = Math.abs(ticks - Math.rint(ticks)) < 1e-9 * Math.max(1, ticks) ? Math.round(ticks) : 0;
            this.populationSuffix = new byte[populations.size()][];
            for (int p = 0; p < populations.size(); p++)
            {
                populationSuffix[p] = ("," + populations.get(p) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            final long spikes = from == null ? -1 : from.spikes();
            this.steps = new Npy.Appender(dir.resolve(STEP_NPY), "<i8", 8, spikes);
            this.neurons = new Npy.Appender(dir.resolve(NEURON_NPY), "<i4", 4, spikes);
            this.csvPath = dir.resolve(CSV);
            if (from == null)
            {
                this.csv = FileChannel.open(csvPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                line.put("step,time_ms,neuron,population\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            this.csv = FileChannel.open(csvPath, StandardOpenOption.WRITE);
            if (csv.size() < from.csvBytes())
            {
                final long size = csv.size();
                csv.close();
                throw new ModelException(csvPath + ": holds " + size + " bytes, " + from.spikes() + " spikes need "
                    + from.csvBytes() + "; the file was cut or belongs to another run");
            }
            csv.truncate(from.csvBytes());
            csv.position(from.csvBytes());
        }

        /**
         * Writes the spikes added so far through to the disk and returns how far the files go,
         * for a writer that continues them later.
         */
        public Position sync() throws IOException
        {
            final Position at = flush();
            force();
            return at;
        }

        /**
         * Hands the spikes added so far to the file system and returns how far the files go;
         * {@link #force} then writes them through to the disk.
         */
        public Position flush() throws IOException
        {
            flushCsv();
            steps.flush();
            neurons.flush();
            return new Position(steps.items(), csv.position());
        }

        /**
         * Writes what {@link #flush} handed to the file system through to the disk; safe on
         * another thread while this one adds spikes, so a checkpoint can wait for it there.
         */
        public void force() throws IOException
        {
            steps.force();
            neurons.force();
            csv.force(false);
        }

        /** Appends a spike. */
        public void add(final long step, final int neuron, final int population) throws IOException
        {
            steps.putLong(step);
            neurons.putInt(neuron);
            if (line.remaining() < 64 + populationSuffix[population].length)
            {
                flushCsv();
            }
            putDecimal(step);
            line.put((byte) ',');
            if (ticksPerStep > 0)
            {
                final long t = step * ticksPerStep;
                putDecimal(t / 10_000);
                line.put((byte) '.');
                final long fraction = t % 10_000;
                line.put((byte) ('0' + fraction / 1000)).put((byte) ('0' + fraction / 100 % 10))
                    .put((byte) ('0' + fraction / 10 % 10)).put((byte) ('0' + fraction % 10));
            }
            else
            {
                line.put(String.format(Locale.ROOT, "%.4f", step * dt).getBytes(StandardCharsets.US_ASCII));
            }
            line.put((byte) ',');
            putDecimal(neuron);
            line.put(populationSuffix[population]);
        }

        private void putDecimal(final long value)
        {
            long v = value;
            if (v < 0)
            {
                line.put((byte) '-');
                v = -v;
            }
            int n = 0;
            do
            {
                digits[n++] = (byte) ('0' + v % 10);
                v /= 10;
            }
            while (v > 0);
            while (n > 0)
            {
                line.put(digits[--n]);
            }
        }

        private void flushCsv() throws IOException
        {
            line.flip();
            while (line.hasRemaining())
            {
                csv.write(line);
            }
            line.clear();
        }

        /** Spikes written so far. */
        public long count()
        {
            return steps.items();
        }

        /** Completes the three files and returns their paths. */
        public List<Path> finish() throws IOException
        {
            flushCsv();
            csv.close();
            final Path s = steps.finish();
            final Path n = neurons.finish();
            finished = true;
            return List.of(s, n, csvPath);
        }

        /** Closes; deletes the files unless {@link #finish} was called. */
        @Override
        public void close() throws IOException
        {
            if (keep && !finished)
            {
                steps.keep();
                neurons.keep();
                flushCsv();
                csv.close();
                return;
            }
            steps.close();
            neurons.close();
            if (!finished)
            {
                csv.close();
                Files.deleteIfExists(csvPath);
            }
        }
    }

    /**
     * Reads the spikes of {@code dir}'s {@code .npy} pair one at a time.
     *
     * @param offsets the first global index of each population, with the total appended.
     * @throws ModelException if a file is missing or the two do not match.
     */
    public static SpikeCursor cursor(final Path dir, final int[] offsets) throws IOException
    {
        final Path stepPath = dir.resolve(STEP_NPY);
        final Path neuronPath = dir.resolve(NEURON_NPY);
        if (!Files.exists(stepPath) || !Files.exists(neuronPath))
        {
            throw new ModelException(dir + ": " + (Files.exists(stepPath) ? NEURON_NPY : STEP_NPY)
                + " is missing; the output folder is incomplete");
        }
        final FileChannel stepChannel = FileChannel.open(stepPath);
        final FileChannel neuronChannel = FileChannel.open(neuronPath);
        try
        {
            final Npy.Array stepHeader = Npy.header(stepPath, stepChannel);
            final Npy.Array neuronHeader = Npy.header(neuronPath, neuronChannel);
            if (!"<i8".equals(stepHeader.descr()) || !"<i4".equals(neuronHeader.descr())
                || stepHeader.shape().length != 1 || !Arrays.equals(stepHeader.shape(), neuronHeader.shape()))
            {
                throw new ModelException(dir + ": " + STEP_NPY + " (" + stepHeader.descr() + " "
                    + Arrays.toString(stepHeader.shape()) + ") and " + NEURON_NPY + " (" + neuronHeader.descr() + " "
                    + Arrays.toString(neuronHeader.shape()) + ") are not an int64/int32 pair of one length");
            }
            return new FileCursor(stepChannel, neuronChannel, stepHeader.shape()[0], offsets.clone());
        }
        catch (final IOException | RuntimeException e)
        {
            stepChannel.close();
            neuronChannel.close();
            throw e;
        }
    }

    /**
     * Forces the spike files in {@code dir} to the disk, as far as they were handed to the file
     * system; safe on another thread while a {@link Writer} appends to them or finishes them.
     */
    public static void force(final Path dir) throws IOException
    {
        for (final String name : List.of(STEP_NPY, NEURON_NPY, CSV))
        {
            try (FileChannel channel = FileChannel.open(dir.resolve(name), StandardOpenOption.WRITE))
            {
                channel.force(false);
            }
        }
    }

    /** The number of spikes in {@code dir}'s {@code .npy} pair, read from its header. */
    public static long count(final Path dir) throws IOException
    {
        final Path stepPath = dir.resolve(STEP_NPY);
        try (FileChannel channel = FileChannel.open(stepPath))
        {
            return Npy.header(stepPath, channel).shape()[0];
        }
    }

    private static final class FileCursor implements SpikeCursor
    {
        private final FileChannel stepChannel;
        private final FileChannel neuronChannel;
        private final ByteBuffer stepBuffer = ByteBuffer.allocateDirect(BUFFER * 8).order(ByteOrder.LITTLE_ENDIAN);
        private final ByteBuffer neuronBuffer = ByteBuffer.allocateDirect(BUFFER * 4).order(ByteOrder.LITTLE_ENDIAN);
        private final int[] offsets;
        private long left;
        private long step;
        private int neuron;
        private int population;

        FileCursor(final FileChannel steps, final FileChannel neurons, final long count, final int[] offsets)
        {
            this.stepChannel = steps;
            this.neuronChannel = neurons;
            this.left = count;
            this.offsets = offsets;
            stepBuffer.flip();
            neuronBuffer.flip();
        }

        @Override
        public boolean next() throws IOException
        {
            if (left == 0)
            {
                return false;
            }
            if (!stepBuffer.hasRemaining())
            {
                refill(stepChannel, stepBuffer, 8);
            }
            if (!neuronBuffer.hasRemaining())
            {
                refill(neuronChannel, neuronBuffer, 4);
            }
            step = stepBuffer.getLong();
            neuron = neuronBuffer.getInt();
            if (neuron < offsets[population] || neuron >= offsets[population + 1])
            {
                if (neuron < 0 || neuron >= offsets[offsets.length - 1])
                {
                    throw new ModelException("a spike of neuron " + neuron + " is outside the numbering [0, "
                        + offsets[offsets.length - 1] + ")");
                }
                final int at = Arrays.binarySearch(offsets, neuron);
                population = Math.max(0, at >= 0 ? at : -at - 2);
                while (offsets[population + 1] <= neuron)
                {
                    population++; // past empty populations that start at the same index
                }
            }
            left--;
            return true;
        }

        private void refill(final FileChannel channel, final ByteBuffer buffer, final int itemSize) throws IOException
        {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), left * itemSize));
            while (buffer.hasRemaining())
            {
                if (channel.read(buffer) < 0)
                {
                    throw new java.io.EOFException("a spike file ends before the length its header gives");
                }
            }
            buffer.flip();
        }

        @Override
        public long step()
        {
            return step;
        }

        @Override
        public int neuron()
        {
            return neuron;
        }

        @Override
        public int population()
        {
            return population;
        }

        @Override
        public void close() throws IOException
        {
            stepChannel.close();
            neuronChannel.close();
        }
    }
}
