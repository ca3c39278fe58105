package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.base.Integrator;
import org.myelin.output.Cuba;
import org.myelin.util.ModelException;

/**
 * The integration methods of synapse kinetics, each against its own recurrence: Euler, RK2 and
 * RK4 as the textbook stages applied to the model's equations (written out here independently of
 * the models' precomputed factors), exponential Euler as Brian2 defines it, exact as the closed form.
 */
class SynapseIntegratorTest
{
    private static final double DT = 0.1;
    private static final int STEPS = 300;

    /** One explicit Runge-Kutta step of an autonomous system by its stages (Euler, midpoint RK2, RK4). */
    private static double[] explicitStep(final Integrator method, final double[] y, final double h,
        final java.util.function.UnaryOperator<double[]> f)
    {
        final java.util.function.BiFunction<double[], double[], double[]> plus = (a, b) ->
        {
            final double[] out = a.clone();
            for (int k = 0; k < out.length; k++)
            {
                out[k] += b[k];
            }
            return out;
        };
        final java.util.function.BiFunction<Double, double[], double[]> times = (c, a) ->
        {
            final double[] out = a.clone();
            for (int k = 0; k < out.length; k++)
            {
                out[k] *= c;
            }
            return out;
        };
        final double[] k1 = f.apply(y);
        return switch (method)
        {
            case EULER -> plus.apply(y, times.apply(h, k1));
            case RK2 -> plus.apply(y, times.apply(h, f.apply(plus.apply(y, times.apply(h / 2, k1)))));
            case RK4 ->
            {
                final double[] k2 = f.apply(plus.apply(y, times.apply(h / 2, k1)));
                final double[] k3 = f.apply(plus.apply(y, times.apply(h / 2, k2)));
                final double[] k4 = f.apply(plus.apply(y, times.apply(h, k3)));
                yield plus.apply(y, times.apply(h / 6, plus.apply(plus.apply(k1, times.apply(2.0, k2)),
                    plus.apply(times.apply(2.0, k3), k4))));
            }
            default -> throw new IllegalArgumentException(method.name());
        };
    }

    /** The output of {@code model} for one spike of weight 1 at step 0, as the network samples it. */
    private static double[] response(final SynapseModel model)
    {
        return SynapseKernels.response(model, DT, STEPS, 1.0, 0);
    }

    @Test
    void anEulerExponentialSynapseShouldDecayByOneMinusDtOverTauEachStep()
    {
        final double[] g = response(new Exponential(5, Integrator.EULER));

        double expected = 1;
        assertThat(g[0]).isZero();
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(g[n]).as("step %d", n).isEqualTo(expected);
            expected = -DT / 5 * expected + expected;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"EULER", "RK2", "RK4"})
    void everyExplicitMethodShouldStepALinearSynapseAsItsStagesDo(final Integrator method)
    {
        final double[] g = response(new Exponential(5, method));
        final double[] current = response(new ExponentialCurrent(5, method));

        double[] y = {1};
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(g[n]).as("Expon step %d", n).isCloseTo(y[0], within(1e-14));
            assertThat(current[n]).as("ExpCurrent step %d", n).isCloseTo(y[0] / 5, within(1e-14));
            y = explicitStep(method, y, DT, s -> new double[] {-s[0] / 5});
        }
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"EULER", "RK2", "RK4"})
    void alphaAndDualExponentialShouldFollowTheirStagesToo(final Integrator method)
    {
        final double tau = 4;
        final double[] alpha = response(new Alpha(tau, method));
        final DualExponential dualModel = new DualExponential(8, 2, 1, DualExponential.Normalization.NONE, method);
        final double[] dual = response(dualModel);

        // Alpha: dh/dt = -h/tau, dg/dt = (h - g)/tau, the spike adds 1 to h; DualExpon: rise and decay
        double[] a = {0, 1};
        double[] d = {1, 1};
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(alpha[n]).as("Alpha step %d", n).isCloseTo(a[0], within(1e-14));
            assertThat(dual[n]).as("DualExpon step %d", n).isCloseTo(d[1] - d[0], within(1e-14));
            a = explicitStep(method, a, DT, s -> new double[] {(s[1] - s[0]) / tau, -s[1] / tau});
            d = explicitStep(method, d, DT, s -> new double[] {-s[0] / 2, -s[1] / 8});
        }
    }

    @Test
    void exponentialEulerShouldHoldTheOtherVariablesAsBrian2Does()
    {
        final double tau = 4;
        final double[] alpha = response(new Alpha(tau, Integrator.EXPONENTIAL_EULER));
        final double[] exact = response(new Alpha(tau));

        double g = 0;
        double h = 1;
        final double e = Math.exp(-DT / tau);
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(alpha[n]).as("step %d", n).isCloseTo(g, within(1e-14));
            // closed form of the exact method: (t/tau) e^(-t/tau), t from the step after the spike
            final double t = (n - 1) * DT;
            assertThat(exact[n]).isCloseTo(t / tau * Math.exp(-t / tau), within(1e-14));
            g = g + (h - g) * (1 - e);
            h = h * e;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"EULER", "RK2", "RK4", "EXPONENTIAL_EULER"})
    void theNmdaKineticsShouldFollowTheirOwnRecurrences(final Integrator method)
    {
        final Nmda model = new Nmda(100, 2, 0.5, 1, method);
        final double[] g = response(model);

        double[] y = {0, 1};
        final java.util.function.UnaryOperator<double[]> f = s -> new double[] {-s[0] / 100 + 0.5 * s[1] * (1 - s[0]),
            -s[1] / 2};
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(g[n]).as("step %d", n).isCloseTo(y[0], within(1e-14));
            if (method == Integrator.EXPONENTIAL_EULER)
            {
                final double k = 1.0 / 100 + 0.5 * y[1];
                final double gInf = 0.5 * y[1] / k;
                y = new double[] {gInf + (y[0] - gInf) * Math.exp(-k * DT), y[1] * Math.exp(-DT / 2)};
            }
            else
            {
                y = explicitStep(method, y, DT, f);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"EULER", "RK2", "RK4"})
    void aTransmitterPulseShouldBeSteppedByTheMethod(final Integrator method)
    {
        final TwoStateKinetic ampa = TwoStateKinetic.ampa();
        final TwoStateKinetic model = new TwoStateKinetic(ampa.kind(), ampa.alpha(), ampa.beta(), ampa.t(),
            ampa.tDur(), ampa.gMax(), method);
        final double[] g = response(model);

        // the spike of step 0 starts a pulse of T for tDur = 5 steps from step 1 on
        double[] y = {0};
        for (int n = 1; n < STEPS; n++)
        {
            assertThat(g[n]).as("step %d", n).isCloseTo(y[0], within(1e-14));
            final double transmitter = n <= 5 ? ampa.t() : 0;
            y = explicitStep(method, y, DT, s -> new double[] {ampa.alpha() * transmitter * (1 - s[0])
                - ampa.beta() * s[0]});
        }
    }

    @Test
    void onlyAnExactDecayShouldBeFoldedIntoAnExactNeuron()
    {
        for (final Integrator method : Integrator.values())
        {
            final Receptor r = new Exponential(5, method).newReceptor(1, new Cuba());
            final boolean exact = method == Integrator.EXACT || method == Integrator.EXPONENTIAL_EULER;
            assertThat(Double.isNaN(r.exponentialTau())).as(method.name()).isEqualTo(!exact);
        }
        assertThat(new Exponential(5)).isEqualTo(new Exponential(5, Integrator.EXACT))
            .isNotEqualTo(new Exponential(5, Integrator.EULER));
    }

    @Test
    void theIntegratorShouldBeChosenByNameAndCheckedWithOneLine()
    {
        assertThat(SynapseModels.create("Expon", java.util.Map.of("tau", 5.0), java.util.Map.of("integrator",
            "euler"))).isEqualTo(new Exponential(5, Integrator.EULER));
        assertThatThrownBy(() -> SynapseModels.create("Alpha", java.util.Map.of(), java.util.Map.of("integrator",
            "rk3")))
            .isInstanceOf(ModelException.class)
            .hasMessage("Alpha: integrator must be one of [euler, exact, exponential_euler, rk2, rk4], got "
                + "integrator=rk3");
        assertThatThrownBy(() -> new Exponential(5, null))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("Expon: integrator must be one of");
    }
}
