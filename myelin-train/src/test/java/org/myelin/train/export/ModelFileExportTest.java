package org.myelin.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.base.Integrator;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.Lif;
import org.myelin.sim.Simulation;
import org.myelin.train.GradientCheck;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.Gru;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.network.Sequential;
import org.myelin.train.weights.WeightInit;
import org.myelin.util.ModelException;

/** A trained network written as a model file and read by the model loader spikes as the training forward pass does. */
class ModelFileExportTest
{
    private static final double DT = 0.5;
    private static final int STEPS = 160;

    @TempDir
    Path dir;

    @Test
    void theLoadedModelFileShouldSpikeAtTheStepsOfTheTrainingForwardPass() throws IOException
    {
        for (final Integrator integrator : new Integrator[] {Integrator.EXACT, Integrator.EULER})
        {
            final Sequential net = SimulatorExportTest.network(false, integrator);
            final Signal input = GradientCheck.randomSpikes(3, STEPS, 12, 0.08, 31);
            for (final int sample : new int[] {0, 2})
            {
                final Path out = Files.createDirectories(dir.resolve(integrator + "-" + sample));
                final ModelFileExport.Written written = ModelFileExport.write(net, input, sample, DT, "trained", out);
                assertThat(written.populations()).containsExactly("input", "lif", "alif");
                assertThat(written.leftOut()).containsExactly("out");
                assertThat(out.resolve("alif.beta.npy")).exists();
                final List<long[]> expected = new ArrayList<>();
                int offset = 12;
                for (final Layer layer : net.layers())
                {
                    if (layer instanceof SpikingLayer)
                    {
                        expected.addAll(trainedSpikes(layer.output(), sample, offset));
                        offset += layer.outputs();
                    }
                }
                expected.sort(ModelFileExportTest::byStepThenNeuron);
                assertThat(expected).as("spikes to compare").hasSizeGreaterThan(100);
                assertThat(written.spikes()).isEqualTo(expected.size());
                assertThat(readExpected(out.resolve(ModelFileExport.EXPECTED_SPIKES)))
                    .containsExactlyElementsOf(expected);
                for (final int threads : new int[] {1, 2})
                {
                    final ModelFile model = ModelLoader.load(out.resolve(ModelFileExport.MODEL));
                    assertThat(model.durationMs()).isEqualTo(STEPS * DT);
                    new Simulation(model.network(), threads).run(model.durationMs());
                    assertThat(simulated(model.spikeMonitors())).as("%s, sample %d, %d threads", integrator, sample,
                        threads).containsExactlyElementsOf(expected);
                }
            }
        }
    }

    /** Spikes of one sample as {step, global neuron}, the layer's neurons numbered from {@code offset}. */
    static List<long[]> trainedSpikes(final Signal s, final int sample, final int offset)
    {
        final List<long[]> list = new ArrayList<>();
        for (int n = 0; n < s.steps(); n++)
        {
            for (int e = s.start(sample, n); e < s.end(sample, n); e++)
            {
                list.add(new long[] {n, offset + s.ids()[e]});
            }
        }
        return list;
    }

    private static List<long[]> simulated(final List<SpikeMonitor> monitors)
    {
        final List<long[]> list = new ArrayList<>();
        int offset = 12;
        for (final SpikeMonitor m : monitors)
        {
            for (int k = 0; k < m.size(); k++)
            {
                list.add(new long[] {m.step(k), offset + m.neuron(k)});
            }
            offset += m.population().size();
        }
        list.sort(ModelFileExportTest::byStepThenNeuron);
        return list;
    }

    static List<long[]> readExpected(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("step,neuron,population");
        final List<long[]> list = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split(",");
            list.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
        }
        list.sort(ModelFileExportTest::byStepThenNeuron);
        return list;
    }

    static int byStepThenNeuron(final long[] a, final long[] b)
    {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    @Test
    void aLayerThatCannotBeWrittenShouldBeNamedInOneLine()
    {
        final Signal input = GradientCheck.randomSpikes(1, 10, 4, 0.1, 3);
        final Lif.Parameters lif = new Lif.Parameters(0, 1, 0, 10, 1, 0, 0, Integrator.EXACT);
        final Sequential soft = Sequential.builder(4).add(SpikingLayer.lif("h", 5, lif)
            .reset(SpikingLayer.Reset.SUBTRACT)).build();
        soft.initialize(1);
        assertThatThrownBy(() -> ModelFileExport.write(soft, input, 0, 1, "m", dir)).isInstanceOf(ModelException.class)
            .hasMessage("export: layer 'h' resets by subtraction; the simulator's LIF resets to vReset (train with "
                + "reset: value to export)");
        final Sequential gru = Sequential.builder(4).add(Gru.of("g", 5, WeightInit.normal(0, 1), WeightInit.constant(0)))
            .build();
        assertThatThrownBy(() -> ModelFileExport.write(gru, input, 0, 1, "m", dir)).hasMessage(
            "export: layer 'g' (GRU) has no simulator model; LIF, ALIF, RateReadout and SpikeReadout layers export");
        final Sequential afterReadout = Sequential.builder(4)
            .add(SpikingLayer.lif("a", 5, lif))
            .add(RateReadout.of("r", 3, 5, WeightInit.normal(0, 1)))
            .add(SpikingLayer.lif("b", 2, lif)).build();
        assertThatThrownBy(() -> ModelFileExport.write(afterReadout, input, 0, 1, "m", dir)).hasMessage(
            "export: layer 'b' is fed by readout 'r', which a model file cannot hold; only readouts after the last "
                + "spiking layer export");
        final Sequential readoutOnly = Sequential.builder(4).add(RateReadout.of("r", 3, 5, WeightInit.normal(0, 1)))
            .build();
        assertThatThrownBy(() -> ModelFileExport.write(readoutOnly, input, 0, 1, "m", dir)).hasMessage(
            "export: the network has no LIF or ALIF layer to write as a model file");
        final Sequential fine = Sequential.builder(4).add(SpikingLayer.lif("h", 5, lif)).build();
        fine.initialize(1);
        assertThatThrownBy(() -> ModelFileExport.write(fine, input, 1, 1, "m", dir)).hasMessage(
            "export: sample 1 is not in [0, 1)");
        final Signal dense = Signal.dense(4).resize(1, 10);
        assertThatThrownBy(() -> ModelFileExport.write(fine, dense, 0, 1, "m", dir)).hasMessage(
            "export: the input must be a spike train");
    }
}
