package org.myelin.synapse;

import java.util.Arrays;
import java.util.List;

import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Single-exponential synapse ({@code Expon}).
 *
 * <pre>
 *   dg/dt = −g / τ           between spikes
 *   g ← g + w                on a spike of weight w
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>8</td><td>ms</td><td>decay time constant τ</td></tr>
 * </table>
 *
 * <p>State: {@code g} (initial 0), in the unit of the output (nS for COBA, pA for CUBA).
 * Integration is exact: {@code g ← g · exp(−dt/τ)} with the factor computed once.
 *
 * <p>Source: brainstate {@code Expon} (default τ = 8 ms); Roth and van Rossum (2009), Modeling
 * synapses.
 *
 * @param tau [ms] decay time constant, {@code > 0}.
 */
public record Exponential(double tau) implements SynapseModel
{
    /** brainstate's default time constant [ms]. */
    public static final double DEFAULT_TAU = 8.0;

    /** Validates the time constant. */
    public Exponential
    {
        Check.positive("Expon", "tau", tau, "ms");
    }

    /** The model with brainstate's default τ = 8 ms. */
    public Exponential()
    {
        this(DEFAULT_TAU);
    }

    @Override
    public String name()
    {
        return "Expon";
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new State(this, output, size);
    }

    /** The state array {@code g} and its precomputed decay factor. */
    private static final class State extends Receptor
    {
        private final double tau;
        private final double[] g;
        private double decay = Double.NaN;
        private double currentWeight = 1.0;

        State(final Exponential model, final Output output, final int size)
        {
            super(model, output, size);
            this.tau = model.tau();
            this.g = new double[size];
        }

        @Override
        public double[] input()
        {
            return g;
        }

        @Override
        public void prepare(final double dt, final double weight)
        {
            decay = Math.exp(-dt / tau);
            currentWeight = weight;
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            output().addCurrent(g, from, to, v, conductance, current, currentWeight);
            final double[] g = this.g;
            final double decay = this.decay;
            for (int i = from; i < to; i++)
            {
                g[i] *= decay;
            }
        }

        @Override
        public double exponentialTau()
        {
            return tau;
        }

        @Override
        public List<String> stateVariables()
        {
            return List.of("g");
        }

        @Override
        public double[] state(final String variable)
        {
            return "g".equals(variable) ? g : super.state(variable);
        }

        @Override
        public void reset()
        {
            Arrays.fill(g, 0.0);
        }
    }
}
