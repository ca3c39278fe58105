package org.myelin.train.trainer;

import org.myelin.train.network.BatchResult;

/** Told about progress: after each batch (for a progress bar) and after each epoch (for files). */
public interface TrainingListener
{
    /**
     * A training batch is done.
     *
     * @param epoch            the epoch, from 1.
     * @param batch            the batch, from 1.
     * @param batches          batches per epoch.
     * @param result           the batch's loss and accuracy.
     * @param samplesPerSecond training samples per second so far in this epoch.
     */
    default void batchDone(final int epoch, final int batch, final int batches, final BatchResult result,
        final double samplesPerSecond)
    {
    }

    /** An epoch is done (parameters are those after the epoch). */
    default void epochDone(final EpochMetrics metrics)
    {
    }
}
