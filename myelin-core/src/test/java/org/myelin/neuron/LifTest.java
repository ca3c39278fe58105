package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.base.Integrator;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class LifTest
{
    private static final double DT = 0.1;
    /** Threshold high enough that the sub-threshold tests never spike. */
    private static final double NO_SPIKE = 1000.0;

    @Test
    void exactIntegratorShouldFollowTheClosedFormUnderConstantCurrent()
    {
        // τm dv/dt = vRest − v + R·iExt: v(t) = v∞ + (v0 − v∞)·e^{−t/τm}, v∞ = vRest + R·iExt
        final double vRest = -70;
        final double tauM = 10;
        final double r = 1.0;
        final double iExt = 15;
        final double vInf = vRest + r * iExt;
        final double[] v0 = {-70, -55, -40};
        final Lif.Parameters params = new Lif.Parameters(vRest, NO_SPIKE, vRest, tauM, r, 0, iExt, Integrator.EXACT);
        final Network net = new Network(DT, 1);
        final Lif lif = net.add(new Lif("L", v0.length, params, Initializer.values(v0)));
        final StateMonitor vMon = net.monitorState(lif, "v", new int[] {0, 1, 2}, 1);

        new Simulation(net, 1).runSteps(1000, null);

        assertThat(vMon.sampleCount()).isEqualTo(1000);
        for (int s = 0; s < vMon.sampleCount(); s++)
        {
            assertThat(vMon.sampleStep(s)).isEqualTo(s);
            final double t = s * DT;
            for (int k = 0; k < v0.length; k++)
            {
                final double expected = vInf + (v0[k] - vInf) * Math.exp(-t / tauM);
                assertThat(vMon.value(s, k)).isCloseTo(expected, relative(expected, 1e-12));
            }
        }
    }

    @Test
    void eulerIntegratorShouldMatchTheExplicitRecurrenceBitForBitAndTheClosedFormToFirstOrder()
    {
        final double vRest = -70;
        final double tauM = 10;
        final double r = 2.0;
        final double iExt = 7.5;
        final double vInf = vRest + r * iExt;
        final double v0 = -70;
        final Lif.Parameters params = new Lif.Parameters(vRest, NO_SPIKE, vRest, tauM, r, 0, iExt, Integrator.EULER);
        final Network net = new Network(DT, 1);
        final Lif lif = net.add(new Lif("L", 1, params));
        final StateMonitor vMon = net.monitorState(lif, "v", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(2000, null);

        // the recurrence as Brian2's 'euler' writes it: v ← v + dt·(vRest − v + R·I)/τm
        final double x = DT / tauM;
        final double drive = (0.0 + iExt) * r + vRest;
        double v = v0;
        double maxError = 0;
        for (int s = 0; s < vMon.sampleCount(); s++)
        {
            assertThat(vMon.value(s, 0)).isEqualTo(v);
            final double exact = vInf + (v0 - vInf) * Math.exp(-s * DT / tauM);
            maxError = Math.max(maxError, Math.abs(v - exact));
            v = v + (drive - v * 1.0) * x;
        }
        // |(1 − x)^n − e^{−nx}| ≤ n·e^{−(n−1)x}·x²/2 ≤ e^{x}·x/(2e), reached near n = 1/x: the
        // error is first order in dt, 15 mV · 0.01 / (2e) ≈ 0.0276 mV here.
        final double bound = Math.abs(v0 - vInf) * x * Math.exp(x) / (2 * Math.E);
        assertThat(maxError).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
    }

    @Test
    void currentBasedExponentialInputShouldDriveAnExactLifAlongTheAnalyticSolution()
    {
        assertCubaKernel(5.0, 20.0, 0.5, 100.0);
        assertCubaKernel(30.0, 10.0, 2.0, -40.0);
    }

    @Test
    void currentBasedExponentialInputShouldFollowTheAlphaShapedLimitWhenTauSEqualsTauM()
    {
        assertCubaKernel(20.0, 20.0, 0.5, 100.0);
    }

    /**
     * One spike at step 10 adds w to the CUBA receptor at step 10, so g(t) = w·e^{−s/τs} with
     * s = t − 11·dt, and v − El = w·R·τs/(τs − τm)·(e^{−s/τs} − e^{−s/τm}) (its limit
     * w·R·(s/τm)·e^{−s/τm} when τs = τm).
     */
    private static void assertCubaKernel(final double tauS, final double tauM, final double r, final double w)
    {
        final double el = -65;
        final Lif.Parameters params = new Lif.Parameters(el, NO_SPIKE, el, tauM, r, 0, 0, Integrator.EXACT);
        final Network net = new Network(DT, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 10));
        final Lif lif = net.add(new Lif("L", 1, params));
        net.connect("src->L", src, lif, new FixedProbability(1), new Exponential(tauS), new Cuba(), "ge", w, 0);
        final StateMonitor vMon = net.monitorState(lif, "v", new int[] {0}, 1);
        final StateMonitor gMon = net.monitorState(lif, "ge", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(3000, null);

        double peak = 0;
        for (int s = 0; s <= 11; s++)
        {
            assertThat(vMon.value(s, 0)).isEqualTo(el);
        }
        for (int s = 11; s < vMon.sampleCount(); s++)
        {
            final double t = (s - 11) * DT;
            final double u = tauS == tauM
                ? w * r * t / tauM * Math.exp(-t / tauM)
                : w * r * tauS / (tauS - tauM) * (Math.exp(-t / tauS) - Math.exp(-t / tauM));
            final double expected = el + u;
            peak = Math.max(peak, Math.abs(u));
            assertThat(gMon.value(s, 0)).isCloseTo(w * Math.exp(-t / tauS), relative(w, 1e-12));
            assertThat(vMon.value(s, 0)).isCloseTo(expected, relative(expected, 1e-9));
            // the PSP itself, not only v, is exact to a tiny fraction of its peak
            assertThat(vMon.value(s, 0) - el).isCloseTo(u, within(1e-9 * Math.abs(w * r)));
        }
        assertThat(peak).isGreaterThan(0.1 * Math.abs(w * r));
    }

    @Test
    void shouldSpikeEveryRefractoryPlusIntegrationStepsAndHoldVAtResetMeanwhile()
    {
        // v∞ = −35 mV; from vReset = −60 the crossing of vTh = −50 takes
        // T = τm·ln((v∞ − vReset)/(v∞ − vTh)) = 20·ln(25/15) = 10.2165 ms = 102.165 steps, so the
        // first step whose update ends above threshold is m = 103 steps after integration starts.
        final double vRest = -60;
        final double vTh = -50;
        final double vReset = -60;
        final double tauM = 20;
        final double iExt = 25;
        final double tRef = 2;
        final double vInf = vRest + iExt;
        final double crossingSteps = tauM * Math.log((vInf - vReset) / (vInf - vTh)) / DT;
        assertThat(crossingSteps - Math.floor(crossingSteps)).isBetween(0.1, 0.9);
        final int m = (int) Math.floor(crossingSteps) + 1;
        final int refSteps = (int) Math.round(tRef / DT);
        assertThat(m).isEqualTo(103);
        assertThat(refSteps).isEqualTo(20);

        final Lif.Parameters params = new Lif.Parameters(vRest, vTh, vReset, tauM, 1, tRef, iExt, Integrator.EXACT);
        final Network net = new Network(DT, 1);
        final Lif lif = net.add(new Lif("L", 1, params));
        final SpikeMonitor spikes = net.monitorSpikes(lif);
        final StateMonitor vMon = net.monitorState(lif, "v", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(1000, null);

        // the first spike is at step m − 1 (steps 0..m−1 integrate from vReset); after a spike at
        // s, steps s+1..s+refSteps−1 are refractory and step s+refSteps integrates again
        final int isi = refSteps + m - 1;
        assertThat(isi).isEqualTo(122);
        final long[] expected = new long[(1000 - m) / isi + 1];
        for (int k = 0; k < expected.length; k++)
        {
            expected[k] = m - 1 + (long) k * isi;
        }
        assertThat(spikes.spikeSteps(0)).containsExactly(expected);
        for (final long s : expected)
        {
            for (int k = 1; k <= refSteps; k++)
            {
                assertThat(vMon.value((int) s + k, 0)).as("v at sample %d after the spike at %d", k, s)
                    .isEqualTo(vReset);
            }
            if (s + refSteps + 1 < vMon.sampleCount())
            {
                assertThat(vMon.value((int) (s + refSteps + 1), 0)).isGreaterThan(vReset);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.15, 0.5, 2.0, 2.04, 2.5})
    void shouldNotSpikeWhileRefractoryEvenWhenOneStepWouldCrossThreshold(final double tRef)
    {
        // iExt = 10 nA: one step from vReset ends far above threshold, so the neuron spikes as
        // soon as it integrates; only the refractory clamp sets the interval.
        final Lif.Parameters params = new Lif.Parameters(-60, -50, -60, 20, 1, tRef, 10_000, Integrator.EULER);
        final Network net = new Network(DT, 1);
        final Lif lif = net.add(new Lif("L", 1, params));
        final SpikeMonitor spikes = net.monitorSpikes(lif);
        final StateMonitor vMon = net.monitorState(lif, "v", new int[] {0}, 1);

        new Simulation(net, 1).runSteps(200, null);

        // Brian2's timestep(tRef, dt): floor(tRef/dt + 1e-3), so 0.15 ms is 1 step (not round(1.5) = 2);
        // 0 and 1 step behave alike
        final int refSteps = (int) Math.floor(tRef / DT + 1e-3);
        final int isi = Math.max(refSteps, 1);
        final long[] steps = spikes.spikeSteps(0);
        assertThat(steps).hasSize((200 - 1) / isi + 1);
        for (int k = 0; k < steps.length; k++)
        {
            assertThat(steps[k]).isEqualTo((long) k * isi);
        }
        // every sample after the first is either just after a reset or clamped at vReset
        for (int s = 1; s < vMon.sampleCount(); s++)
        {
            assertThat(vMon.value(s, 0)).isEqualTo(-60.0);
        }
    }

    @Test
    void shouldRejectANonPositiveMembraneTimeConstant()
    {
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -60, 0, 1, 0, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tauM must be > 0 ms and finite, got tauM=0 ms");
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -60, -2.5, 1, 0, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tauM must be > 0 ms and finite, got tauM=-2.5 ms");
    }

    @Test
    void shouldRejectANegativeRefractoryPeriod()
    {
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -60, 20, 1, -1, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tRef must be >= 0 ms and finite, got tRef=-1 ms");
    }

    @Test
    void shouldRejectAResetAtOrAboveThreshold()
    {
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -50, 20, 1, 0, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: vReset must be < vTh, got vReset=-50 mV, vTh=-50 mV");
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -45.5, 20, 1, 0, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: vReset must be < vTh, got vReset=-45.5 mV, vTh=-50 mV");
    }

    @Test
    void shouldRejectANonPositiveResistanceAndNonFiniteCurrent()
    {
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -60, 20, 0, 0, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: r must be > 0 GOhm and finite, got r=0 GOhm");
        assertThatThrownBy(() -> new Lif.Parameters(-60, -50, -60, 20, 1, 0, Double.NaN, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: iExt must be a finite number, got iExt=NaN pA");
    }

    @Test
    void shouldRejectAPopulationSizeBelowOne()
    {
        assertThatThrownBy(() -> new Lif("E", 0, Lif.Parameters.defaults()))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': size must be >= 1, got size=0");
        assertThatThrownBy(() -> new Lif("E", -3, Lif.Parameters.defaults()))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': size must be >= 1, got size=-3");
    }

    @Test
    void shouldRejectMissingParameters()
    {
        assertThatThrownBy(() -> new Lif("E", 10, null, Initializer.constant(-60)))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'E': parameters are required");
    }

    private static Offset<Double> relative(final double scale, final double tolerance)
    {
        return within(Math.abs(scale) * tolerance);
    }
}
