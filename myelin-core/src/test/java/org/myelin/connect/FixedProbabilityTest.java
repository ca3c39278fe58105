package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.util.ModelException;

class FixedProbabilityTest
{
    private static final long KEY = 0x5EEDL;

    @Test
    void degreesShouldFollowTheBinomialDistribution()
    {
        final int pre = 2000;
        final int post = 3000;
        final double p = 0.02;
        final CsrConnectivity c = (CsrConnectivity) new FixedProbability(p).build(pre, post, false, KEY);

        // total ~ Binomial(pre·post, p): 120000 ± 343
        final double mean = (double) pre * post * p;
        final double sd = Math.sqrt(mean * (1 - p));
        assertThat((double) c.synapseCount()).isBetween(mean - 4 * sd, mean + 4 * sd);

        // out-degree ~ Binomial(post, p): mean 60 and variance 58.8
        final double[] out = new double[pre];
        final double[] in = new double[post];
        for (int i = 0; i < pre; i++)
        {
            out[i] = c.outDegree(i);
            for (int k = c.rowStart(i); k < c.rowStart(i) + c.outDegree(i); k++)
            {
                in[c.target(k)]++;
            }
        }
        assertMeanAndVariance(out, post, p);
        // in-degree ~ Binomial(pre, p): targets are drawn uniformly, not only the row lengths
        assertMeanAndVariance(in, pre, p);
    }

    /** Sample mean within 4σ of n·p, sample variance within 4 standard errors of n·p·(1 − p). */
    private static void assertMeanAndVariance(final double[] x, final int n, final double p)
    {
        final double mu = n * p;
        final double var = n * p * (1 - p);
        double sum = 0;
        for (final double d : x)
        {
            sum += d;
        }
        final double mean = sum / x.length;
        double ss = 0;
        for (final double d : x)
        {
            ss += (d - mean) * (d - mean);
        }
        final double sampleVar = ss / (x.length - 1);
        assertThat(mean).isBetween(mu - 4 * Math.sqrt(var / x.length), mu + 4 * Math.sqrt(var / x.length));
        // Var(s²) ≈ (μ4 − σ⁴)/m with μ4 ≈ 3σ⁴ + σ²(1 − 6p(1 − p)) for a binomial
        final double mu4 = 3 * var * var + var * (1 - 6 * p * (1 - p));
        final double se = Math.sqrt((mu4 - var * var) / x.length);
        assertThat(sampleVar).isBetween(var - 4 * se, var + 4 * se);
    }

    @Test
    void rowsShouldBeStrictlyAscendingAndInRange()
    {
        final CsrConnectivity c = (CsrConnectivity) new FixedProbability(0.3).build(500, 400, false, KEY);

        for (int i = 0; i < 500; i++)
        {
            for (int k = c.rowStart(i) + 1; k < c.rowStart(i) + c.outDegree(i); k++)
            {
                assertThat(c.target(k)).isGreaterThan(c.target(k - 1));
            }
            if (c.outDegree(i) > 0)
            {
                assertThat(c.target(c.rowStart(i))).isNotNegative();
                assertThat(c.target(c.rowStart(i) + c.outDegree(i) - 1)).isLessThan(400);
            }
        }
        assertThat(c.sourceSize()).isEqualTo(500);
        assertThat(c.targetSize()).isEqualTo(400);
        assertThat(c.weight(0)).isNaN();
    }

    @Test
    void shouldExcludeSelfConnectionsOnlyWhenAskedAndOnlyWithinOneGroup()
    {
        final int n = 1000;
        final CsrConnectivity without = (CsrConnectivity) new FixedProbability(0.5, false).build(n, n, true, KEY);
        final CsrConnectivity with = (CsrConnectivity) new FixedProbability(0.5, true).build(n, n, true, KEY);
        final CsrConnectivity otherGroup = (CsrConnectivity) new FixedProbability(0.5, false).build(n, n, false, KEY);

        assertThat(countSelf(without)).isZero();
        // about n·p = 500 of each; the draws are the same, so excluding i → i only drops those
        assertThat(countSelf(with)).isBetween(500 - 4 * 16L, 500 + 4 * 16L);
        assertThat(countSelf(otherGroup)).isEqualTo(countSelf(with));
        assertThat(without.synapseCount()).isEqualTo(with.synapseCount() - countSelf(with));
        final CsrConnectivity full = (CsrConnectivity) new FixedProbability(1, false).build(n, n, true, KEY);
        assertThat(full.synapseCount()).isEqualTo((long) n * (n - 1));
    }

    private static long countSelf(final CsrConnectivity c)
    {
        long self = 0;
        for (int i = 0; i < c.sourceSize(); i++)
        {
            for (int k = c.rowStart(i); k < c.rowStart(i) + c.outDegree(i); k++)
            {
                self += c.target(k) == i ? 1 : 0;
            }
        }
        return self;
    }

    @Test
    void probabilitiesZeroAndOneShouldGiveNoneAndAllPairs()
    {
        assertThat(new FixedProbability(0).build(300, 200, false, KEY).synapseCount()).isZero();
        final CsrConnectivity all = (CsrConnectivity) new FixedProbability(1).build(300, 200, true, KEY);
        assertThat(all.synapseCount()).isEqualTo(300L * 200);
        for (int k = 0; k < 200; k++)
        {
            assertThat(all.target(all.rowStart(7) + k)).isEqualTo(k);
        }
    }

    @Test
    void shouldBuildTheSameSynapsesWhateverTheParallelismAndPartition() throws Exception
    {
        final FixedProbability rule = new FixedProbability(0.05);
        final CsrConnectivity reference = (CsrConnectivity) rule.build(3000, 2500, true, KEY);
        for (final int parallelism : new int[] {1, 3})
        {
            final ForkJoinPool pool = new ForkJoinPool(parallelism);
            try
            {
                final CsrConnectivity other =
                    (CsrConnectivity) pool.submit(() -> rule.build(3000, 2500, true, KEY)).get();
                assertThat(synapses(other)).isEqualTo(synapses(reference));
            }
            finally
            {
                pool.shutdown();
            }
        }
        final double[] oneSlice = deliverAll(reference, new int[] {0, 2500});
        assertThat(deliverAll(reference, new int[] {0, 16, 1248, 2500})).isEqualTo(oneSlice);
        assertThat(deliverAll(reference, new int[] {0, 0, 2500, 2500})).isEqualTo(oneSlice);
        assertThat(synapses(rule.build(3000, 2500, true, KEY + 1))).isNotEqualTo(synapses(reference));
    }

    private static long[] synapses(final Connectivity connectivity)
    {
        final CsrConnectivity c = (CsrConnectivity) connectivity;
        final long[] out = new long[(int) c.synapseCount()];
        int n = 0;
        for (int i = 0; i < c.sourceSize(); i++)
        {
            for (int k = c.rowStart(i); k < c.rowStart(i) + c.outDegree(i); k++)
            {
                out[n++] = (long) i * c.targetSize() + c.target(k);
            }
        }
        return out;
    }

    private static double[] deliverAll(final CsrConnectivity c, final int[] slices)
    {
        c.partition(slices);
        final double[] in = new double[c.targetSize()];
        for (int s = 0; s < slices.length - 1; s++)
        {
            for (int i = 0; i < c.sourceSize(); i++)
            {
                c.deliver(i, s, in, 1.0);
            }
        }
        return in;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void shouldRejectAProbabilityOutsideZeroToOne(final double p)
    {
        assertThatThrownBy(() -> new FixedProbability(p))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedProbability: p must be in [0, 1], got p=" + (Double.isNaN(p) || Double.isInfinite(p)
                ? Double.toString(p) : p == 1.5 ? "1.5" : "-0.1"));
    }

    @Test
    void shouldDescribeItself()
    {
        assertThat(new FixedProbability(0.02).describe()).isEqualTo("fixed probability p=0.02");
        assertThat(new FixedProbability(0.02, false).describe())
            .isEqualTo("fixed probability p=0.02 (no self-connections)");
    }
}
