package org.myelin.train.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.train.parameter.Parameter;
import org.myelin.util.ModelException;

/**
 * Three steps of each optimiser from w = (1, −2) with gradients (0.5, −1), (0.2, 0.3), (−0.4, 0.1),
 * against the values torch.optim 1.13 gives in float64 for the same settings (an independent
 * implementation of the same published update rules), and the first steps by hand.
 */
class OptimizerTest
{
    private static final double[][] GRADIENTS = {{0.5, -1.0}, {0.2, 0.3}, {-0.4, 0.1}};

    static Parameter parameter()
    {
        final Parameter p = new Parameter("w", 1, 2);
        p.set(new double[] {1.0, -2.0});
        return p;
    }

    static Stream<Arguments> optimisers()
    {
        return Stream.of(
            Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) ps -> new Sgd(ps, 0.1),
                new double[][] {{0.95, -1.9}, {0.9299999999999999, -1.93}, {0.97, -1.94}}),
            Arguments.of("SGD momentum, dampening, weight decay",
                (Function<List<Parameter>, Optimizer>) ps -> new Sgd(ps, 0.1, 0.9, 0.1, false, 0.01),
                new double[][] {{0.949, -1.898}, {0.8842458999999999, -1.8314918}, {0.8611713886899999, -1.77898607738}}),
            Arguments.of("SGD Nesterov", (Function<List<Parameter>, Optimizer>) ps -> new Sgd(ps, 0.1, 0.9, 0, true, 0),
                new double[][] {{0.905, -1.81}, {0.8265, -1.786}, {0.84985, -1.7564}}),
            Arguments.of("Adam with L2 weight decay",
                (Function<List<Parameter>, Optimizer>) ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0.1, false),
                new double[][] {{0.9900000001666667, -1.9900000000833333}, {0.9806830933995927, -1.9839474678696396},
                    {0.9767427374438301, -1.9787636777295168}}),
            Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>) ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8, 0.1,
                true), new double[][] {{0.9890000002, -1.9880000001}, {0.9790252483900929, -1.9817335142428225},
                    {0.9762834345722304, -1.9770692589645082}}),
            Arguments.of("RMSProp", (Function<List<Parameter>, Optimizer>) ps -> new RmsProp(ps, 0.01),
                new double[][] {{0.900000019999996, -1.900000009999999}, {0.8626998346269039, -1.9288675206817028},
                    {0.9226876418426823, -1.938493590113297}}),
            Arguments.of("RMSProp centred with momentum and weight decay",
                (Function<List<Parameter>, Optimizer>) ps -> new RmsProp(ps, 0.01, 0.9, 1e-8, 0.5, true, 0.05),
                new double[][] {{0.9666666686868686, -1.9666666676767677}, {0.9351237423659992, -1.956172281069485},
                    {0.9366852677669648, -1.9509955696931567}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void stepsShouldMatchTorchOptim(final String label, final Function<List<Parameter>, Optimizer> make,
        final double[][] expected)
    {
        final Parameter p = parameter();
        final Optimizer opt = make.apply(List.of(p));
        for (int t = 0; t < GRADIENTS.length; t++)
        {
            System.arraycopy(GRADIENTS[t], 0, p.gradient(), 0, 2);
            opt.step();
            for (int k = 0; k < 2; k++)
            {
                assertThat(p.value()[k]).as("%s step %d entry %d", label, t + 1, k)
                    .isCloseTo(expected[t][k], within(1e-15 * Math.abs(expected[t][k])));
            }
        }
        assertThat(opt.steps()).isEqualTo(3);
    }

    @Test
    void firstStepsShouldBeTheHandComputedOnes()
    {
        // SGD with momentum: the buffer starts as the first gradient, w ← w − lr·(g + λw)
        final Parameter p = parameter();
        final Sgd sgd = new Sgd(List.of(p), 0.1, 0.9, 0.1, false, 0.01);
        p.gradient()[0] = 0.5;
        p.gradient()[1] = -1.0;
        sgd.step();
        assertThat(p.value()[0]).isEqualTo(1.0 - 0.1 * (0.5 + 0.01 * 1.0));
        // second step: b = 0.9·b + 0.9·g
        final double g2 = 0.2 + 0.01 * p.value()[0];
        final double b2 = 0.9 * (0.5 + 0.01) + (1 - 0.1) * g2;
        final double w1 = p.value()[0];
        p.gradient()[0] = 0.2;
        sgd.step();
        assertThat(p.value()[0]).isCloseTo(w1 - 0.1 * b2, within(1e-16));
        // Adam's first step moves every entry by lr·g/(|g| + ε): m̂ = g, v̂ = g²
        final Parameter q = parameter();
        final Adam adam = Adam.adam(List.of(q), 0.01);
        q.gradient()[0] = 0.5;
        q.gradient()[1] = -1.0;
        adam.step();
        assertThat(q.value()[0]).isCloseTo(1.0 - 0.01 * 0.5 / (0.5 + 1e-8), within(1e-15));
        assertThat(q.value()[1]).isCloseTo(-2.0 + 0.01 * 1.0 / (1.0 + 1e-8), within(1e-15));
    }

    @Test
    void savedStateShouldResumeWithTheSameUpdates()
    {
        final Parameter a = parameter();
        final Adam first = new Adam(List.of(a), 0.01, 0.9, 0.999, 1e-8, 0.1, true);
        final Parameter b = parameter();
        final Adam second = new Adam(List.of(b), 0.01, 0.9, 0.999, 1e-8, 0.1, true);
        System.arraycopy(GRADIENTS[0], 0, a.gradient(), 0, 2);
        first.step();
        b.set(a.value());
        second.restore(first.state());
        for (int t = 1; t < 3; t++)
        {
            System.arraycopy(GRADIENTS[t], 0, a.gradient(), 0, 2);
            System.arraycopy(GRADIENTS[t], 0, b.gradient(), 0, 2);
            first.step();
            second.step();
        }
        assertThat(b.value()).containsExactly(a.value());
        assertThat(second.state().keySet()).containsExactly("steps", "m.w", "v.w");
    }

    @Test
    void eachBadHyperparameterShouldGiveItsOwnMessage()
    {
        final List<Parameter> ps = List.of(parameter());
        assertThatThrownBy(() -> new Sgd(ps, -0.1)).isInstanceOf(ModelException.class)
            .hasMessage("SGD: lr must be >= 0 and finite, got lr=-0.1");
        assertThatThrownBy(() -> new Sgd(ps, 0.1, -1, 0, false, 0)).hasMessage(
            "SGD: momentum must be >= 0 and finite, got momentum=-1");
        assertThatThrownBy(() -> new Sgd(ps, 0.1, 0.9, 1.5, false, 0)).hasMessage(
            "SGD: dampening must be in [0, 1], got dampening=1.5");
        assertThatThrownBy(() -> new Sgd(ps, 0.1, 0, 0, true, 0)).hasMessage(
            "SGD: nesterov needs momentum > 0 and dampening = 0, got momentum=0, dampening=0");
        assertThatThrownBy(() -> new Sgd(ps, 0.1, 0, 0, false, -0.01)).hasMessage(
            "SGD: weightDecay must be >= 0 and finite, got weightDecay=-0.01");
        assertThatThrownBy(() -> new Adam(ps, 0.01, 1.0, 0.999, 1e-8, 0, false)).hasMessage(
            "Adam: beta1 must be in [0, 1), got beta1=1");
        assertThatThrownBy(() -> new Adam(ps, 0.01, 0.9, -0.1, 1e-8, 0, false)).hasMessage(
            "Adam: beta2 must be in [0, 1), got beta2=-0.1");
        assertThatThrownBy(() -> new Adam(ps, 0.01, 0.9, 0.999, -1e-8, 0, true)).hasMessage(
            "AdamW: eps must be >= 0 and finite, got eps=-1.0E-8");
        assertThatThrownBy(() -> new Adam(ps, Double.NaN, 0.9, 0.999, 1e-8, 0, false)).hasMessage(
            "Adam: lr must be >= 0 and finite, got lr=NaN");
        assertThatThrownBy(() -> new RmsProp(ps, 0.01, 1.2, 1e-8, 0, false, 0)).hasMessage(
            "RMSProp: alpha must be in [0, 1), got alpha=1.2");
        assertThatThrownBy(() -> new RmsProp(ps, 0.01, 0.99, 1e-8, -0.5, false, 0)).hasMessage(
            "RMSProp: momentum must be >= 0 and finite, got momentum=-0.5");
        assertThatThrownBy(() -> new Sgd(List.of(), 0.1)).hasMessage("SGD: there are no parameters to train");
    }

    @Test
    void schedulesShouldMatchTorchLrSchedulers()
    {
        final double[] step = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125};
        final double[] exponential = {0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002,
            0.06561000000000002, 0.05904900000000002, 0.05314410000000002, 0.04782969000000002, 0.043046721000000024,
            0.03874204890000002, 0.03486784401000002, 0.03138105960900001};
        final double[] cosine = {0.1, 0.09757729755661011, 0.0905463412215599, 0.07959536998847742, 0.0657963412215599,
            0.0505, 0.03520365877844011, 0.02140463001152259, 0.010453658778440109, 0.0034227024433899004, 0.001,
            0.0034227024433899004};
        for (int e = 0; e < 12; e++)
        {
            assertThat(LearningRateSchedule.step(3, 0.5).rate(0.1, e)).isCloseTo(step[e], within(1e-15));
            assertThat(LearningRateSchedule.exponential(0.9).rate(0.1, e)).isCloseTo(exponential[e], within(1e-15));
            assertThat(LearningRateSchedule.cosine(10, 0.001).rate(0.1, e)).isCloseTo(cosine[e], within(1e-15));
            assertThat(LearningRateSchedule.constant().rate(0.1, e)).isEqualTo(0.1);
        }
        assertThatThrownBy(() -> LearningRateSchedule.step(0, 0.5)).hasMessage(
            "step schedule: stepSize must be >= 1, got stepSize=0");
        assertThatThrownBy(() -> LearningRateSchedule.exponential(1.5)).hasMessage(
            "exponential schedule: gamma must be in (0, 1], got gamma=1.5");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(10, -1)).hasMessage(
            "cosine schedule: minimum must be >= 0 and finite, got minimum=-1");
    }

    @Test
    void clippingShouldScaleTheGlobalNormAsTorchDoes()
    {
        final Parameter a = new Parameter("a", 1, 1);
        final Parameter b = new Parameter("b", 1, 1);
        a.gradient()[0] = 3;
        b.gradient()[0] = 4;
        assertThat(GradientClipping.clipByNorm(List.of(a, b), 2.0)).isEqualTo(5.0);
        assertThat(a.gradient()[0]).isCloseTo(1.199999760000048, within(1e-15));
        assertThat(b.gradient()[0]).isCloseTo(1.599999680000064, within(1e-15));
        assertThat(GradientClipping.clipByNorm(List.of(a, b), 10.0)).isCloseTo(2.0, within(1e-6));
        assertThat(a.gradient()[0]).isCloseTo(1.199999760000048, within(1e-15));
        assertThatThrownBy(() -> GradientClipping.clipByNorm(List.of(a), 0)).hasMessage(
            "gradient clipping: maxNorm must be > 0 and finite, got maxNorm=0");
    }
}
