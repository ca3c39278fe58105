package org.myelin.train.task;

import org.myelin.random.RandomStream;
import org.myelin.random.Rng;
import org.myelin.util.Check;

/**
 * Random manifold spike-latency classification (Randman; Zenke and Vogels 2021, "The remarkable
 * robustness of surrogate gradient learning for instilling complex function in spiking neural
 * networks", Neural Computation 33), re-implemented from the paper's definition.
 *
 * <p>Each class c (and each of its spikes per unit, i) has a random smooth manifold of intrinsic
 * dimension D embedded in the U input units: unit u's coordinate at intrinsic point
 * {@code θ ∈ [0, 1)^D} is
 * <pre>
 *   y_u(θ) = Π_{d&lt;D} Σ_{f&lt;F} a_{udf} · (f + 1)^{−α} · sin(2π (f · θ_d · b_{udf} + c_{udf}))
 * </pre>
 * with a, b, c uniform in [0, 1) drawn per manifold, {@code a_{ud0} = 0} (no constant term) and
 * {@code F = min(⌈1000^{1/α}⌉, 1000)} frequencies (the spectrum falls as {@code f^{−α}}: α sets
 * the smoothness). A sample draws θ uniformly; each unit's coordinate, rescaled to [0, 1) over
 * the class's samples ({@code (y − min)/(max − min + 1e-7)}), is the latency of its spike:
 * step {@code ⌊y·steps⌋}. Every unit spikes {@code spikesPerUnit} times, so spike counts carry no
 * information: only the relative timing does. The intrinsic coordinates θ are the regression
 * targets.
 *
 * <p>Draws come from counter-based streams keyed by (seed, class, spike index) for the
 * manifolds and (seed, class) for the samples; the samples are then shuffled by (seed).
 */
public final class Randman
{
    private static final long PURPOSE_MANIFOLD = 0x4d616e69666f6c64L;
    private static final long PURPOSE_SAMPLES = 0x53616d706c6573L;
    private static final double PRECISION = 1e-3;

    private Randman()
    {
    }

    /**
     * @param classes         classes (manifolds), {@code >= 2}.
     * @param units           input units, {@code >= 1}.
     * @param steps           steps per sample, {@code >= 1}.
     * @param dimension       intrinsic dimension D, {@code >= 1}.
     * @param spikesPerUnit   spikes of each unit, {@code >= 1}.
     * @param samplesPerClass samples of each class, {@code >= 1}.
     * @param alpha           smoothness α, {@code > 0} (the paper's default 2).
     * @param seed            the seed.
     */
    public static Dataset generate(final int classes, final int units, final int steps, final int dimension,
        final int spikesPerUnit, final int samplesPerClass, final double alpha, final long seed)
    {
        final String owner = "Randman";
        Check.atLeast(owner, "classes", classes, 2);
        Check.atLeast(owner, "inputs", units, 1);
        Check.atLeast(owner, "steps", steps, 1);
        Check.atLeast(owner, "dimension", dimension, 1);
        Check.atLeast(owner, "spikesPerInput", spikesPerUnit, 1);
        Check.atLeast(owner, "samplesPerClass", samplesPerClass, 1);
        Check.positive(owner, "alpha", alpha, "");
        final int frequencies = (int) Math.min(Math.ceil(Math.pow(PRECISION, -1 / alpha)), 1000);
        final double[] spectrum = new double[frequencies];
        for (int f = 0; f < frequencies; f++)
        {
            spectrum[f] = 1.0 / Math.pow(f + 1, alpha);
        }
        final int total = classes * samplesPerClass;
        final int perSample = units * spikesPerUnit;
        final int[][] sampleTimes = new int[total][perSample];
        final int[][] sampleIds = new int[total][perSample];
        final int[] labels = new int[total];
        final double[] coordinates = new double[total * dimension];
        final double[] y = new double[samplesPerClass * units];
        for (int c = 0; c < classes; c++)
        {
            final RandomStream sampleRng = new RandomStream(Rng.key(seed, PURPOSE_SAMPLES, c, 0));
            final double[] theta = new double[samplesPerClass * dimension];
            for (int k = 0; k < theta.length; k++)
            {
                theta[k] = sampleRng.nextDouble();
            }
            for (int s = 0; s < samplesPerClass; s++)
            {
                labels[c * samplesPerClass + s] = c;
                System.arraycopy(theta, s * dimension, coordinates, (c * samplesPerClass + s) * dimension, dimension);
            }
            for (int i = 0; i < spikesPerUnit; i++)
            {
                final double[][][] a = new double[units][dimension][frequencies];
                final double[][][] b = new double[units][dimension][frequencies];
                final double[][][] phase = new double[units][dimension][frequencies];
                final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_MANIFOLD, c, i));
                for (int u = 0; u < units; u++)
                {
                    for (int d = 0; d < dimension; d++)
                    {
                        for (int f = 0; f < frequencies; f++)
                        {
                            a[u][d][f] = f == 0 ? 0.0 : rng.nextDouble();
                            b[u][d][f] = rng.nextDouble();
                            phase[u][d][f] = rng.nextDouble();
                        }
                    }
                }
                for (int s = 0; s < samplesPerClass; s++)
                {
                    for (int u = 0; u < units; u++)
                    {
                        double product = 1;
                        for (int d = 0; d < dimension; d++)
                        {
                            final double x = theta[s * dimension + d];
                            double sum = 0;
                            for (int f = 0; f < frequencies; f++)
                            {
                                sum += a[u][d][f] * spectrum[f] * Math.sin(2 * Math.PI * (f * x * b[u][d][f]
                                    + phase[u][d][f]));
                            }
                            product *= sum;
                        }
                        y[s * units + u] = product;
                    }
                }
                for (int u = 0; u < units; u++)
                {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int s = 0; s < samplesPerClass; s++)
                    {
                        min = Math.min(min, y[s * units + u]);
                        max = Math.max(max, y[s * units + u]);
                    }
                    for (int s = 0; s < samplesPerClass; s++)
                    {
                        final double latency = (y[s * units + u] - min) / (max - min + 1e-7);
                        final int sample = c * samplesPerClass + s;
                        sampleTimes[sample][i * units + u] = Math.min(steps - 1, (int) Math.floor(latency * steps));
                        sampleIds[sample][i * units + u] = u;
                    }
                }
            }
        }
        final int[] order = shuffled(total, seed);
        final Dataset.Collector collector = new Dataset.Collector("Randman", units, steps, classes);
        final double[] targets = new double[total * dimension];
        for (int k = 0; k < total; k++)
        {
            final int s = order[k];
            collector.add(sampleTimes[s], sampleIds[s], perSample, labels[s]);
            System.arraycopy(coordinates, s * dimension, targets, k * dimension, dimension);
        }
        return collector.build(targets, dimension);
    }

    static int[] shuffled(final int count, final long seed)
    {
        final int[] order = new int[count];
        for (int k = 0; k < count; k++)
        {
            order[k] = k;
        }
        final RandomStream rng = new RandomStream(Rng.key(seed, PURPOSE_SAMPLES, -1, 1));
        for (int k = count - 1; k > 0; k--)
        {
            final int j = rng.nextInt(k + 1);
            final int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        return order;
    }
}
