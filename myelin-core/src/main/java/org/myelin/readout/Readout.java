package org.myelin.readout;

import java.util.List;

import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.base.RunContext;
import org.myelin.base.SpikeHistory;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A readout of a population's spikes through a dense weight matrix (brainstate's readout
 * layers): each output unit j receives {@code x_j(n) = Σ_i W[i][j]·s_i(n)} at step n, with
 * {@code s_i(n) = 1} when source neuron i spiked at step n.
 *
 * <p>The readout is a population (so monitors can record its state and, for a spiking readout,
 * its spikes) whose input arrives through {@link #input()}, a delivery acting in the propagation
 * phase like a projection without delay. Add both to the network, or use
 * {@link #addTo(org.myelin.sim.Network)}, which checks that the source is in the network. The sum runs over the source's spikes in ascending
 * order for each output, so it is the same for any thread count.
 */
public abstract class Readout extends Population
{
    private final String kind;
    private final Population source;
    private final double[] weights;
    private final double tau;
    private final Delivery input = new Input();
    /** The decay factor {@code e^{−dt/τ}} of one step, set when prepared. */
    protected double decay;

    /**
     * @param kind    model name.
     * @param name    unique name in the network.
     * @param source  the population read out.
     * @param size    number of output units.
     * @param tau     [ms] time constant, {@code > 0}.
     * @param weights W, row-major: {@code weights[i·size + j]} from source neuron i to output j.
     */
    protected Readout(final String kind, final String name, final Population source, final int size,
        final double tau, final double[] weights)
    {
        super(kind, name, size);
        final String owner = kind + " '" + name + "'";
        this.kind = kind;
        this.tau = Check.positive(owner, "tau", tau, "ms");
        if (source == null)
        {
            throw new ModelException(owner + ": source must not be null");
        }
        if (weights.length != (long) source.size() * size)
        {
            throw new ModelException(owner + ": weights must have source size × outputs = " + source.size() + " × "
                + size + " = " + (long) source.size() * size + " values, got " + weights.length);
        }
        for (int k = 0; k < weights.length; k++)
        {
            Check.finite(owner, "weights[" + k + "]", weights[k], "");
        }
        this.source = source;
        this.weights = weights.clone();
    }

    @Override
    public final String kind()
    {
        return kind;
    }

    @Override
    public void prepare(final RunContext context, final int historyDepth)
    {
        super.prepare(context, historyDepth);
        decay = Math.exp(-context.dt() / tau);
    }

    /** The population read out. */
    public final Population source()
    {
        return source;
    }

    /** The delivery that feeds the source's spikes into this readout. */
    public final Delivery input()
    {
        return input;
    }

    /**
     * Adds this readout and its input to {@code network} (the source must be in it already).
     *
     * @return this readout.
     */
    public final <R extends Readout> R addTo(final org.myelin.sim.Network network)
    {
        if (!network.populations().contains(source))
        {
            throw new ModelException(kind() + " '" + name() + "': source '" + source.name()
                + "' is not in this network; add the population first");
        }
        network.add(this);
        network.add(input);
        @SuppressWarnings("unchecked")
        final R self = (R) this;
        return self;
    }

    /**
     * Called in the propagation phase of a step: adds {@code x_j} of this step to
     * {@code target[j]} for outputs {@code [from, to)}.
     */
    protected final void addInput(final long step, final int from, final int to, final double[] target)
    {
        final SpikeHistory history = source.history();
        final int slot = history.slotOf(step);
        final int[] ids = history.ids(slot);
        final double[] w = weights;
        final int outputs = size();
        for (int s = 0; s < history.sliceCount(); s++)
        {
            final int start = history.sliceStart(s);
            final int end = start + history.count(slot, s);
            for (int k = start; k < end; k++)
            {
                final int row = ids[k] * outputs;
                for (int j = from; j < to; j++)
                {
                    target[j] += w[row + j];
                }
            }
        }
    }

    /** Applies the input of this step to outputs {@code [from, to)}. */
    protected abstract void deliver(long step, int from, int to);

    @Override
    public abstract List<String> stateVariables();

    private final class Input implements Delivery
    {
        @Override
        public String kind()
        {
            return kind + " input";
        }

        /** None of its own: it is named by its readout. */
        @Override
        public String name()
        {
            return null;
        }

        @Override
        public Population target()
        {
            return Readout.this;
        }

        @Override
        public Population source()
        {
            return source;
        }

        /** The spikes of the step itself. */
        @Override
        public int historyDepth(final double dt)
        {
            return 1;
        }

        @Override
        public void prepare(final DeliveryContext context)
        {
        }

        @Override
        public void deliver(final long step, final int slice, final int from, final int to)
        {
            Readout.this.deliver(step, from, to);
        }
    }
}
