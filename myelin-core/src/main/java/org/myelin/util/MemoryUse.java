package org.myelin.util;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** Memory figures for run summaries and benchmarks, and the check before large allocations. */
public final class MemoryUse
{
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryUse()
    {
    }

    /** Bytes the heap can still give: its maximum less what is in use now. */
    public static long availableHeapBytes()
    {
        final Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Refuses, before allocating, what will not fit in the heap: one line naming what needs the
     * memory, the estimate, the heap available and what to do.
     *
     * @param what   what needs it, e.g. {@code "LIF 'E' (2,147,483,647 neurons)"}.
     * @param bytes  the estimate.
     * @param advice what the user can do besides a larger heap, e.g.
     *               {@code "use just-in-time connectivity"}.
     * @throws ModelException if {@code bytes} exceeds {@link #availableHeapBytes()}.
     */
    public static void requireHeap(final String what, final double bytes, final String advice)
    {
        final long available = availableHeapBytes();
        if (bytes > available)
        {
            final long max = Runtime.getRuntime().maxMemory();
            final long suggestedGiB = (long) Math.ceil((bytes + max - available) * 1.25 / (MIB * 1024));
            throw new ModelException(String.format(Locale.ROOT,
                "%s needs an estimated %,.0f MiB but the heap has %,.0f MiB free (maximum %,.0f MiB); %s, "
                    + "or give Java a larger heap (-Xmx%dg, e.g. MYELIN_JAVA_OPTS=-Xmx%dg for bin/myelin)",
                what, bytes / MIB, available / MIB, max / MIB, advice, suggestedGiB, suggestedGiB));
        }
    }

    /** The peak heap use so far: the sum of every heap pool's peak, in bytes. */
    public static long peakHeapBytes()
    {
        long peak = 0;
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
        {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
            {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * The peak resident memory of the whole process so far (heap, metaspace, code, thread stacks,
     * native buffers), in bytes: Linux's {@code VmHWM}; -1 where the system does not tell.
     */
    public static long peakResidentBytes()
    {
        return status("VmHWM:");
    }

    /** The resident memory of the whole process now ({@code VmRSS}), in bytes; -1 where unknown. */
    public static long residentBytes()
    {
        return status("VmRSS:");
    }

    private static long status(final String field)
    {
        try
        {
            for (final String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")))
            {
                if (line.startsWith(field))
                {
                    final String[] words = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(words[0]) * ("kB".equals(words[1]) ? 1024 : 1);
                }
            }
        }
        catch (final java.io.IOException | RuntimeException e)
        {
            // not Linux, or no procfs: unknown
        }
        return -1;
    }
}
