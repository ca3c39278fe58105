package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class IzhikevichTest
{
    private static final double DT = 0.1;
    private static final double DURATION = 300;
    private static final double CURRENT = 10;
    /** Spikes closer than this belong to one burst [ms]. */
    private static final double BURST_GAP = 15;

    @ParameterizedTest
    @EnumSource(Izhikevich.Preset.class)
    void presetsShouldMatchAFineReferenceInSpikeTimesAndBursts(final Izhikevich.Preset preset)
    {
        final Izhikevich.Parameters p = preset.parameters().with("iExt", CURRENT);
        final double[] simulated = simulate(p);
        final double[] reference = reference(p);

        assertThat(simulated.length).as("spike count").isCloseTo(reference.length, within(1));
        // the first spikes, where each regime differs most, within 0.5 ms; the spike time of
        // step n is n·dt, the crossing lies in (n·dt, (n+1)·dt]
        for (int k = 0; k < Math.min(5, reference.length); k++)
        {
            assertThat(simulated[k] + DT / 2).as("spike %d", k).isCloseTo(reference[k], within(0.5));
        }
        // bursts that start before the last 20 ms, so that one late spike at the end of the run
        // does not decide the count
        assertThat(bursts(simulated, DURATION - 20)).isEqualTo(bursts(reference, DURATION - 20));
    }

    @Test
    void regimesShouldShowTheirClassicPatterns()
    {
        // regular spiking fires single, adapting spikes; fast spiking fires so fast that all its
        // spikes form one "burst" by the 15 ms gap; bursting starts with a burst of three, then
        // fires singly; chattering fires repeated bursts of four or more
        final double[] rs = simulate(Izhikevich.Preset.REGULAR_SPIKING.parameters().with("iExt", CURRENT));
        final double[] fs = simulate(Izhikevich.Preset.FAST_SPIKING.parameters().with("iExt", CURRENT));
        final double[] ib = simulate(Izhikevich.Preset.BURSTING.parameters().with("iExt", CURRENT));
        final double[] ch = simulate(Izhikevich.Preset.CHATTERING.parameters().with("iExt", CURRENT));
        assertThat(bursts(rs, DURATION)).isEqualTo(rs.length);
        assertThat(fs.length).isGreaterThan(4 * rs.length);
        assertThat(bursts(fs, DURATION)).isEqualTo(1);
        assertThat(bursts(ib, DURATION)).isEqualTo(ib.length - 2);
        assertThat(ib[2] - ib[0]).isLessThan(BURST_GAP);
        assertThat(bursts(ch, DURATION)).isEqualTo(5);
        assertThat(ch.length).isGreaterThanOrEqualTo(4 * bursts(ch, DURATION));
    }

    @Test
    void shouldNameAnUnknownPresetAndListTheKnownOnes()
    {
        assertThat(Izhikevich.Preset.of("Regular-Spiking")).isEqualTo(Izhikevich.Preset.REGULAR_SPIKING);
        assertThat(Izhikevich.Preset.of("ib")).isEqualTo(Izhikevich.Preset.BURSTING);
        assertThatThrownBy(() -> Izhikevich.Preset.of("sleepy"))
            .isInstanceOf(ModelException.class)
            .hasMessage("Izhikevich: unknown preset 'sleepy'; known: [regular_spiking, fast_spiking, bursting, chattering]");
    }

    @Test
    void shouldRejectANonPositiveRecoveryRateAndAResetAbovePeak()
    {
        assertThatThrownBy(() -> new Izhikevich.Parameters(0, 0.2, -65, 8, 30, 1, -65, 0, Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("Izhikevich: a must be > 0 1/ms and finite, got a=0 1/ms");
        assertThatThrownBy(() -> new Izhikevich.Parameters(0.02, 0.2, 35, 8, 30, 1, -65, 0, Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("Izhikevich: c must be < vPeak, got c=35 mV, vPeak=30 mV");
        assertThatThrownBy(() -> new Izhikevich.Parameters(0.02, 0.2, -65, 8, 30, 1, -65, 0, Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("Izhikevich: integrator must be one of [EULER, EXPONENTIAL_EULER, RK2, RK4], got integrator=EXACT");
    }

    static double[] simulate(final Izhikevich.Parameters p)
    {
        final Network net = new Network(DT, 1);
        final Izhikevich group = net.add(new Izhikevich("izh", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(DURATION);
        final long[] steps = spikes.spikeSteps(0);
        final double[] t = new double[steps.length];
        for (int k = 0; k < t.length; k++)
        {
            t[k] = steps[k] * DT;
        }
        return t;
    }

    /** The same equations by hand, RK4 at dt/100. */
    private static double[] reference(final Izhikevich.Parameters p)
    {
        final FineReference.Rhs rhs = (y, dy) ->
        {
            dy[0] = 0.04 * y[0] * y[0] + 5 * y[0] + 140 - y[1] + p.iExt() / p.cM();
            dy[1] = p.a() * (p.b() * y[0] - y[1]);
        };
        return FineReference.run(rhs, new double[] {p.v0(), p.b() * p.v0()}, DT / 100, DURATION, p.vPeak(), y ->
        {
            y[0] = p.c();
            y[1] += p.d();
        }, 0).times();
    }

    /** Groups of spikes separated by more than {@link #BURST_GAP} that start before {@code untilMs}. */
    static int bursts(final double[] times, final double untilMs)
    {
        int bursts = times.length > 0 && times[0] < untilMs ? 1 : 0;
        for (int k = 1; k < times.length && times[k] < untilMs; k++)
        {
            if (times[k] - times[k - 1] > BURST_GAP)
            {
                bursts++;
            }
        }
        return bursts;
    }
}
