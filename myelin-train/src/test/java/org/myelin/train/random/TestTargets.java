package org.myelin.train.random;

import org.myelin.random.RandomStream;

/** Target values for tests of regression losses. */
public final class TestTargets
{
    private TestTargets()
    {
    }

    /** {@code count} values uniform in [0, 1). */
    public static double[] uniform(final int count, final long seed)
    {
        final RandomStream rng = new RandomStream(seed);
        final double[] t = new double[count];
        for (int k = 0; k < count; k++)
        {
            t[k] = rng.nextDouble();
        }
        return t;
    }
}
