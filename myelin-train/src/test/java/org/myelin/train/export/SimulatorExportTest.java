package org.myelin.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.train.GradientCheck;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.Gru;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikeReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.util.ModelException;
import org.myelin.train.weights.WeightInit;

/** A trained spiking network exported to the simulator spikes at the same steps as the training forward pass. */
class SimulatorExportTest
{
    private static final double DT = 0.5;
    private static final int STEPS = 160;

    static Sequential network(final boolean spikeReadout, final Integrator lifIntegrator)
    {
        final Lif.Parameters lif = new Lif.Parameters(-65, -50, -70, 12, 1, 2, 3, lifIntegrator);
        final Alif.Parameters alif = new Alif.Parameters(-60, -52, -60, 15, 1, 60, 1.5, 1.5, 2, Integrator.EXACT);
        final double[] beta = new double[10];
        for (int k = 5; k < 10; k++)
        {
            beta[k] = 0.5 * k;
        }
        final Sequential.Builder b = Sequential.builder(12)
            .add(SpikingLayer.lif("lif", 20, lif).synapse(new Exponential(4)).recurrent(true)
                .inputInit(WeightInit.normal(60, 40)).recurrentInit(WeightInit.normal(0, 30)))
            .add(SpikingLayer.alif("alif", 10, alif).beta(beta).recurrent(true)
                .inputInit(WeightInit.normal(4, 3)).recurrentInit(WeightInit.normal(0, 2)));
        b.add(spikeReadout
            ? SpikeReadout.of("out", 3, 5, 1.0, true, false, null, WeightInit.normal(0.3, 0.3))
            : RateReadout.of("out", 3, 8, WeightInit.normal(0, 1)));
        final Sequential net = b.build();
        net.initialize(21);
        return net;
    }

    @ParameterizedTest(name = "spike readout: {0}")
    @ValueSource(booleans = {false, true})
    void simulatorShouldSpikeAtTheStepsOfTheTrainingForwardPass(final boolean spikeReadout)
    {
        for (final Integrator integrator : new Integrator[] {Integrator.EXACT, Integrator.EULER})
        {
            final Sequential net = network(spikeReadout, integrator);
            SimulatorExport.roundWeights(net);
            final Signal input = GradientCheck.randomSpikes(3, STEPS, 12, 0.08, 31);
            try (Workers workers = new Workers(1))
            {
                net.forward(input, DT, workers);
            }
            for (final int sample : new int[] {0, 2})
            {
                for (final int threads : new int[] {1, 2})
                {
                    final SimulatorExport.Exported exported = SimulatorExport.toNetwork(net, input, sample, DT, 1);
                    new Simulation(exported.network(), threads).run((STEPS + 1) * DT);
                    int total = 0;
                    for (final Layer layer : net.layers())
                    {
                        if (layer instanceof SpikingLayer)
                        {
                            final List<long[]> trained = trainedSpikes(layer.output(), sample);
                            assertThat(simulated(exported.spikes().get(layer.name())))
                                .as("%s spikes, %s, sample %d, %d threads", layer.name(), integrator, sample, threads)
                                .containsExactlyElementsOf(trained);
                            total += trained.size();
                        }
                    }
                    assertThat(total).as("spikes to compare").isGreaterThan(100);
                    final StateMonitor readout = exported.readouts().get("out");
                    final Signal out = net.output();
                    for (int n = 0; n < STEPS; n++)
                    {
                        for (int c = 0; c < 3; c++)
                        {
                            if (spikeReadout)
                            {
                                continue;
                            }
                            assertThat(readout.value(n + 1, c)).as("r[%d][%d]", n, c).isEqualTo(out.value(sample, n, c));
                        }
                    }
                    if (spikeReadout)
                    {
                        final List<long[]> trained = new ArrayList<>();
                        for (int n = 0; n < STEPS; n++)
                        {
                            for (int c = 0; c < 3; c++)
                            {
                                if (out.value(sample, n, c) > 0)
                                {
                                    trained.add(new long[] {n, c});
                                }
                            }
                        }
                        assertThat(trained).isNotEmpty();
                        assertThat(simulated(exported.spikes().get("out"))).containsExactlyElementsOf(trained);
                    }
                }
            }
        }
    }

    private static List<long[]> trainedSpikes(final Signal s, final int sample)
    {
        final List<long[]> list = new ArrayList<>();
        for (int n = 0; n < s.steps(); n++)
        {
            for (int e = s.start(sample, n); e < s.end(sample, n); e++)
            {
                list.add(new long[] {n, s.ids()[e]});
            }
        }
        return list;
    }

    private static List<long[]> simulated(final SpikeMonitor m)
    {
        final List<long[]> list = new ArrayList<>();
        for (int k = 0; k < m.size(); k++)
        {
            if (m.step(k) < STEPS)
            {
                list.add(new long[] {m.step(k), m.neuron(k)});
            }
        }
        list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return list;
    }

    @Test
    void layersWithoutASimulatorModelShouldBeRefusedByName()
    {
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 10, 1, 0, 0, Integrator.EXACT);
        final Sequential soft = Sequential.builder(4)
            .add(SpikingLayer.lif("h", 5, lif).reset(SpikingLayer.Reset.SUBTRACT))
            .add(RateReadout.of("out", 2, 5, WeightInit.normal(0, 1))).build();
        assertThatThrownBy(() -> SimulatorExport.checkExportable(soft)).isInstanceOf(ModelException.class)
            .hasMessage("export: layer 'h' resets by subtraction; the simulator's LIF resets to vReset (train with "
                + "reset: value to export)");
        final Sequential gru = Sequential.builder(4).add(Gru.of("g", 5, WeightInit.normal(0, 1), WeightInit.constant(0)))
            .build();
        assertThatThrownBy(() -> SimulatorExport.checkExportable(gru)).hasMessage(
            "export: layer 'g' (GRU) has no simulator model; LIF, ALIF, RateReadout and SpikeReadout layers export");
    }
}
