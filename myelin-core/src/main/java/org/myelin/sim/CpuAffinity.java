package org.myelin.sim;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pins the calling thread to one CPU, on Linux, through libc's {@code sched_setaffinity} (the
 * Foreign Function API; OpenMP's {@code OMP_PROC_BIND}, NEST's and GeNN's CPU backends do the
 * same through their runtimes).
 *
 * <p>Why: the workers of a step meet at a barrier, so a worker that does not run holds up all of
 * them. Left to itself the scheduler moves workers between CPUs (their caches then start cold) and
 * may run two on one CPU for a while (a woken thread is often placed near its waker) while another
 * CPU idles. One worker per CPU avoids both: COBA-100 000 with 2 threads on 2 vCPUs ran 1.52–1.65×
 * faster than 1 thread pinned against 1.40–1.49× unpinned (same JVM, interleaved; docs/SCALE.md).
 *
 * <p>Only where it can be done quietly: on Linux, when this module may call native code (the
 * launcher passes {@code --enable-native-access=ALL-UNNAMED}; without it the JDK would print a
 * warning at the first call, so nothing is called), and for one simulation of the JVM at a time
 * ({@link #claim}), so that two simulations running side by side do not pin their workers onto
 * the same CPUs.
 */
final class CpuAffinity
{
    /** Bytes of a {@code cpu_set_t}: 1024 CPUs. */
    private static final int MASK_BYTES = 128;
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();

    private CpuAffinity()
    {
    }

    /** True if this JVM can pin threads here (Linux, native access enabled for this module). */
    static boolean available()
    {
        return Libc.GET != null;
    }

    /**
     * Reserves pinning for one run: the first {@code threads} CPUs that the calling thread may
     * use, one per worker, or null (and nothing reserved) if pinning is not available, another
     * run holds it, or there are fewer CPUs than threads. Give it back with {@link #release}.
     */
    static int[] claim(final int threads)
    {
        if (!available() || !CLAIMED.compareAndSet(false, true))
        {
            return null;
        }
        final long[] mask = currentMask();
        final int[] cpus = mask == null ? new int[0] : cpus(mask);
        if (cpus.length < threads)
        {
            CLAIMED.set(false);
            return null;
        }
        return Arrays.copyOf(cpus, threads);
    }

    /** Gives back what {@link #claim} reserved. */
    static void release()
    {
        CLAIMED.set(false);
    }

    /** The CPUs the calling thread may run on, as a bit mask (64 CPUs per long), or null if unknown. */
    static long[] currentMask()
    {
        if (!available())
        {
            return null;
        }
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment set = arena.allocate(MASK_BYTES, 8);
            final int result = (int) Libc.GET.invokeExact(0, (long) MASK_BYTES, set);
            return result == 0 ? set.toArray(ValueLayout.JAVA_LONG) : null;
        }
        catch (final Throwable e)
        {
            return null;
        }
    }

    /** Lets the calling thread run on the CPUs of {@code mask} only; false if that failed. */
    static boolean setMask(final long[] mask)
    {
        if (!available() || mask == null)
        {
            return false;
        }
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment set = arena.allocate(MASK_BYTES, 8);
            MemorySegment.copy(mask, 0, set, ValueLayout.JAVA_LONG, 0, Math.min(mask.length, MASK_BYTES / 8));
            return (int) Libc.SET.invokeExact(0, (long) MASK_BYTES, set) == 0;
        }
        catch (final Throwable e)
        {
            return false;
        }
    }

    /** Lets the calling thread run on {@code cpu} only; false if that failed. */
    static boolean pin(final int cpu)
    {
        if (cpu < 0 || cpu >= MASK_BYTES * 8)
        {
            return false;
        }
        final long[] mask = new long[MASK_BYTES / 8];
        mask[cpu >>> 6] = 1L << (cpu & 63);
        return setMask(mask);
    }

    /** The CPUs of a mask, ascending. */
    static int[] cpus(final long[] mask)
    {
        int count = 0;
        for (final long word : mask)
        {
            count += Long.bitCount(word);
        }
        final int[] cpus = new int[count];
        int k = 0;
        for (int w = 0; w < mask.length; w++)
        {
            for (long word = mask[w]; word != 0; word &= word - 1)
            {
                cpus[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return cpus;
    }

    /** libc's affinity calls, looked up only where they may be called; null elsewhere. */
    private static final class Libc
    {
        static final MethodHandle GET;
        static final MethodHandle SET;

        static
        {
            MethodHandle get = null;
            MethodHandle set = null;
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && CpuAffinity.class.getModule().isNativeAccessEnabled())
            {
                try
                {
                    final Linker linker = Linker.nativeLinker();
                    final FunctionDescriptor call = FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS);
                    get = linker.downcallHandle(linker.defaultLookup().find("sched_getaffinity").orElseThrow(), call);
                    set = linker.downcallHandle(linker.defaultLookup().find("sched_setaffinity").orElseThrow(), call);
                }
                catch (final RuntimeException e)
                {
                    get = null; // no libc with these calls: run unpinned
                    set = null;
                }
            }
            GET = get;
            SET = set;
        }
    }
}
