package org.myelin.train.trainer;

/**
 * The figures of one epoch, as written to {@code metrics.csv}.
 *
 * @param epoch         the epoch, from 1.
 * @param loss          mean training loss over the epoch's batches (task loss plus regularization).
 * @param trainAccuracy fraction of training samples classified correctly during the epoch.
 * @param testAccuracy  fraction of test samples classified correctly after the epoch (NaN without a test set).
 * @param testLoss      mean test loss after the epoch (NaN without a test set).
 * @param seconds       wall time of the epoch, training and testing.
 * @param learningRate  the learning rate of the epoch.
 */
public record EpochMetrics(int epoch, double loss, double trainAccuracy, double testAccuracy, double testLoss,
    double seconds, double learningRate)
{
}
