package org.myelin.plasticity;

import java.util.Arrays;

/**
 * Drives {@link DopamineStdp} on one {@link SynapseSlice} step by step, in the order the
 * simulation handles a step: the step's dopamine spikes, the synapses of arriving presynaptic
 * spikes brought up to date, presynaptic arrivals, then postsynaptic spikes.
 */
final class DopamineDriver
{
    static final double DT = 0.1;

    final DopamineStdp rule;
    final SynapseSlice slice;
    final DopamineSignal signal;
    final NeuronTraces preTraces;
    final NeuronTraces postTraces;
    /** The next step to run. */
    private long next;

    /**
     * @param pre    presynaptic neuron of each synapse, ascending.
     * @param post   its target, ascending within a presynaptic neuron.
     * @param w0     initial weights.
     */
    DopamineDriver(final DopamineStdp rule, final int sources, final int targets, final int[] pre, final int[] post,
        final float[] w0)
    {
        this.rule = rule;
        final int[] rowStart = new int[sources + 1];
        for (final int i : pre)
        {
            rowStart[i + 1]++;
        }
        for (int i = 0; i < sources; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }
        slice = new SynapseSlice(0, targets, rowStart, post.clone(), w0.clone(), rule.synapseStates());
        signal = rule.attachSignal(slice, DT);
        preTraces = rule.preTraces(sources, DT);
        postTraces = rule.postTraces(targets, DT);
    }

    /** One synapse 0 → 0 of weight w0. */
    static DopamineDriver single(final DopamineStdp rule, final float w0)
    {
        return new DopamineDriver(rule, 1, 1, new int[] {0}, new int[] {0}, new float[] {w0});
    }

    /**
     * Runs the steps from where the last call stopped up to {@code end − 1}; {@code dopamine} are
     * the steps of dopamine spikes (repeated for several in one step), {@code preSpikes[i]} and
     * {@code postSpikes[j]} the steps at which neuron i's spikes reach the synapses and neuron j
     * spikes, all ascending and the same for every call.
     */
    void run(final long[] dopamine, final long[][] preSpikes, final long[][] postSpikes, final long end)
    {
        final int[] preAt = new int[preSpikes.length];
        final int[] postAt = new int[postSpikes.length];
        for (int i = 0; i < preSpikes.length; i++)
        {
            preAt[i] = firstFrom(preSpikes[i], next);
        }
        for (int j = 0; j < postSpikes.length; j++)
        {
            postAt[j] = firstFrom(postSpikes[j], next);
        }
        int dopamineAt = firstFrom(dopamine, next);
        final boolean[] arriving = new boolean[preSpikes.length];
        for (long step = next; step < end; step++)
        {
            int count = 0;
            while (dopamineAt < dopamine.length && dopamine[dopamineAt] == step)
            {
                count++;
                dopamineAt++;
            }
            rule.onDopamine(slice, count, step);
            for (int i = 0; i < preSpikes.length; i++)
            {
                arriving[i] = preAt[i] < preSpikes[i].length && preSpikes[i][preAt[i]] == step;
                if (arriving[i])
                {
                    preAt[i]++;
                    rule.updateRow(slice, i, step);
                }
            }
            for (int i = 0; i < preSpikes.length; i++)
            {
                if (arriving[i])
                {
                    rule.onPre(slice, i, step, preTraces, postTraces);
                    rule.countPre(preTraces, i, step);
                }
            }
            for (int j = 0; j < postSpikes.length; j++)
            {
                if (postAt[j] < postSpikes[j].length && postSpikes[j][postAt[j]] == step)
                {
                    postAt[j]++;
                    rule.onPost(slice, j, step, preTraces, postTraces);
                    rule.countPost(postTraces, j, step);
                }
            }
        }
        next = Math.max(next, end);
    }

    private static int firstFrom(final long[] train, final long step)
    {
        int k = 0;
        while (k < train.length && train[k] < step)
        {
            k++;
        }
        return k;
    }

    /** The weights brought up to {@code step}. */
    float[] weightsAt(final long step)
    {
        rule.update(slice, step);
        return Arrays.copyOf(slice.weight, slice.size());
    }

    /** Synapse 0's eligibility, as of its last update. */
    double eligibility()
    {
        return slice.state[0][0];
    }
}
