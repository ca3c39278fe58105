package org.myelin.train.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.synapse.Exponential;
import org.myelin.train.GradientCheck;
import org.myelin.train.data.Batch;
import org.myelin.train.layer.Lstm;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.weights.WeightInit;

/** A training pass allocates nothing per time step: what it allocates does not grow with the steps. */
class AllocationTest
{
    private static long allocated(final Sequential net, final Batch batch, final Workers workers, final int repeat)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        final CrossEntropy loss = new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX));
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < repeat; k++)
        {
            net.zeroGradients();
            net.run(batch, loss, List.of(), 1.0, true, workers);
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / repeat;
    }

    @Test
    void aTrainingPassShouldAllocateTheSameForFiftyAndTwoHundredSteps()
    {
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 10, 1, 2, 0, Integrator.EXACT);
        final Sequential net = Sequential.builder(13)
            .add(SpikingLayer.lif("h", 37, lif).synapse(new Exponential(5)).recurrent(true)
                .inputInit(WeightInit.scaledNormal(6)))
            .add(Lstm.of("lstm", 11, WeightInit.scaledNormal(1), WeightInit.constant(0)))
            .add(RateReadout.of("out", 3, 5, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(2);
        final Batch shortBatch = Batch.labelled(GradientCheck.randomSpikes(9, 50, 13, 0.2, 1),
            GradientCheck.randomLabels(9, 3, 2));
        final Batch longBatch = Batch.labelled(GradientCheck.randomSpikes(9, 200, 13, 0.2, 1),
            GradientCheck.randomLabels(9, 3, 2));
        try (Workers workers = new Workers(1))
        {
            // until C2 has compiled the Vector API kernels they allocate their vectors
            allocated(net, shortBatch, workers, 150);
            allocated(net, longBatch, workers, 10);
            final long few = allocated(net, shortBatch, workers, 10);
            final long many = allocated(net, longBatch, workers, 10);
            assertThat(many - few).as("bytes per pass: %d for 50 steps, %d for 200 steps", few, many)
                .isLessThan(2048);
        }
    }
}
