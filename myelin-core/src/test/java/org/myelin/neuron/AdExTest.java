package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class AdExTest
{
    private static final double DT = 0.1;
    private static final double DURATION = 500;
    private static final double CURRENT = 800;

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"RK4", "RK2", "EXPONENTIAL_EULER"})
    void adaptationIndexForAStepCurrentShouldMatchAFineReference(final Integrator integrator)
    {
        final AdEx.Parameters d = AdEx.Parameters.defaults();
        final AdEx.Parameters p = new AdEx.Parameters(d.cM(), d.gL(), d.eL(), d.vT(), d.deltaT(), d.vPeak(),
            d.vReset(), d.tauW(), d.a(), d.b(), d.tRef(), CURRENT, integrator);
        final Network net = new Network(DT, 1);
        final AdEx adex = net.add(new AdEx("adex", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(adex);
        new Simulation(net, 1).run(DURATION);
        final double[] simulated = new double[spikes.size()];
        for (int k = 0; k < simulated.length; k++)
        {
            simulated[k] = spikes.step(k) * DT;
        }

        // the equations by hand, v capped at vPeak on the right-hand side as in the model
        final FineReference.Result reference = FineReference.run((y, dy) ->
        {
            final double v = Math.min(y[0], p.vPeak());
            dy[0] = (-p.gL() * (v - p.eL()) + p.gL() * p.deltaT() * Math.exp((v - p.vT()) / p.deltaT()) - y[1]
                + CURRENT) / p.cM();
            dy[1] = (p.a() * (v - p.eL()) - y[1]) / p.tauW();
        }, new double[] {p.eL(), 0}, DT / 100, DURATION, p.vPeak(), y ->
        {
            y[0] = p.vReset();
            y[1] += p.b();
        }, 0);
        final double[] ref = reference.times();

        // an adapting neuron: intervals lengthen, the index is clearly positive
        final double expected = adaptationIndex(ref);
        assertThat(expected).isBetween(0.02, 0.5);
        assertThat(adaptationIndex(simulated)).isCloseTo(expected, within(0.1 * expected));
        assertThat(simulated.length).isCloseTo(ref.length, within(1));
        // the crossing of step n lies in (n·dt, (n+1)·dt]; the method adds less than one more dt
        assertThat(simulated[0] + DT / 2).isCloseTo(ref[0], within(1.5 * DT));
    }

    /**
     * The adaptation index of Naud et al. (2008): the mean of
     * {@code (ISI_{k+1} − ISI_k)/(ISI_{k+1} + ISI_k)} over consecutive intervals.
     */
    static double adaptationIndex(final double[] times)
    {
        double sum = 0;
        int n = 0;
        for (int k = 2; k < times.length; k++)
        {
            final double a = times[k - 1] - times[k - 2];
            final double b = times[k] - times[k - 1];
            sum += (b - a) / (b + a);
            n++;
        }
        return sum / n;
    }

    @Test
    void shouldRejectACutOffBelowTheExponentialThreshold()
    {
        assertThatThrownBy(() -> new AdEx.Parameters(281, 30, -70.6, -50.4, 2, -55, -70.6, 144, 4, 80.5, 0, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("AdEx: vT must be < vPeak, got vT=-50.4 mV, vPeak=-55 mV");
        assertThatThrownBy(() -> new AdEx.Parameters(281, 30, -70.6, -50.4, 0, 0, -70.6, 144, 4, 80.5, 0, 0,
            Integrator.RK4))
            .isInstanceOf(ModelException.class)
            .hasMessage("AdEx: deltaT must be > 0 mV and finite, got deltaT=0 mV");
    }
}
