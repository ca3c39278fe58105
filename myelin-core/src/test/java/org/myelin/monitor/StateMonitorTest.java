package org.myelin.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedProbability;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class StateMonitorTest
{
    @Test
    void shouldRecordTheStateAtTheStartOfEveryNthStepAcrossRunsAndThreads()
    {
        // v∞ = −40 from v0 = −60 with the exact integrator: v(n·dt) = −40 − 20·e^{−n·dt/τm}
        final Lif.Parameters params = new Lif.Parameters(-60, 1000, -60, 10, 1, 0, 20, Integrator.EXACT);
        final Network net = new Network(0.1, 1);
        final Lif lif = net.add(new Lif("L", 40, params));
        final StateMonitor m = net.monitorState(lif, "v", new int[] {3, 17, 39}, 4);
        final Simulation sim = new Simulation(net, 2);

        sim.runSteps(10, null);
        sim.runSteps(7, null);

        // recording steps 0, 4, 8 | 12, 16: the value at t = n·dt, before that step's update
        assertThat(m.sampleCount()).isEqualTo(5);
        for (int s = 0; s < 5; s++)
        {
            assertThat(m.sampleStep(s)).isEqualTo(4L * s);
            final double expected = -40 - 20 * Math.exp(-4 * s * 0.1 / 10);
            for (int k = 0; k < 3; k++)
            {
                assertThat(m.value(s, k)).isCloseTo(expected, within(1e-12));
            }
        }
        assertThat(m.value(0, 0)).isEqualTo(-60.0);
        assertThat(m.trace(2)).hasSize(5).containsExactly(m.value(0, 2), m.value(1, 2), m.value(2, 2),
            m.value(3, 2), m.value(4, 2));
        assertThat(m.indices()).containsExactly(3, 17, 39);
        assertThat(m.variable()).isEqualTo("v");
        assertThat(m.population()).isSameAs(lif);
    }

    @Test
    void shouldNeverSeeAMembranePotentialAboveThreshold()
    {
        final Network net = new Network(0.1, 1);
        final Lif lif = net.add(new Lif("L", 20, new Lif.Parameters(-60, -50, -65, 20, 1, 2, 30, Integrator.EULER),
            Initializer.uniform(-65, -50)));
        final StateMonitor m = net.monitorState(lif, "v", new int[] {0, 5, 19}, 1);
        final SpikeMonitor spikes = net.monitorSpikes(lif);

        new Simulation(net, 1).runSteps(3000, null);

        assertThat(spikes.size()).isGreaterThan(100);
        for (int k = 0; k < 3; k++)
        {
            assertThat(m.trace(k)).doesNotContain(Double.NaN); assertThat(Arrays.stream(m.trace(k)).max().orElseThrow()).isLessThanOrEqualTo(-50.0).isGreaterThan(-50.5);
        }
    }

    @Test
    void shouldRecordAReceptorVariableByItsLabel()
    {
        final Network net = new Network(0.1, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 2));
        final Lif lif = net.add(new Lif("L", 1, Lif.Parameters.defaults()));
        net.connect("src->L", src, lif, new FixedProbability(1), new Exponential(5), new Coba(0), "ge", 0.5, 0);
        final StateMonitor ge = net.monitorState(lif, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(5, null);

        assertThat(ge.trace(0)).containsExactly(0, 0, 0, 0.5, 0.5 * Math.exp(-0.1 / 5));
    }

    @Test
    void shouldRejectAnUnknownVariable()
    {
        final Network net = new Network(0.1, 1);
        final Lif lif = net.add(new Lif("E", 4, Lif.Parameters.defaults()));

        assertThatThrownBy(() -> net.monitorState(lif, "w", new int[] {0}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': no state variable 'w'; known: [v]");
        final ScheduledSource src = net.add(ScheduledSource.single("src", 0));
        net.connect("src->E", src, lif, new FixedProbability(1), new Exponential(5), new Coba(0), "ge", 1, 0);
        assertThatThrownBy(() -> net.monitorState(lif, "gi", new int[] {0}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': no state variable 'gi'; known: [v, ge]");
        assertThatThrownBy(() -> net.monitorState(src, "v", new int[] {0}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("ScheduledSource 'src': no state variable 'v'; known: []");
    }

    @Test
    void shouldRejectBadIndicesAndAnIntervalBelowOneStep()
    {
        final Network net = new Network(0.1, 1);
        final Lif lif = net.add(new Lif("E", 4, Lif.Parameters.defaults()));

        assertThatThrownBy(() -> net.monitorState(lif, "v", new int[] {0}, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateMonitor of E.v: every must be >= 1 step, got every=0");
        assertThatThrownBy(() -> net.monitorState(lif, "v", new int[] {0, 4}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateMonitor of E.v: indices must be distinct, ascending and in [0, 4), got [0, 4]");
        assertThatThrownBy(() -> net.monitorState(lif, "v", new int[] {2, 2}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("StateMonitor of E.v: indices must be distinct, ascending and in [0, 4), got [2, 2]");
    }
}
