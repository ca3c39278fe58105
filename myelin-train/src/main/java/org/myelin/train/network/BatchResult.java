package org.myelin.train.network;

/**
 * What one pass over a batch gave.
 *
 * @param loss           the task loss, mean over samples.
 * @param regularization the regularizers' penalty.
 * @param correct        samples whose predicted class is their label (0 for losses without classes).
 * @param samples        samples in the batch.
 */
public record BatchResult(double loss, double regularization, int correct, int samples)
{
    /** The loss the gradient is of: task loss plus regularization. */
    public double total()
    {
        return loss + regularization;
    }
}
