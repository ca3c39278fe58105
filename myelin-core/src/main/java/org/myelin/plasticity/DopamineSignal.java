package org.myelin.plasticity;

import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;

/**
 * The dopamine concentration n(t) that the synapses of one {@link SynapseSlice} see (NEST's
 * {@code volume_transmitter}): n decays with τ_n and jumps by {@code k/τ_n} at a step with k
 * spikes of the neuromodulator population,
 * <pre>
 *   dn/dt = −n/τ_n + Σ_spikes δ(t − t_d)/τ_n        [n] = 1/ms
 * </pre>
 * Synapses are brought up to date only at their own events, so the signal keeps the steps of the
 * dopamine spikes since its last flush and n just after each; at a flush
 * ({@link DopamineStdp#onDopamine}) every synapse of the slice is brought up to the flush step
 * and the record starts again from there. Each slice keeps its own copy, written by its worker
 * only, from the same spikes, so every copy is the same.
 */
public final class DopamineSignal implements Stateful
{
    /** Dopamine steps recorded between flushes. */
    static final int CAPACITY = 1024;
    /** Steps between flushes at most: offsets from the flush step stay exact in a float (below 2²⁴). */
    static final int MAX_SPAN = 1 << 20;

    final TraceDecay decay;
    private final double tauN;
    /** The step of the last flush; synapse offsets count from it. */
    long base;
    /** n at {@link #base}, before the jumps of that step. */
    double atBase;
    /** Steps of the recorded dopamine spikes after {@link #base}, ascending. */
    final int[] offset = new int[CAPACITY];
    /** n just after the jump at {@code offset[k]}. */
    final double[] after = new double[CAPACITY];
    int count;

    /**
     * @param tauN [ms] τ_n.
     * @param dt   [ms] the time step.
     */
    DopamineSignal(final double tauN, final double dt)
    {
        this.tauN = tauN;
        this.decay = new TraceDecay(tauN, dt);
    }

    /** Whether the record must be flushed before step {@code step}'s spikes are added. */
    boolean full(final long step)
    {
        return count == CAPACITY || step - base >= MAX_SPAN;
    }

    /** The step's offset from the last flush. */
    int offsetOf(final long step)
    {
        return (int) (step - base);
    }

    /** n at offset {@code at}, after the jumps of that step. */
    double valueAt(final int at)
    {
        final int last = lastAtOrBefore(at);
        return last < 0 ? atBase * decay.factor(at) : after[last] * decay.factor(at - offset[last]);
    }

    /** The last recorded spike at or before offset {@code at}, or −1. */
    int lastAtOrBefore(final int at)
    {
        int lo = 0;
        int hi = count;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (offset[mid] <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * Starts a new record at {@code step}, before that step's spikes are recorded (after every
     * synapse was brought up to it).
     */
    void flush(final long step)
    {
        atBase = valueAt(offsetOf(step)); // no spike of this step is recorded yet
        base = step;
        count = 0;
    }

    /** Records {@code spikes > 0} dopamine spikes at {@code step} (at or after the last recorded one). */
    void record(final long step, final int spikes)
    {
        final int at = offsetOf(step);
        final double before = valueAt(at);
        if (count > 0 && offset[count - 1] == at)
        {
            after[count - 1] = before + spikes / tauN;
        }
        else
        {
            offset[count] = at;
            after[count++] = before + spikes / tauN;
        }
    }

    /** The concentration now, at {@code step} (after its jumps): for recording and tests. */
    public double concentration(final long step)
    {
        return valueAt(offsetOf(step));
    }

    /** No spike seen, n = 0, record starting at step 0. */
    public void reset()
    {
        base = 0;
        atBase = 0;
        count = 0;
    }

    /** The record since its last flush: its base step and value and the jumps after it. */
    @Override
    public void visitState(final StateAccess state)
    {
        base = state.scalar("base", base);
        atBase = state.scalar("atBase", atBase);
        count = (int) state.scalar("count", count);
        state.ints("offset", offset);
        state.doubles("after", after);
    }
}
