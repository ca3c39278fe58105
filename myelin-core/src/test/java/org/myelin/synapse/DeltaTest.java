package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class DeltaTest
{
    private static final double DT = 0.1;

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void aSpikeMakesVJumpByTheWeightThenVDecaysToRest(final Integrator integrator)
    {
        final double j = 0.7;
        final double tauM = 20;
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 5));
        final Lif post = net.add(new Lif("post", 1, new Lif.Parameters(-70, 0, -70, tauM, 1, 0, 0, integrator)));
        net.connect("src->post", src, post, new FixedProbability(1), new Delta(), new Cuba(), "jump", j, 0);
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(400, null);

        for (int s = 0; s <= 6; s++)
        {
            assertThat(v.value(s, 0)).isEqualTo(-70.0);
        }
        // delivered after step 5's update, added to v at the start of step 6, integrated from there
        final double decay = integrator == Integrator.EXACT ? Math.exp(-DT / tauM) : 1 - DT / tauM;
        for (int s = 7; s < v.sampleCount(); s++)
        {
            final double expected = -70 + j * Math.pow(decay, s - 6);
            assertThat(v.value(s, 0)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aRefractoryNeuronIgnoresJumpsAsInBrunel2000()
    {
        // the neuron spikes at step 0 (v0 above threshold) and is refractory for 20 steps (integrating again from step 20); a jump
        // delivered at step 5 arrives at step 6, inside the refractory period, and is lost
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 5));
        final Lif post = net.add(new Lif("post", 1, new Lif.Parameters(0, 20, 10, 20, 1, 2, 0, Integrator.EXACT),
            org.myelin.random.Initializer.constant(25)));
        net.connect("src->post", src, post, new FixedProbability(1), new Delta(), new Cuba(), "jump", 5, 0);
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(40, null);

        for (int s = 1; s <= 20; s++)
        {
            assertThat(v.value(s, 0)).isEqualTo(10.0);
        }
        assertThat(v.value(21, 0)).isCloseTo(10 * Math.exp(-DT / 20), within(1e-12));
    }

    @Test
    void aConductanceOutputIsRejected()
    {
        final Lif post = new Lif("post", 1, Lif.Parameters.defaults());
        assertThatThrownBy(() -> post.receptor("jump", new Delta(), new Coba(0)))
            .isInstanceOf(ModelException.class)
            .hasMessage("Delta: the output must be current-based (CUBA), got COBA; a delta synapse adds its weight"
                + " to v directly");
    }
}
