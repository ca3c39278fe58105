package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.state.StateArrays;
import org.myelin.util.ModelException;

/**
 * A run stopped, saved, restored into a new simulation with another thread count and resumed is
 * the run that never stopped: the same spikes, monitors, states and weights, bit for bit.
 */
class SimulationStateTest
{
    private static final int HALF = 1000;

    static String[] networks()
    {
        return ResumeNetworks.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void resumingWithOneOrFourThreadsShouldGiveTheStatesOfTheRunThatNeverStopped(final String name)
    {
        final Simulation straight = new Simulation(ResumeNetworks.build(name), 2);
        straight.runSteps(2 * HALF, ProgressListener.NONE);
        final Simulation first = new Simulation(ResumeNetworks.build(name), 2);
        first.runSteps(HALF, ProgressListener.NONE);
        final StateArrays saved = copy(first.saveState());

        for (final int threads : new int[] {1, 4})
        {
            final Simulation resumed = new Simulation(ResumeNetworks.build(name), threads);
            resumed.restoreState(saved, "test");
            assertThat(resumed.step()).isEqualTo(HALF);
            resumed.runSteps(HALF, ProgressListener.NONE);

            final SpikeMonitor expected = straight.network().spikeMonitors().getFirst();
            final SpikeMonitor actual = resumed.network().spikeMonitors().getFirst();
            assertThat(expected.size()).isGreaterThan(100);
            assertThat(actual.steps()).isEqualTo(expected.steps());
            assertThat(actual.neurons()).isEqualTo(expected.neurons());
            assertThat(snapshot(resumed)).isEqualTo(snapshot(straight));
        }
    }

    @Test
    void theSavedStateShouldNotDependOnTheThreadCount()
    {
        final Simulation two = new Simulation(ResumeNetworks.build("stp"), 2);
        final Simulation three = new Simulation(ResumeNetworks.build("stp"), 3);
        two.runSteps(HALF, ProgressListener.NONE);
        three.runSteps(HALF, ProgressListener.NONE);

        assertThat(snapshot(three)).isEqualTo(snapshot(two));
        assertThat(two.modelDescription()).isEqualTo(three.modelDescription());
    }

    @Test
    void restoringShouldNameAnArrayOfAnotherLength()
    {
        final Simulation small = new Simulation(ResumeNetworks.build("coba"), 1);
        final Network other = new Network(ResumeNetworks.DT, 11, 12);
        other.add(new org.myelin.neuron.Lif("E", 100, org.myelin.neuron.Lif.Parameters.defaults(),
            org.myelin.random.Initializer.constant(-60)));

        assertThatThrownBy(() -> new Simulation(other, 1).restoreState(small.saveState(), "ckpt"))
            .isInstanceOf(ModelException.class)
            .hasMessage("ckpt: state 'population/E/v' holds 240 values, the network needs 100");
    }

    @Test
    void restoringShouldNameStateTheNetworkDoesNotHave()
    {
        final StateArrays saved = copy(new Simulation(ResumeNetworks.build("coba"), 1).saveState());
        saved.put("population/X/v", new double[3]);

        assertThatThrownBy(() -> new Simulation(ResumeNetworks.build("coba"), 1).restoreState(saved, "ckpt"))
            .isInstanceOf(ModelException.class)
            .hasMessage("ckpt: state 'population/X/v' is not part of this network (1 arrays left over); it was "
                + "written for another network");
    }

    @Test
    void restoringShouldNameMissingState()
    {
        final StateArrays saved = new StateArrays();
        saved.put("step", new long[] {5});

        assertThatThrownBy(() -> new Simulation(ResumeNetworks.build("coba"), 1).restoreState(saved, "ckpt"))
            .isInstanceOf(ModelException.class)
            .hasMessage("ckpt: no state 'population/E/spikes/counts' in the checkpoint; it was written for another "
                + "network");
    }

    @Test
    void restoringShouldRefuseASimulationThatHasRun()
    {
        final Simulation sim = new Simulation(ResumeNetworks.build("coba"), 1);
        final StateArrays saved = copy(sim.saveState());
        sim.runSteps(3, ProgressListener.NONE);

        assertThatThrownBy(() -> sim.restoreState(saved, "ckpt"))
            .isInstanceOf(ModelException.class)
            .hasMessage("Simulation: cannot restore ckpt into a simulation that has run 3 steps; make a new one");
    }

    /** Copies of the arrays, so that they stay as saved while the simulation runs on. */
    static StateArrays copy(final StateArrays arrays)
    {
        final StateArrays out = new StateArrays();
        for (final Map.Entry<String, Object> e : arrays.arrays().entrySet())
        {
            out.put(e.getKey(), cloneArray(e.getValue()));
            if (arrays.grows(e.getKey()))
            {
                out.markGrowing(e.getKey());
            }
        }
        return out;
    }

    private static Object cloneArray(final Object a)
    {
        return switch (a)
        {
            case double[] d -> d.clone();
            case float[] f -> f.clone();
            case int[] i -> i.clone();
            case long[] l -> l.clone();
            default -> throw new IllegalArgumentException(String.valueOf(a));
        };
    }

    /** Every saved array as text, so that maps of arrays compare by content. */
    private static Map<String, String> snapshot(final Simulation sim)
    {
        final Map<String, String> out = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> e : sim.saveState().arrays().entrySet())
        {
            final Object a = e.getValue();
            out.put(e.getKey(), switch (a)
            {
                case double[] d -> Arrays.toString(d);
                case float[] f -> Arrays.toString(f);
                case int[] i -> Arrays.toString(i);
                case long[] l -> Arrays.toString(l);
                default -> throw new IllegalArgumentException(String.valueOf(a));
            });
        }
        return out;
    }
}
