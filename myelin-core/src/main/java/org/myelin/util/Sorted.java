package org.myelin.util;

/** Searches in ascending arrays. */
public final class Sorted
{
    private Sorted()
    {
    }

    /**
     * The last index i in {@code [0, count)} with {@code values[i] <= key}, for ascending
     * {@code values} whose first entry is at most {@code key} (0 if none is). With repeated values,
     * the last of them: the row of a synapse when {@code values} are row starts and rows may be empty.
     */
    public static int lastAtMost(final int[] values, final int count, final int key)
    {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (values[mid] <= key)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
