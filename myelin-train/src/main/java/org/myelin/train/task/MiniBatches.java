package org.myelin.train.task;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.util.Check;

/**
 * The mini-batches of one epoch: the samples in an order drawn from (seed, epoch) by a
 * Fisher–Yates shuffle, cut into batches of {@code batchSize} (the last one shorter). The order
 * of epoch e is the same in a resumed run as in an uninterrupted one.
 */
public final class MiniBatches
{
    private static final long PURPOSE_SHUFFLE = 0x53687566666c65L;

    private final Dataset data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final int[] order;
    private int epoch = -1;
    private final Signal signal;

    /**
     * @param batchSize samples per batch, {@code >= 1}.
     * @param shuffle   false keeps the dataset's order (for evaluation).
     */
    public MiniBatches(final Dataset data, final int batchSize, final long seed, final boolean shuffle)
    {
        this.data = data;
        this.batchSize = Check.atLeast("mini-batches", "batchSize", batchSize, 1);
        this.seed = seed;
        this.shuffle = shuffle;
        this.order = new int[data.size()];
        this.signal = Signal.spikes(data.units());
    }

    /** Batches per epoch. */
    public int batches()
    {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The sample order of an epoch. */
    public int[] order(final int epochIndex)
    {
        if (epochIndex != epoch)
        {
            for (int k = 0; k < order.length; k++)
            {
                order[k] = k;
            }
            if (shuffle)
            {
                final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_SHUFFLE, epochIndex, 0));
                for (int k = order.length - 1; k > 0; k--)
                {
                    final int j = rng.nextInt(k + 1);
                    final int t = order[k];
                    order[k] = order[j];
                    order[j] = t;
                }
            }
            epoch = epochIndex;
        }
        return order.clone();
    }

    /** Batch {@code index} of epoch {@code epochIndex} (its signal is reused by the next call). */
    public Batch batch(final int epochIndex, final int index)
    {
        order(epochIndex);
        final int from = index * batchSize;
        final int to = Math.min(order.length, from + batchSize);
        return data.batch(java.util.Arrays.copyOfRange(order, from, to), signal);
    }
}
