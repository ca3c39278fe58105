package org.myelin.io.neuroml;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.util.ModelException;

/**
 * The clock of jLEMS, the reference LEMS interpreter: time in seconds as a double that starts at
 * 0 and has dt added at each step ({@code t += dt}), so step k's time is the rounded sum, not
 * {@code k·dt}. Step k of jLEMS advances the state from step k − 1 to step k and stamps what it
 * records, and the spikes it emits, with this time.
 *
 * <p>Myelin's step n advances from n·dt to (n + 1)·dt, so it is jLEMS's step n + 1: a spike
 * Myelin emits at step n is stamped {@code time(n + 1)} in jLEMS's files, and the state Myelin
 * holds at the start of step n is jLEMS's state of step n.
 */
public final class LemsClock
{
    /** Units of time as LEMS defines them (NeuroMLCoreDimensions): symbol and power of ten. */
    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*(s|ms|us)\\s*");

    private final double dtSeconds;
    private final boolean accumulated;
    /** The times computed so far; replaced, never changed, when it grows, so readers need no lock. */
    private volatile double[] times = {0.0};

    /** jLEMS's clock: {@code dtSeconds} added at each step. */
    public LemsClock(final double dtSeconds)
    {
        this(dtSeconds, true);
    }

    /**
     * @param dtSeconds   [s] the step, as jLEMS holds it.
     * @param accumulated true for jLEMS's sum of steps, false for the exact {@code k·dt}.
     */
    public LemsClock(final double dtSeconds, final boolean accumulated)
    {
        this.accumulated = accumulated;
        if (!(dtSeconds > 0) || Double.isInfinite(dtSeconds))
        {
            throw new ModelException("LEMS clock: dt must be > 0 s and finite, got dt=" + dtSeconds + " s");
        }
        this.dtSeconds = dtSeconds;
    }

    /**
     * A time in seconds as jLEMS converts it from text such as {@code "0.025ms"}: the number
     * times 10^power of its unit, in that order of operations ({@code (value + 0) · 1 ·
     * 10^power}).
     *
     * @throws ModelException if the text is not a number with s, ms or us.
     */
    public static double seconds(final String text)
    {
        final Matcher m = QUANTITY.matcher(text);
        if (!m.matches())
        {
            throw new ModelException("LEMS time '" + text + "': expected a number with s, ms or us, e.g. 0.025ms");
        }
        final int power = switch (m.group(2))
        {
            case "s" -> 0;
            case "ms" -> -3;
            default -> -6;
        };
        return (Double.parseDouble(m.group(1)) + 0.0) * 1.0 * Math.pow(10, power);
    }

    /** [s] The step. */
    public double dtSeconds()
    {
        return dtSeconds;
    }

    /**
     * [s] The time of jLEMS's step {@code k} ({@code k >= 0}): k additions of dt to 0 (or
     * {@code k·dt} for the exact clock).
     */
    public double time(final long k)
    {
        if (!accumulated)
        {
            return k * dtSeconds;
        }
        final double[] known = times;
        return k < known.length ? known[(int) k] : grow(k)[(int) k];
    }

    private synchronized double[] grow(final long k)
    {
        if (k < times.length)
        {
            return times;
        }
        if (k > Integer.MAX_VALUE - 8)
        {
            throw new ModelException("LEMS clock: step " + k + " is beyond the steps a run can hold");
        }
        final int old = times.length;
        final double[] more = Arrays.copyOf(times, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(k + 1, 2L * old)));
        for (int i = old; i < more.length; i++)
        {
            more[i] = more[i - 1] + dtSeconds;
        }
        times = more;
        return more;
    }

    /** The number of steps jLEMS runs for a simulation of {@code lengthSeconds}: round(length/dt). */
    public long steps(final double lengthSeconds)
    {
        return Math.round(lengthSeconds / dtSeconds);
    }

    /** The first step {@code k >= from} whose time is {@code >= seconds} (a LEMS {@code .geq.} condition). */
    public long firstAtOrAfter(final double seconds, final long from)
    {
        long k = Math.max(from, (long) Math.floor(seconds / dtSeconds) - 2);
        while (k > from && time(k - 1) >= seconds)
        {
            k--;
        }
        while (time(k) < seconds)
        {
            k++;
        }
        return k;
    }

    /** The first step {@code k >= from} whose time is {@code > seconds} (a LEMS {@code .gt.} condition). */
    public long firstAfter(final double seconds, final long from)
    {
        long k = Math.max(from, (long) Math.floor(seconds / dtSeconds) - 2);
        while (k > from && time(k - 1) > seconds)
        {
            k--;
        }
        while (!(time(k) > seconds))
        {
            k++;
        }
        return k;
    }
}
