package org.myelin.io.neuroml;

import org.myelin.base.CurrentInput;
import org.myelin.util.Check;

/**
 * A current pulse into one neuron (NeuroML {@code pulseGenerator}): {@code amplitude} during the
 * steps {@code [fromStep, toStep)}, else 0. Which steps those are is the importer's choice: with
 * Myelin's semantics the steps whose start lies in {@code [delay, delay + duration)}; with
 * jLEMS's, the steps whose end on jLEMS's clock does (jLEMS evaluates the pulse at the time it
 * advances to).
 *
 * @param neuron    the neuron's index in its group.
 * @param fromStep  the first step with the current.
 * @param toStep    the first step after the pulse.
 * @param amplitude [pA] the current.
 */
record PulseCurrent(int neuron, long fromStep, long toStep, double amplitude) implements CurrentInput
{
    /** Validates the pulse. */
    PulseCurrent
    {
        Check.finite("pulseGenerator", "amplitude", amplitude, "pA");
    }

    /**
     * The pulse from {@code delayMs} for {@code durationMs} on steps of {@code dtMs}, each step's
     * current its value at the start of the step (with a tolerance of 1e-9 ms, so that a pulse
     * from 10 ms starts at step 100 of dt = 0.1 ms despite rounding).
     */
    static PulseCurrent atStepStarts(final int neuron, final double delayMs, final double durationMs,
        final double amplitude, final double dtMs)
    {
        Check.nonNegative("pulseGenerator", "delay", delayMs, "ms");
        Check.nonNegative("pulseGenerator", "duration", durationMs, "ms");
        return new PulseCurrent(neuron, firstStepAtOrAfter(delayMs - 1e-9, dtMs),
            firstStepAtOrAfter(delayMs + durationMs - 1e-9, dtMs), amplitude);
    }

    /** The smallest n with {@code n·dt >= timeMs}. */
    private static long firstStepAtOrAfter(final double timeMs, final double dtMs)
    {
        long n = Math.max(0, (long) Math.ceil(timeMs / dtMs));
        while (n > 0 && (n - 1) * dtMs >= timeMs)
        {
            n--;
        }
        while (n * dtMs < timeMs)
        {
            n++;
        }
        return n;
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        if (neuron >= from && neuron < to && step >= fromStep && step < toStep)
        {
            current[neuron] += amplitude;
        }
    }
}
