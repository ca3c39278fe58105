package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Integrator;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

/** The update loop of every model allocates nothing once compiled (STYLE: no allocation per step). */
class NeuronAllocationTest
{
    static java.util.List<String> models()
    {
        return NeuronModels.names();
    }

    @ParameterizedTest
    @MethodSource("models")
    void theUpdateOfEveryModelAndMethodShouldNotAllocate(final String key)
    {
        final NeuronModels.Model<?> model = NeuronModels.get(key);
        for (final Integrator integrator : Integrator.values())
        {
            final NeuronGroup group;
            try
            {
                group = model.create("pop", 64, Map.of(), Map.of(), integrator);
            }
            catch (final ModelException notAccepted)
            {
                continue;
            }
            final Network net = new Network(0.1, 1);
            net.add(group);
            group.addInput(new org.myelin.input.ConstantCurrent(20));
            new Simulation(net, 1);
            final int[] spikes = new int[64];
            // LIF's Vector API kernel allocates its vectors until C2 has compiled it
            final long warmup = "lif".equals(key) ? 30_000 : 1_500;
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            for (long step = 0; step < warmup; step++)
            {
                group.update(step, 0, 64, spikes, 0);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (long step = warmup; step < warmup + 3_000; step++)
            {
                group.update(step, 0, 64, spikes, 0);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(allocated).as("%s with %s", key, integrator).isLessThan(1024);
        }
    }
}
