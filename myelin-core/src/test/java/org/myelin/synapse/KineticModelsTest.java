package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.myelin.synapse.TwoStateKinetic.Kind;
import org.myelin.util.ModelException;

/**
 * AMPA, GABAa and NMDA against an independent RK4 integration with 1 µs steps over 500 ms, for a single
 * spike and for a train, at dt = 0.1 and 0.01 ms.
 */
class KineticModelsTest
{
    private static final double DURATION = 500;
    private static final long[] TRAIN = {0, 3, 50, 52, 2000, 2001, 2002};

    /** RK4 sub-steps of 1 µs: dt/100 at dt = 0.1 ms, dt/10 at dt = 0.01 ms. */
    private static int subSteps(final double dt)
    {
        return (int) Math.round(dt / 0.001);
    }

    private static long[] spikes(final double dt, final long... at01)
    {
        final long[] s = new long[at01.length];
        for (int k = 0; k < at01.length; k++)
        {
            s[k] = Math.round(at01[k] * 0.1 / dt);
        }
        return s;
    }

    private static double maxDifference(final double[] a, final double[] b)
    {
        double worst = 0;
        for (int n = 0; n < a.length; n++)
        {
            worst = Math.max(worst, Math.abs(a[n] - b[n]));
        }
        return worst;
    }

    /** RK4 of the transmitter-pulse model with brainstate's pulse rule for unit weights. */
    private static double[] pulseOracle(
        final double alpha, final double beta, final double t, final double tDur, final double gMax,
        final double dt, final int steps, final long[] spikes)
    {
        final int pulse = (int) Math.round(tDur / dt);
        final long[] lastArrival = {Long.MIN_VALUE / 2};
        return Rk4.run(
            (step, y, dy) ->
            {
                final double conc = step - lastArrival[0] < pulse ? t : 0.0;
                dy[0] = alpha * conc * (gMax - y[0]) - beta * y[0];
            },
            new double[1], dt, steps, subSteps(dt),
            (y, step) ->
            {
                for (final long s : spikes)
                {
                    if (s + 1 == step)
                    {
                        lastArrival[0] = step;
                    }
                }
            }, 0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.01})
    void ampaAndGabaAShouldMatchRk4ForASpikeAndATrain(final double dt)
    {
        final int steps = (int) Math.round(DURATION / dt);
        for (final long[] train : new long[][] {{0}, spikes(dt, TRAIN)})
        {
            final TwoStateKinetic ampa = new TwoStateKinetic(Kind.AMPA, 0.98, 0.18, 0.5, 0.5, 2.0);
            final double[] a = SynapseKernels.response(ampa, dt, steps, 1.0, train);
            final double[] aRef = pulseOracle(0.98, 0.18, 0.5, 0.5, 2.0, dt, steps, train);
            assertThat(maxDifference(a, aRef)).isLessThan(1e-9);

            final TwoStateKinetic gaba = TwoStateKinetic.gabaA();
            final double[] b = SynapseKernels.response(gaba, dt, steps, 1.0, train);
            final double[] bRef = pulseOracle(0.53, 0.18, 1.0, 1.0, 1.0, dt, steps, train);
            assertThat(maxDifference(b, bRef)).isLessThan(1e-9);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.01})
    void nmdaShouldMatchRk4WithinTheStatedTolerance(final double dt)
    {
        final int steps = (int) Math.round(DURATION / dt);
        final Nmda nmda = new Nmda();
        for (final long[] train : new long[][] {{0}, spikes(dt, TRAIN)})
        {
            final double w = 1.5;
            final double[] g = SynapseKernels.response(nmda, dt, steps, w, train);
            final double[] ref = Rk4.run(
                (step, y, dy) ->
                {
                    dy[0] = -y[0] / nmda.tauDecay() + nmda.a() * y[1] * (nmda.gMax() - y[0]);
                    dy[1] = -y[1] / nmda.tauRise();
                },
                new double[2], dt, steps, subSteps(dt),
                (y, step) ->
                {
                    for (final long s : train)
                    {
                        if (s + 1 == step)
                        {
                            y[1] += w;
                        }
                    }
                }, 0);
            // second-order scheme: 2e-4·gMax at dt = 0.1 ms, 100 times less at dt = 0.01 ms
            assertThat(maxDifference(g, ref)).isLessThan(2e-4 * nmda.gMax() * (dt / 0.1) * (dt / 0.1));
        }
    }

    @Test
    void defaultsShouldBeTheSeeds()
    {
        assertThat(TwoStateKinetic.ampa()).isEqualTo(new TwoStateKinetic(Kind.AMPA, 0.98, 0.18, 0.5, 0.5, 1.0));
        assertThat(TwoStateKinetic.gabaA()).isEqualTo(new TwoStateKinetic(Kind.GABA_A, 0.53, 0.18, 1.0, 1.0, 1.0));
        assertThat(new Nmda()).isEqualTo(new Nmda(100, 2, 0.5, 1));
        assertThat(TwoStateKinetic.ampa().name()).isEqualTo("AMPA");
        assertThat(TwoStateKinetic.gabaA().name()).isEqualTo("GABAa");
        assertThat(new Nmda().name()).isEqualTo("NMDA");
    }

    @Test
    void invalidParametersShouldNameTheModelTheParameterAndTheRange()
    {
        assertThatThrownBy(() -> new TwoStateKinetic(Kind.AMPA, 0, 0.18, 0.5, 0.5, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("AMPA: alpha must be > 0 /(mM*ms) and finite, got alpha=0 /(mM*ms)");
        assertThatThrownBy(() -> new TwoStateKinetic(Kind.GABA_A, 0.53, -1, 1, 1, 1))
            .hasMessage("GABAa: beta must be > 0 /ms and finite, got beta=-1 /ms");
        assertThatThrownBy(() -> new TwoStateKinetic(Kind.GABA_A, 0.53, 0.18, 0, 1, 1))
            .hasMessage("GABAa: T must be > 0 mM and finite, got T=0 mM");
        assertThatThrownBy(() -> new TwoStateKinetic(Kind.AMPA, 0.98, 0.18, 0.5, -0.5, 1))
            .hasMessage("AMPA: tDur must be > 0 ms and finite, got tDur=-0.5 ms");
        assertThatThrownBy(() -> new TwoStateKinetic(Kind.AMPA, 0.98, 0.18, 0.5, 0.5, 0))
            .hasMessage("AMPA: gMax must be > 0 and finite, got gMax=0");
        assertThatThrownBy(() -> new Nmda(0, 2, 0.5, 1))
            .hasMessage("NMDA: tauDecay must be > 0 ms and finite, got tauDecay=0 ms");
        assertThatThrownBy(() -> new Nmda(100, 2, -0.5, 1))
            .hasMessage("NMDA: a must be > 0 /ms and finite, got a=-0.5 /ms");
        assertThatThrownBy(() -> new Alpha(-1))
            .hasMessage("Alpha: tau must be > 0 ms and finite, got tau=-1 ms");
        assertThatThrownBy(() -> new ExponentialCurrent(0))
            .hasMessage("ExpCurrent: tau must be > 0 ms and finite, got tau=0 ms");
    }
}
