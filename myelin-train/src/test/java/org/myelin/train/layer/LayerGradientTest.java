package org.myelin.train.layer;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.train.GradientCheck;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.Loss;
import org.myelin.train.loss.MeanSquaredError;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.Sequential;
import org.myelin.train.random.TestTargets;
import org.myelin.train.surrogate.Arctan;
import org.myelin.train.surrogate.Sigmoid;
import org.myelin.train.weights.WeightInit;

/**
 * The backward pass of the readouts, Linear and the rate RNN cells, and of the losses, against
 * central finite differences in double precision.
 */
class LayerGradientTest
{
    private static final int INPUTS = 4;
    private static final int STEPS = 12;
    private static final int BATCH = 3;
    private static final WeightInit W = WeightInit.scaledNormal(1.5);
    private static final WeightInit BIAS = WeightInit.normal(0, 0.3);

    private static final Loss MAX = new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX));
    private static final Loss SUM = new CrossEntropy(TimeReduction.of(TimeReduction.Kind.SUM));
    private static final Loss LAST = new CrossEntropy(TimeReduction.of(TimeReduction.Kind.LAST));
    private static final Loss WINDOW_MEAN = new CrossEntropy(new TimeReduction(TimeReduction.Kind.MEAN, -5, 0));

    static Stream<Arguments> networks()
    {
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 6, 1, 2, 0.1, Integrator.EXACT);
        return Stream.of(
            Arguments.of("Linear, cross-entropy of the max", false, MAX, List.of(Linear.of("out", 3, W, BIAS))),
            Arguments.of("Linear, cross-entropy of the sum", true, SUM, List.of(Linear.of("out", 3, W, BIAS))),
            Arguments.of("Linear, cross-entropy of the last step", false, LAST, List.of(Linear.of("out", 3, W, null))),
            Arguments.of("Linear, mean over a window", false, WINDOW_MEAN, List.of(Linear.of("out", 3, W, BIAS))),
            Arguments.of("Linear, squared error at every step", false, MeanSquaredError.everyStep(),
                List.of(Linear.of("out", 3, W, BIAS))),
            Arguments.of("Linear, squared error of the max", false,
                new MeanSquaredError(TimeReduction.of(TimeReduction.Kind.MAX)), List.of(Linear.of("out", 3, W, BIAS))),
            Arguments.of("rate readout of spikes", true, MAX, List.of(RateReadout.of("out", 3, 5, W))),
            Arguments.of("rate readout of a dense input", false, LAST,
                List.of(Linear.of("l", 5, W, BIAS), RateReadout.of("out", 3, 4, W))),
            Arguments.of("spike readout, soft reset", false, SUM,
                List.of(Linear.of("l", 5, W, BIAS), SpikeReadout.of("out", 3, 5, 0.5, true, false, new Sigmoid(3),
                    WeightInit.scaledNormal(3)))),
            Arguments.of("spike readout, reset to 0", false, SUM,
                List.of(Linear.of("l", 5, W, BIAS), SpikeReadout.of("out", 3, 5, 0.5, false, false, new Arctan(2),
                    WeightInit.scaledNormal(3)))),
            Arguments.of("spike readout, detached reset, of spikes", true, SUM,
                List.of(SpikeReadout.of("out", 3, 5, 0.5, false, true, new Sigmoid(3), WeightInit.scaledNormal(3)))),
            Arguments.of("vanilla RNN (ReLU)", false, MAX,
                List.of(VanillaRnn.of("rnn", 5, VanillaRnn.Activation.RELU, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("vanilla RNN (tanh) of spikes", true, LAST,
                List.of(VanillaRnn.of("rnn", 5, VanillaRnn.Activation.TANH, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("GRU", false, MAX, List.of(Gru.of("gru", 5, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("GRU of spikes", true, SUM, List.of(Gru.of("gru", 5, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("MGU", false, LAST, List.of(Mgu.of("mgu", 5, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("LSTM", false, MAX, List.of(Lstm.of("lstm", 5, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("LSTM of spikes, two cells stacked", true, LAST,
                List.of(Lstm.of("lstm", 4, W, BIAS), Gru.of("gru", 4, W, BIAS), Linear.of("out", 3, W, BIAS))),
            Arguments.of("LIF layer under a Linear readout of its spikes", false, MAX,
                List.of(Linear.of("l", 5, WeightInit.scaledNormal(3), BIAS), SpikingLayer.lif("h", 6, lif)
                    .surrogate(new Sigmoid(4)).recurrent(true).inputInit(WeightInit.scaledNormal(2)),
                    RateReadout.of("out", 3, 5, W))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void backwardShouldMatchFiniteDifferences(final String label, final boolean spikeInput, final Loss loss,
        final List<LayerSpec> layers)
    {
        final Sequential.Builder builder = Sequential.builder(INPUTS);
        layers.forEach(builder::add);
        final Sequential net = builder.build();
        net.initialize(3);
        final Signal input = spikeInput
            ? GradientCheck.randomSpikes(BATCH, STEPS, INPUTS, 0.3, 8)
            : GradientCheck.randomDense(BATCH, STEPS, INPUTS, 8);
        final int outputs = net.outputs();
        final int targetSize = loss instanceof MeanSquaredError mse && mse.over() == null ? STEPS * outputs : outputs;
        final Batch batch = new Batch(input, GradientCheck.randomLabels(BATCH, outputs, 9),
            TestTargets.uniform(BATCH * targetSize, 10), targetSize);
        GradientCheck.check(net, batch, loss, List.of(), 1.0);
    }

    static Stream<Arguments> regularizers()
    {
        return Stream.of(
            Arguments.of(FiringRateRegularizer.Scope.PER_NEURON, FiringRateRegularizer.Bound.ABOVE, 20.0),
            Arguments.of(FiringRateRegularizer.Scope.PER_NEURON, FiringRateRegularizer.Bound.BELOW, 400.0),
            Arguments.of(FiringRateRegularizer.Scope.POPULATION, FiringRateRegularizer.Bound.BOTH, 100.0),
            Arguments.of(FiringRateRegularizer.Scope.POPULATION, FiringRateRegularizer.Bound.BELOW, 500.0));
    }

    @ParameterizedTest(name = "{0}, {1}, target {2} Hz")
    @MethodSource("regularizers")
    void firingRateRegularizersShouldMatchFiniteDifferences(final FiringRateRegularizer.Scope scope,
        final FiringRateRegularizer.Bound bound, final double target)
    {
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 6, 1, 0, 0.1, Integrator.EXACT);
        final Sequential net = Sequential.builder(INPUTS)
            .add(SpikingLayer.lif("h", 6, lif).surrogate(new Sigmoid(4)).inputInit(WeightInit.scaledNormal(3)))
            .add(RateReadout.of("out", 3, 5, W))
            .build();
        net.initialize(4);
        final Batch batch = Batch.labelled(GradientCheck.randomSpikes(BATCH, STEPS, INPUTS, 0.3, 8),
            GradientCheck.randomLabels(BATCH, 3, 9));
        GradientCheck.check(net, batch, MAX, List.of(new FiringRateRegularizer("h", scope, bound, target, 1e-5)), 1.0);
    }
}
