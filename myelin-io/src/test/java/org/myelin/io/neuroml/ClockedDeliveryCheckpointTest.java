package org.myelin.io.neuroml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.Receptor;
import org.myelin.util.ModelException;

/** A network with jLEMS-clocked deliveries refuses to be saved, instead of saving it incompletely. */
class ClockedDeliveryCheckpointTest
{
    @Test
    void savingAClockedDeliveryShouldBeRefusedNamingIt()
    {
        final Network net = new Network(0.1, 1);
        final Lif source = net.add(new Lif("a", 2, Lif.Parameters.defaults(), Initializer.constant(-60)));
        final Lif target = net.add(new Lif("b", 2, Lif.Parameters.defaults(), Initializer.constant(-60)));
        final Receptor receptor = target.receptor("g", new Exponential(5), new Cuba());
        net.add(new ClockedDelivery("a->b", source, target, receptor, 1, 0.001, new LemsClock(1e-4), new int[] {0},
            new int[] {1}, new double[] {1}));
        final Simulation sim = new Simulation(net, 1);

        assertThatThrownBy(sim::saveState)
            .isInstanceOf(ModelException.class)
            .hasMessage("projection 'a->b': a run with jLEMS semantics cannot be checkpointed; run with --semantics "
                + "myelin");
    }
}
