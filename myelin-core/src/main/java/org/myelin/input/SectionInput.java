package org.myelin.input;

import java.util.Arrays;

import org.myelin.base.CurrentInput;
import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A piecewise-constant current into every neuron of a group (BrainPy's {@code section_input}):
 * {@code values[k]} [pA] for {@code durations[k]} [ms], one section after the other from t = 0,
 * and 0 after the last section. A step current is the special case {@link #step}, which may
 * also last forever.
 *
 * <p>Section boundaries are whole steps ({@link Units#toSteps}, rounding to the nearest step),
 * so the current changes exactly at a step and the time never drifts.
 */
public final class SectionInput implements CurrentInput
{
    private static final String OWNER = "SectionInput";

    private final double[] values;
    private final double[] durations;
    private final double after;
    private long[] ends;

    /**
     * @param values    [pA] the current of each section, finite.
     * @param durations [ms] the duration of each section, {@code >= 0}; as many as values.
     */
    public SectionInput(final double[] values, final double[] durations)
    {
        this(values, durations, 0.0);
    }

    private SectionInput(final double[] values, final double[] durations, final double after)
    {
        if (values.length != durations.length || values.length == 0)
        {
            throw new ModelException(OWNER + ": values and durations must be non-empty and of the same length, got "
                + values.length + " values and " + durations.length + " durations");
        }
        for (int k = 0; k < values.length; k++)
        {
            Check.finite(OWNER, "values[" + k + "]", values[k], "pA");
            Check.nonNegative(OWNER, "durations[" + k + "]", durations[k], "ms");
        }
        this.values = values.clone();
        this.durations = durations.clone();
        this.after = after;
    }

    /**
     * A step: 0 until {@code startMs}, {@code amplitude} until {@code stopMs}, then 0.
     *
     * @throws ModelException if {@code stopMs < startMs}.
     */
    public static SectionInput step(final double amplitude, final double startMs, final double stopMs)
    {
        Check.nonNegative("StepCurrent", "start", startMs, "ms");
        Check.that(stopMs >= startMs, "StepCurrent", "stop must be >= start, got start=" + Check.fmt(startMs)
            + " ms, stop=" + Check.fmt(stopMs) + " ms");
        return new SectionInput(new double[] {0, amplitude}, new double[] {startMs, stopMs - startMs});
    }

    /** A step that does not end: 0 until {@code startMs}, then {@code amplitude}. */
    public static SectionInput step(final double amplitude, final double startMs)
    {
        Check.nonNegative("StepCurrent", "start", startMs, "ms");
        Check.finite("StepCurrent", "amplitude", amplitude, "pA");
        return new SectionInput(new double[] {0}, new double[] {startMs}, amplitude);
    }

    @Override
    public void prepare(final double dt, final long seed)
    {
        ends = new long[durations.length];
        long end = 0;
        for (int k = 0; k < durations.length; k++)
        {
            end += Units.toSteps(OWNER, "durations[" + k + "]", durations[k], dt, true);
            ends[k] = end;
        }
    }

    /** [pA] the current at {@code step} (after {@link #prepare}). */
    public double valueAt(final long step)
    {
        int k = Arrays.binarySearch(ends, step);
        k = k >= 0 ? k + 1 : -k - 1;
        return k < values.length ? values[k] : after;
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        Inputs.addUniform(valueAt(step), from, to, current);
    }
}
