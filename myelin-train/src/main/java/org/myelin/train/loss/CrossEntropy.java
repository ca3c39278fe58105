package org.myelin.train.loss;

import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.util.ModelException;

/**
 * Softmax cross-entropy of the class label against logits {@code z_c} taken from the output over
 * time ({@link TimeReduction}: its maximum, as in Zenke and Vogels 2021, its sum, mean or last
 * step).
 *
 * <pre>
 *   loss = log Σ_c e^{z_c} − z_label           ∂loss/∂z_c = softmax(z)_c − [c = label]
 * </pre>
 * The prediction is the class of the largest logit.
 *
 * @param over how the output becomes logits.
 */
public record CrossEntropy(TimeReduction over) implements Loss
{
    /** Validates the reduction. */
    public CrossEntropy
    {
        if (over == null)
        {
            throw new ModelException("CrossEntropy: 'over' (max, sum, mean or last) is required");
        }
    }

    @Override
    public double lossAndGradient(final Signal output, final Batch batch, final int b, final double[] gradient,
        final double scale)
    {
        if (batch.labels() == null)
        {
            throw new ModelException("CrossEntropy: the task gives no class labels");
        }
        final int units = output.units();
        final int label = batch.labels()[b];
        if (label < 0 || label >= units)
        {
            throw new ModelException("CrossEntropy: label " + label + " of sample " + b + " is not one of the "
                + units + " output units");
        }
        final double[] z = new double[units];
        final int[] argmax = new int[units];
        Reductions.reduce(output, b, over, z, argmax);
        double max = Double.NEGATIVE_INFINITY;
        for (final double value : z)
        {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (int c = 0; c < units; c++)
        {
            sum += Math.exp(z[c] - max);
        }
        final double logSum = max + Math.log(sum);
        final double[] zBar = new double[units];
        for (int c = 0; c < units; c++)
        {
            zBar[c] = scale * (Math.exp(z[c] - logSum) - (c == label ? 1.0 : 0.0));
        }
        Reductions.spread(output, b, over, zBar, argmax, gradient);
        return logSum - z[label];
    }

    @Override
    public int predict(final Signal output, final int b)
    {
        final double[] z = new double[output.units()];
        Reductions.reduce(output, b, over, z, new int[z.length]);
        return Reductions.argmax(z);
    }

    @Override
    public String describe()
    {
        return "CrossEntropy(over=" + over + ")";
    }
}
