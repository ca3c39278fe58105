package org.myelin.monitor;

import java.util.List;

/**
 * The spikes of several populations in one global numbering: population k's neuron i is
 * {@code offsets[k] + i}. Spikes are ordered by step, then by global neuron.
 *
 * @param steps       the step of each spike.
 * @param neurons     the global neuron of each spike.
 * @param populations population names, in numbering order.
 * @param offsets     the first global index of each population, with the total appended.
 * @param dt          [ms] the time step.
 */
public record SpikeRaster(long[] steps, int[] neurons, List<String> populations, int[] offsets, double dt)
{
    /** Merges the monitors in the given order. */
    public static SpikeRaster of(final List<SpikeMonitor> monitors, final double dt)
    {
        final int[] offsets = new int[monitors.size() + 1];
        int total = 0;
        for (int k = 0; k < monitors.size(); k++)
        {
            offsets[k + 1] = offsets[k] + monitors.get(k).population().size();
            total += monitors.get(k).size();
        }
        final long[] steps = new long[total];
        final int[] neurons = new int[total];
        final int[] cursor = new int[monitors.size()];
        for (int n = 0; n < total; n++)
        {
            int best = -1;
            for (int k = 0; k < monitors.size(); k++)
            {
                if (cursor[k] < monitors.get(k).size()
                    && (best < 0 || monitors.get(k).step(cursor[k]) < monitors.get(best).step(cursor[best])))
                {
                    best = k;
                }
            }
            final SpikeMonitor m = monitors.get(best);
            steps[n] = m.step(cursor[best]);
            neurons[n] = offsets[best] + m.neuron(cursor[best]);
            cursor[best]++;
        }
        return new SpikeRaster(steps, neurons, monitors.stream().map(m -> m.population().name()).toList(), offsets, dt);
    }

    /** Number of spikes. */
    public int size()
    {
        return steps.length;
    }

    /** Total neurons over all populations. */
    public int neuronCount()
    {
        return offsets[offsets.length - 1];
    }

    /** The index of the population that global neuron {@code neuron} belongs to. */
    public int populationOf(final int neuron)
    {
        int k = 0;
        while (k + 1 < offsets.length - 1 && neuron >= offsets[k + 1])
        {
            k++;
        }
        return k;
    }
}
