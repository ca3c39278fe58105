package org.myelin.synapse;

import java.util.List;

import org.myelin.base.DelayRing;
import org.myelin.base.InputPort;
import org.myelin.output.Output;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;
import org.myelin.util.ModelException;

/**
 * The align-post state of one synapse model on a post-synaptic neuron group, shared by every
 * projection with the same model and output (brainstate {@code AlignPost}, DESIGN.md §4): its
 * state is one array per variable of length N_post, not one per synapse.
 *
 * <p>Each step the group calls {@link #contribute} on its slice: the receptor adds its output
 * current for the state at time {@code t}, then advances its state to {@code t + dt}. Spike
 * delivery afterwards adds weights into {@link #input()}.
 */
public abstract class Receptor implements InputPort, Stateful
{
    private final SynapseModel model;
    private final Output output;
    private final int size;
    private DelayRing delayRing;

    /**
     * @param model  the synapse model.
     * @param output how the state drives the neurons.
     * @param size   neurons in the post-synaptic group.
     */
    protected Receptor(final SynapseModel model, final Output output, final int size)
    {
        this.model = model;
        this.output = output;
        this.size = size;
    }

    /** The synapse model. */
    public SynapseModel model()
    {
        return model;
    }

    /** The output. */
    public Output output()
    {
        return output;
    }

    /** Neurons in the post-synaptic group. */
    public int size()
    {
        return size;
    }

    /**
     * The ring buffer of per-synapse delays into this receptor, shared by its delayed projections:
     * made (or enlarged, and then emptied) so it holds at least {@code depth} slots for
     * {@code slices} worker slices. Call before a run, never during one.
     */
    @Override
    public final DelayRing delayRing(final int depth, final int slices)
    {
        delayRing = DelayRing.ensure(delayRing, depth, size, slices);
        return delayRing;
    }

    /** The ring buffer of per-synapse delays, or null if no delayed projection feeds this receptor. */
    @Override
    public final DelayRing delayRing()
    {
        return delayRing;
    }

    /** The array that arriving spikes add their weights to. */
    @Override
    public abstract double[] input();

    /**
     * The factor a delivery applies to every weight it adds into {@link #input()}, 1 unless the
     * model scales its input (e.g. 1/τ for the charge-normalised {@link ExponentialCurrent}).
     */
    public double inputScale()
    {
        return 1.0;
    }

    /**
     * Computes the constants that depend on the time step.
     *
     * @param dt            [ms] time step.
     * @param currentWeight factor on the output current (see {@link #exponentialTau()}).
     */
    public abstract void prepare(double dt, double currentWeight);

    /**
     * Adds the output current at time {@code t} to the group's coefficients and advances the
     * state of neurons {@code [from, to)} to {@code t + dt}.
     */
    public abstract void contribute(int from, int to, double[] v, double[] conductance, double[] current);

    /**
     * This receptor as one variable a neuron loop can step itself, reading {@code g} instead of the
     * summed coefficients that {@link #contribute} fills; null unless its output is linear in
     * {@code g} and independent of {@code v}, and {@code g} decays by one factor per step. Valid
     * after {@link #prepare}.
     */
    public LinearDecay linearDecay()
    {
        return null;
    }

    /**
     * One step of a receptor variable as a neuron loop performs it: add {@code conductance·g} to
     * the summed conductance and {@code current·g} to the summed current, then
     * {@code g ← g·keep + g·rate}. With {@code keep = 1} that is Brian2's Euler step
     * {@code g + rate·g}, with {@code rate = 0} the exact {@code g·e^{−dt/τ}}. Each gives the bits
     * of {@link #contribute}: {@code x·1 = x}, and adding {@code 0·y} (a zero of either sign) to a
     * sum that started from {@code +0} leaves it unchanged.
     *
     * @param g           the variable, one value per neuron of the group.
     * @param conductance coefficient of g in the summed conductance (1 for COBA, 0 for CUBA).
     * @param current     coefficient of g in the summed current (E for COBA, the current weight for CUBA).
     * @param keep        factor of g in its next value.
     * @param rate        second factor of g in its next value.
     */
    public record LinearDecay(double[] g, double conductance, double current, double keep, double rate)
    {
    }

    /**
     * [ms] The time constant when the output variable decays as one exponential between spikes,
     * else NaN. A neuron group that integrates exactly uses it to weight a current-based input
     * by the exact propagator instead of holding it constant over the step.
     */
    public double exponentialTau()
    {
        return Double.NaN;
    }

    /** Names of the state variables, for monitors. */
    public abstract List<String> stateVariables();

    /** The array of a state variable. */
    public double[] state(final String variable)
    {
        throw new ModelException(model.name() + ": no state variable '" + variable + "'; known: " + stateVariables());
    }

    /** Sets every state variable to its initial value. */
    public abstract void reset();

    /**
     * The input in flight through per-synapse delays; a receptor with state of its own adds it
     * after calling this method.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        InputPort.super.visitState(state);
    }
}
