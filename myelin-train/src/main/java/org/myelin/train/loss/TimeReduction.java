package org.myelin.train.loss;

import org.myelin.util.ModelException;

/**
 * How a readout's sequence becomes one value per output unit: its maximum over time, its sum,
 * its mean or its last step, over a window of steps {@code [from, to)}.
 *
 * <p>Negative bounds count from the end ({@code from = −150}: the last 150 steps, as in the
 * e-prop cue-accumulation task); {@code to = 0} means the end.
 *
 * @param kind what is taken.
 * @param from first step of the window (negative: from the end).
 * @param to   end of the window, exclusive (0 or negative: from the end).
 */
public record TimeReduction(Kind kind, int from, int to)
{
    /** What is taken over the window. */
    public enum Kind
    {
        /** The largest value (the gradient goes to the first step that reaches it). */
        MAX,
        /** The sum. */
        SUM,
        /** The mean. */
        MEAN,
        /** The value at the last step of the window. */
        LAST
    }

    /** Validates the kind. */
    public TimeReduction
    {
        if (kind == null)
        {
            throw new ModelException("time reduction: the kind (max, sum, mean or last) is required");
        }
    }

    /** Over all steps. */
    public static TimeReduction of(final Kind kind)
    {
        return new TimeReduction(kind, 0, 0);
    }

    /** The first step of the window for sequences of {@code steps} steps. */
    public int start(final int steps)
    {
        return resolve(from, steps, "from");
    }

    /** The end of the window (exclusive). */
    public int end(final int steps)
    {
        final int e = to <= 0 ? steps + to : to;
        final int s = start(steps);
        if (e > steps || e <= s)
        {
            throw new ModelException("time reduction " + this + ": the window [" + s + ", " + e
                + ") must lie within the " + steps + " steps and be non-empty");
        }
        return e;
    }

    private static int resolve(final int value, final int steps, final String what)
    {
        final int v = value < 0 ? steps + value : value;
        if (v < 0 || v >= steps)
        {
            throw new ModelException("time reduction: " + what + "=" + value + " is outside the " + steps + " steps");
        }
        return v;
    }

    @Override
    public String toString()
    {
        final String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        return from == 0 && to == 0 ? k : k + "[" + from + ", " + to + ")";
    }
}
