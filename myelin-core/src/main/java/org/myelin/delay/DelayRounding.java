package org.myelin.delay;

import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * How a per-synapse delay that is not a whole number of time steps becomes one (inferno's
 * {@code nearest}/{@code previous} choice for delayed reads). One step is the shortest per-synapse
 * delay: the post-side ring buffer receives a spike at step n for step n + d with d ≥ 1.
 */
public enum DelayRounding
{
    /** The nearest whole step, halves up. */
    NEAREST,
    /** The whole step at or before the delay (floor). */
    PREVIOUS,
    /** No rounding: a delay that is not a whole number of steps is an error. */
    EXACT;

    /**
     * Converts a homogeneous delay (0 allowed) to steps; a positive delay shorter than one step is
     * an error whatever the rounding.
     *
     * @param owner     the projection, for messages.
     * @param parameter the delay's name, for messages.
     * @param delayMs   [ms] the delay, {@code >= 0}.
     * @param dt        [ms] the time step.
     * @return the delay in whole steps.
     */
    public int toSteps(final String owner, final String parameter, final double delayMs, final double dt)
    {
        if (this == PREVIOUS)
        {
            final int nearest = Units.toSteps(owner, parameter, delayMs, dt, true);
            final double ratio = delayMs / dt;
            final double tolerance = Math.max(Units.STEP_TOLERANCE, 4 * Math.ulp(ratio));
            final int previous = Math.abs(ratio - nearest) <= tolerance ? nearest : (int) Math.floor(ratio);
            if (0 == previous && delayMs > 0)
            {
                throw new ModelException(owner + ": " + parameter + "=" + Units.format(delayMs)
                    + " ms is shorter than one time step dt=" + Units.format(dt)
                    + " ms; set it to 0, make it at least dt, or use a smaller dt");
            }
            return previous;
        }
        return Units.toSteps(owner, parameter, delayMs, dt, this == NEAREST);
    }

    /**
     * Converts one synapse's delay to steps.
     *
     * @param owner   the projection, for messages, e.g. {@code "projection 'E->I'"}.
     * @param pre     the synapse's presynaptic neuron, for messages.
     * @param post    the synapse's postsynaptic neuron, for messages.
     * @param delayMs [ms] the delay.
     * @param dt      [ms] the time step.
     * @return the delay in whole steps, {@code >= 1}.
     * @throws ModelException if the delay is negative, not finite, shorter than one step, or not a
     *                        whole number of steps under {@link #EXACT}.
     */
    public int toSteps(final String owner, final int pre, final int post, final double delayMs, final double dt)
    {
        final double ratio = delayMs / dt;
        final double tolerance = Math.max(Units.STEP_TOLERANCE, 4 * Math.ulp(ratio));
        if (!(ratio >= 1 - tolerance) || ratio > Integer.MAX_VALUE)
        {
            final String synapse = " (synapse " + pre + " -> " + post + ")";
            if (!(delayMs >= 0) || Double.isInfinite(delayMs))
            {
                throw new ModelException(owner + ": delay must be >= 0 ms and finite, got delay="
                    + Check.fmt(delayMs) + " ms" + synapse);
            }
            if (ratio > Integer.MAX_VALUE)
            {
                throw new ModelException(owner + ": delay=" + Check.fmt(delayMs) + " ms" + synapse
                    + " is longer than " + Integer.MAX_VALUE + " steps of dt=" + Check.fmt(dt) + " ms");
            }
            throw new ModelException(owner + ": delay=" + Check.fmt(delayMs) + " ms" + synapse
                + " is shorter than one time step dt=" + Check.fmt(dt)
                + " ms, the minimum for per-synapse delays");
        }
        final long nearest = Math.round(ratio);
        final boolean whole = Math.abs(ratio - nearest) <= tolerance;
        return switch (this)
        {
            case NEAREST -> (int) nearest;
            case PREVIOUS -> whole ? (int) nearest : (int) Math.floor(ratio);
            case EXACT ->
            {
                if (!whole)
                {
                    throw new ModelException(owner + ": delay=" + Check.fmt(delayMs) + " ms (synapse " + pre
                        + " -> " + post + ") is not a whole number of time steps dt=" + Check.fmt(dt)
                        + " ms; use a multiple of dt or choose rounding NEAREST or PREVIOUS");
                }
                yield (int) nearest;
            }
        };
    }
}
