package org.myelin.input;

import org.myelin.base.CurrentInput;
import org.myelin.util.Check;

/**
 * A sinusoidal current {@code I(t) = offset + amplitude · sin(2π · f · (t − startMs))} between
 * {@code startMs} and {@code stopMs}, 0 outside (BrainPy's {@code sinusoidal_input}), into every
 * neuron of a group.
 *
 * @param amplitude   [pA] the amplitude.
 * @param frequencyHz [Hz] the frequency, {@code >= 0}.
 * @param offset      [pA] the mean (bias) current.
 * @param startMs     [ms] start, {@code >= 0}.
 * @param stopMs      [ms] end, {@code > startMs}; may be infinite.
 */
public record SinusoidalCurrent(double amplitude, double frequencyHz, double offset, double startMs, double stopMs)
    implements CurrentInput
{
    /** Validates the parameters. */
    public SinusoidalCurrent
    {
        Check.finite("SinusoidalCurrent", "amplitude", amplitude, "pA");
        Check.nonNegative("SinusoidalCurrent", "frequency", frequencyHz, "Hz");
        Check.finite("SinusoidalCurrent", "offset", offset, "pA");
        Check.nonNegative("SinusoidalCurrent", "start", startMs, "ms");
        Check.that(stopMs > startMs, "SinusoidalCurrent", "stop must be > start, got start=" + Check.fmt(startMs)
            + " ms, stop=" + Check.fmt(stopMs) + " ms");
    }

    /** A sinusoid from t = 0 on, without end. */
    public SinusoidalCurrent(final double amplitude, final double frequencyHz, final double offset)
    {
        this(amplitude, frequencyHz, offset, 0, Double.POSITIVE_INFINITY);
    }

    /** [pA] the current at time {@code timeMs}. */
    public double valueAt(final double timeMs)
    {
        if (timeMs < startMs || timeMs >= stopMs)
        {
            return 0.0;
        }
        return offset + amplitude * Math.sin(2 * Math.PI * frequencyHz / 1000.0 * (timeMs - startMs));
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        Inputs.addUniform(valueAt(timeMs), from, to, current);
    }
}
