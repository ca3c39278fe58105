package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest
{
    private static final String SPEC = """
        name: tiny
        seed: 3
        epochs: 3
        batchSize: 16
        task: {model: SpikePatterns, classes: 3, inputs: 12, steps: 30, rate: 30 Hz, samples: 48, testFraction: 0.25}
        network:
          - {layer: LIF, name: hidden, size: 10, recurrent: true, synapse: {model: Exponential, tau: 5 ms},
             parameters: {vRest: 0 mV, vTh: 1 mV, vReset: 0 mV, tauM: 10 ms}, inputWeights: {scaledNormal: 8}}
          - {layer: RateReadout, name: out, size: 3, tau: 10 ms}
        loss: {model: CrossEntropy, over: max}
        optimizer: {model: Adam, lr: 0.01}
        """;

    @Test
    void trainShouldWriteTheRunAndResumeShouldSayWhenItIsDone(@TempDir final Path dir) throws IOException
    {
        final Path spec = Files.writeString(dir.resolve("tiny.yaml"), SPEC);
        final Path out = dir.resolve("run");
        final CliRun run = CliRun.of("train", spec.toString(), "--out", out.toString(), "--no-progress", "--threads", "2");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("training tiny: ").contains("epoch 3/3  loss ").contains("wrote " + out);
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(4);
        assertThat(out.resolve("training.png")).exists();
        assertThat(out.resolve("parameters/epoch-003/hidden.input.npy")).exists();
        final CliRun again = CliRun.of("train", "--resume", out.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEqualTo(out + ": all 3 epochs are done\n");
    }

    @Test
    void badUseShouldGiveOneLineAndStatus(@TempDir final Path dir) throws IOException
    {
        final CliRun none = CliRun.of("train");
        assertThat(none.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(none.err()).isEqualTo("myelin train: give a training specification (SPEC.yaml) or --resume DIR\n");
        final CliRun missing = CliRun.of("train", dir.resolve("nope.yaml").toString());
        assertThat(missing.err()).isEqualTo("myelin train: no such file: " + dir.resolve("nope.yaml") + "\n");
        final Path bad = Files.writeString(dir.resolve("bad.yaml"), SPEC.replace("lr: 0.01", "lr: fast"));
        final CliRun badSpec = CliRun.of("train", bad.toString(), "--out", dir.resolve("x").toString());
        assertThat(badSpec.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(badSpec.err()).startsWith("myelin train: " + bad + ":11:30: Adam: lr: 'fast' does not start with a number").doesNotContain("Exception");
        final CliRun resume = CliRun.of("train", "--resume", dir.toString());
        assertThat(resume.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(resume.err()).contains("holds no training run to resume");
    }
}
