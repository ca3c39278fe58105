package org.myelin.plasticity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drives one rule on synapses from {@code sources} presynaptic neurons onto one target, with
 * spikes given as steps, in the order the simulation handles a step: presynaptic arrivals, then
 * postsynaptic spikes.
 */
final class RuleDriver
{
    static final double DT = 0.1;

    private RuleDriver()
    {
    }

    /** The weight of each synapse after the spikes; pre[i] are neuron i's spike steps. */
    static float[] run(final SpikeTimingRule rule, final float w0, final long[][] pre, final long[] post)
    {
        final int sources = pre.length;
        final int[] rowStart = new int[sources + 1];
        final int[] target = new int[sources];
        final float[] weight = new float[sources];
        for (int i = 0; i < sources; i++)
        {
            rowStart[i + 1] = i + 1;
            weight[i] = w0;
        }
        final SynapseSlice slice = new SynapseSlice(0, 1, rowStart, target, weight, rule.synapseStates());
        final NeuronTraces preTraces = rule.preTraces(sources, DT);
        final NeuronTraces postTraces = rule.postTraces(1, DT);
        final List<long[]> events = new ArrayList<>(); // {step, kind (0 pre, 1 post), neuron}
        for (int i = 0; i < sources; i++)
        {
            for (final long s : pre[i])
            {
                events.add(new long[] {s, 0, i});
            }
        }
        for (final long s : post)
        {
            events.add(new long[] {s, 1, 0});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
        for (final long[] e : events)
        {
            if (e[1] == 0)
            {
                rule.onPre(slice, (int) e[2], e[0], preTraces, postTraces);
                rule.countPre(preTraces, (int) e[2], e[0]);
            }
            else
            {
                rule.onPost(slice, 0, e[0], preTraces, postTraces);
                rule.countPost(postTraces, 0, e[0]);
            }
        }
        return weight.clone();
    }

    /** One synapse: its weight after the spikes. */
    static double run(final SpikeTimingRule rule, final float w0, final long[] pre, final long[] post)
    {
        return run(rule, w0, new long[][] {pre}, post)[0];
    }

    /** Steps of times in ms. */
    static long[] steps(final double... ms)
    {
        final long[] s = new long[ms.length];
        for (int k = 0; k < ms.length; k++)
        {
            s[k] = Math.round(ms[k] / DT);
        }
        return s;
    }
}
