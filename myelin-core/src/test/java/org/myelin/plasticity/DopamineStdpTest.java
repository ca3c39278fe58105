package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.myelin.plasticity.DopamineDriver.DT;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

/** Dopamine-modulated STDP against its closed form and an independent fine-step integration. */
class DopamineStdpTest
{
    private static final double A_PLUS = 0.1;
    private static final double A_MINUS = 0.15;
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double TAU_C = 300;
    private static final double TAU_N = 50;
    private static final double W_MAX = 10;
    /** RK4 substeps per time step of the reference. */
    private static final int SUBSTEPS = 10;

    private static DopamineStdp rule(final double baseline)
    {
        return new DopamineStdp(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, TAU_C, TAU_N, baseline, 0, W_MAX);
    }

    private static long[] none()
    {
        return new long[0];
    }

    /**
     * NEST's equations integrated independently: dc/dt = −c/τ_c, dn/dt = −n/τ_n,
     * dw/dt = c·(n − b) by RK4 between events, w clamped after every substep; at an event step the
     * dopamine jumps first, then the presynaptic spike (c −= A₋·K₋ over earlier postsynaptic
     * spikes), then the postsynaptic one (c += A₊·K₊ over presynaptic spikes up to this step).
     */
    private static double reference(final DopamineStdp p, final double w0, final long[] dopamine, final long[] pre,
        final long[] post, final long end)
    {
        final java.util.TreeSet<Long> times = new java.util.TreeSet<>();
        for (final long[] train : new long[][] {dopamine, pre, post})
        {
            for (final long s : train)
            {
                times.add(s);
            }
        }
        times.add(end);
        double c = 0;
        double n = 0;
        double w = w0;
        long now = 0;
        final double h = DT / SUBSTEPS;
        for (final long event : times)
        {
            for (long k = 0; k < (event - now) * SUBSTEPS; k++)
            {
                final double[] y = {c, n, w};
                final double[] k1 = derivative(p, y);
                final double[] k2 = derivative(p, add(y, k1, h / 2));
                final double[] k3 = derivative(p, add(y, k2, h / 2));
                final double[] k4 = derivative(p, add(y, k3, h));
                c += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
                n += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
                w += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
                w = Math.max(p.dependence().wMin(), Math.min(p.dependence().wMax(), w));
            }
            now = event;
            if (event == end)
            {
                break;
            }
            for (final long s : dopamine)
            {
                n += s == event ? 1 / p.tauN() : 0;
            }
            if (contains(pre, event))
            {
                c -= p.aMinus() * trace(post, event, p.tauMinus(), false);
            }
            if (contains(post, event))
            {
                c += p.aPlus() * trace(pre, event, p.tauPlus(), true);
            }
        }
        return w;
    }

    private static double[] derivative(final DopamineStdp p, final double[] y)
    {
        return new double[] {-y[0] / p.tauC(), -y[1] / p.tauN(), y[0] * (y[1] - p.baseline())};
    }

    private static double[] add(final double[] y, final double[] dy, final double h)
    {
        return new double[] {y[0] + h * dy[0], y[1] + h * dy[1], y[2] + h * dy[2]};
    }

    private static boolean contains(final long[] train, final long step)
    {
        for (final long s : train)
        {
            if (s == step)
            {
                return true;
            }
        }
        return false;
    }

    /** Σ exp(−(t − t_k)/τ) over the spikes before {@code step} (or at it too). */
    private static double trace(final long[] train, final long step, final double tau, final boolean inclusive)
    {
        double sum = 0;
        for (final long s : train)
        {
            if (s < step || inclusive && s == step)
            {
                sum += Math.exp(-(step - s) * DT / tau);
            }
        }
        return sum;
    }

    private static long[] poisson(final Random random, final double rateHz, final long end, final boolean doubles)
    {
        final List<Long> steps = new ArrayList<>();
        for (long s = 0; s < end; s++)
        {
            if (random.nextDouble() < rateHz * DT / 1000)
            {
                steps.add(s);
                if (doubles && random.nextBoolean())
                {
                    steps.add(s);
                }
            }
        }
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    private static double run(final DopamineStdp rule, final float w0, final long[] dopamine, final long[] pre,
        final long[] post, final long end)
    {
        final DopamineDriver driver = DopamineDriver.single(rule, w0);
        driver.run(dopamine, new long[][] {pre}, new long[][] {post}, end);
        return driver.weightsAt(end)[0];
    }

    @Test
    void onePairThenOneDopamineSpikeShouldChangeTheWeightByTheClosedForm()
    {
        final double tauS = TAU_C * TAU_N / (TAU_C + TAU_N);
        final double baseline = 0.002;
        final DopamineStdp stdp = rule(baseline);
        final long end = 20000;
        final long dopa = 5000;
        final double tEnd = end * DT;
        final double tDopa = dopa * DT;
        // pre at 100 ms, post at 110 ms: c = A₊·e^(−10/τ₊); post at 100 ms, pre at 110 ms: c = −A₋·e^(−10/τ₋)
        final double[] eligibility = {A_PLUS * Math.exp(-10 / TAU_PLUS), -A_MINUS * Math.exp(-10 / TAU_MINUS)};
        final long[][][] pairs = {{{1000}, {1100}}, {{1100}, {1000}}};
        for (int k = 0; k < 2; k++)
        {
            final double c0 = eligibility[k];
            final double tPair = 110;
            final double expected = 1 - baseline * c0 * TAU_C * (1 - Math.exp(-(tEnd - tPair) / TAU_C))
                + c0 * Math.exp(-(tDopa - tPair) / TAU_C) / TAU_N * tauS * (1 - Math.exp(-(tEnd - tDopa) / tauS));
            final double w = run(stdp, 1f, new long[] {dopa}, pairs[k][0], pairs[k][1], end);
            assertThat(w).as("pair %d", k).isCloseTo(expected, within(2e-7));
            assertThat(Math.abs(w - 1)).as("pair %d changes the weight", k).isGreaterThan(1e-3);
        }
    }

    @Test
    void randomTrainsShouldMatchAFineStepIntegrationOfNestsEquations()
    {
        final Random random = new Random(42);
        final long end = 30000;
        for (final double baseline : new double[] {0, 0.004})
        {
            for (int trial = 0; trial < 4; trial++)
            {
                final long[] dopamine = poisson(random, 8, end, true);
                final long[] pre = poisson(random, 25, end, false);
                final long[] post = poisson(random, 20, end, false);
                // bounds out of reach: with b > 0 the weight is not monotone between events, and NEST
                // clamps only at their ends
                final DopamineStdp stdp = new DopamineStdp(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, TAU_C, TAU_N,
                    baseline, -100, 100);
                final double w = run(stdp, 5f, dopamine, pre, post, end);
                final double expected = reference(stdp, 5, dopamine, pre, post, end);
                assertThat(w).as("b=%s trial %d", baseline, trial).isCloseTo(expected, within(2e-5));
                assertThat(Math.abs(w - 5)).as("b=%s trial %d changes the weight", baseline, trial)
                    .isGreaterThan(1e-2);
            }
        }
    }

    @Test
    void dopamineAtEveryStepShouldFlushTheRecordWithoutChangingTheResult()
    {
        final long end = 3 * DopamineSignal.CAPACITY + 500;
        final long[] dopamine = new long[(int) end];
        for (int s = 0; s < end; s++)
        {
            dopamine[s] = s;
        }
        final long[] pre = {100, 700, 1900, 2500};
        final long[] post = {150, 720, 1950, 2510, 3300};
        final DopamineStdp stdp = rule(0.01);
        final double w = run(stdp, 5f, dopamine, pre, post, end);
        assertThat(w).isCloseTo(reference(stdp, 5, dopamine, pre, post, end), within(2e-5));
        assertThat(Math.abs(w - 5)).isGreaterThan(0.1);
    }

    @Test
    void aLongQuietSpanShouldFlushAndKeepTheClosedForm()
    {
        final double tauC = 1e6;
        final double tauN = 1e5;
        final double tauS = tauC * tauN / (tauC + tauN);
        final DopamineStdp stdp = new DopamineStdp(A_PLUS, A_MINUS, TAU_PLUS, TAU_MINUS, tauC, tauN, 0, 0, W_MAX);
        final long dopa = DopamineSignal.MAX_SPAN + 300_000L;
        final long end = dopa + 200_000L;
        final double c0 = A_PLUS * Math.exp(-1 / TAU_PLUS);
        final double expected = 1 + c0 * Math.exp(-(dopa - 10) * DT / tauC) / tauN * tauS
            * (1 - Math.exp(-(end - dopa) * DT / tauS));
        final double w = run(stdp, 1f, new long[] {dopa}, new long[] {0}, new long[] {10}, end);
        assertThat(w).isCloseTo(expected, within(2e-7));
        assertThat(w - 1).isGreaterThan(1e-3);
    }

    @Test
    void theConcentrationShouldJumpByOneOverTauNPerSpikeAndDecay()
    {
        final DopamineDriver driver = DopamineDriver.single(rule(0), 1f);
        driver.run(new long[] {10, 10, 400}, new long[][] {none()}, new long[][] {none()}, 1000);
        final double expected = (2 * Math.exp(-(999 - 10) * DT / TAU_N) + Math.exp(-(999 - 400) * DT / TAU_N)) / TAU_N;
        assertThat(driver.signal.concentration(999)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void weightsShouldStopAtTheBoundsAsTheClampedIntegrationDoes()
    {
        final long end = 20000;
        final long[] dopamine = new long[200];
        for (int k = 0; k < dopamine.length; k++)
        {
            dopamine[k] = 2000 + 50L * k;
        }
        final long[] pre = new long[40];
        final long[] post = new long[40];
        for (int k = 0; k < 40; k++)
        {
            pre[k] = 100 + 400L * k;
            post[k] = pre[k] + 20;
        }
        final DopamineStdp strong = new DopamineStdp(3, 3, TAU_PLUS, TAU_MINUS, TAU_C, TAU_N, 0, 0, W_MAX);
        // potentiation: pre 2 ms before post; depression: the same trains swapped
        final long[][][] cases = {{pre, post}, {post, pre}};
        final double[] bound = {W_MAX, 0};
        for (int k = 0; k < 2; k++)
        {
            final DopamineDriver driver = DopamineDriver.single(strong, 5f);
            final double expected = reference(strong, 5, dopamine, cases[k][0], cases[k][1], end);
            for (long step = 500; step < end; step += 500)
            {
                driver.run(dopamine, new long[][] {cases[k][0]}, new long[][] {cases[k][1]}, step);
                assertThat(driver.weightsAt(step)[0]).as("case %d step %d", k, step).isBetween(0f, (float) W_MAX);
            }
            driver.run(dopamine, new long[][] {cases[k][0]}, new long[][] {cases[k][1]}, end);
            assertThat(driver.weightsAt(end)[0]).as("case %d", k).isEqualTo((float) bound[k]);
            assertThat(expected).as("case %d reference", k).isEqualTo(bound[k]);
        }
    }

    @Test
    void weightsShouldStayInTheBoundsAtEveryStep()
    {
        final Random random = new Random(7);
        final long end = 20000;
        final long[] dopamine = poisson(random, 40, end, true);
        final long[] pre = poisson(random, 40, end, false);
        final long[] post = poisson(random, 40, end, false);
        final DopamineStdp strong = new DopamineStdp(4, 3, TAU_PLUS, TAU_MINUS, TAU_C, TAU_N, 0.02, 0, W_MAX);
        final DopamineDriver driver = DopamineDriver.single(strong, 5f);
        double lowest = W_MAX;
        double highest = 0;
        for (long step = 1; step <= end; step++)
        {
            driver.run(dopamine, new long[][] {pre}, new long[][] {post}, step);
            // the stored weight at every step, and now and then the weight brought up to date
            final double w = step % 97 == 0 ? driver.weightsAt(step)[0] : driver.slice.weight(0);
            lowest = Math.min(lowest, w);
            highest = Math.max(highest, w);
        }
        assertThat(lowest).isGreaterThanOrEqualTo(0);
        assertThat(highest).isLessThanOrEqualTo(W_MAX);
        assertThat(highest - lowest).as("the weight moves").isGreaterThan(1);
    }

    @Test
    void nestDefaultsShouldBeNests()
    {
        final DopamineStdp nest = DopamineStdp.nest();
        assertThat(new double[] {nest.aPlus(), nest.aMinus(), nest.tauPlus(), nest.tauMinus(), nest.tauC(),
            nest.tauN(), nest.baseline(), nest.dependence().wMin(), nest.dependence().wMax()})
            .containsExactly(1, 1.5, 20, 20, 1000, 200, 0, 0, 200);
        assertThat(nest.synapseStates()).isEqualTo(2);
        assertThat(nest.describe()).startsWith("dopamine STDP (A+=1, A-=1.5");
    }

    @Test
    void badParametersShouldBeRefusedInOneLine()
    {
        final double nan = Double.NaN;
        final double inf = Double.POSITIVE_INFINITY;
        final List<Object[]> cases = List.of(
            new Object[] {"aPlus", (Supplier<?>) () -> new DopamineStdp(nan, 1, 20, 20, 1000, 200, 0, 0, 1)},
            new Object[] {"aMinus", (Supplier<?>) () -> new DopamineStdp(1, inf, 20, 20, 1000, 200, 0, 0, 1)},
            new Object[] {"tauPlus", (Supplier<?>) () -> new DopamineStdp(1, 1, 0, 20, 1000, 200, 0, 0, 1)},
            new Object[] {"tauMinus", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, -1, 1000, 200, 0, 0, 1)},
            new Object[] {"tauC", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 0, 200, 0, 0, 1)},
            new Object[] {"tauN", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, nan, 0, 0, 1)},
            new Object[] {"b", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, 200, -0.1, 0, 1)},
            new Object[] {"b", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, 200, inf, 0, 1)},
            new Object[] {"wMin", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, 200, 0, nan, 1)},
            new Object[] {"wMax", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, 200, 0, 0, inf)},
            new Object[] {"wMax must be > wMin", (Supplier<?>) () -> new DopamineStdp(1, 1, 20, 20, 1000, 200, 0, 2,
                2)});
        for (final Object[] c : cases)
        {
            assertThatThrownBy(((Supplier<?>) c[1])::get).as((String) c[0]).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("dopamine STDP").hasMessageContaining((String) c[0])
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
