package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.output.Coba;
import org.myelin.output.Output;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Receptor;
import org.myelin.synapse.SynapseModel;

/** The shared integration methods and the refractory clamp of {@link OdeNeuronGroup}. */
class OdeNeuronGroupTest
{
    private static final double T = 40;
    private static final double CURRENT = 2;

    /**
     * Halving dt divides the error of a method of order q by 2^q: Izhikevich's two nonlinear
     * variables relaxing to rest (I = 2, rest −67.1 mV, from −70 mV), against RK4 at 1 µs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"EULER, 1", "EXPONENTIAL_EULER, 1", "RK2, 2", "RK4, 4"})
    void eachMethodShouldConvergeAtItsOrder(final Integrator integrator, final int order)
    {
        final Izhikevich.Parameters d = Izhikevich.Parameters.defaults();
        final Izhikevich.Parameters p = new Izhikevich.Parameters(d.a(), d.b(), d.c(), d.d(), d.vPeak(), d.cM(), -70,
            CURRENT, integrator);
        final double[] reference = FineReference.endState((y, dy) ->
        {
            dy[0] = 0.04 * y[0] * y[0] + 5 * y[0] + 140 - y[1] + CURRENT;
            dy[1] = p.a() * (p.b() * y[0] - y[1]);
        }, new double[] {p.v0(), p.b() * p.v0()}, 0.001, T);
        final double coarse = error(p, 0.2, reference);
        final double fine = error(p, 0.1, reference);
        assertThat(coarse).isGreaterThan(1e-9);
        final double observedOrder = Math.log(coarse / fine) / Math.log(2);
        assertThat(observedOrder).isCloseTo(order, within(0.3));
    }

    private static double error(final Izhikevich.Parameters p, final double dt, final double[] reference)
    {
        final Network net = new Network(dt, 1);
        final Izhikevich izh = net.add(new Izhikevich("i", 1, p));
        new Simulation(net, 1).run(T);
        return Math.abs(izh.state("v")[0] - reference[0]) + Math.abs(izh.state("u")[0] - reference[1]);
    }

    @Test
    void vShouldStayClampedAtResetDuringTheRefractoryPeriodWhileAdaptationDecays()
    {
        // ALIF with a strong current: after each spike v holds vReset for round(tRef/dt) − 1
        // samples, while the threshold variable a keeps decaying exactly
        final double dt = 0.1;
        final Alif.Parameters p = new Alif.Parameters(-60, -50, -65, 20, 1, 50, 1, 3, 40, Integrator.EXACT);
        final Network net = new Network(dt, 1);
        final Alif alif = net.add(new Alif("a", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(alif);
        final StateMonitor v = net.monitorState(alif, "v", new int[] {0}, 1);
        final StateMonitor a = net.monitorState(alif, "a", new int[] {0}, 1);
        new Simulation(net, 1).runSteps(1000, null);
        final long[] steps = spikes.spikeSteps(0);
        assertThat(steps.length).isGreaterThan(3);
        final int refSteps = 30;
        for (final long s : steps)
        {
            if (s + refSteps + 1 >= 1000)
            {
                break;
            }
            for (int k = 1; k <= refSteps; k++)
            {
                assertThat(v.value((int) s + k, 0)).isEqualTo(-65.0);
            }
            assertThat(v.value((int) s + refSteps + 1, 0)).isGreaterThan(-65.0);
            for (int k = 2; k <= refSteps; k++)
            {
                assertThat(a.value((int) s + k, 0)).isCloseTo(a.value((int) s + k - 1, 0) * Math.exp(-dt / 50),
                    within(1e-12));
            }
        }
    }

    @Test
    void exponentialEulerShouldBeExactForALinearModelWithConductanceInput()
    {
        // IF with a constant conductance g to 0 mV, held: cM dv/dt = −g·v + I  ⇒  v∞ = I/g, τ = cM/g
        final double dt = 0.5;
        final double cM = 200;
        final double g = 10;
        final double current = -600;
        final Network net = new Network(dt, 1);
        final IntegrateAndFire group = net.add(new IntegrateAndFire("if", 1,
            new IntegrateAndFire.Parameters(1000, -70, cM, 0, current, Integrator.EXACT)));
        final Receptor receptor = group.receptor("g", new ConstantConductance(), new Coba(0));
        final StateMonitor v = net.monitorState(group, "v", new int[] {0}, 1);
        final Simulation sim = new Simulation(net, 1);
        java.util.Arrays.fill(receptor.input(), g);
        sim.runSteps(100, null);
        final double vInf = current / g;
        for (int s = 0; s < 100; s++)
        {
            final double expected = vInf + (-70 - vInf) * Math.exp(-s * dt * g / cM);
            assertThat(v.value(s, 0)).isCloseTo(expected, within(1e-9));
        }
    }

    /** A test synapse whose variable keeps the value it is given. */
    private record ConstantConductance() implements SynapseModel
    {
        @Override
        public String name()
        {
            return "Constant";
        }

        @Override
        public Receptor newReceptor(final int size, final Output output)
        {
            final SynapseModel model = this;
            return new Receptor(model, output, size)
            {
                private final double[] g = new double[size];

                @Override
                public double[] input()
                {
                    return g;
                }

                @Override
                public void prepare(final double dt, final double currentWeight)
                {
                }

                @Override
                public void contribute(final int from, final int to, final double[] v, final double[] conductance,
                    final double[] current)
                {
                    output().addCurrent(g, from, to, v, conductance, current, 1.0);
                }

                @Override
                public java.util.List<String> stateVariables()
                {
                    return java.util.List.of("g");
                }

                @Override
                public double[] state(final String variable)
                {
                    return g;
                }

                @Override
                public void reset()
                {
                    java.util.Arrays.fill(g, 0.0);
                }
            };
        }
    }
}
