package org.myelin.input;

import org.myelin.base.CurrentInput;
import org.myelin.util.Check;

/**
 * A constant current {@code I} [pA] into every neuron of a group.
 *
 * @param amplitude [pA] the current.
 */
public record ConstantCurrent(double amplitude) implements CurrentInput
{
    /** Validates the amplitude. */
    public ConstantCurrent
    {
        Check.finite("ConstantCurrent", "amplitude", amplitude, "pA");
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        Inputs.addUniform(amplitude, from, to, current);
    }
}
