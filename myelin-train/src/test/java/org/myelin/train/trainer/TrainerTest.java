package org.myelin.train.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.synapse.Exponential;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.Sequential;
import org.myelin.train.optim.Adam;
import org.myelin.train.optim.LearningRateSchedule;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.surrogate.FastSigmoid;
import org.myelin.train.task.Dataset;
import org.myelin.train.task.SpikePatterns;
import org.myelin.train.weights.WeightInit;

class TrainerTest
{
    static Sequential network()
    {
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 10, 1, 2, 0, Integrator.EXACT);
        final Alif.Parameters alif = new Alif.Parameters(0, 1, 0, 10, 1, 50, 0.2, 2, 0, Integrator.EXACT);
        final Sequential net = Sequential.builder(20)
            .add(SpikingLayer.lif("lif", 30, lif).synapse(new Exponential(5)).recurrent(true).detachReset(true)
                .surrogate(new FastSigmoid(10)).inputInit(WeightInit.scaledNormal(8))
                .recurrentInit(WeightInit.scaledNormal(2)))
            .add(SpikingLayer.alif("alif", 17, alif).recurrent(true).surrogate(new FastSigmoid(10))
                .inputInit(WeightInit.scaledNormal(2)).recurrentInit(WeightInit.scaledNormal(1)))
            .add(RateReadout.of("out", 4, 10, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(5);
        return net;
    }

    static Trainer trainer(final Sequential net, final Dataset train, final Dataset test, final int threads)
    {
        return Trainer.builder(net, new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX)),
                Adam.adam(net.parameters(), 0.01), train)
            .test(test).batchSize(20).threads(threads).seed(3).clipNorm(5)
            .schedule(LearningRateSchedule.cosine(30, 0.001))
            .regularizer(new FiringRateRegularizer("lif", FiringRateRegularizer.Scope.PER_NEURON,
                FiringRateRegularizer.Bound.ABOVE, 100, 1e-6))
            .build();
    }

    @Test
    void trainedWeightsShouldBeBitIdenticalForOneTwoAndThreeThreads()
    {
        final Dataset data = SpikePatterns.generate(4, 20, 40, 1.0, 20, 1, 0.1, 2, 84, 7);
        final List<double[]> reference = new ArrayList<>();
        for (final int threads : new int[] {1, 2, 3})
        {
            final Sequential net = network();
            final List<EpochMetrics> metrics = trainer(net, data.slice(0, 60), data.slice(60, 84), threads)
                .train(1, 2, new TrainingListener() { });
            final List<Parameter> params = net.parameters();
            for (int k = 0; k < params.size(); k++)
            {
                if (threads == 1)
                {
                    reference.add(params.get(k).value().clone());
                }
                else
                {
                    assertThat(params.get(k).value()).as("%s with %d threads", params.get(k).name(), threads)
                        .containsExactly(reference.get(k));
                }
            }
            assertThat(metrics).hasSize(2);
        }
    }

    @Test
    void shortTrainingShouldBringTheLossOfSpikePatternsBelowAQuarter()
    {
        // 4 classes: the loss starts near ln 4 = 1.39 and must fall below 0.25 within 25 epochs of 120 samples
        final Dataset data = SpikePatterns.generate(4, 20, 40, 1.0, 20, 1, 0.1, 2, 160, 7);
        final Sequential net = network();
        final List<EpochMetrics> metrics = trainer(net, data.slice(0, 120), data.slice(120, 160), 2)
            .train(1, 25, new TrainingListener() { });
        assertThat(metrics.get(0).loss()).isGreaterThan(0.8);
        final EpochMetrics last = metrics.get(metrics.size() - 1);
        assertThat(last.loss()).isLessThan(0.25);
        assertThat(last.testAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(last.epoch()).isEqualTo(25);
    }
}
