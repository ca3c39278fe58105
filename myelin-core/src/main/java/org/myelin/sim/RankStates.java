package org.myelin.sim;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.myelin.mpi.Communicator;
import org.myelin.state.StateArrays;
import org.myelin.util.ModelException;

/**
 * The whole state of a simulation shared by several ranks, from the parts each rank updated.
 *
 * <p>Every rank holds every state array whole, but updates only the elements it owns (its slices
 * of each population, the synapses onto them); the elements it does not own keep the values they
 * had when its first run began (its <em>baseline</em>), and the replicated ones (the step, spike
 * histories and counts, which every rank computes alike) change the same way on every rank. So
 * an element's value in the whole state is the one a rank changed it to, and its baseline where
 * no rank changed it. Each rank sends the elements that differ from its baseline, as (array,
 * element, raw bits), and every rank applies all of them to a copy of its own arrays.
 *
 * <p>Refused, with one line: ranks whose arrays differ in layout, in their baselines or in the
 * arrays that grow as the network runs (spikes in flight, monitors' data), and an element that
 * two ranks changed to different values. Not detectable: a rank changing an element it does
 * not own while the owner leaves it at its baseline; {@code DistributedSimulationTest} checks the
 * merged state against one process's for every kind of state.
 */
final class RankStates
{
    /** Per changed element: array (int), element (int), raw bits (long). */
    private static final int RECORD_BYTES = 16;
    /** Layout and baseline hashes, before the growing arrays' hashes and the records. */
    private static final int HEADER_BYTES = 2 * Long.BYTES;

    private RankStates()
    {
    }

    /**
     * The whole state, the same on every rank; a collective of {@code ranks}.
     *
     * @param baseline this rank's state when its first run began (a copy).
     * @param current  this rank's state now (the simulation's own arrays).
     * @return a copy of {@code current} with every rank's changes in it.
     * @throws ModelException if the ranks' states cannot be put together (see the class).
     */
    static StateArrays merge(final Communicator ranks, final StateArrays baseline, final StateArrays current)
    {
        final List<String> names = new ArrayList<>(current.arrays().keySet());
        final long layout = layoutHash(current);
        final long base = baselineHash(baseline, current, names);
        final List<String> growingNames = new ArrayList<>();
        for (final String name : names)
        {
            if (current.grows(name))
            {
                growingNames.add(name);
            }
        }
        final long[] growing = new long[growingNames.size()];
        for (int g = 0; g < growing.length; g++)
        {
            final Object values = current.arrays().get(growingNames.get(g));
            growing[g] = values(mix(0, Array.getLength(values)), values);
        }
        final ByteBuffer message = changes(baseline, current, names, layout, base, growing);
        final int size = ranks.size();
        final int[] lengths = new int[size];
        ranks.allgather(new int[] {message.position()}, 1, lengths);
        final int[] displacements = new int[size];
        long total = 0;
        for (int r = 0; r < size; r++)
        {
            if (total > Integer.MAX_VALUE)
            {
                break;
            }
            displacements[r] = (int) total;
            total += lengths[r];
        }
        if (total > Integer.MAX_VALUE)
        {
            throw new ModelException("checkpoint across " + size + " MPI ranks: the ranks' changed state is " + total
                + " bytes, more than one gather of 2^31 - 1 bytes takes; use fewer ranks or checkpoint without mpirun");
        }
        final byte[] all = new byte[(int) total];
        ranks.allgatherv(message.array(), message.position(), all, lengths, displacements);
        final StateArrays merged = current.copy();
        final Map<String, Object> arrays = merged.arrays();
        final Object[] targets = new Object[names.size()];
        // the elements a lower rank changed already
        final BitSet[] changed = new BitSet[names.size()];
        for (int a = 0; a < targets.length; a++)
        {
            targets[a] = arrays.get(names.get(a));
            changed[a] = new BitSet();
        }
        for (int r = 0; r < size; r++)
        {
            final ByteBuffer in = ByteBuffer.wrap(all, displacements[r], lengths[r]).order(ByteOrder.LITTLE_ENDIAN);
            agree(in.getLong(), layout, r, "layout of their state arrays (names, types, lengths)");
            agree(in.getLong(), base, r, "state when their first run began");
            for (int g = 0; g < growing.length; g++)
            {
                agree(in.getLong(), growing[g], r, "state '" + growingNames.get(g) + "' (an array that grows as the "
                    + "network runs, the same on every rank)");
            }
            while (in.remaining() >= RECORD_BYTES)
            {
                final int a = in.getInt();
                final int i = in.getInt();
                final long bits = in.getLong();
                if (changed[a].get(i) && bits(targets[a], i) != bits)
                {
                    throw new ModelException("checkpoint across MPI ranks: state '" + names.get(a) + "' [" + i
                        + "] was changed by rank " + r + " and a lower rank to different values; this network "
                        + "cannot be checkpointed under mpirun");
                }
                changed[a].set(i);
                set(targets[a], i, bits);
            }
        }
        return merged;
    }

    private static void agree(final long theirs, final long mine, final int rank, final String what)
    {
        if (theirs != mine)
        {
            throw new ModelException("checkpoint across MPI ranks: rank " + rank + " and this rank differ in the "
                + what + "; they cannot be put together into one checkpoint");
        }
    }

    /** This rank's message: the hashes, then every fixed-size element that differs from the baseline. */
    private static ByteBuffer changes(final StateArrays baseline, final StateArrays current, final List<String> names,
        final long layout, final long base, final long[] growing)
    {
        final long count = changes(baseline, current, names, null);
        final long bytes = HEADER_BYTES + (long) growing.length * Long.BYTES + count * RECORD_BYTES;
        if (bytes > Integer.MAX_VALUE)
        {
            throw new ModelException("checkpoint across MPI ranks: a rank changed " + count + " state values, more "
                + "than one gather of 2^31 - 1 bytes takes; use more ranks or checkpoint without mpirun");
        }
        final ByteBuffer out = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(layout).putLong(base);
        for (final long g : growing)
        {
            out.putLong(g);
        }
        changes(baseline, current, names, out);
        return out;
    }

    /**
     * Counts the fixed-size elements that differ from the baseline and, unless {@code out} is
     * null, puts each into it as (array, element, raw bits).
     */
    private static long changes(final StateArrays baseline, final StateArrays current, final List<String> names,
        final ByteBuffer out)
    {
        long count = 0;
        for (int a = 0; a < names.size(); a++)
        {
            final String name = names.get(a);
            if (current.grows(name))
            {
                continue;
            }
            final Object now = current.arrays().get(name);
            final Object then = baseline.arrays().get(name);
            final int n = Array.getLength(now);
            for (int i = 0; i < n; i++)
            {
                final long b = bits(now, i);
                if (b != bits(then, i))
                {
                    count++;
                    if (out != null)
                    {
                        out.putInt(a).putInt(i).putLong(b);
                    }
                }
            }
        }
        return count;
    }

    /** The names, types and lengths of the fixed-size arrays and the names of the growing ones. */
    private static long layoutHash(final StateArrays state)
    {
        long h = 0;
        for (final Map.Entry<String, Object> e : state.arrays().entrySet())
        {
            h = mix(h, e.getKey().hashCode());
            h = mix(h, e.getValue().getClass().getComponentType().getName().hashCode());
            h = mix(h, state.grows(e.getKey()) ? -1 : Array.getLength(e.getValue()));
        }
        return h;
    }

    /**
     * The baseline's values of the fixed-size arrays of {@code current}.
     *
     * @throws ModelException if the baseline lacks one or holds it with another length.
     */
    private static long baselineHash(final StateArrays baseline, final StateArrays current, final List<String> names)
    {
        long h = 0;
        for (final String name : names)
        {
            if (current.grows(name))
            {
                continue;
            }
            final Object then = baseline.arrays().get(name);
            final Object now = current.arrays().get(name);
            if (then == null || then.getClass() != now.getClass() || Array.getLength(then) != Array.getLength(now))
            {
                throw new ModelException("checkpoint across MPI ranks: state '" + name + "' changed its layout since "
                    + "the first run began; it cannot be put together from the ranks");
            }
            h = values(h, then);
        }
        return h;
    }

    private static long values(final long hash, final Object values)
    {
        long h = hash;
        final int n = Array.getLength(values);
        for (int i = 0; i < n; i++)
        {
            h = mix(h, bits(values, i));
        }
        return h;
    }

    /** One step of a 64-bit hash (SplitMix64's finaliser over the running value and the input). */
    private static long mix(final long hash, final long value)
    {
        long z = hash * 0x9E3779B97F4A7C15L + value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Element i's raw bits: doubles and floats bit for bit, so NaNs and signed zeros count. */
    private static long bits(final Object values, final int i)
    {
        return switch (values)
        {
            case double[] d -> Double.doubleToRawLongBits(d[i]);
            case float[] f -> Float.floatToRawIntBits(f[i]);
            case int[] n -> n[i];
            case long[] n -> n[i];
            default -> throw new IllegalArgumentException("not a primitive array: " + values);
        };
    }

    private static void set(final Object values, final int i, final long bits)
    {
        switch (values)
        {
            case double[] d -> d[i] = Double.longBitsToDouble(bits);
            case float[] f -> f[i] = Float.intBitsToFloat((int) bits);
            case int[] n -> n[i] = (int) bits;
            case long[] n -> n[i] = bits;
            default -> throw new IllegalArgumentException("not a primitive array: " + values);
        }
    }
}
