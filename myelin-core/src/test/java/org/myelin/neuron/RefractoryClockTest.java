package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

/** A refractory clock decides each spike's refractory steps in every model with a refractory period. */
class RefractoryClockTest
{
    /** Steps between the spikes of a neuron driven far above threshold (it fires when it may). */
    private static List<Long> gaps(final NeuronGroup group)
    {
        final Network net = new Network(0.1, 1);
        net.add(group);
        final SpikeMonitor spikes = net.monitorSpikes(group);
        // the clock: 3 steps after even steps, 5 after odd ones
        group.refractoryClock((neuron, step) -> step % 2 == 0 ? 3 : 5);
        new Simulation(net, 1).run(10);
        final List<Long> out = new ArrayList<>();
        final long[] steps = spikes.steps();
        for (int k = 1; k < steps.length; k++)
        {
            out.add(steps[k] - steps[k - 1]);
        }
        return out;
    }

    @Test
    void everySpikeShouldBeRefractoryForTheClocksSteps()
    {
        // a spike at step n integrates again at n + clock(n) and, so strongly driven, spikes right there
        final List<Long> lif = gaps(new Lif("L", 1, new Lif.Parameters(-60, -50, -60, 1, 1, 0.5, 1e5,
            Integrator.EULER)));
        final List<Long> adex = gaps((NeuronGroup) NeuronModels.get("adex").create("A", 1,
            java.util.Map.of("iExt", 1e6, "tRef", 0.5), java.util.Map.of(), Integrator.EULER));
        for (final List<Long> g : List.of(lif, adex))
        {
            assertThat(g).isNotEmpty();
            assertThat(g).allSatisfy(gap -> assertThat(gap).isIn(3L, 5L));
        }
        assertThatThrownBy(() -> ((NeuronGroup) NeuronModels.get("izhikevich").create("I", 1, java.util.Map.of()))
            .refractoryClock((n, s) -> 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Izhikevich 'I': the model has no refractory period to clock");
    }
}
