package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;

/**
 * Firing rate under a constant current (f–I curve at five currents) against the closed form of
 * the time to threshold, {@code T = ∫ dv / (dv/dt)} from the reset to the threshold, plus the
 * refractory period.
 *
 * <p>In discrete time a neuron spikes at the end of the first step whose update ends above
 * threshold and integrates again max(1, round(tRef/dt)) steps after the spike (Brian2's
 * schedule), so the simulated interval is {@code tRef + floor(T/dt)·dt} (or {@code ceil(T/dt)·dt}
 * without a refractory period): within one dt of the continuous one, plus the integration
 * error.
 */
class FiCurveTest
{
    private static final double DT = 0.1;
    private static final double DURATION = 2000;

    @Test
    void perfectIntegratorShouldFireAtCurrentOverChargeToThreshold()
    {
        final IntegrateAndFire.Parameters p = new IntegrateAndFire.Parameters(-50, -60, 200, 2, 0, Integrator.EXACT);
        final double[] currents = {50, 100, 200, 400, 800};
        final IntegrateAndFire group = new IntegrateAndFire("if", currents.length,
            PerNeuron.of("IF", p).with("iExt", currents));
        final double[] isi = simulatedIsi(group);
        for (int k = 0; k < currents.length; k++)
        {
            // cM·(vTh − vReset)/I
            final double expected = p.tRef() + p.cM() * (p.vTh() - p.vReset()) / currents[k];
            assertIsi(isi[k], expected, 1e-9);
        }
    }

    @Test
    void leakyIntegratorShouldFireAtTheLogarithmicClosedForm()
    {
        final double[] currents = {12, 15, 20, 30, 50};
        for (final double current : currents)
        {
            final Lif.Parameters p = new Lif.Parameters(-60, -50, -60, 20, 1, 2, current, Integrator.EXACT);
            final double vInf = p.vRest() + p.r() * current;
            final double expected = p.tRef() + p.tauM() * Math.log((vInf - p.vReset()) / (vInf - p.vTh()));
            assertIsi(simulatedIsi(new Lif("lif", 1, p))[0], expected, 1e-9);
        }
    }

    @Test
    void quadraticIntegratorShouldFireAtTheArctangentClosedForm()
    {
        final QuaIf.Parameters p = QuaIf.Parameters.defaults();
        final double[] currents = {8, 10, 15, 25, 40};
        final QuaIf group = new QuaIf("quaif", currents.length, PerNeuron.of("QuaIF", p).with("iExt", currents));
        final double[] isi = simulatedIsi(group);
        for (int k = 0; k < currents.length; k++)
        {
            // τ dv/dt = c v² + q v + s:  ∫ dv/(c v² + q v + s) = 2/√D · atan((2 c v + q)/√D), D = 4 c s − q²
            final double c = p.c();
            final double q = -c * (p.vRest() + p.vC());
            final double s = c * p.vRest() * p.vC() + p.r() * currents[k];
            final double d = Math.sqrt(4 * c * s - q * q);
            final double t = p.tauM() * 2 / d * (Math.atan((2 * c * p.vTh() + q) / d) - Math.atan((2 * c * p.vReset() + q) / d));
            assertIsi(isi[k], p.tRef() + t, 1e-4);
        }
    }

    @Test
    void exponentialIntegratorShouldFireAtTheQuadratureOfItsVelocity()
    {
        final ExpIf.Parameters p = ExpIf.Parameters.defaults();
        final double[] currents = {5, 8, 12, 20, 35};
        final ExpIf group = new ExpIf("expif", currents.length, PerNeuron.of("ExpIF", p).with("iExt", currents));
        final double[] isi = simulatedIsi(group);
        for (int k = 0; k < currents.length; k++)
        {
            final double current = currents[k];
            final double t = FineReference.integrate(v -> p.tauM()
                / (p.vRest() - v + p.deltaT() * Math.exp((v - p.vT()) / p.deltaT()) + p.r() * current),
                p.vReset(), p.vTh(), 1e-10);
            assertIsi(isi[k], p.tRef() + t, 2e-3);
        }
    }

    /** Mean interval between the first and the last spike of each neuron [ms]. */
    private static double[] simulatedIsi(final NeuronGroup group)
    {
        final Network net = new Network(DT, 1);
        net.add(group);
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(DURATION);
        final double[] isi = new double[group.size()];
        for (int i = 0; i < isi.length; i++)
        {
            final long[] steps = spikes.spikeSteps(i);
            assertThat(steps.length).as("spikes of neuron %d", i).isGreaterThan(10);
            isi[i] = (steps[steps.length - 1] - steps[0]) * DT / (steps.length - 1);
        }
        return isi;
    }

    /** Within one step of the continuous interval, and a relative tolerance for the method. */
    private static void assertIsi(final double simulated, final double continuous, final double relative)
    {
        final double tol = relative * continuous;
        assertThat(simulated).isBetween(continuous - DT - tol, continuous + DT + tol);
    }
}
