package org.myelin.io.neuroml;

import org.myelin.base.CurrentInput;
import org.myelin.util.Check;

/**
 * A current pulse into one neuron (NeuroML {@code pulseGenerator}): {@code amplitude} while
 * {@code delay <= t < delay + duration}, else 0. The current of a step is its value at the start
 * of the step, held for the step.
 *
 * @param neuron    the neuron's index in its group.
 * @param delayMs   [ms] start of the pulse.
 * @param durationMs [ms] length of the pulse.
 * @param amplitude [pA] the current.
 */
record PulseCurrent(int neuron, double delayMs, double durationMs, double amplitude) implements CurrentInput
{
    /** Validates the pulse. */
    PulseCurrent
    {
        Check.nonNegative("pulseGenerator", "delay", delayMs, "ms");
        Check.nonNegative("pulseGenerator", "duration", durationMs, "ms");
        Check.finite("pulseGenerator", "amplitude", amplitude, "pA");
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        // a tolerance of 1e-9 ms so a pulse from 10 ms starts at step 100 of dt = 0.1 ms despite rounding
        if (neuron >= from && neuron < to && timeMs >= delayMs - 1e-9 && timeMs < delayMs + durationMs - 1e-9)
        {
            current[neuron] += amplitude;
        }
    }
}
