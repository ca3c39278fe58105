package org.myelin.train.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Npy;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.spec.TrainingSpec;
import org.myelin.train.trainer.TrainingListener;
import org.myelin.util.ModelException;

class TrainingRunTest
{
    static TrainingSpec tiny() throws IOException
    {
        try (var in = TrainingRunTest.class.getResourceAsStream("/tiny-spec.yaml"))
        {
            return TrainingSpec.parse("tiny-spec.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void runShouldWriteMetricsParametersPlotAndCheckpointAfterEachEpoch(@TempDir final Path dir) throws IOException
    {
        final TrainingRun run = TrainingRun.start(tiny(), dir, 2);
        run.run(new TrainingListener() { });
        final List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(metrics.get(0)).isEqualTo("epoch,loss,train_accuracy,test_accuracy,seconds");
        assertThat(metrics).hasSize(5);
        assertThat(metrics.get(4)).startsWith("4,");
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            final Path params = TrainingRun.epochDir(dir, epoch, 4);
            assertThat(params.getFileName().toString()).isEqualTo("epoch-00" + epoch);
            final Npy.Array w = Npy.read(params.resolve("hidden.recurrent.npy"));
            assertThat(w.shape()).containsExactly(16, 16);
        }
        final Npy.Array last = Npy.read(TrainingRun.epochDir(dir, 4, 4).resolve("out.weights.npy"));
        final Parameter out = run.network().layer("out").parameters().get(0);
        assertThat(last.values()).containsExactly(out.value());
        assertThat(Files.size(dir.resolve("training.png"))).isGreaterThan(1000);
        assertThat(Files.readString(dir.resolve("spec.yaml"))).isEqualTo(tiny().text());
        assertThat(Files.readString(dir.resolve("checkpoint/epoch")).strip()).isEqualTo("4");
        try (var files = Files.list(dir.resolve("parameters")))
        {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                .containsExactly("epoch-001", "epoch-002", "epoch-003", "epoch-004");
        }
    }

    @Test
    void resumedRunShouldEndWithTheWeightsOfAnUninterruptedOne(@TempDir final Path dir) throws IOException
    {
        final Path straight = dir.resolve("straight");
        final TrainingRun whole = TrainingRun.start(tiny(), straight, 1);
        whole.run(new TrainingListener() { });
        final Path interrupted = dir.resolve("interrupted");
        TrainingRun.start(tiny(), interrupted, 2).run(new TrainingListener() { }, 2);
        assertThat(Files.readAllLines(interrupted.resolve("metrics.csv"))).hasSize(3);
        final TrainingRun resumed = TrainingRun.resume(interrupted, 3);
        assertThat(resumed.firstEpoch()).isEqualTo(3);
        resumed.run(new TrainingListener() { });
        final List<Parameter> a = whole.network().parameters();
        final List<Parameter> b = resumed.network().parameters();
        for (int k = 0; k < a.size(); k++)
        {
            assertThat(b.get(k).value()).as(a.get(k).name()).containsExactly(a.get(k).value());
        }
        final List<String> m1 = Files.readAllLines(straight.resolve("metrics.csv"));
        final List<String> m2 = Files.readAllLines(interrupted.resolve("metrics.csv"));
        assertThat(m2).hasSize(5);
        for (int k = 1; k < 5; k++)
        {
            // everything but the wall time
            assertThat(m2.get(k).substring(0, m2.get(k).lastIndexOf(',')))
                .isEqualTo(m1.get(k).substring(0, m1.get(k).lastIndexOf(',')));
        }
    }

    @Test
    void startingOverAnExistingRunOrResumingNothingShouldSayWhatToDo(@TempDir final Path dir) throws IOException
    {
        TrainingRun.start(tiny(), dir, 1).run(new TrainingListener() { }, 1);
        assertThatThrownBy(() -> TrainingRun.start(tiny(), dir, 1)).isInstanceOf(ModelException.class)
            .hasMessage("train: " + dir + " already holds a training run; continue it with --resume " + dir
                + " or choose another --out");
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> TrainingRun.resume(empty, 1)).hasMessage("train: " + empty
            + " holds no training run to resume (no spec.yaml and checkpoint/); start one with myelin train SPEC.yaml "
            + "--out " + empty);
    }
}
