package org.myelin.projection;

import org.myelin.base.CurrentInput;
import org.myelin.base.DelayRing;
import org.myelin.base.InputPort;
import org.myelin.neuron.NeuronGroup;
import org.myelin.state.StateAccess;

/**
 * Input ports besides synapse receptors: a one-step current and a direct (delta) input into a
 * state variable. Use them with
 * {@link AlignPostProjection#AlignPostProjection(String, org.myelin.base.Population, NeuronGroup,
 * org.myelin.connect.Connector, InputPort, double, double)}.
 */
public final class Inputs
{
    private Inputs()
    {
    }

    /**
     * A current input [pA] on {@code group}: what spikes deliver at step n is added to the group's
     * current for the update of step n + 1 only (a rectangular pulse one step long, brainstate's
     * {@code add_current_input} of a spike), then cleared.
     */
    public static InputPort current(final NeuronGroup group)
    {
        final CurrentPulse pulse = new CurrentPulse(group.size(), "current input into " + group.name());
        group.addInput(pulse);
        return pulse;
    }

    /**
     * A direct input into a state variable of {@code group}, e.g. {@code "v"} [mV] (Brian2's
     * {@code on_pre='v += w'}, brainstate's {@code add_delta_input}): a spike delivered at step n
     * adds its weight to the variable at once, after step n's update and reset, so the neuron
     * integrates from the changed value at step n + 1. A neuron that spiked at step n gets it on
     * top of its reset value (Brian2 adds before the reset); a refractory neuron whose model
     * clamps the variable loses it.
     */
    public static InputPort delta(final NeuronGroup group, final String variable)
    {
        return new ArrayPort(group.state(variable), group.size(), "delta input into " + group.name() + "." + variable);
    }

    /** A port that adds straight into an array. */
    private static class ArrayPort implements InputPort
    {
        private final double[] input;
        private final int size;
        private final String label;
        private DelayRing ring;

        ArrayPort(final double[] input, final int size, final String label)
        {
            this.input = input;
            this.size = size;
            this.label = label;
        }

        @Override
        public String toString()
        {
            return label;
        }

        @Override
        public final double[] input()
        {
            return input;
        }

        @Override
        public final DelayRing delayRing(final int depth, final int slices)
        {
            ring = DelayRing.ensure(ring, depth, size, slices);
            return ring;
        }

        @Override
        public final DelayRing delayRing()
        {
            return ring;
        }

        @Override
        public void visitState(final StateAccess state)
        {
            InputPort.super.visitState(state);
        }
    }

    /** A buffer of current that each update consumes. */
    private static final class CurrentPulse extends ArrayPort implements CurrentInput
    {
        CurrentPulse(final int size, final String label)
        {
            super(new double[size], size, label);
        }

        @Override
        public void addCurrent(final long step, final double timeMs, final int from, final int to,
            final double[] current)
        {
            final double[] buffer = input();
            for (int i = from; i < to; i++)
            {
                current[i] += buffer[i];
                buffer[i] = 0;
            }
        }

        @Override
        public void prepare(final double dt, final long seed)
        {
            java.util.Arrays.fill(input(), 0);
        }

        /** The current delivered for the next step, and any in flight through per-synapse delays. */
        @Override
        public void visitState(final StateAccess state)
        {
            super.visitState(state);
            state.doubles("current", input());
        }
    }
}
