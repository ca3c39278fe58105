package org.myelin.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.myelin.base.InputPort;
import org.myelin.connect.ExplicitConnections;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Coba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;

/** Projections into inputs other than a synapse: a one-step current and a delta input into v. */
class InputPortTest
{
    private static final double DT = 0.1;
    private static final double TAU_M = 20;
    private static final Lif.Parameters QUIET = new Lif.Parameters(-60, 1000, -60, TAU_M, 1, 0, 0, Integrator.EULER);

    @Test
    void aDeltaInputShouldJumpVAtTheSpikeStepAndThenRelax()
    {
        final StateMonitor v = vAfterOneSpike(post -> Inputs.delta(post, "v"), 2.0);

        for (int s = 0; s < v.sampleCount(); s++)
        {
            final double expected = s < 6 ? -60 : -60 + 2 * Math.pow(1 - DT / TAU_M, s - 6);
            assertThat(v.value(s, 0)).as("step %d", s).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aCurrentInputShouldActForOneStepAfterTheSpike()
    {
        final StateMonitor v = vAfterOneSpike(Inputs::current, 100);

        // delivered at step 5, integrated in step 6: v(7) = vRest + R·I·dt/τm, then relaxes
        for (int s = 0; s < v.sampleCount(); s++)
        {
            final double expected = s < 7 ? -60 : -60 + 100 * DT / TAU_M * Math.pow(1 - DT / TAU_M, s - 7);
            assertThat(v.value(s, 0)).as("step %d", s).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aDeltaInputShouldTakePerSynapseDelays()
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 5));
        final Lif post = net.add(new Lif("post", 2, QUIET));
        net.add(new AlignPostProjection("src->v", src, post, new ExplicitConnections(new int[] {0, 0},
            new int[] {0, 1}, null, new double[] {0.3, 1.0}), Inputs.delta(post, "v"), 2.0, 0));
        final StateMonitor v = net.monitorState(post, "v", new int[] {0, 1}, 1);

        new Simulation(net, 1).runSteps(30, null);

        assertThat(v.value(8, 0)).isEqualTo(-60);
        assertThat(v.value(9, 0)).isEqualTo(-58);
        assertThat(v.value(15, 1)).isEqualTo(-60);
        assertThat(v.value(16, 1)).isEqualTo(-58);
    }

    @Test
    void projectionsWithTheSameSynapseShouldShareOneStateArray()
    {
        final Network net = new Network(DT, 1);
        final Lif a = net.add(new Lif("a", 100, QUIET));
        final Lif b = net.add(new Lif("b", 100, QUIET));
        final Lif post = net.add(new Lif("post", 1000, QUIET));
        final AlignPostProjection p1 = net.connect("a->post", a, post, new FixedProbability(0.1),
            new Exponential(5), new Coba(0), "ge", 1, 0);
        final AlignPostProjection p2 = net.connect("b->post", b, post, new FixedProbability(0.2),
            new Exponential(5), new Coba(0), "ge2", 2, 0);
        final AlignPostProjection p3 = net.connect("b->post'", b, post, new FixedProbability(0.2),
            new Exponential(10), new Coba(-80), "gi", 2, 0);

        // merged: two projections, one array of N_post conductances; a different synapse gets its own
        assertThat(p2.receptor()).isSameAs(p1.receptor());
        assertThat(p2.port().input()).isSameAs(p1.port().input());
        assertThat(p3.receptor()).isNotSameAs(p1.receptor());
        assertThat(post.receptors()).hasSize(2);
        final long mergedBytes = 8L * post.receptors().stream().mapToInt(r -> r.size()).sum();
        assertThat(mergedBytes).isEqualTo(8L * 2 * 1000).isLessThan(8L * 3 * 1000);
    }

    /** v of one quiet neuron over 100 steps after one spike at step 5 through the given port. */
    private static StateMonitor vAfterOneSpike(final Function<Lif, InputPort> port, final double weight)
    {
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 5));
        final Lif post = net.add(new Lif("post", 1, QUIET));
        net.add(new AlignPostProjection("src->post", src, post, new FixedProbability(1), port.apply(post), weight, 0));
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);
        new Simulation(net, 1).runSteps(100, null);
        return v;
    }
}
