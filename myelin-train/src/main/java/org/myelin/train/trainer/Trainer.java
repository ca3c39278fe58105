package org.myelin.train.trainer;

import java.util.ArrayList;
import java.util.List;

import org.myelin.train.data.Batch;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.Loss;
import org.myelin.train.network.BatchResult;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.optim.GradientClipping;
import org.myelin.train.optim.LearningRateSchedule;
import org.myelin.train.optim.Optimizer;
import org.myelin.train.task.Dataset;
import org.myelin.train.task.MiniBatches;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Trains a network on a dataset by mini-batch gradient descent: each epoch sets the learning
 * rate from the schedule, then for each shuffled batch computes the gradient, clips it, lets the
 * optimiser step and re-applies the weight constraints; after the epoch it evaluates the test
 * set. Batches are the same for the same seed, results the same for any thread count.
 */
public final class Trainer
{
    private final Sequential network;
    private final Loss loss;
    private final List<FiringRateRegularizer> regularizers;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final double initialRate;
    private final double clipNorm;
    private final int batchSize;
    private final double dt;
    private final Dataset train;
    private final Dataset test;
    private final long seed;
    private final int threads;

    private Trainer(final Builder b)
    {
        this.network = b.network;
        this.loss = b.loss;
        this.regularizers = List.copyOf(b.regularizers);
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.initialRate = b.optimizer.learningRate();
        this.clipNorm = b.clipNorm;
        this.batchSize = b.batchSize;
        this.dt = b.dt;
        this.train = b.train;
        this.test = b.test;
        this.seed = b.seed;
        this.threads = b.threads;
        if (train.units() != network.inputs())
        {
            throw new ModelException("training: the task has " + train.units() + " inputs, the network expects "
                + network.inputs());
        }
    }

    /** Starts a trainer for this network, loss, optimiser and training set. */
    public static Builder builder(final Sequential network, final Loss loss, final Optimizer optimizer,
        final Dataset train)
    {
        return new Builder(network, loss, optimizer, train);
    }

    /** The network. */
    public Sequential network()
    {
        return network;
    }

    /** The optimiser. */
    public Optimizer optimizer()
    {
        return optimizer;
    }

    /**
     * Trains epochs {@code firstEpoch..lastEpoch} (from 1; a resumed run starts after the last
     * completed epoch) and returns their metrics.
     */
    public List<EpochMetrics> train(final int firstEpoch, final int lastEpoch, final TrainingListener listener)
    {
        final List<EpochMetrics> all = new ArrayList<>();
        final MiniBatches batches = new MiniBatches(train, batchSize, seed, true);
        try (Workers workers = new Workers(threads))
        {
            for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++)
            {
                final long start = System.nanoTime();
                final double rate = schedule.rate(initialRate, epoch - 1);
                optimizer.setLearningRate(rate);
                double lossSum = 0;
                int correct = 0;
                int samples = 0;
                final int count = batches.batches();
                for (int k = 0; k < count; k++)
                {
                    final Batch batch = batches.batch(epoch - 1, k);
                    final BatchResult r = step(batch, workers);
                    lossSum += r.total() * r.samples();
                    correct += r.correct();
                    samples += r.samples();
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    listener.batchDone(epoch, k + 1, count, r, samples / Math.max(seconds, 1e-9));
                }
                double testAccuracy = Double.NaN;
                double testLoss = Double.NaN;
                if (test != null)
                {
                    final BatchResult r = evaluate(test, workers);
                    testAccuracy = (double) r.correct() / r.samples();
                    testLoss = r.loss();
                }
                final EpochMetrics m = new EpochMetrics(epoch, lossSum / samples, (double) correct / samples, testAccuracy,
                    testLoss, (System.nanoTime() - start) / 1e9, rate);
                all.add(m);
                listener.epochDone(m);
            }
        }
        return all;
    }

    /** One training step on a batch: gradient, clipping, optimiser step, constraints. */
    public BatchResult step(final Batch batch, final Workers workers)
    {
        network.zeroGradients();
        final BatchResult r = network.run(batch, loss, regularizers, dt, true, workers);
        if (!Double.isFinite(r.total()))
        {
            throw new ModelException("training: the loss became " + r.total() + " (lower the learning rate or the "
                + "initial weights)");
        }
        if (clipNorm > 0)
        {
            GradientClipping.clipByNorm(optimizer.parameters(), clipNorm);
        }
        optimizer.step();
        network.parametersChanged();
        return r;
    }

    /** Loss (without regularization) and correct predictions over a dataset, in batches, without training. */
    public BatchResult evaluate(final Dataset data, final Workers workers)
    {
        final MiniBatches batches = new MiniBatches(data, batchSize, seed, false);
        double lossSum = 0;
        int correct = 0;
        int samples = 0;
        for (int k = 0; k < batches.batches(); k++)
        {
            final BatchResult r = network.run(batches.batch(0, k), loss, List.of(), dt, false, workers);
            lossSum += r.loss() * r.samples();
            correct += r.correct();
            samples += r.samples();
        }
        return new BatchResult(lossSum / samples, 0, correct, samples);
    }

    /** Builds a {@link Trainer}. */
    public static final class Builder
    {
        private final Sequential network;
        private final Loss loss;
        private final Optimizer optimizer;
        private final Dataset train;
        private final List<FiringRateRegularizer> regularizers = new ArrayList<>();
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private double clipNorm;
        private int batchSize = 32;
        private double dt = 1.0;
        private Dataset test;
        private long seed = 1;
        private int threads = 1;

        private Builder(final Sequential network, final Loss loss, final Optimizer optimizer, final Dataset train)
        {
            if (network == null || loss == null || optimizer == null || train == null)
            {
                throw new ModelException("training: network, loss, optimizer and task are required");
            }
            this.network = network;
            this.loss = loss;
            this.optimizer = optimizer;
            this.train = train;
        }

        /** Adds a firing-rate regularizer. */
        public Builder regularizer(final FiringRateRegularizer value)
        {
            regularizers.add(value);
            return this;
        }

        /** The learning-rate schedule (default constant). */
        public Builder schedule(final LearningRateSchedule value)
        {
            schedule = value;
            return this;
        }

        /** Clip the gradient's global norm at this value (default: no clipping). */
        public Builder clipNorm(final double value)
        {
            clipNorm = Check.positive("training", "clipNorm", value, "");
            return this;
        }

        /** Samples per batch (default 32). */
        public Builder batchSize(final int value)
        {
            batchSize = Check.atLeast("training", "batchSize", value, 1);
            return this;
        }

        /** [ms] The time step of the task (default 1 ms). */
        public Builder dt(final double value)
        {
            dt = Check.positive("training", "dt", value, "ms");
            return this;
        }

        /** The test set evaluated after each epoch. */
        public Builder test(final Dataset value)
        {
            test = value;
            return this;
        }

        /** The seed of the batch order (default 1). */
        public Builder seed(final long value)
        {
            seed = value;
            return this;
        }

        /** Worker threads (default 1); results do not depend on it. */
        public Builder threads(final int value)
        {
            threads = Check.atLeast("training", "threads", value, 1);
            return this;
        }

        /** The trainer. */
        public Trainer build()
        {
            return new Trainer(this);
        }
    }
}
