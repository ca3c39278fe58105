package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.base.CurrentInput;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.IntegrateAndFire;
import org.myelin.neuron.Integrator;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class InputsTest
{
    private static final double DT = 0.1;

    private static double at(final CurrentInput input, final long step)
    {
        final double[] current = new double[3];
        input.addCurrent(step, step * DT, 0, 3, current);
        assertThat(current[1]).isEqualTo(current[0]);
        return current[0];
    }

    @Test
    void sectionInputShouldHoldEachValueForItsDurationThenZero()
    {
        final SectionInput input = new SectionInput(new double[] {0, 5, -2}, new double[] {1, 2, 0.5});
        input.prepare(DT, 1);
        assertThat(at(input, 0)).isZero();
        assertThat(at(input, 9)).isZero();
        assertThat(at(input, 10)).isEqualTo(5);
        assertThat(at(input, 29)).isEqualTo(5);
        assertThat(at(input, 30)).isEqualTo(-2);
        assertThat(at(input, 34)).isEqualTo(-2);
        assertThat(at(input, 35)).isZero();
        assertThat(at(input, 10_000)).isZero();
    }

    @Test
    void stepCurrentShouldSwitchOnAndOffAtWholeSteps()
    {
        final SectionInput step = SectionInput.step(100, 10, 30);
        step.prepare(DT, 1);
        assertThat(at(step, 99)).isZero();
        assertThat(at(step, 100)).isEqualTo(100);
        assertThat(at(step, 299)).isEqualTo(100);
        assertThat(at(step, 300)).isZero();
        final SectionInput forever = SectionInput.step(7, 1);
        forever.prepare(DT, 1);
        assertThat(at(forever, 9)).isZero();
        assertThat(at(forever, 10)).isEqualTo(7);
        assertThat(at(forever, Long.MAX_VALUE / 2)).isEqualTo(7);
        assertThatThrownBy(() -> SectionInput.step(1, 10, 5))
            .isInstanceOf(ModelException.class)
            .hasMessage("StepCurrent: stop must be >= start, got start=10 ms, stop=5 ms");
        assertThatThrownBy(() -> new SectionInput(new double[] {1, 2}, new double[] {1}))
            .isInstanceOf(ModelException.class)
            .hasMessage("SectionInput: values and durations must be non-empty and of the same length, got 2 values"
                + " and 1 durations");
        assertThatThrownBy(() -> new SectionInput(new double[] {1}, new double[] {-1}))
            .isInstanceOf(ModelException.class)
            .hasMessage("SectionInput: durations[0] must be >= 0 ms and finite, got durations[0]=-1 ms");
    }

    @Test
    void stepCurrentShouldDriveAPerfectIntegratorByChargeOverCapacitance()
    {
        // v rises by I·t/C while the step lasts: 100 pA · 20 ms / 200 pF = 10 mV
        final Network net = new Network(DT, 1);
        final IntegrateAndFire group = net.add(new IntegrateAndFire("if", 2,
            new IntegrateAndFire.Parameters(1000, -60, 200, 0, 0, Integrator.EXACT)));
        group.addInput(SectionInput.step(100, 10, 30));
        new Simulation(net, 1).run(50);
        assertThat(group.state("v")[0]).isCloseTo(-50, within(1e-9));
    }

    @Test
    void rampShouldRiseLinearlyInsideItsWindow()
    {
        final RampCurrent ramp = new RampCurrent(10, 30, 5, 15);
        assertThat(at(ramp, 49)).isZero();
        assertThat(at(ramp, 50)).isEqualTo(10);
        assertThat(at(ramp, 100)).isCloseTo(20, within(1e-12));
        assertThat(at(ramp, 149)).isCloseTo(29.8, within(1e-9));
        assertThat(at(ramp, 150)).isZero();
        assertThatThrownBy(() -> new RampCurrent(0, 1, 5, 5))
            .isInstanceOf(ModelException.class)
            .hasMessage("RampCurrent: stop must be > start, got start=5 ms, stop=5 ms");
    }

    @Test
    void sinusoidShouldHaveItsFrequencyAmplitudeAndOffset()
    {
        final SinusoidalCurrent sine = new SinusoidalCurrent(5, 10, 2);
        // 10 Hz: period 100 ms = 1000 steps
        assertThat(at(sine, 0)).isCloseTo(2, within(1e-12));
        assertThat(at(sine, 250)).isCloseTo(7, within(1e-12));
        assertThat(at(sine, 750)).isCloseTo(-3, within(1e-12));
        assertThat(at(sine, 1000)).isCloseTo(2, within(1e-9));
        assertThatThrownBy(() -> new SinusoidalCurrent(1, -1, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("SinusoidalCurrent: frequency must be >= 0 Hz and finite, got frequency=-1 Hz");
    }

    @Test
    void ornsteinUhlenbeckNoiseShouldHaveItsStationaryMeanDeviationAndCorrelation()
    {
        final int n = 20_000;
        final double mean = 50;
        final double sigma = 10;
        final double tau = 5;
        final OrnsteinUhlenbeckCurrent ou = new OrnsteinUhlenbeckCurrent("noise", n, mean, sigma, tau);
        ou.prepare(DT, 7);
        final double[] current = new double[n];
        final double[] lagged = new double[n];
        for (long s = 0; s < 600; s++)
        {
            if (s == 550)
            {
                System.arraycopy(ou.state(), 0, lagged, 0, n);
            }
            ou.addCurrent(s, s * DT, 0, n, current);
        }
        // after 60 ms = 12 τ the process is stationary: N(μ, σ²); lag 5 ms = τ: correlation e^{−1}
        final double[] x = ou.state();
        double m = 0;
        for (final double value : x)
        {
            m += value / n;
        }
        double var = 0;
        double cov = 0;
        double lagMean = 0;
        for (int i = 0; i < n; i++)
        {
            lagMean += lagged[i] / n;
        }
        for (int i = 0; i < n; i++)
        {
            var += (x[i] - m) * (x[i] - m) / n;
            cov += (x[i] - m) * (lagged[i] - lagMean) / n;
        }
        final double se = sigma / Math.sqrt(n);
        assertThat(m).isCloseTo(mean, within(4 * se));
        assertThat(Math.sqrt(var)).isCloseTo(sigma, within(0.03 * sigma));
        assertThat(cov / var).isCloseTo(Math.exp(-1), within(0.03));
    }

    @Test
    void ornsteinUhlenbeckNoiseShouldBeTheSameForOneAndTwoThreads()
    {
        assertThat(noisyVoltages(2)).isEqualTo(noisyVoltages(1));
    }

    private static double[] noisyVoltages(final int threads)
    {
        final Network net = new Network(DT, 3);
        final IntegrateAndFire group = net.add(new IntegrateAndFire("if", 100,
            new IntegrateAndFire.Parameters(-50, -60, 200, 2, 0, Integrator.EXACT)));
        group.addInput(new OrnsteinUhlenbeckCurrent("noise", 100, 150, 100, 5));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, threads).run(30);
        assertThat(spikes.size()).isGreaterThan(50);
        return group.state("v").clone();
    }

    @Test
    void ornsteinUhlenbeckShouldRejectANonPositiveTimeConstant()
    {
        assertThatThrownBy(() -> new OrnsteinUhlenbeckCurrent("n", 1, 0, 1, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("OrnsteinUhlenbeckCurrent: tau must be > 0 ms and finite, got tau=0 ms");
    }
}
