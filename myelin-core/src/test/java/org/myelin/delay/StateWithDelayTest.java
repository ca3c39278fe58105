package org.myelin.delay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelin.base.Population;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

/** Delayed read-outs against hand-computed values of a known trajectory x_i(n) = (i + 1)·n². */
class StateWithDelayTest
{
    private static final double DT = 0.1;

    /** A population whose state at step n is (i + 1)·n². */
    static final class Ramp extends Population
    {
        private final double[] x;

        Ramp(final String name, final int size)
        {
            super("Ramp", name, size);
            x = new double[size];
        }

        @Override
        public String kind()
        {
            return "Ramp";
        }

        @Override
        public void reset(final long seed)
        {
            java.util.Arrays.fill(x, 0);
        }

        @Override
        public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
        {
            for (int i = from; i < to; i++)
            {
                x[i] = (i + 1.0) * (step + 1) * (step + 1);
            }
            return 0;
        }

        @Override
        public List<String> stateVariables()
        {
            return List.of("x");
        }

        @Override
        public double[] state(final String variable)
        {
            return "x".equals(variable) ? x : super.state(variable);
        }
    }

    private static StateWithDelay runTenSteps(final int threads)
    {
        final Network net = new Network(DT, 1);
        final Ramp ramp = net.add(new Ramp("r", 40));
        final StateWithDelay delayed = net.add(new StateWithDelay("x delayed", ramp, "x", 0.6));
        new Simulation(net, threads).runSteps(10, null);
        return delayed;
    }

    @Test
    void readsShouldMatchHandComputedValues()
    {
        final StateWithDelay d = runTenSteps(1);

        assertThat(d.latestStep()).isEqualTo(10);
        // neuron 2 (factor 3); 0.25 ms before step 10 is step 7.5: x(7) = 147, x(8) = 192
        assertThat(d.read(2, 0.25, Interpolation.PREVIOUS)).isEqualTo(147);
        assertThat(d.read(2, 0.25, Interpolation.NEAREST)).isEqualTo(192);
        assertThat(d.read(2, 0.25, Interpolation.LINEAR)).isCloseTo(169.5, within(1e-9));
        // 0.33 ms: step 6.7: x(6) = 108, x(7) = 147
        assertThat(d.read(2, 0.33, Interpolation.PREVIOUS)).isEqualTo(108);
        assertThat(d.read(2, 0.33, Interpolation.NEAREST)).isEqualTo(147);
        assertThat(d.read(2, 0.33, Interpolation.LINEAR)).isCloseTo(0.3 * 108 + 0.7 * 147, within(1e-9));
        // whole steps need no interpolation; zero delay is the present value
        assertThat(d.read(0, 0.3, Interpolation.LINEAR)).isEqualTo(49);
        assertThat(d.read(0, 0, Interpolation.LINEAR)).isEqualTo(100);
        // the maximum delay: step 4
        assertThat(d.read(39, 0.6, Interpolation.PREVIOUS)).isEqualTo(40 * 16);
    }

    @Test
    void readsShouldNotDependOnTheNumberOfThreads()
    {
        final StateWithDelay one = runTenSteps(1);
        final StateWithDelay two = runTenSteps(2);
        final double[] a = new double[40];
        final double[] b = new double[40];
        for (final Interpolation mode : Interpolation.values())
        {
            one.read(a, 0.47, mode);
            two.read(b, 0.47, mode);
            assertThat(b).containsExactly(a);
        }
    }

    @Test
    void timesBeforeTheStartShouldReadTheInitialValue()
    {
        final Network net = new Network(DT, 1);
        final Ramp ramp = net.add(new Ramp("r", 3));
        final StateWithDelay d = net.add(new StateWithDelay("x delayed", ramp, "x", 1));
        new Simulation(net, 1).runSteps(2, null);

        assertThat(d.read(1, 1, Interpolation.LINEAR)).isZero();
        assertThat(d.read(1, 0.15, Interpolation.LINEAR)).isCloseTo(0.5 * 2, within(1e-12));
    }

    @Test
    void delaysOutsideTheRecordedRangeShouldBeErrors()
    {
        final StateWithDelay d = runTenSteps(1);

        assertThatThrownBy(() -> d.read(0, 0.7, Interpolation.LINEAR))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateWithDelay 'x delayed': delay must be in [0, 0.6] ms, got delay=0.7 ms");
        assertThatThrownBy(() -> d.read(0, -0.1, Interpolation.LINEAR))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateWithDelay 'x delayed': delay must be in [0, 0.6] ms, got delay=-0.1 ms");
        assertThatThrownBy(() -> new StateWithDelay("bad", new Ramp("r", 2), "x", -1))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateWithDelay 'bad': maxDelay must be >= 0 ms and finite, got maxDelay=-1 ms");
    }
}
