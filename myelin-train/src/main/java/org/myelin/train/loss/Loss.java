package org.myelin.train.loss;

import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;

/**
 * A task loss on a network's output, averaged over the samples of a batch.
 */
public sealed interface Loss permits CrossEntropy, MeanSquaredError
{
    /**
     * The loss of sample b, and {@code scale·∂loss/∂output} written into the sample's region of
     * {@code gradient} ({@code [batch][steps][units]}; every entry of the region is written).
     */
    double lossAndGradient(Signal output, Batch batch, int b, double[] gradient, double scale);

    /** The predicted class of sample b, or −1 for a loss without classes. */
    int predict(Signal output, int b);

    /** The name and settings, for run files. */
    String describe();
}
