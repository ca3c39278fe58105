package org.myelin.train.task;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * The evidence (cue) accumulation task of e-prop (Bellec et al. 2020, "A solution to the learning
 * dilemma for recurrent networks of spiking neurons", Nature Communications 11, Fig. 3; after
 * Morcos and Harvey 2016), as in the authors' tutorial.
 *
 * <p>40 input channels in 4 groups of 10: left cues, right cues, recall cue, background noise.
 * Each trial shows 7 cues: cue k occupies {@code [50 + 150k, 150 + 150k)} ms, during which the
 * 10 channels of its side fire Poisson spikes at 40 Hz. One side is the majority side (each
 * trial chooses it with probability 1/2); each cue is on it with probability 0.7. After the cues
 * a delay, then the recall channels fire at 40 Hz during the last 150 ms of the 2250 ms trial; the
 * background channels fire at 10 Hz throughout. The label is the side that had more cues
 * (0 left, 1 right); the network answers in the recall period.
 */
public final class CueAccumulation
{
    /** Input channels. */
    public static final int INPUTS = 40;
    /** Cues per trial. */
    public static final int CUES = 7;
    /** [ms] A cue's presentation. */
    public static final double CUE_MS = 100;
    /** [ms] Cue onset to onset. */
    public static final double CUE_SPACING_MS = 150;
    /** [ms] The recall cue, at the end of the trial. */
    public static final double RECALL_MS = 150;
    /** [ms] The trial: the cues' 1050 ms and 1200 ms of delay and recall. */
    public static final double TRIAL_MS = CUE_SPACING_MS * CUES + 1200;
    /** [Hz] Rate of the cue and recall channels when on. */
    public static final double RATE_HZ = 40;
    /** Probability of each cue being on the majority side. */
    public static final double MAJORITY_PROBABILITY = 0.7;

    private static final long PURPOSE_TRIALS = 0x43756573L;

    private CueAccumulation()
    {
    }

    /** The steps of a trial at {@code dt} ms. */
    public static int steps(final double dtMs)
    {
        return (int) Math.round(TRIAL_MS / dtMs);
    }

    /**
     * {@code samples} trials at time step {@code dtMs} (1 ms in the paper).
     */
    public static Dataset generate(final int samples, final double dtMs, final long seed)
    {
        Check.atLeast("CueAccumulation", "samples", samples, 1);
        Check.positive("CueAccumulation", "dt", dtMs, "ms");
        final int steps = steps(dtMs);
        final int group = INPUTS / 4;
        final double pOn = RATE_HZ * dtMs / 1000;
        final double pBackground = pOn / 4;
        final int silence = (int) Math.round((CUE_SPACING_MS - CUE_MS) / dtMs);
        final int cueSteps = (int) Math.round(CUE_MS / dtMs);
        final int spacing = (int) Math.round(CUE_SPACING_MS / dtMs);
        final int recallStart = steps - (int) Math.round(RECALL_MS / dtMs);
        final Dataset.Collector collector = new Dataset.Collector("CueAccumulation", INPUTS, steps, 2);
        int[] times = new int[1024];
        int[] ids = new int[1024];
        final int[] side = new int[steps];
        for (int s = 0; s < samples; s++)
        {
            final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_TRIALS, s, 0));
            final int majority = rng.nextDouble() < 0.5 ? 0 : 1;
            int right = 0;
            java.util.Arrays.fill(side, -1);
            for (int k = 0; k < CUES; k++)
            {
                final int cue = rng.nextDouble() < MAJORITY_PROBABILITY ? majority : 1 - majority;
                right += cue;
                final int from = silence + k * spacing;
                for (int n = from; n < from + cueSteps; n++)
                {
                    side[n] = cue;
                }
            }
            int count = 0;
            for (int n = 0; n < steps; n++)
            {
                if (count + INPUTS > times.length)
                {
                    times = java.util.Arrays.copyOf(times, times.length * 2);
                    ids = java.util.Arrays.copyOf(ids, ids.length * 2);
                }
                for (int i = 0; i < INPUTS; i++)
                {
                    final int g = i / group;
                    final double p = g == 3 ? pBackground
                        : g == 2 ? (n >= recallStart ? pOn : 0.0)
                        : side[n] == g ? pOn : 0.0;
                    if (p > 0 && rng.nextDouble() < p)
                    {
                        times[count] = n;
                        ids[count] = i;
                        count++;
                    }
                }
            }
            collector.add(times, ids, count, right > CUES / 2 ? 1 : 0);
        }
        return collector.build(null, 0);
    }
}
