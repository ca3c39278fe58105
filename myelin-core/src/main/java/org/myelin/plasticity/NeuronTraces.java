package org.myelin.plasticity;

import java.util.Arrays;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * Exponential traces of one population's spikes, kept per neuron and evaluated when an event
 * needs them (Brian2's {@code (event-driven)} variables, NEST's archiving node): each neuron
 * stores its traces' values just after its last spike and that spike's step, so neurons that do
 * not spike cost nothing. Trace t of neuron i at step n is
 * {@code value(i, t) · exp(−(n − last(i))·dt/τ_t)}.
 *
 * <p>A spike either adds one to a trace (all-to-all pairing) or sets it to one (nearest-spike
 * pairing, Morrison et al. 2008).
 */
public final class NeuronTraces implements Stateful
{
    /** The step of "no spike yet": traces are 0 there, so any decay from it is harmless. */
    public static final long NEVER = Long.MIN_VALUE / 4;

    private final int count;
    private final TraceDecay[] decay;
    /** {@code value[neuron · traces + trace]}: read directly by the rules' loops over synapses. */
    final double[] value;
    /** The step of each neuron's last spike, or {@link #NEVER}. */
    final long[] last;

    /**
     * @param size  neurons.
     * @param decay one decay per trace.
     */
    public NeuronTraces(final int size, final TraceDecay... decay)
    {
        this.count = decay.length;
        this.decay = decay.clone();
        this.value = new double[Math.multiplyExact(size, Math.max(1, count))];
        this.last = new long[size];
        reset();
    }

    /** Every trace 0, no spike seen. */
    public void reset()
    {
        Arrays.fill(value, 0);
        Arrays.fill(last, NEVER);
    }

    /** The step of neuron i's last spike, or {@link #NEVER}. */
    public long lastSpike(final int neuron)
    {
        return last[neuron];
    }

    /** Trace {@code trace} of {@code neuron} at step {@code step} (before any spike of that step is counted). */
    public double valueAt(final int neuron, final int trace, final long step)
    {
        final long since = last[neuron];
        return since == NEVER ? 0 : value[neuron * count + trace] * decay[trace].factor(step - since);
    }

    /**
     * Counts a spike of {@code neuron} at {@code step}: every trace decays to the step, then each
     * trace with {@code nearest[t]} false gains one and each with it true is set to one.
     */
    public void spike(final int neuron, final long step, final boolean nearest)
    {
        final int base = neuron * count;
        for (int t = 0; t < count; t++)
        {
            value[base + t] = nearest ? 1 : valueAt(neuron, t, step) + 1;
        }
        last[neuron] = step;
    }

    /** The decay of trace {@code trace}. */
    public TraceDecay decay(final int trace)
    {
        return decay[trace];
    }

    /** Bytes held. */
    public long memoryBytes()
    {
        return 8L * value.length + 8L * last.length;
    }

    @Override
    public void visitState(final StateAccess state)
    {
        state.doubles("value", value);
        state.longs("last", last);
    }
}
