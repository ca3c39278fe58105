package org.myelin.synapse;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Integrator;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.output.Output;
import org.myelin.state.StateAccess;

/**
 * The receptor of {@link Exponential} and {@link ExponentialCurrent}: one array {@code g} that
 * deliveries add their weights (times {@link #inputScale()}) into, decaying by a precomputed
 * factor each step after its output current is added: {@code e^{−dt/τ}}, or its approximation
 * by the model's integrator ({@link Integrator#linearFactor}).
 */
final class ExponentialDecay extends Receptor
{
    private final double tau;
    private final double inputScale;
    private final Integrator integrator;
    private final double[] g;
    private double decay = Double.NaN;
    private double eulerRate = Double.NaN;
    private double currentWeight = 1.0;

    /**
     * @param model      the synapse model.
     * @param output     how g drives the neurons.
     * @param size       neurons in the post-synaptic group.
     * @param tau        [ms] decay time constant.
     * @param inputScale factor on every delivered weight.
     * @param integrator how the decay is stepped.
     */
    ExponentialDecay(
        final SynapseModel model, final Output output, final int size, final double tau, final double inputScale,
        final Integrator integrator)
    {
        super(model, output, size);
        this.integrator = integrator;
        this.tau = tau;
        this.inputScale = inputScale;
        this.g = new double[size];
    }

    @Override
    public double[] input()
    {
        return g;
    }

    @Override
    public double inputScale()
    {
        return inputScale;
    }

    @Override
    public void prepare(final double dt, final double weight)
    {
        decay = integrator.linearFactor(-dt / tau);
        eulerRate = -dt / tau;
        currentWeight = weight;
    }

    @Override
    public void contribute(
        final int from, final int to, final double[] v, final double[] conductance, final double[] current)
    {
        output().addCurrent(g, from, to, v, conductance, current, currentWeight);
        final double[] g = this.g;
        if (integrator == Integrator.EULER)
        {
            // g + (−dt/τ)·g, the arithmetic of Brian2's euler, so that its spikes are reproduced bit for bit
            final double rate = eulerRate;
            for (int i = from; i < to; i++)
            {
                g[i] += rate * g[i];
            }
            return;
        }
        final double decay = this.decay;
        for (int i = from; i < to; i++)
        {
            g[i] *= decay;
        }
    }

    @Override
    public LinearDecay linearDecay()
    {
        final boolean euler = integrator == Integrator.EULER;
        final double keep = euler ? 1.0 : decay;
        final double rate = euler ? eulerRate : 0.0;
        return switch (output())
        {
            case Coba coba -> new LinearDecay(g, 1.0, coba.eRev(), keep, rate);
            case Cuba cuba -> new LinearDecay(g, 0.0, currentWeight, keep, rate);
            default -> null;
        };
    }

    @Override
    public double exponentialTau()
    {
        // only an exact decay is one exponential that a neuron's exact propagator may fold in
        return integrator == Integrator.EXACT || integrator == Integrator.EXPONENTIAL_EULER ? tau : Double.NaN;
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

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("g", g);
    }
}
