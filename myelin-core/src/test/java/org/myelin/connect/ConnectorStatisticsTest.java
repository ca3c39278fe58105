package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.util.ModelException;

/**
 * Degree statistics of every random connector against theory (mean and variance within 4σ of the
 * sampling distribution), duplicates, self-connections, and independence from the thread count.
 */
class ConnectorStatisticsTest
{
    private static final long KEY = 0x5EEDL;

    /** A binomial(n, p) degree: mean, variance and fourth central moment. */
    private record Binomial(double n, double p)
    {
        double mean()
        {
            return n * p;
        }

        double variance()
        {
            return n * p * (1 - p);
        }

        double fourthMoment()
        {
            final double v = variance();
            return v * (1 + 3 * (n - 2) * p * (1 - p));
        }
    }

    private record Case(String name, Connector connector, int pre, int post, boolean sameGroup, Binomial out,
        Binomial in, boolean distinct)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static Stream<Arguments> cases()
    {
        final int n = 1500;
        final int m = 1200;
        return Stream.of(
            new Case("fixed probability", new FixedProbability(0.04), n, m, false,
                new Binomial(m, 0.04), new Binomial(n, 0.04), true),
            new Case("fixed probability, one group, no self", new FixedProbability(0.04, false), n, n, true,
                new Binomial(n - 1, 0.04), new Binomial(n - 1, 0.04), true),
            new Case("fixed out-degree, multapses", new FixedOutDegree(60, true, true), n, m, false,
                new Binomial(60, 1), new Binomial(60.0 * n, 1.0 / m), false),
            new Case("fixed out-degree, distinct, no self", new FixedOutDegree(60, false, false), n, n, true,
                new Binomial(60, 1), new Binomial(n - 1, 60.0 / (n - 1)), true),
            new Case("fixed in-degree, multapses", new FixedInDegree(50, true, true), n, m, false,
                new Binomial(50.0 * m, 1.0 / n), new Binomial(50, 1), false),
            new Case("fixed in-degree, distinct, no self", new FixedInDegree(50, false, false), n, n, true,
                new Binomial(n - 1, 50.0 / (n - 1)), new Binomial(50, 1), true),
            new Case("fixed total number, two source blocks", new FixedTotalNumber(90_000, true), n, m, false,
                new Binomial(90_000, 1.0 / n), new Binomial(90_000, 1.0 / m), false),
            new Case("fixed total number, one group, no self", new FixedTotalNumber(90_000, false), n, n, true,
                new Binomial(90_000, 1.0 / n), new Binomial(90_000, 1.0 / n), false),
            new Case("all-to-all, no self", new AllToAll(false), 300, 300, true,
                new Binomial(299, 1), new Binomial(299, 1), true),
            new Case("one-to-one", new OneToOne(), 300, 300, true, new Binomial(1, 1), new Binomial(1, 1), true))
            .map(Arguments::of);
    }

    /** The estimate before building is the mean of the synapse count; the built count is within 4σ of it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectedSynapsesShouldBeTheMeanSynapseCount(final Case c)
    {
        final double expected = c.connector().expectedSynapses(c.pre(), c.post(), c.sameGroup());
        final long built = c.connector().build(c.pre(), c.post(), c.sameGroup(), KEY).synapseCount();

        assertThat(expected).isCloseTo(c.pre() * c.out().mean(), within(1e-6 * expected));
        assertThat(Math.abs(built - expected)).isLessThanOrEqualTo(4 * Math.sqrt(c.pre() * c.out().variance()));
        assertThat(c.connector().storesSynapses()).isTrue();
        if (c.connector() instanceof JustInTime.Rule rule)
        {
            assertThat(rule.justInTime().expectedSynapses(c.pre(), c.post(), c.sameGroup())).isEqualTo(expected);
            assertThat(rule.justInTime().storesSynapses()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void degreesShouldMatchTheoryWithinFourSigma(final Case c)
    {
        final CsrConnectivity csr = (CsrConnectivity) c.connector().build(c.pre(), c.post(), c.sameGroup(), KEY);

        final int[] out = new int[c.pre()];
        final int[] in = new int[c.post()];
        for (int i = 0; i < c.pre(); i++)
        {
            out[i] = csr.outDegree(i);
            for (int k = csr.rowStart(i); k < csr.rowStart(i) + out[i]; k++)
            {
                in[csr.target(k)]++;
            }
        }
        assertMoments("out-degree", out, c.out());
        assertMoments("in-degree", in, c.in());
        assertThat(csr.synapseCount()).isEqualTo(sum(out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void connectorsShouldRespectDuplicateAndSelfConnectionRules(final Case c)
    {
        final CsrConnectivity csr = (CsrConnectivity) c.connector().build(c.pre(), c.post(), c.sameGroup(), KEY);
        final boolean selfAllowed = !c.name().contains("no self");
        int selfConnections = 0;
        int duplicates = 0;
        for (int i = 0; i < c.pre(); i++)
        {
            for (int k = csr.rowStart(i); k < csr.rowStart(i) + csr.outDegree(i); k++)
            {
                selfConnections += csr.target(k) == i ? 1 : 0;
                duplicates += k > csr.rowStart(i) && csr.target(k) == csr.target(k - 1) ? 1 : 0;
            }
        }
        if (!selfAllowed)
        {
            assertThat(selfConnections).as("self-connections").isZero();
        }
        if (c.distinct())
        {
            assertThat(duplicates).as("duplicates").isZero();
        }
        else
        {
            assertThat(duplicates).as("multapses are drawn when allowed").isPositive();
        }
    }

    @Test
    void selfConnectionsShouldBeMadeWhenAllowed()
    {
        final CsrConnectivity all = (CsrConnectivity) new AllToAll(true).build(50, 50, true, KEY);
        final CsrConnectivity p1 = (CsrConnectivity) new FixedProbability(1, true).build(50, 50, true, KEY);

        assertThat(all.synapseCount()).isEqualTo(2500);
        assertThat(p1.synapseCount()).isEqualTo(2500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void synapsesShouldNotDependOnTheNumberOfThreads(final Case c) throws Exception
    {
        final CsrConnectivity one = buildWith(1, c);
        final CsrConnectivity four = buildWith(4, c);

        assertThat(four.synapseCount()).isEqualTo(one.synapseCount());
        for (int k = 0; k < one.synapseCount(); k++)
        {
            assertThat(four.target(k)).isEqualTo(one.target(k));
        }
        for (int i = 0; i < c.pre(); i++)
        {
            assertThat(four.rowStart(i)).isEqualTo(one.rowStart(i));
        }
    }

    @Test
    void aDegreeLargerThanTheCandidatesShouldBeAnError()
    {
        assertThatThrownBy(() -> new FixedOutDegree(10, false, false).build(5, 10, true, KEY))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedOutDegree: k=10 needs at least 10 distinct candidates, got 9");
        assertThatThrownBy(() -> new FixedInDegree(8, true, false).build(5, 10, false, KEY))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedInDegree: k=8 needs at least 8 distinct candidates, got 5");
        assertThatThrownBy(() -> new FixedOutDegree(-1, true, true))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedOutDegree: k must be >= 0, got k=-1");
        assertThatThrownBy(() -> new OneToOne().build(5, 6, false, KEY))
            .isInstanceOf(ModelException.class)
            .hasMessage("OneToOne: source and target must have the same size, got 5 and 6");
        assertThatThrownBy(() -> new FixedProbability(1.5))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedProbability: p must be in [0, 1], got p=1.5");
    }

    @Test
    void aFixedTotalNumberShouldMakeExactlyThatManySynapses()
    {
        assertThat(new FixedTotalNumber(123_457, true).build(700, 300, false, KEY).synapseCount())
            .isEqualTo(123_457);
        assertThat(new FixedTotalNumber(0, true).build(700, 300, false, KEY).synapseCount()).isZero();
        assertThat(new FixedTotalNumber(5, false).describe()).isEqualTo("fixed total number n=5 (no self-connections)");
        assertThat(new FixedTotalNumber(5, true).justInTime().describe())
            .isEqualTo("fixed total number n=5, just-in-time");
    }

    @Test
    void aFixedTotalNumberWithoutCandidatesShouldBeAnError()
    {
        assertThatThrownBy(() -> new FixedTotalNumber(-1, true))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedTotalNumber: n must be >= 0, got n=-1");
        assertThatThrownBy(() -> new FixedTotalNumber(3, false).build(1, 1, true, KEY))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedTotalNumber: n=3 synapses need at least one source and one target other than the "
                + "source, got 1 sources and 1 targets");
        assertThatThrownBy(() -> new FixedTotalNumber(1L << 31, true).build(10, 10, false, KEY))
            .isInstanceOf(ModelException.class)
            .hasMessage("FixedTotalNumber: more than 2^31 synapses in one projection; use just-in-time connectivity");
    }

    private static CsrConnectivity buildWith(final int threads, final Case c) throws Exception
    {
        final ForkJoinPool pool = new ForkJoinPool(threads);
        try
        {
            return pool.submit(() -> (CsrConnectivity) c.connector().build(c.pre(), c.post(), c.sameGroup(), KEY))
                .get();
        }
        finally
        {
            pool.shutdown();
        }
    }

    private static long sum(final int[] values)
    {
        long s = 0;
        for (final int v : values)
        {
            s += v;
        }
        return s;
    }

    /** Sample mean and variance within 4 standard errors of the binomial's. */
    private static void assertMoments(final String what, final int[] degrees, final Binomial theory)
    {
        final int n = degrees.length;
        double mean = 0;
        for (final int d : degrees)
        {
            mean += d;
        }
        mean /= n;
        double variance = 0;
        for (final int d : degrees)
        {
            variance += (d - mean) * (d - mean);
        }
        variance /= n - 1;
        final double sigma2 = theory.variance();
        final double meanError = Math.sqrt(sigma2 / n);
        final double varianceError =
            Math.sqrt(Math.max(0, theory.fourthMoment() - sigma2 * sigma2 * (n - 3) / (n - 1)) / n);
        assertThat(Math.abs(mean - theory.mean())).as(what + " mean " + mean + " vs " + theory.mean())
            .isLessThanOrEqualTo(4 * meanError + 1e-12);
        assertThat(Math.abs(variance - sigma2)).as(what + " variance " + variance + " vs " + sigma2)
            .isLessThanOrEqualTo(4 * varianceError + 1e-9);
    }
}
