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
            this(dir, populations, offsets, dt, false, false);
        }

        /**
         * A writer that starts the files anew, or, when {@code continued}, appends to the files it
         * finds in {@code dir} (cut back to a checkpoint's position by {@link SpoolPosition#cut}).
         *
         * @param keep whether closing it without {@link #finish} keeps the files (for a run that
         *             continues them after a checkpoint) rather than deleting them.
         * @throws ModelException naming a {@code .npy} file that is not a header and whole values.
         */
        public Writer(final Path dir, final List<String> populations, final int[] offsets, final double dt,
            final boolean continued, final boolean keep) throws IOException
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
            this.steps = new Npy.Appender(dir.resolve(STEP_NPY), "<i8", 8, continued);
            this.neurons = new Npy.Appender(dir.resolve(NEURON_NPY), "<i4", 4, continued);
            if (steps.items() != neurons.items())
            {
                final long stepCount = steps.items();
                final long neuronCount = neurons.items();
                steps.keep();
                neurons.keep();
                throw new ModelException(dir + ": " + STEP_NPY + " holds " + stepCount + " spikes, " + NEURON_NPY
                    + " " + neuronCount + "; the files were cut or belong to another run");
            }
            this.csvPath = dir.resolve(CSV);
            if (!continued)
            {
                this.csv = FileChannel.open(csvPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                line.put("step,time_ms,neuron,population\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            this.csv = FileChannel.open(csvPath, StandardOpenOption.WRITE);
            csv.position(csv.size());
        }

        /** Hands the spikes added so far to the file system. */
        public void flush() throws IOException
        {
            flushCsv();
            steps.flush();
            neurons.flush();
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
