package org.myelin.train.task;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * Classification of random spike patterns (Gütig and Sompolinsky 2006's tempotron task with
 * noise): each class has a frozen Poisson raster of {@code units × steps} at {@code rateHz};
 * a sample is its class's raster with every spike kept with probability {@code 1 − deletion},
 * moved by a Gaussian jitter of {@code jitterSteps} steps (clipped to the trial), plus Poisson
 * noise spikes at {@code noiseHz}.
 */
public final class SpikePatterns
{
    private static final long PURPOSE_TEMPLATE = 0x54656d706c617465L;
    private static final long PURPOSE_SAMPLE = 0x53616d706c65L;

    private SpikePatterns()
    {
    }

    /**
     * @param classes     patterns, {@code >= 2}.
     * @param units       input units.
     * @param steps       steps per sample.
     * @param dtMs        [ms] time step.
     * @param rateHz      [Hz] rate of the patterns.
     * @param jitterSteps standard deviation of each spike's shift, in steps, {@code >= 0}.
     * @param deletion    probability that a pattern spike is dropped, in [0, 1].
     * @param noiseHz     [Hz] rate of added noise spikes.
     * @param samples     samples in all, classes in turn.
     */
    public static Dataset generate(final int classes, final int units, final int steps, final double dtMs,
        final double rateHz, final double jitterSteps, final double deletion, final double noiseHz, final int samples,
        final long seed)
    {
        final String owner = "SpikePatterns";
        Check.atLeast(owner, "classes", classes, 2);
        Check.atLeast(owner, "inputs", units, 1);
        Check.atLeast(owner, "steps", steps, 1);
        Check.positive(owner, "dt", dtMs, "ms");
        Check.nonNegative(owner, "rate", rateHz, "Hz");
        Check.nonNegative(owner, "jitter", jitterSteps, "steps");
        Check.inClosedRange(owner, "deletion", deletion, 0, 1);
        Check.nonNegative(owner, "noise", noiseHz, "Hz");
        Check.atLeast(owner, "samples", samples, 1);
        final double p = rateHz * dtMs / 1000;
        final double pNoise = noiseHz * dtMs / 1000;
        final int[][] templateTimes = new int[classes][];
        final int[][] templateIds = new int[classes][];
        for (int c = 0; c < classes; c++)
        {
            final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_TEMPLATE, c, 0));
            final int[] t = new int[steps * units];
            final int[] u = new int[steps * units];
            int count = 0;
            for (int n = 0; n < steps; n++)
            {
                for (int i = 0; i < units; i++)
                {
                    if (rng.nextDouble() < p)
                    {
                        t[count] = n;
                        u[count] = i;
                        count++;
                    }
                }
            }
            templateTimes[c] = java.util.Arrays.copyOf(t, count);
            templateIds[c] = java.util.Arrays.copyOf(u, count);
        }
        final Dataset.Collector collector = new Dataset.Collector("SpikePatterns", units, steps, classes);
        final int[] times = new int[steps * units * 2 + 16];
        final int[] ids = new int[times.length];
        for (int s = 0; s < samples; s++)
        {
            final int c = s % classes;
            final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_SAMPLE, s, 0));
            int count = 0;
            for (int k = 0; k < templateTimes[c].length; k++)
            {
                if (rng.nextDouble() < deletion)
                {
                    continue;
                }
                final int shifted = (int) Math.round(templateTimes[c][k] + jitterSteps * rng.nextGaussian());
                times[count] = Math.max(0, Math.min(steps - 1, shifted));
                ids[count] = templateIds[c][k];
                count++;
            }
            for (int n = 0; n < steps && pNoise > 0; n++)
            {
                for (int i = 0; i < units; i++)
                {
                    if (rng.nextDouble() < pNoise && count < times.length)
                    {
                        times[count] = n;
                        ids[count] = i;
                        count++;
                    }
                }
            }
            collector.add(times, ids, count, c);
        }
        return collector.build(null, 0);
    }
}
