package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.output.Output;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class DeltaTest
{
    private static final double DT = 0.1;
    private static final Lif.Parameters QUIET = new Lif.Parameters(-60, 1000, -70, 20, 1, 0, 0, Integrator.EXACT);

    private static StateMonitor run(final Delta model, final Output output, final double w, final long... spikes)
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", spikes));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.connect("src->post", src, post, new FixedProbability(1), model, output, "jump", w, 0);
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);
        new Simulation(net, 1).runSteps(300, null);
        return v;
    }

    @Test
    void aVoltageDeltaShouldJumpTheMembraneByTheWeightExactly()
    {
        final double w = 2.0;
        final StateMonitor v = run(new Delta(), new Cuba(), w, 5);

        // delivered after step 5, applied at the start of step 6 before integration
        for (int s = 0; s <= 6; s++)
        {
            assertThat(v.value(s, 0)).isEqualTo(-60.0);
        }
        for (int s = 7; s < v.sampleCount(); s++)
        {
            final double expected = -60 + w * Math.exp(-(s - 6) * DT / 20);
            assertThat(v.value(s, 0)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aConductanceDeltaShouldMoveTheMembraneAFractionTowardsTheReversalPotential()
    {
        final StateMonitor v = run(new Delta(), new Coba(0), 0.1, 5);

        // v ← v + w·(E − v) = −60 + 0.1·60 = −54 at step 6, then relaxes to rest
        assertThat(v.value(7, 0)).isCloseTo(-60 + 6 * Math.exp(-DT / 20), within(1e-12));
    }

    @Test
    void aCurrentDeltaShouldLastExactlyOneStep()
    {
        final double[] g = SynapseKernels.response(new Delta(Delta.Target.CURRENT), DT, 20, 3.5, 4, 9, 10);
        for (int n = 0; n < g.length; n++)
        {
            final boolean arrival = n == 5 || n == 10 || n == 11;
            assertThat(g[n]).as("step %d", n).isEqualTo(arrival ? 3.5 : 0.0);
        }
    }

    @Test
    void shouldParseTheTargetAndRejectUnknownOnes()
    {
        assertThat(Delta.Target.parse("Voltage")).isEqualTo(Delta.Target.VOLTAGE);
        assertThat(new Delta().name()).isEqualTo("Delta");
        assertThatThrownBy(() -> Delta.Target.parse("spike"))
            .isInstanceOf(ModelException.class)
            .hasMessage("Delta: target must be one of [voltage, current], got target=spike");
        assertThatThrownBy(() -> new Delta(null))
            .hasMessage("Delta: target must be one of [voltage, current], got target=null");
    }
}
