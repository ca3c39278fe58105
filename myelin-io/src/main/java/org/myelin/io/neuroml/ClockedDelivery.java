package org.myelin.io.neuroml;

import java.util.Arrays;

import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.neuron.NeuronGroup;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Receptor;
import org.myelin.util.ModelException;

/**
 * Delayed connections timed as jLEMS times them: a spike emitted at jLEMS's step k (time t_k on
 * its accumulated clock) is queued for the time {@code t_k + delay} and delivered before the
 * first step k' whose time is {@code >= t_k + delay}, so it changes the synapse from step k' on.
 * The number of steps this takes can differ by one from spike to spike (the clock's rounding),
 * which is why each spike's arrival is computed here instead of using a fixed delay.
 *
 * <p>In Myelin's steps (step n is jLEMS's step n + 1): a spike of step n arrives in the
 * propagation phase of step k' − 2 and acts from step k' − 1 on. Each worker keeps the events of
 * its own slice of targets in a queue of primitive arrays, so delivery is the same for any number
 * of threads and allocates nothing once the queues have grown.
 */
final class ClockedDelivery implements Delivery
{
    private final String name;
    private final Population source;
    private final NeuronGroup target;
    private final Receptor receptor;
    private final double weight;
    private final double delaySeconds;
    private final LemsClock clock;
    /** Connections as CSR rows by presynaptic neuron: targets and weight factors. */
    private final int[] rowStart;
    private final int[] post;
    private final double[] factor;
    private Queue[] queues = new Queue[0];

    /** The pending arrivals of one slice, a binary heap by step. */
    private static final class Queue
    {
        private long[] steps = new long[64];
        private int[] targets = new int[64];
        private double[] values = new double[64];
        private int size;

        void add(final long step, final int target, final double value)
        {
            if (size == steps.length)
            {
                steps = Arrays.copyOf(steps, 2 * size);
                targets = Arrays.copyOf(targets, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            int k = size++;
            while (k > 0 && steps[(k - 1) / 2] > step)
            {
                final int parent = (k - 1) / 2;
                steps[k] = steps[parent];
                targets[k] = targets[parent];
                values[k] = values[parent];
                k = parent;
            }
            steps[k] = step;
            targets[k] = target;
            values[k] = value;
        }

        /** Adds every arrival due at {@code step} into {@code input}. */
        void deliver(final long step, final double[] input)
        {
            while (size > 0 && steps[0] <= step)
            {
                input[targets[0]] += values[0];
                final long lastStep = steps[--size];
                final int lastTarget = targets[size];
                final double lastValue = values[size];
                int k = 0;
                while (true)
                {
                    int child = 2 * k + 1;
                    if (child >= size)
                    {
                        break;
                    }
                    if (child + 1 < size && steps[child + 1] < steps[child])
                    {
                        child++;
                    }
                    if (steps[child] >= lastStep)
                    {
                        break;
                    }
                    steps[k] = steps[child];
                    targets[k] = targets[child];
                    values[k] = values[child];
                    k = child;
                }
                steps[k] = lastStep;
                targets[k] = lastTarget;
                values[k] = lastValue;
            }
        }
    }

    /**
     * @param name         unique name.
     * @param source       presynaptic group.
     * @param target       postsynaptic group.
     * @param receptor     the receptor of {@code target} the spikes add into.
     * @param weight       weight per spike (times each connection's factor).
     * @param delaySeconds [s] the delay, {@code > 0}.
     * @param clock        jLEMS's clock.
     * @param pre          presynaptic index of each connection.
     * @param postIndex    postsynaptic index of each connection.
     * @param factors      weight factor of each connection.
     */
    ClockedDelivery(final String name, final Population source, final NeuronGroup target, final Receptor receptor,
        final double weight, final double delaySeconds, final LemsClock clock, final int[] pre, final int[] postIndex,
        final double[] factors)
    {
        this.name = name;
        this.source = source;
        this.target = target;
        this.receptor = receptor;
        this.weight = weight;
        this.delaySeconds = delaySeconds;
        this.clock = clock;
        this.rowStart = new int[source.size() + 1];
        for (final int i : pre)
        {
            rowStart[i + 1]++;
        }
        for (int i = 0; i < source.size(); i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        this.post = new int[pre.length];
        this.factor = new double[pre.length];
        final int[] fill = Arrays.copyOf(rowStart, source.size());
        for (int k = 0; k < pre.length; k++)
        {
            final int at = fill[pre[k]]++;
            post[at] = postIndex[k];
            factor[at] = factors[k];
        }
    }

    @Override
    public String kind()
    {
        return "projection";
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public Population target()
    {
        return target;
    }

    @Override
    public Population source()
    {
        return source;
    }

    @Override
    public int historyDepth(final double dt)
    {
        return 1;
    }

    /**
     * Refused: the spikes in flight wait in one heap per worker slice, whose order of equal steps
     * depends on the slices, so they cannot be saved in an order that fits any thread count.
     */
    @Override
    public void visitState(final StateAccess state)
    {
        throw new ModelException("projection '" + name + "': a run with jLEMS semantics cannot be checkpointed; "
            + "run with --semantics myelin");
    }

    @Override
    public void prepare(final DeliveryContext context)
    {
        queues = new Queue[context.sliceCount()];
        for (int s = 0; s < queues.length; s++)
        {
            queues[s] = new Queue();
        }
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final Queue queue = queues[slice];
        final SpikeHistory history = source.history();
        final int slot = history.slotOf(step);
        if (history.totalCount(slot) > 0)
        {
            // jLEMS's step of the spike is step + 1; it arrives before step k', acting from Myelin's step k' - 1
            final double arrival = clock.time(step + 1) + delaySeconds;
            final long propagation = clock.firstAtOrAfter(arrival, step + 2) - 2;
            final int[] ids = history.ids(slot);
            final double scale = weight * receptor.inputScale();
            for (int s = 0; s < history.sliceCount(); s++)
            {
                final int start = history.sliceStart(s);
                for (int k = start; k < start + history.count(slot, s); k++)
                {
                    final int i = ids[k];
                    for (int c = rowStart[i]; c < rowStart[i + 1]; c++)
                    {
                        if (post[c] >= from && post[c] < to)
                        {
                            queue.add(propagation, post[c], scale * factor[c]);
                        }
                    }
                }
            }
        }
        queue.deliver(step, receptor.input());
    }
}
