package org.myelin.train.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.synapse.Exponential;
import org.myelin.train.GradientCheck;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.surrogate.Arctan;
import org.myelin.train.surrogate.Sigmoid;
import org.myelin.train.surrogate.Surrogate;
import org.myelin.train.weights.WeightInit;

/**
 * The backward pass of the LIF and ALIF layers against central finite differences of the loss,
 * in double precision, on small random cases whose neurons reset and sit out refractory steps.
 */
class SpikingLayerGradientTest
{
    private static final int INPUTS = 5;
    private static final int NEURONS = 6;
    private static final int STEPS = 30;
    private static final int BATCH = 3;
    private static final double DT = 1.0;

    static Lif.Parameters lif(final Integrator integrator, final double tRef)
    {
        return new Lif.Parameters(0, 1, -0.2, 8, 1, tRef, 0.05, integrator);
    }

    static Alif.Parameters alif(final Integrator integrator, final double tRef)
    {
        return new Alif.Parameters(0, 1, -0.2, 8, 1, 30, 0.3, tRef, 0.05, integrator);
    }

    static Stream<Arguments> layers()
    {
        final Surrogate sigmoid = new Sigmoid(4);
        final Surrogate arctan = new Arctan(2);
        return Stream.of(
            Arguments.of("LIF exact, delta, reset to value, refractory", SpikingLayer.lif("h", NEURONS,
                lif(Integrator.EXACT, 3)).surrogate(sigmoid).recurrent(true).inputInit(WeightInit.scaledNormal(3))),
            Arguments.of("LIF exact, exponential synapse, reset to value, refractory", SpikingLayer.lif("h", NEURONS,
                lif(Integrator.EXACT, 3)).synapse(new Exponential(5)).surrogate(sigmoid).recurrent(true)
                .inputInit(WeightInit.scaledNormal(12)).recurrentInit(WeightInit.scaledNormal(8))),
            Arguments.of("LIF euler, exponential synapse, subtraction, no refractoriness", SpikingLayer.lif("h",
                NEURONS, lif(Integrator.EULER, 0)).synapse(new Exponential(3)).reset(SpikingLayer.Reset.SUBTRACT)
                .surrogate(arctan).recurrent(true).inputInit(WeightInit.scaledNormal(10))
                .recurrentInit(WeightInit.scaledNormal(6))),
            Arguments.of("LIF exact, delta, subtraction, detached, refractory", SpikingLayer.lif("h", NEURONS,
                lif(Integrator.EXACT, 2)).reset(SpikingLayer.Reset.SUBTRACT).detachReset(true).surrogate(sigmoid)
                .recurrent(true).inputInit(WeightInit.scaledNormal(3))),
            Arguments.of("LIF exact, delta, reset to value, detached, feed-forward", SpikingLayer.lif("h", NEURONS,
                lif(Integrator.EXACT, 4)).detachReset(true).surrogate(arctan).inputInit(WeightInit.scaledNormal(3))),
            Arguments.of("ALIF exact, delta, reset to value, refractory", SpikingLayer.alif("h", NEURONS,
                alif(Integrator.EXACT, 3)).surrogate(sigmoid).recurrent(true).inputInit(WeightInit.scaledNormal(3))),
            Arguments.of("ALIF euler, exponential synapse, subtraction, per-neuron beta", SpikingLayer.alif("h",
                NEURONS, alif(Integrator.EULER, 2)).synapse(new Exponential(4)).reset(SpikingLayer.Reset.SUBTRACT)
                .beta(new double[] {0, 0, 0, 0.5, 0.8, 1.2}).surrogate(arctan).recurrent(true)
                .inputInit(WeightInit.scaledNormal(12)).recurrentInit(WeightInit.scaledNormal(6))),
            Arguments.of("LIF exact, Dale's law and masks", SpikingLayer.lif("h", NEURONS, lif(Integrator.EXACT, 3))
                .surrogate(sigmoid).recurrent(true).recurrentSigns(new double[] {1, 1, 1, 1, -1, -1})
                .inputMask(mask(INPUTS, NEURONS, 3)).recurrentMask(mask(NEURONS, NEURONS, 4))
                .inputInit(WeightInit.scaledNormal(3))));
    }

    private static boolean[] mask(final int rows, final int cols, final int every)
    {
        final boolean[] m = new boolean[rows * cols];
        for (int k = 0; k < m.length; k++)
        {
            m[k] = k % every != 0;
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void backwardShouldMatchFiniteDifferencesThroughResetsAndRefractorySteps(final String label,
        final SpikingLayer.Builder spec)
    {
        final Sequential net = Sequential.builder(INPUTS)
            .add(spec)
            .add(RateReadout.of("out", 3, 6, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(11);
        final Signal input = GradientCheck.randomSpikes(BATCH, STEPS, INPUTS, 0.25, 5);
        final Batch batch = Batch.labelled(input, GradientCheck.randomLabels(BATCH, 3, 6));
        final SpikingLayer hidden = (SpikingLayer) net.layer("h");
        final var regularizers = List.of(new FiringRateRegularizer("h", FiringRateRegularizer.Scope.PER_NEURON,
            FiringRateRegularizer.Bound.BOTH, 50, 1e-5));
        try (Workers workers = new Workers(1))
        {
            net.run(batch, new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX)), regularizers, DT, false,
                workers, true);
        }
        assertThat(hidden.eventCount()).as("threshold crossings in the checked case").isGreaterThanOrEqualTo(5);
        if (hidden.refractorySteps() > 1)
        {
            assertThat(hidden.heldCount()).as("refractory steps in the checked case").isPositive();
        }
        GradientCheck.check(net, batch, new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX)), regularizers, DT);
    }
}
