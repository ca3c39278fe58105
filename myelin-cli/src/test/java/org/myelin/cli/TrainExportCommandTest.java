package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Npy;
import org.myelin.train.data.Signal;
import org.myelin.train.export.SimulatorExport;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.run.TrainingRun;
import org.myelin.train.spec.TrainingSpec;
import org.myelin.train.task.Dataset;

/**
 * {@code myelin train} exports a trained spiking network as a model file, and {@code myelin run} of
 * that file spikes at the steps of the training forward pass, computed here from the run's
 * parameter files.
 */
class TrainExportCommandTest
{
    /** An exact LIF layer with an exponential synapse feeding an ALIF layer with a delta synapse and per-neuron beta. */
    private static final String SPEC = """
        name: two-layers
        seed: 5
        epochs: 2
        batchSize: 16
        task: {model: SpikePatterns, classes: 3, inputs: 12, steps: 40, rate: 30 Hz, samples: 48, testFraction: 0.25}
        network:
          - {layer: LIF, name: hidden, size: 16, recurrent: true, synapse: {model: Exponential, tau: 5 ms},
             parameters: {vRest: 0 mV, vTh: 1 mV, vReset: 0 mV, tauM: 10 ms, tRef: 2 ms},
             inputWeights: {scaledNormal: 8}, recurrentWeights: {scaledNormal: 2}}
          - {layer: ALIF, name: adaptive, size: 6, recurrent: true,
             parameters: {vRest: 0 mV, vTh: 0.5 mV, vReset: 0 mV, tauM: 20 ms, tauA: 200 ms, beta: 0.1 mV, tRef: 1 ms},
             beta: [0 mV, 0 mV, 0 mV, 0.1 mV, 0.2 mV, 0.3 mV], inputWeights: {scaledNormal: 6}}
          - {layer: RateReadout, name: out, size: 3, tau: 10 ms}
        loss: {model: CrossEntropy, over: max}
        optimizer: {model: Adam, lr: 0.01}
        """;

    @TempDir
    Path dir;

    @Test
    void myelinRunOfTheExportShouldSpikeAsTheTrainingForwardPass() throws IOException
    {
        final Path spec = Files.writeString(dir.resolve("two.yaml"), SPEC);
        final Path out = dir.resolve("run");
        final CliRun train = CliRun.of("train", spec.toString(), "--out", out.toString(), "--no-progress");
        assertThat(train.code()).as(train.err()).isZero();
        final Path export = out.resolve(TrainingRun.EXPORT);
        assertThat(train.out()).contains("exported sample 0 to " + export + ": input, hidden, adaptive, ")
            .contains("(left out: out); myelin run " + export.resolve("model.yaml") + "\n");
        assertThat(export.resolve("adaptive.beta.npy")).exists();
        assertThat(runSpikes(export.resolve("model.yaml"), dir.resolve("sim0")))
            .containsExactlyElementsOf(forwardPass(out, 0)).hasSizeGreaterThan(20);

        final CliRun again = CliRun.of("train", "--export", out.toString(), "--sample", "5");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("exported sample 5 to " + export + ": ");
        assertThat(runSpikes(export.resolve("model.yaml"), dir.resolve("sim5")))
            .containsExactlyElementsOf(forwardPass(out, 5)).hasSizeGreaterThan(20);
        try (var files = Files.list(out))
        {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary directory is left")
                .noneMatch(name -> name.startsWith("."));
        }
    }

    /** {step, neuron} of every spike of {@code myelin run model --out sim}, sorted. */
    private static List<long[]> runSpikes(final Path model, final Path sim) throws IOException
    {
        final CliRun run = CliRun.of("run", model.toString(), "--out", sim.toString(), "--no-progress");
        assertThat(run.code()).as(run.err()).isZero();
        final double[] steps = Npy.read(sim.resolve("spikes_step.npy")).values();
        final double[] neurons = Npy.read(sim.resolve("spikes_neuron.npy")).values();
        final List<long[]> spikes = new ArrayList<>();
        for (int k = 0; k < steps.length; k++)
        {
            spikes.add(new long[] {(long) steps[k], (long) neurons[k]});
        }
        spikes.sort(TrainExportCommandTest::byStepThenNeuron);
        return spikes;
    }

    /**
     * The spiking layers' spikes when the network of the run's last epoch, weights rounded to float,
     * runs test sample {@code sample}: {step, neuron numbered after the input units}, sorted.
     */
    private static List<long[]> forwardPass(final Path run, final int sample) throws IOException
    {
        final TrainingSpec spec = TrainingSpec.read(run.resolve(TrainingRun.SPEC));
        final TrainingSpec.Datasets data = spec.task().generate(spec.dt());
        final Sequential net = spec.network(data.train().units());
        for (final Parameter p : net.parameters())
        {
            p.set(Npy.read(TrainingRun.epochDir(run, spec.epochs(), spec.epochs()).resolve(p.name() + ".npy")).values());
        }
        net.parametersChanged();
        SimulatorExport.roundWeights(net);
        final Dataset test = data.test();
        final Signal input = test.batch(new int[] {sample}, null).input();
        try (Workers workers = new Workers(1))
        {
            net.forward(input, spec.dt(), workers);
        }
        final List<long[]> spikes = new ArrayList<>();
        int offset = input.units();
        for (final Layer layer : net.layers())
        {
            if (layer instanceof SpikingLayer)
            {
                final Signal s = layer.output();
                for (int n = 0; n < s.steps(); n++)
                {
                    for (int e = s.start(0, n); e < s.end(0, n); e++)
                    {
                        spikes.add(new long[] {n, offset + s.ids()[e]});
                    }
                }
                offset += layer.outputs();
            }
        }
        spikes.sort(TrainExportCommandTest::byStepThenNeuron);
        return spikes;
    }

    private static int byStepThenNeuron(final long[] a, final long[] b)
    {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    @Test
    void aNetworkThatCannotBeExportedShouldBeNamedInOneLine() throws IOException
    {
        final Path spec = Files.writeString(dir.resolve("soft.yaml"), SPEC.replace("epochs: 2", "epochs: 1")
            .replace("recurrent: true, synapse", "reset: subtract, recurrent: true, synapse"));
        final Path out = dir.resolve("soft");
        final CliRun train = CliRun.of("train", spec.toString(), "--out", out.toString(), "--no-progress");
        assertThat(train.code()).as(train.err()).isZero();
        final String reason = "export: layer 'hidden' resets by subtraction; the simulator's LIF resets to vReset "
            + "(train with reset: value to export)";
        assertThat(train.out()).endsWith("no export/: " + reason + "\n");
        assertThat(out.resolve(TrainingRun.EXPORT)).doesNotExist();
        final CliRun export = CliRun.of("train", "--export", out.toString());
        assertThat(export.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(export.err()).isEqualTo("myelin train: " + reason + "\n");
        assertThat(out.resolve(TrainingRun.EXPORT)).doesNotExist();
    }

    @Test
    void badExportOptionsShouldGiveOneLineAndStatus() throws IOException
    {
        final Path spec = Files.writeString(dir.resolve("two.yaml"), SPEC.replace("epochs: 2", "epochs: 1"));
        final CliRun both = CliRun.of("train", spec.toString(), "--export", dir.toString());
        assertThat(both.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(both.err()).isEqualTo("myelin train: --export DIR exports the run in DIR; give no SPEC, --out or "
            + "--resume with it\n");
        final CliRun range = CliRun.of("train", spec.toString(), "--out", dir.resolve("r").toString(), "--sample", "12");
        assertThat(range.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(range.err()).isEqualTo("myelin train: train: --sample 12 is not in [0, 12) of the test samples\n");
        assertThat(dir.resolve("r").resolve("metrics.csv")).as("no training before the check").doesNotExist();
        final CliRun none = CliRun.of("train", "--export", dir.resolve("nothing").toString());
        assertThat(none.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(none.err()).contains("holds no training run to resume");
    }
}
