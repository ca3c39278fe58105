package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class HodgkinHuxleyTest
{
    private static final double DT = 0.01;

    @Test
    void shouldRestAtMinusSixtyFiveMillivoltsWithoutInput()
    {
        final Network net = new Network(DT, 1);
        final HodgkinHuxley hh = net.add(new HodgkinHuxley("hh", 1, HodgkinHuxley.Parameters.defaults()));
        final SpikeMonitor spikes = net.monitorSpikes(hh);
        new Simulation(net, 1).run(100);
        assertThat(spikes.size()).isZero();
        assertThat(hh.state("v")[0]).isCloseTo(-65.0, within(0.05));
        // the gates stay at their steady state
        assertThat(hh.state("m")[0]).isCloseTo(0.0529, within(5e-4));
        assertThat(hh.state("h")[0]).isCloseTo(0.596, within(1e-3));
        assertThat(hh.state("n")[0]).isCloseTo(0.3177, within(1e-3));
    }

    @Test
    void currentThresholdForRepetitiveFiringShouldLieBetweenTwoAndSevenMicroampPerSquareCentimetre()
    {
        // one neuron per current, 0 to 10 µA/cm² in steps of 0.25 (1 pA ≡ 1 µA/cm² at the default area)
        final int n = 41;
        final double[] currents = new double[n];
        for (int k = 0; k < n; k++)
        {
            currents[k] = 0.25 * k;
        }
        final Network net = new Network(DT, 1);
        final HodgkinHuxley hh = net.add(new HodgkinHuxley("hh", n,
            PerNeuron.of("HH", HodgkinHuxley.Parameters.defaults()).with("iExt", currents)));
        final SpikeMonitor spikes = net.monitorSpikes(hh);
        new Simulation(net, 1).run(300);
        double threshold = Double.NaN;
        for (int k = 0; k < n; k++)
        {
            final long late = java.util.Arrays.stream(spikes.spikeSteps(k)).filter(s -> s * DT > 200).count();
            if (late > 0 && Double.isNaN(threshold))
            {
                threshold = currents[k];
            }
            if (!Double.isNaN(threshold))
            {
                assertThat(late).as("spikes in the last 100 ms at %s uA/cm^2", currents[k]).isGreaterThan(3);
            }
        }
        assertThat(threshold).isBetween(2.0, 7.0);
    }

    @Test
    void spikeAmplitudeAndRateAtTenMicroampShouldMatchAFineRk4Reference()
    {
        final HodgkinHuxley.Parameters p = HodgkinHuxley.Parameters.defaults().with("iExt", 10);
        final double duration = 250;
        final Network net = new Network(DT, 1);
        final HodgkinHuxley hh = net.add(new HodgkinHuxley("hh", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(hh);
        final StateMonitor vMon = net.monitorState(hh, "v", new int[] {0}, 1);
        new Simulation(net, 1).run(duration);

        final double h = DT / 100;
        final double v0 = p.v0();
        final double[] y0 = {v0, steady(HodgkinHuxley.alphaM(v0), HodgkinHuxley.betaM(v0)),
            steady(HodgkinHuxley.alphaH(v0), HodgkinHuxley.betaH(v0)), steady(HodgkinHuxley.alphaN(v0),
            HodgkinHuxley.betaN(v0))};
        final FineReference.Result ref = FineReference.run(HodgkinHuxleyTest::rhs, y0, h, duration, p.vTh(), null, 0);
        final double[] refTimes = ref.times();

        final long[] steps = spikes.spikeSteps(0);
        final double simulatedRate = 1000.0 / ((steps[steps.length - 1] - steps[1]) * DT / (steps.length - 2));
        final double referenceRate = 1000.0 / FineReference.meanIsi(refTimes, refTimes[1] - 1e-9);
        assertThat(referenceRate).isBetween(60.0, 75.0);
        assertThat(simulatedRate).isCloseTo(referenceRate, within(0.01 * referenceRate));
        assertThat(steps.length).isEqualTo(refTimes.length);

        double peak = Double.NEGATIVE_INFINITY;
        for (final double v : vMon.trace(0))
        {
            peak = Math.max(peak, v);
        }
        assertThat(ref.maxV()).isBetween(35.0, 50.0);
        assertThat(peak).isCloseTo(ref.maxV(), within(1.0));
        assertThat(steps[0] * DT).isCloseTo(refTimes[0], within(0.1));
    }

    @Test
    void aCurrentInPicoampShouldBeScaledByTheMembraneArea()
    {
        // 10 µA/cm² on 1000 µm² is 100 pA: the same trajectory as 10 pA on the default 100 µm²
        final HodgkinHuxley.Parameters small = HodgkinHuxley.Parameters.defaults().with("iExt", 10);
        final HodgkinHuxley.Parameters large = new HodgkinHuxley.Parameters(1, 120, 36, 0.3, 50, -77, -54.387, 0,
            1000, -65, 100, Integrator.EXPONENTIAL_EULER);
        final Network net = new Network(DT, 1);
        final HodgkinHuxley a = net.add(new HodgkinHuxley("a", 1, small));
        final HodgkinHuxley b = net.add(new HodgkinHuxley("b", 1, large));
        new Simulation(net, 1).run(30);
        assertThat(b.state("v")[0]).isCloseTo(a.state("v")[0], within(1e-9));
    }

    @Test
    void shouldRejectANonPositiveAreaAndANegativeConductance()
    {
        assertThatThrownBy(() -> new HodgkinHuxley.Parameters(1, 120, 36, 0.3, 50, -77, -54.387, 0, 0, -65, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("HH: area must be > 0 um^2 and finite, got area=0 um^2");
        assertThatThrownBy(() -> new HodgkinHuxley.Parameters(1, -1, 36, 0.3, 50, -77, -54.387, 0, 100, -65, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("HH: gNa must be >= 0 mS/cm^2 and finite, got gNa=-1 mS/cm^2");
    }

    private static double steady(final double alpha, final double beta)
    {
        return alpha / (alpha + beta);
    }

    /** The equations written out by hand, 10 µA/cm². */
    private static void rhs(final double[] y, final double[] dy)
    {
        final double v = y[0];
        final double m = y[1];
        final double hh = y[2];
        final double n = y[3];
        final double iNa = 120 * m * m * m * hh * (v - 50);
        final double iK = 36 * n * n * n * n * (v + 77);
        final double iL = 0.3 * (v + 54.387);
        dy[0] = -iNa - iK - iL + 10;
        final double am = 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10));
        final double bm = 4 * Math.exp(-(v + 65) / 18);
        final double ah = 0.07 * Math.exp(-(v + 65) / 20);
        final double bh = 1 / (1 + Math.exp(-(v + 35) / 10));
        final double an = 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
        final double bn = 0.125 * Math.exp(-(v + 65) / 80);
        dy[1] = am * (1 - m) - bm * m;
        dy[2] = ah * (1 - hh) - bh * hh;
        dy[3] = an * (1 - n) - bn * n;
    }
}
