package org.myelin.util;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Memory figures for run summaries and benchmarks. */
public final class MemoryUse
{
    private MemoryUse()
    {
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
