package org.myelin.train.loss;

import java.util.Arrays;

import org.myelin.train.data.Signal;

/** The time reductions of one sample's output and the way their gradient goes back to the steps. */
final class Reductions
{
    private Reductions()
    {
    }

    /** {@code z[c]} for each unit, and for MAX the step that reached it into {@code argmax[c]}. */
    static void reduce(final Signal y, final int b, final TimeReduction over, final double[] z, final int[] argmax)
    {
        final int steps = y.steps();
        final int units = y.units();
        final int s = over.start(steps);
        final int e = over.end(steps);
        switch (over.kind())
        {
            case MAX ->
            {
                Arrays.fill(z, Double.NEGATIVE_INFINITY);
                for (int n = s; n < e; n++)
                {
                    for (int c = 0; c < units; c++)
                    {
                        final double value = value(y, b, n, c);
                        if (value > z[c])
                        {
                            z[c] = value;
                            argmax[c] = n;
                        }
                    }
                }
            }
            case SUM, MEAN ->
            {
                Arrays.fill(z, 0.0);
                for (int n = s; n < e; n++)
                {
                    for (int c = 0; c < units; c++)
                    {
                        z[c] += value(y, b, n, c);
                    }
                }
                if (over.kind() == TimeReduction.Kind.MEAN)
                {
                    for (int c = 0; c < units; c++)
                    {
                        z[c] /= e - s;
                    }
                }
            }
            case LAST ->
            {
                for (int c = 0; c < units; c++)
                {
                    z[c] = value(y, b, e - 1, c);
                }
            }
        }
    }

    /** Writes {@code ∂/∂y} of sample b given {@code ∂/∂z} (the region of b is overwritten). */
    static void spread(final Signal y, final int b, final TimeReduction over, final double[] zBar, final int[] argmax,
        final double[] gradient)
    {
        final int steps = y.steps();
        final int units = y.units();
        final int s = over.start(steps);
        final int e = over.end(steps);
        final int base = b * steps * units;
        Arrays.fill(gradient, base, base + steps * units, 0.0);
        switch (over.kind())
        {
            case MAX ->
            {
                for (int c = 0; c < units; c++)
                {
                    gradient[base + argmax[c] * units + c] = zBar[c];
                }
            }
            case SUM, MEAN ->
            {
                final double f = over.kind() == TimeReduction.Kind.MEAN ? 1.0 / (e - s) : 1.0;
                for (int n = s; n < e; n++)
                {
                    for (int c = 0; c < units; c++)
                    {
                        gradient[base + n * units + c] = f * zBar[c];
                    }
                }
            }
            case LAST ->
            {
                for (int c = 0; c < units; c++)
                {
                    gradient[base + (e - 1) * units + c] = zBar[c];
                }
            }
        }
    }

    static double value(final Signal y, final int b, final int n, final int c)
    {
        return y.isSpikes() ? y.value(b, n, c) : y.values()[y.offset(b, n) + c];
    }

    /** The index of the largest entry (the first among equals). */
    static int argmax(final double[] z)
    {
        int best = 0;
        for (int c = 1; c < z.length; c++)
        {
            if (z[c] > z[best])
            {
                best = c;
            }
        }
        return best;
    }
}
