package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class TraubMilesTest
{
    private static final double DT = 0.01;
    /** [pA] a current step well above the rheobase. */
    private static final double STEP = 1000;

    @Test
    void ratesShouldBePyNnsFormulasAndTheirLimitsAtTheRemovableSingularities()
    {
        for (final double u : new double[] {-30, -2.5, 0, 7.3, 25, 60})
        {
            final double[] r = rates(u);
            assertThat(new double[] {TraubMiles.alphaM(u), TraubMiles.betaM(u), TraubMiles.alphaH(u),
                TraubMiles.betaH(u), TraubMiles.alphaN(u), TraubMiles.betaN(u)}).containsExactly(r, within(1e-12));
        }
        assertThat(TraubMiles.alphaM(13)).isCloseTo(0.32 * 4, within(1e-9));
        assertThat(TraubMiles.betaM(40)).isCloseTo(0.28 * 5, within(1e-9));
        assertThat(TraubMiles.alphaN(15)).isCloseTo(0.032 * 5, within(1e-9));
    }

    @Test
    void spikeTimesUnderACurrentStepShouldMatchAFineRk4Reference()
    {
        final TraubMiles.Parameters p = TraubMiles.Parameters.defaults().with("iExt", STEP).with(Integrator.RK4);
        final double duration = 100;
        final double[] reference = reference(p, duration);
        assertThat(reference.length).isGreaterThan(5);

        final long[] steps = run(p, duration);
        assertThat(steps).hasSameSizeAs(reference);
        for (int k = 0; k < steps.length; k++)
        {
            // a spike recorded at step s is a crossing inside [s·dt, (s + 1)·dt]
            assertThat(reference[k] - steps[k] * DT).as("spike %d", k).isBetween(-1e-6, DT + 1e-6);
        }
    }

    @Test
    void theDefaultExponentialEulerShouldKeepTheRateOfTheReference()
    {
        final TraubMiles.Parameters p = TraubMiles.Parameters.defaults().with("iExt", STEP);
        final double duration = 200;
        final double[] reference = reference(p, duration);
        final long[] steps = run(p, duration);
        final double referenceIsi = FineReference.meanIsi(reference, reference[1] - 1e-9);
        final double isi = (steps[steps.length - 1] - steps[1]) * DT / (steps.length - 2);
        // first order in dt: 1.2 % longer at dt = 0.01 ms
        assertThat(isi).isCloseTo(referenceIsi, within(0.02 * referenceIsi));
    }

    @Test
    void withoutInputTheGatesShouldStayAtTheirSteadyStateAndNoSpikeBeEmitted()
    {
        final Network net = new Network(DT, 1);
        final TraubMiles cell = net.add(new TraubMiles("c", 1, TraubMiles.Parameters.defaults()));
        final SpikeMonitor spikes = net.monitorSpikes(cell);
        new Simulation(net, 1).run(200);
        assertThat(spikes.size()).isZero();
        // the fixed point of the four equations, found by the fine reference
        final double[] end = FineReference.endState(rhs(TraubMiles.Parameters.defaults()),
            steady(TraubMiles.Parameters.defaults()), DT / 10, 200);
        assertThat(cell.state("v")[0]).isCloseTo(end[0], within(1e-3));
        assertThat(cell.state("h")[0]).isCloseTo(end[2], within(1e-4));
    }

    @Test
    void shouldBeInTheCatalogueUnderItsName()
    {
        assertThat(NeuronModels.get("traubmiles").create("t", 2, java.util.Map.of("gNa", 1000.0),
            java.util.Map.of(), null)).isInstanceOf(TraubMiles.class);
    }

    @Test
    void shouldRejectANonPositiveCapacitanceAndANegativeConductanceInOneLine()
    {
        assertThatThrownBy(() -> new TraubMiles.Parameters(0, 20000, 6000, 10, 50, -90, -65, -63, -40, -65, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("TraubMiles: cM must be > 0 pF and finite, got cM=0 pF");
        assertThatThrownBy(() -> new TraubMiles.Parameters(200, 20000, -1, 10, 50, -90, -65, -63, -40, -65, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("TraubMiles: gK must be >= 0 nS and finite, got gK=-1 nS");
        assertThatThrownBy(() -> new TraubMiles.Parameters(200, 20000, 6000, 10, 50, -90, -65, Double.NaN, -40,
            -65, 0, Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("TraubMiles: vT must be a finite number, got vT=NaN mV");
        assertThatThrownBy(() -> TraubMiles.Parameters.defaults().with(Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("TraubMiles: ");
    }

    private static long[] run(final TraubMiles.Parameters p, final double duration)
    {
        final Network net = new Network(DT, 1);
        final TraubMiles cell = net.add(new TraubMiles("c", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(cell);
        new Simulation(net, 1).run(duration);
        return spikes.spikeSteps(0);
    }

    private static double[] reference(final TraubMiles.Parameters p, final double duration)
    {
        return FineReference.run(rhs(p), steady(p), DT / 100, duration, p.vTh(), null, 0).times();
    }

    private static double[] steady(final TraubMiles.Parameters p)
    {
        final double[] r = rates(p.v0() - p.vT());
        return new double[] {p.v0(), r[0] / (r[0] + r[1]), r[2] / (r[2] + r[3]), r[4] / (r[4] + r[5])};
    }

    /** αm, βm, αh, βh, αn, βn [1/ms] at u = v − vT [mV], as pyNN.brian2 writes them. */
    private static double[] rates(final double u)
    {
        return new double[] {
            0.32 * (13 - u) / (Math.exp((13 - u) / 4) - 1),
            0.28 * (u - 40) / (Math.exp((u - 40) / 5) - 1),
            0.128 * Math.exp((17 - u) / 18),
            4 / (1 + Math.exp((40 - u) / 5)),
            0.032 * (15 - u) / (Math.exp((15 - u) / 5) - 1),
            0.5 * Math.exp((10 - u) / 40)};
    }

    /** The equations written out by hand from pyNN.brian2's HH_cond_exp, in pF, nS, pA. */
    private static FineReference.Rhs rhs(final TraubMiles.Parameters p)
    {
        return (y, dy) -> {
            final double v = y[0];
            final double m = y[1];
            final double h = y[2];
            final double n = y[3];
            final double u = v - p.vT();
            dy[0] = (p.gL() * (p.eL() - v) - p.gNa() * m * m * m * h * (v - p.eNa())
                - p.gK() * n * n * n * n * (v - p.eK()) + p.iExt()) / p.cM();
            final double[] r = rates(u);
            dy[1] = r[0] * (1 - m) - r[1] * m;
            dy[2] = r[2] * (1 - h) - r[3] * h;
            dy[3] = r[4] * (1 - n) - r[5] * n;
        };
    }
}
