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
}
