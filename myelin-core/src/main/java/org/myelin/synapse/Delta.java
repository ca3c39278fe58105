package org.myelin.synapse;

import java.util.Arrays;
import java.util.List;

import org.myelin.output.Output;
import org.myelin.util.ModelException;

/**
 * Delta synapse: a spike of weight w makes the membrane potential jump, {@code v ← v + w}
 * (Brunel 2000; NEST {@code iaf_psc_delta}; Brian2 {@code on_pre='v += J'}).
 *
 * <pre>
 *   v ← v + w               on a spike of weight w [mV]
 * </pre>
 *
 * <p>No parameters and no state that outlives a step: the weights of the spikes delivered at
 * step n are summed into {@code jump[i]}, added to {@code v} at the start of step n + 1 before
 * the neuron integrates, and cleared. The spike therefore acts on the same step as in Brian2
 * (whose {@code v += J} at step n is integrated from step n + 1 on). A refractory {@code Lif}
 * neuron stays clamped at its reset value, so jumps that arrive then are lost, as in Brunel (2000)
 * and NEST's {@code iaf_psc_delta} (Brian2's {@code v += J} would keep them). The output must be
 * current-based ({@code Cuba}); the weight is a voltage in mV, not a current.
 */
public record Delta() implements SynapseModel
{
    @Override
    public String name()
    {
        return "Delta";
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        if (output.dependsOnVoltage())
        {
            throw new ModelException("Delta: the output must be current-based (CUBA), got "
                + output.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + "; a delta synapse adds its weight to v directly");
        }
        return new State(this, output, size);
    }

    /** The jumps of the next step. */
    private static final class State extends Receptor
    {
        private final double[] jump;

        State(final Delta model, final Output output, final int size)
        {
            super(model, output, size);
            this.jump = new double[size];
        }

        @Override
        public double[] input()
        {
            return jump;
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            // nothing depends on dt
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] jump = this.jump;
            for (int i = from; i < to; i++)
            {
                v[i] += jump[i];
                jump[i] = 0.0;
            }
        }

        @Override
        public List<String> stateVariables()
        {
            return List.of();
        }

        @Override
        public void reset()
        {
            Arrays.fill(jump, 0.0);
        }
    }
}
