package org.myelin.neuron;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Population;

/**
 * A test spike source: neuron {@code i} spikes at exactly the steps listed for it (Brian2's
 * {@code SpikeGeneratorGroup}), so a test knows the emission step without solving a neuron model.
 */
public final class ScheduledSource extends Population
{
    private final long[][] steps;

    /**
     * @param name  unique name in the network.
     * @param steps for each neuron, the steps at which it spikes.
     */
    public ScheduledSource(final String name, final long[]... steps)
    {
        super("ScheduledSource", name, steps.length);
        this.steps = new long[steps.length][];
        for (int i = 0; i < steps.length; i++)
        {
            this.steps[i] = steps[i].clone();
            Arrays.sort(this.steps[i]);
        }
    }

    /** One neuron that spikes at {@code steps}. */
    public static ScheduledSource single(final String name, final long... steps)
    {
        return new ScheduledSource(name, steps);
    }

    @Override
    public String kind()
    {
        return "ScheduledSource";
    }

    @Override
    public void reset(final long seed)
    {
        // stateless
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (Arrays.binarySearch(steps[i], step) >= 0)
            {
                spikes[n++] = i;
            }
        }
        return n - offset;
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of();
    }
}
