package org.myelin.input;

import org.myelin.base.CurrentInput;
import org.myelin.util.Check;

/**
 * A current that changes linearly from {@code startAmplitude} at {@code startMs} to
 * {@code endAmplitude} at {@code stopMs}, and is 0 outside {@code [startMs, stopMs)} (BrainPy's
 * {@code ramp_input}), into every neuron of a group.
 *
 * @param startAmplitude [pA] the current at startMs.
 * @param endAmplitude   [pA] the current approached at stopMs.
 * @param startMs        [ms] start, {@code >= 0}.
 * @param stopMs         [ms] end, {@code > startMs}.
 */
public record RampCurrent(double startAmplitude, double endAmplitude, double startMs, double stopMs)
    implements CurrentInput
{
    /** Validates the parameters. */
    public RampCurrent
    {
        Check.finite("RampCurrent", "startAmplitude", startAmplitude, "pA");
        Check.finite("RampCurrent", "endAmplitude", endAmplitude, "pA");
        Check.nonNegative("RampCurrent", "start", startMs, "ms");
        Check.that(stopMs > startMs, "RampCurrent", "stop must be > start, got start=" + Check.fmt(startMs)
            + " ms, stop=" + Check.fmt(stopMs) + " ms");
    }

    /** [pA] the current at time {@code timeMs}. */
    public double valueAt(final double timeMs)
    {
        if (timeMs < startMs || timeMs >= stopMs)
        {
            return 0.0;
        }
        return startAmplitude + (endAmplitude - startAmplitude) * (timeMs - startMs) / (stopMs - startMs);
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        Inputs.addUniform(valueAt(timeMs), from, to, current);
    }
}
