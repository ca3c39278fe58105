package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class ExponentialTest
{
    private static final double DT = 0.1;
    private static final Lif.Parameters QUIET =
        new Lif.Parameters(-60, 1000, -60, 20, 1, 0, 0, Integrator.EULER);

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 5, 8, 37.3})
    void conductanceShouldDecayAsTheExactExponentialAfterOneSpike(final double tau)
    {
        final double w = 0.6;
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 5));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.connect("src->post", src, post, new FixedProbability(1), new Exponential(tau), new Coba(0), "ge", w, 0);
        final StateMonitor g = net.monitorState(post, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(2000, null);

        // the spike of step 5 is added after step 5's update: first seen at the start of step 6
        for (int s = 0; s <= 5; s++)
        {
            assertThat(g.value(s, 0)).isZero();
        }
        final double t0 = 6 * DT;
        for (int s = 6; s < g.sampleCount(); s++)
        {
            final double expected = w * Math.exp(-(s * DT - t0) / tau);
            assertThat(g.value(s, 0)).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void spikesShouldSuperposeLinearly()
    {
        final double tau = 5;
        final double w = 2.5;
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 0, 30, 31));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.connect("src->post", src, post, new FixedProbability(1), new Exponential(tau), new Cuba(), "ge", w, 0);
        final StateMonitor g = net.monitorState(post, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(500, null);

        for (int s = 1; s < g.sampleCount(); s++)
        {
            double expected = 0;
            for (final int spike : new int[] {0, 30, 31})
            {
                if (s > spike)
                {
                    expected += w * Math.exp(-(s - spike - 1) * DT / tau);
                }
            }
            assertThat(g.value(s, 0)).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void shouldUseBrainstatesDefaultTimeConstant()
    {
        assertThat(new Exponential().tau()).isEqualTo(8.0);
        assertThat(new Exponential().name()).isEqualTo("Expon");
        assertThat(new Exponential(5)).isEqualTo(new Exponential(5.0)).isNotEqualTo(new Exponential(10));
    }

    @Test
    void shouldRejectANonPositiveOrInfiniteTimeConstant()
    {
        assertThatThrownBy(() -> new Exponential(0))
            .isInstanceOf(ModelException.class)
            .hasMessage("Expon: tau must be > 0 ms and finite, got tau=0 ms");
        assertThatThrownBy(() -> new Exponential(-0.5))
            .isInstanceOf(ModelException.class)
            .hasMessage("Expon: tau must be > 0 ms and finite, got tau=-0.5 ms");
        assertThatThrownBy(() -> new Exponential(Double.POSITIVE_INFINITY))
            .isInstanceOf(ModelException.class)
            .hasMessage("Expon: tau must be > 0 ms and finite, got tau=Infinity ms");
        assertThatThrownBy(() -> new Exponential(Double.NaN))
            .isInstanceOf(ModelException.class)
            .hasMessage("Expon: tau must be > 0 ms and finite, got tau=NaN ms");
    }
}
