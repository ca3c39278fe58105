package org.myelin.delay;

/**
 * How a delayed read-out between two recorded steps is formed (brainstate's {@code Delay}
 * retrieval, inferno's {@code interp_nearest}/{@code interp_previous}/linear).
 */
public enum Interpolation
{
    /** The value at the nearest recorded step (halves to the later step). */
    NEAREST,
    /** The value at the recorded step at or before the requested time. */
    PREVIOUS,
    /** Linear interpolation between the two recorded steps around the requested time. */
    LINEAR
}
