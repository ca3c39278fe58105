package org.myelin.output;

import org.myelin.util.Check;

/**
 * Conductance-based output: {@code I = g · (E − v)}, with {@code g} in nS, {@code E} and
 * {@code v} in mV, {@code I} in pA.
 *
 * <p>Source: brainstate {@code COBA}; Vogels and Abbott (2005).
 *
 * @param eRev [mV] reversal potential {@code E}.
 */
public record Coba(double eRev) implements Output
{
    /** Validates the reversal potential. */
    public Coba
    {
        Check.finite("COBA output", "eRev", eRev, "mV");
    }

    @Override
    public void addCurrent(
        final double[] g, final int from, final int to, final double[] v,
        final double[] conductance, final double[] current, final double weight)
    {
        final double e = eRev;
        for (int i = from; i < to; i++)
        {
            final double gi = g[i];
            conductance[i] += gi;
            current[i] += gi * e;
        }
    }

    @Override
    public boolean dependsOnVoltage()
    {
        return true;
    }
}
