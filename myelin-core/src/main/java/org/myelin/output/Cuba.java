package org.myelin.output;

/**
 * Current-based output: {@code I = g}, with {@code g} in pA.
 *
 * <p>Source: brainstate {@code CUBA}; Brian2's {@code dv/dt = (ge + gi − (v − El))/τm} in the
 * CUBA benchmark (there {@code g} is in mV, i.e. pA through a 1 GΩ membrane resistance).
 */
public record Cuba() implements Output
{
    @Override
    public void addCurrent(
        final double[] g, final int from, final int to, final double[] v,
        final double[] conductance, final double[] current, final double weight)
    {
        for (int i = from; i < to; i++)
        {
            current[i] += weight * g[i];
        }
    }

    @Override
    public boolean dependsOnVoltage()
    {
        return false;
    }
}
