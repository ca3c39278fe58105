package org.myelin.train.task;

import java.util.Arrays;

import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.util.ModelException;

/**
 * Samples of spike input, each a list of (step, unit) events, with a class label and optional
 * target values, generated inside the project (no download).
 */
public final class Dataset
{
    private final String name;
    private final int units;
    private final int steps;
    private final int classes;
    private final int[] sampleStart;
    private final int[] times;
    private final int[] ids;
    private final int[] labels;
    private final double[] targets;
    private final int targetSize;

    /**
     * @param name        the task's name.
     * @param units       input units.
     * @param steps       steps per sample.
     * @param classes     classes of the labels.
     * @param sampleStart per sample, where its events start in {@code times}/{@code ids}; one more entry at the end.
     * @param times       the step of each event, sorted by (step, id) within a sample.
     * @param ids         the unit of each event.
     * @param labels      the class of each sample.
     * @param targets     target values per sample (row-major), or null.
     * @param targetSize  values per sample in targets.
     */
    public Dataset(final String name, final int units, final int steps, final int classes, final int[] sampleStart,
        final int[] times, final int[] ids, final int[] labels, final double[] targets, final int targetSize)
    {
        this.name = name;
        this.units = units;
        this.steps = steps;
        this.classes = classes;
        this.sampleStart = sampleStart;
        this.times = times;
        this.ids = ids;
        this.labels = labels;
        this.targets = targets;
        this.targetSize = targetSize;
        if (labels.length != sampleStart.length - 1)
        {
            throw new ModelException(name + ": " + labels.length + " labels for " + (sampleStart.length - 1) + " samples");
        }
    }

    /** The task's name. */
    public String name()
    {
        return name;
    }

    /** Samples. */
    public int size()
    {
        return labels.length;
    }

    /** Input units. */
    public int units()
    {
        return units;
    }

    /** Steps per sample. */
    public int steps()
    {
        return steps;
    }

    /** Classes. */
    public int classes()
    {
        return classes;
    }

    /** The label of sample s. */
    public int label(final int s)
    {
        return labels[s];
    }

    /** Spikes of sample s. */
    public int spikes(final int s)
    {
        return sampleStart[s + 1] - sampleStart[s];
    }

    /** The (step, unit) events of sample s as two arrays. */
    public int[][] events(final int s)
    {
        return new int[][] {Arrays.copyOfRange(times, sampleStart[s], sampleStart[s + 1]),
            Arrays.copyOfRange(ids, sampleStart[s], sampleStart[s + 1])};
    }

    /**
     * The samples {@code indices} as a batch; {@code reuse} (a spike signal of this dataset's
     * units, or null) is filled instead of a new one.
     */
    public Batch batch(final int[] indices, final Signal reuse)
    {
        final Signal s = reuse == null ? Signal.spikes(units) : reuse;
        s.resize(indices.length, steps);
        final int[] out = s.ids();
        final int[] label = new int[indices.length];
        final double[] target = targets == null ? null : new double[indices.length * targetSize];
        for (int b = 0; b < indices.length; b++)
        {
            final int sample = indices[b];
            label[b] = labels[sample];
            if (target != null)
            {
                System.arraycopy(targets, sample * targetSize, target, b * targetSize, targetSize);
            }
            int w = s.regionStart(b);
            int e = sampleStart[sample];
            final int end = sampleStart[sample + 1];
            for (int n = 0; n < steps; n++)
            {
                final int stepStart = w;
                for (; e < end && times[e] == n; e++)
                {
                    if (w == stepStart || out[w - 1] != ids[e])
                    {
                        out[w++] = ids[e];
                    }
                }
                s.setEnd(b, n, w);
            }
        }
        return new Batch(s, label, target, targetSize);
    }

    /** The samples {@code [from, to)} as a dataset of their own. */
    public Dataset slice(final int from, final int to)
    {
        final int count = to - from;
        final int[] start = new int[count + 1];
        final int base = sampleStart[from];
        for (int k = 0; k <= count; k++)
        {
            start[k] = sampleStart[from + k] - base;
        }
        return new Dataset(name, units, steps, classes, start,
            Arrays.copyOfRange(times, base, sampleStart[to]), Arrays.copyOfRange(ids, base, sampleStart[to]),
            Arrays.copyOfRange(labels, from, to),
            targets == null ? null : Arrays.copyOfRange(targets, from * targetSize, to * targetSize), targetSize);
    }

    /** Builds a dataset from events collected sample by sample. */
    static final class Collector
    {
        private final String name;
        private final int units;
        private final int steps;
        private final int classes;
        private int[] start = new int[16];
        private int[] times = new int[1024];
        private int[] ids = new int[1024];
        private int[] labels = new int[16];
        private int samples;
        private int events;

        Collector(final String name, final int units, final int steps, final int classes)
        {
            this.name = name;
            this.units = units;
            this.steps = steps;
            this.classes = classes;
        }

        /** Adds one sample whose events come in any order (sorted here by step, then unit). */
        void add(final int[] eventTimes, final int[] eventIds, final int count, final int label)
        {
            final long[] keys = new long[count];
            for (int k = 0; k < count; k++)
            {
                keys[k] = ((long) eventTimes[k] << 32) | eventIds[k];
            }
            Arrays.sort(keys);
            if (samples + 2 > start.length)
            {
                start = Arrays.copyOf(start, start.length * 2);
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            if (events + count > times.length)
            {
                final int capacity = Math.max(times.length * 2, events + count);
                times = Arrays.copyOf(times, capacity);
                ids = Arrays.copyOf(ids, capacity);
            }
            start[samples] = events;
            for (final long key : keys)
            {
                times[events] = (int) (key >>> 32);
                ids[events] = (int) key;
                events++;
            }
            labels[samples] = label;
            samples++;
            start[samples] = events;
        }

        Dataset build(final double[] targets, final int targetSize)
        {
            return new Dataset(name, units, steps, classes, Arrays.copyOf(start, samples + 1),
                Arrays.copyOf(times, events), Arrays.copyOf(ids, events), Arrays.copyOf(labels, samples), targets,
                targetSize);
        }
    }
}
