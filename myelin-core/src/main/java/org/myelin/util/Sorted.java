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

    /**
     * The first index i in {@code [from, to)} with {@code values[i] >= key}, or {@code to} if
     * none, for {@code values} ascending in that range (with repeated values, the first of them).
     */
    public static int firstAtLeast(final int[] values, final int from, final int to, final int key)
    {
        int lo = from;
        int hi = to;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (values[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
