package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.CurrentInput;
import org.myelin.input.OrnsteinUhlenbeckCurrent;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.sim.Simulation;

/** The inputs of org.myelin.input in model files. */
class InputFilesTest
{
    private static final String FILE = """
        duration: 40 ms
        populations:
          N:
            model: IF
            size: 2
        inputs:
          - %s
        """;

    static CurrentInput input(final String spec)
    {
        final ModelFile model = ModelLoaderTest.load(FILE.formatted(spec));
        final CurrentInput in = ((NeuronGroup) model.network().population("N")).inputs().get(0);
        in.prepare(0.1, 42);
        return in;
    }

    /** The current of neuron 0 at step n (dt = 0.1 ms). */
    static double at(final CurrentInput in, final long step)
    {
        final double[] current = new double[2];
        in.addCurrent(step, step * 0.1, 0, 2, current);
        return current[0];
    }

    static Stream<Arguments> currents()
    {
        return Stream.of(
            Arguments.of("{model: StepCurrent, target: N, amplitude: 0.1 nA, start: 1 ms, stop: 2 ms}",
                new long[] {9, 10, 19, 20}, new double[] {0, 100, 100, 0}),
            Arguments.of("{model: StepCurrent, target: N, amplitude: 5 pA, start: 1 ms}",
                new long[] {9, 10, 100000}, new double[] {0, 5, 5}),
            Arguments.of("{model: SectionInput, target: N, values: [1 pA, 2 pA, 3 pA], durations: [1 ms, 2 ms, 0.5 ms]}",
                new long[] {0, 9, 10, 29, 30, 34, 35}, new double[] {1, 1, 2, 2, 3, 3, 0}),
            Arguments.of("{model: RampCurrent, target: N, startAmplitude: 0 pA, endAmplitude: 10 pA, start: 0 ms,"
                + " stop: 10 ms}", new long[] {0, 50, 99, 100}, new double[] {0, 5, 9.9, 0}),
            Arguments.of("{model: SinusoidalCurrent, target: N, amplitude: 2 pA, frequency: 100 Hz, offset: 1 pA}",
                new long[] {0, 25, 50, 75}, new double[] {1, 3, 1, -1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currents")
    void deterministicCurrentsHaveTheirValuesAtTheGivenTimes(final String spec, final long[] steps,
        final double[] expected)
    {
        final CurrentInput in = input(spec);
        for (int k = 0; k < steps.length; k++)
        {
            assertThat(at(in, steps[k])).as("step " + steps[k]).isCloseTo(expected[k], within(1e-9));
        }
    }

    @Test
    void theOuNoiseCurrentHasTheGivenMeanAndDeviation()
    {
        final CurrentInput in = input("{model: OUCurrent, target: N, mean: 10 pA, sigma: 2 pA, tau: 1 ms}");
        assertThat(in).isInstanceOf(OrnsteinUhlenbeckCurrent.class);
        double sum = 0;
        double sumSq = 0;
        final int n = 200_000;
        for (int s = 0; s < n; s++)
        {
            final double x = at(in, s);
            sum += x;
            sumSq += x * x;
        }
        final double mean = sum / n;
        assertThat(mean).isCloseTo(10.0, within(0.1));
        assertThat(Math.sqrt(sumSq / n - mean * mean)).isCloseTo(2.0, within(0.1));
    }

    @Test
    void aSpikeGeneratorSpikesAtTheGivenTimesAndASinusoidalPoissonGroupFollowsItsRate()
    {
        final ModelFile model = ModelLoaderTest.load("""
            duration: 1 s
            populations:
              G: {model: SpikeGeneratorGroup, size: 3, parameters: {indices: [0, 2, 1], times: [1 ms, 2.5 ms, 30 ms]}}
              P: {model: SinusoidalPoissonGroup, size: 2000, parameters: {offset: 20 Hz, amplitude: 20 Hz,
                  frequency: 2 Hz}}
            """);
        new Simulation(model.network(), 1).run(1000);
        final SpikeMonitor g = model.spikeMonitors().get(0);
        assertThat(g.steps()).containsExactly(10, 25, 300);
        assertThat(g.neurons()).containsExactly(0, 2, 1);
        // rate 20·(1 + sin(4π t)) Hz: 0.25 s at the top half, 0.25 s at the bottom half of each period
        final SpikeMonitor p = model.spikeMonitors().get(1);
        long rising = 0;
        long falling = 0;
        for (int k = 0; k < p.size(); k++)
        {
            final double phase = p.step(k) % 5000 / 5000.0;
            if (phase < 0.5)
            {
                rising++;
            }
            else
            {
                falling++;
            }
        }
        // expected spikes: first half 2000·(20 Hz·0.5 s + 2·(20/(2π·2))) = 2000·(10 + 3.18) per s
        assertThat(rising).isCloseTo(Math.round(2000 * (10 + 40 / (2 * Math.PI))), within(700L));
        assertThat(falling).isCloseTo(Math.round(2000 * (10 - 40 / (2 * Math.PI))), within(500L));
    }

    @Test
    void spikeGeneratorIndicesMustBeWholeNumbers()
    {
        assertThatThrownBy(() -> ModelLoaderTest.load("""
            duration: 10 ms
            populations:
              G: {model: SpikeGeneratorGroup, size: 3, parameters: {indices: [0, 1.5], times: [1 ms, 2 ms]}}
            """)).isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:3:66: SpikeGeneratorGroup: indices must be whole numbers, got indices=1.5");
    }

    @Test
    void aMistakeInAnInputIsLocated()
    {
        assertThatThrownBy(() -> input("{model: StepCurrent, target: N, amplitud: 1 pA}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:7:37: StepCurrent: unknown parameter 'amplitud'; did you mean 'amplitude'? known:"
                + " amplitude, start, stop");
        assertThatThrownBy(() -> input("{model: SectionInput, target: N, values: 1 pA, durations: [1 ms]}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:7:46: SectionInput: values must be a list, got '1 pA'");
    }
}
