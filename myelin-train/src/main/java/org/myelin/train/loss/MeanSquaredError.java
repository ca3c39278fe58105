package org.myelin.train.loss;

import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.util.ModelException;

/**
 * Mean squared error against target values, either at every step ({@code over == null}: targets
 * {@code [steps][units]} per sample) or of the output reduced over time (targets
 * {@code [units]} per sample).
 *
 * <pre>
 *   loss = (1/M) Σ (y − target)²        over the M = steps·units (or units) values
 * </pre>
 *
 * @param over the time reduction, or null to compare every step.
 */
public record MeanSquaredError(TimeReduction over) implements Loss
{
    /** Every step compared with its target. */
    public static MeanSquaredError everyStep()
    {
        return new MeanSquaredError(null);
    }

    @Override
    public double lossAndGradient(final Signal output, final Batch batch, final int b, final double[] gradient,
        final double scale)
    {
        final int units = output.units();
        final int steps = output.steps();
        final int expected = over == null ? steps * units : units;
        if (batch.targets() == null || batch.targetSize() != expected)
        {
            throw new ModelException("MeanSquaredError" + (over == null ? "" : " over " + over) + ": the task must give "
                + expected + " target values per sample, got " + (batch.targets() == null ? 0 : batch.targetSize()));
        }
        final double[] t = batch.targets();
        final int t0 = b * expected;
        double loss = 0;
        if (over == null)
        {
            final int base = b * steps * units;
            for (int k = 0; k < expected; k++)
            {
                final double d = Reductions.value(output, b, k / units, k % units) - t[t0 + k];
                loss += d * d;
                gradient[base + k] = scale * 2 * d / expected;
            }
            return loss / expected;
        }
        final double[] z = new double[units];
        final int[] argmax = new int[units];
        Reductions.reduce(output, b, over, z, argmax);
        final double[] zBar = new double[units];
        for (int c = 0; c < units; c++)
        {
            final double d = z[c] - t[t0 + c];
            loss += d * d;
            zBar[c] = scale * 2 * d / units;
        }
        Reductions.spread(output, b, over, zBar, argmax, gradient);
        return loss / units;
    }

    @Override
    public int predict(final Signal output, final int b)
    {
        return -1;
    }

    @Override
    public String describe()
    {
        return "MeanSquaredError(over=" + (over == null ? "every step" : over) + ")";
    }
}
