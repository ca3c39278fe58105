package org.myelin.plasticity;

import java.util.Arrays;

import org.myelin.state.StateAccess;

/**
 * The bookkeeping shared by the event-driven presynaptic models: the step of each neuron's last
 * spike (−1 before the first, so the initial state is the state after step −1) and the time
 * step.
 */
abstract class EventDrivenState implements PresynapticState
{
    /** Step of each neuron's last spike, or −1. */
    protected long[] lastSpike = new long[0];
    /** [ms] time step. */
    protected double dt = Double.NaN;

    @Override
    public void prepare(final int size, final double step)
    {
        this.dt = step;
        this.lastSpike = new long[size];
        allocate(size);
        reset();
    }

    /** Allocates the model's arrays for {@code size} neurons. */
    protected abstract void allocate(int size);

    @Override
    public void reset()
    {
        Arrays.fill(lastSpike, -1L);
        resetModel();
    }

    /** Sets the model's arrays to their initial values. */
    protected abstract void resetModel();

    /** {@code e^{−steps·dt/τ}}: the decay over {@code steps} steps. */
    protected final double decay(final long steps, final double tau)
    {
        return Math.exp(-steps * dt / tau);
    }

    /** The step of each neuron's last spike; a model adds its own variables after calling this method. */
    @Override
    public void visitState(final StateAccess state)
    {
        state.longs("lastSpike", lastSpike);
    }
}
