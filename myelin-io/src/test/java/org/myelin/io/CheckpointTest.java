package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.base.Integrator;
import org.myelin.connect.FixedProbability;
import org.myelin.delay.DelayRounding;
import org.myelin.input.OrnsteinUhlenbeckCurrent;
import org.myelin.input.PoissonGroup;
import org.myelin.input.PoissonInput;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.plasticity.PairStdp;
import org.myelin.plasticity.ShortTermPlasticity;
import org.myelin.plasticity.WeightDependence;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.ProgressListener;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

/**
 * A run saved to a checkpoint folder with two threads and resumed from it with one or four is the
 * run that never stopped; a checkpoint of another model or format, or with a damaged file, is
 * refused with a message that names the difference or the file.
 */
class CheckpointTest
{
    /** 1 s of 0.1 ms steps: the test runs 2 s straight against 1 s, a checkpoint and 1 s resumed. */
    private static final int HALF = 10_000;

    /**
     * Every kind of state in one small network: COBA with homogeneous delays of 0, 0.5 and 5 ms,
     * per-synapse delays, short-term plasticity, pair STDP from a Poisson group, a Poisson input
     * and OU noise.
     */
    private static Network network(final int excitatory)
    {
        return network(excitatory, 0.5);
    }

    private static Network network(final int excitatory, final double excitatoryWeight)
    {
        final Network net = new Network(0.1, 21, 22);
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
        final Lif e = net.add(new Lif("E", excitatory, lif, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", 61, lif, Initializer.uniform(-60, -50)));
        final PoissonGroup in = net.add(new PoissonGroup("in", 200, 15));
        final FixedProbability p = new FixedProbability(0.1);
        net.connect("E->E", e, e, p, new Exponential(5), new Coba(0), "ge", excitatoryWeight, 5)
            .withPresynaptic(new ShortTermPlasticity());
        net.connect("E->I", e, i, p, new Exponential(5), new Coba(0), "ge", 0.5, 0)
            .withWeights(Initializer.uniform(0.5, 1.5)).withDelays(Initializer.uniform(0.1, 4), DelayRounding.NEAREST);
        net.connect("I->E", i, e, p, new Exponential(10), new Coba(-80), "gi", 0.2, 0.5);
        net.connect("I->I", i, i, p, new Exponential(10), new Coba(-80), "gi", 0.2, 0);
        net.add(new PlasticProjection(new AlignPostProjection("in->I", in, i, new FixedProbability(0.1),
            new Exponential(5), new Coba(0), "ge", 0.3, 1.0).withWeights(Initializer.uniform(0, 1)),
            new PairStdp(20, 20, 0.01, 0.012, PairStdp.Pairing.ALL_TO_ALL, WeightDependence.multiplicative(0, 1))));
        net.add(new PoissonInput("drive", i, 20, 10, new Exponential(5), new Coba(0), "ge", 0.2));
        e.addInput(new OrnsteinUhlenbeckCurrent("noise", excitatory, 0, 20, 5));
        net.monitorSpikes(e);
        net.monitorSpikes(i);
        return net;
    }

    /**
     * Spikes, states, weights and recordings of the resumed runs are those of the straight run:
     * their checkpoints hold the same arrays, byte for byte (each file's SHA-256 is the same).
     */
    @Test
    void aRunResumedFromAFolderWithOneOrFourThreadsShouldBeTheRunThatNeverStopped(@TempDir final Path dir)
        throws IOException
    {
        final Simulation straight = new Simulation(network(240), 2);
        straight.runSteps(2 * HALF, ProgressListener.NONE);
        final Simulation first = new Simulation(network(240), 2);
        first.runSteps(HALF, ProgressListener.NONE);
        final Checkpoint.Manifest saved = Checkpoint.save(first, dir.resolve("checkpoint"));
        final Checkpoint.Manifest end = Checkpoint.save(straight, dir.resolve("straight"));

        assertThat(saved.step()).isEqualTo(HALF);
        assertThat(saved.threads()).isEqualTo(2);
        for (final int threads : new int[] {1, 4})
        {
            final Simulation resumed = Checkpoint.restore(network(240), dir.resolve("checkpoint"), threads);
            resumed.runSteps(HALF, ProgressListener.NONE);

            for (int m = 0; m < 2; m++)
            {
                final SpikeMonitor expected = straight.network().spikeMonitors().get(m);
                final SpikeMonitor actual = resumed.network().spikeMonitors().get(m);
                assertThat(expected.size()).as("spikes of monitor " + m).isGreaterThan(2000);
                assertThat(actual.steps()).isEqualTo(expected.steps());
                assertThat(actual.neurons()).isEqualTo(expected.neurons());
            }
            assertThat(weights(resumed)).isEqualTo(weights(straight));
            assertThat(weights(resumed)).isNotEqualTo(weights(new Simulation(network(240), 1)));
            assertThat(Checkpoint.save(resumed, dir.resolve("resumed-" + threads)).arrays())
                .isEqualTo(end.arrays());
        }
    }

    @Test
    void theFilesShouldNotDependOnTheThreadCount(@TempDir final Path dir) throws IOException
    {
        final Simulation two = new Simulation(network(240), 2);
        final Simulation four = new Simulation(network(240), 4);
        two.runSteps(300, ProgressListener.NONE);
        four.runSteps(300, ProgressListener.NONE);

        final Checkpoint.Manifest a = Checkpoint.save(two, dir.resolve("two"));
        final Checkpoint.Manifest b = Checkpoint.save(four, dir.resolve("four"));

        assertThat(b.arrays()).isEqualTo(a.arrays());
        assertThat(b.modelDigest()).isEqualTo(a.modelDigest());
        assertThat(a.arrays()).extracting(Checkpoint.ArrayFile::name).contains("population/E/v",
            "population/E/refractoryLeft", "population/E/spikes/ids", "population/E/observer/0/factors",
            "population/E/input/0/current", "population/E/receptor/ge/g", "population/I/receptor/ge/delays/slots",
            "delivery/in->I/weight", "delivery/in->I/preTraces/value", "spikeMonitor/0/neurons", "step");
    }

    /**
     * A snapshot is a copy: written by the background writer while the simulation runs on, it
     * holds the state of its own step, the files of a checkpoint saved at that step.
     */
    @Test
    void aSnapshotWrittenWhileTheRunGoesOnShouldBeTheCheckpointOfItsStep(@TempDir final Path dir) throws IOException
    {
        final Simulation reference = new Simulation(network(240), 2);
        reference.runSteps(HALF, ProgressListener.NONE);
        final Checkpoint.Manifest expected = Checkpoint.save(reference, dir.resolve("reference"));
        final Simulation sim = new Simulation(network(240), 2);
        sim.runSteps(HALF, ProgressListener.NONE);
        final Checkpoint.Manifest written;
        try (CheckpointWriter writer = new CheckpointWriter())
        {
            writer.start(Checkpoint.snapshot(sim, Map.of()), dir.resolve("checkpoint"), () -> sim.runSteps(HALF,
                ProgressListener.NONE));
            written = writer.await();
        }

        assertThat(sim.step()).isEqualTo(2 * HALF);
        assertThat(written.step()).isEqualTo(HALF);
        assertThat(written.arrays()).isEqualTo(expected.arrays());
        assertThat(Checkpoint.manifest(dir.resolve("checkpoint")).arrays()).isEqualTo(expected.arrays());
    }

    @Test
    void theWriterShouldRethrowWhatWritingACheckpointThrewAndLeaveNone(@TempDir final Path dir) throws IOException
    {
        final Simulation sim = new Simulation(network(240), 1);
        sim.runSteps(10, ProgressListener.NONE);
        final CheckpointWriter writer = new CheckpointWriter();
        writer.start(Checkpoint.snapshot(sim, Map.of()), dir.resolve("checkpoint"), () ->
        {
            throw new IOException("disk full");
        });

        assertThatThrownBy(writer::await).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(dir.resolve("checkpoint")).doesNotExist();
        assertThat(writer.await()).isNull();
    }

    private static float[] weights(final Simulation sim)
    {
        return sim.network().deliveries(PlasticProjection.class).getFirst().weights().w();
    }

    @Test
    void savingAgainShouldReplaceTheCheckpointAndLeaveNothingElseBeside(@TempDir final Path dir) throws IOException
    {
        final Simulation sim = new Simulation(network(240), 1);
        sim.runSteps(10, ProgressListener.NONE);
        Checkpoint.save(sim, dir.resolve("checkpoint"), Map.of("planned-end", "250 ms"));
        sim.runSteps(10, ProgressListener.NONE);
        Checkpoint.save(sim, dir.resolve("checkpoint"));

        try (Stream<Path> left = Files.list(dir))
        {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("checkpoint");
        }
        assertThat(Checkpoint.manifest(dir.resolve("checkpoint")).step()).isEqualTo(20);
        assertThat(Checkpoint.manifest(dir.resolve("checkpoint")).notes()).isEmpty();
    }

    @Test
    void notesShouldComeBackFromTheManifest(@TempDir final Path dir) throws IOException
    {
        Checkpoint.save(new Simulation(network(240), 1), dir.resolve("c"), Map.of("planned-end", "it's 250 ms"));

        assertThat(Checkpoint.manifest(dir.resolve("c")).notes()).containsExactly(Map.entry("planned-end",
            "it's 250 ms"));
    }

    @Test
    void thePreviousCheckpointShouldBeReadWhenACrashLeftOnlyIt(@TempDir final Path dir) throws IOException
    {
        final Simulation sim = new Simulation(network(240), 1);
        sim.runSteps(10, ProgressListener.NONE);
        Checkpoint.save(sim, dir.resolve("checkpoint"));
        // a crash between moving the old checkpoint aside and moving the new one in
        Files.move(dir.resolve("checkpoint"), dir.resolve(".checkpoint.previous"));

        assertThat(Checkpoint.restore(network(240), dir.resolve("checkpoint"), 2).step()).isEqualTo(10);
    }

    @Test
    void savingAfterACrashThatLeftOnlyThePreviousCheckpointShouldPutTheNewOneInItsPlace(@TempDir final Path dir)
        throws IOException
    {
        final Simulation sim = new Simulation(network(240), 1);
        sim.runSteps(10, ProgressListener.NONE);
        Checkpoint.save(sim, dir.resolve("checkpoint"));
        Files.move(dir.resolve("checkpoint"), dir.resolve(".checkpoint.previous"));
        sim.runSteps(10, ProgressListener.NONE);
        Checkpoint.save(sim, dir.resolve("checkpoint"));

        try (Stream<Path> left = Files.list(dir))
        {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("checkpoint");
        }
        assertThat(Checkpoint.restore(network(240), dir.resolve("checkpoint"), 2).step()).isEqualTo(20);
    }

    @Test
    void savingShouldRemoveTheUnfinishedCheckpointOfAKilledWriter(@TempDir final Path dir) throws IOException
    {
        final Path unfinished = Files.createDirectories(dir.resolve(".checkpoint.writing-123"));
        Files.writeString(unfinished.resolve("00000-step.npy"), "half a file");
        final Path unrelated = Files.createDirectories(dir.resolve(".other.writing-1"));

        Checkpoint.save(new Simulation(network(240), 1), dir.resolve("checkpoint"));

        assertThat(unfinished).doesNotExist();
        assertThat(unrelated).isDirectory();
        assertThat(dir.resolve("checkpoint").resolve(Checkpoint.MANIFEST)).isRegularFile();
    }

    @Test
    void aCheckpointOfAnotherModelShouldBeRefusedNamingTheDifference(@TempDir final Path dir) throws IOException
    {
        Checkpoint.save(new Simulation(network(240), 2), dir);

        assertThatThrownBy(() -> Checkpoint.restore(network(250), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("checkpoint " + dir + " is of another model: it has 'population LIF 'E' (240) ")
            .hasMessageContaining("where this model has 'population LIF 'E' (250) ")
            .hasMessageNotContaining("\n");
    }

    @Test
    void aCheckpointWithAnotherProjectionWeightShouldBeRefusedNamingTheProjection(@TempDir final Path dir)
        throws IOException
    {
        Checkpoint.save(new Simulation(network(240), 2), dir);

        assertThatThrownBy(() -> Checkpoint.restore(network(240, 0.6), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("checkpoint " + dir + " is of another model: it has 'projection 'E->E' E -> E ")
            .hasMessageContaining("w=0.5, delay=5.0 ms")
            .hasMessageContaining("where this model has 'projection 'E->E' E -> E ")
            .hasMessageContaining("w=0.6, delay=5.0 ms");
    }

    @Test
    void aCheckpointOfAnotherFormatVersionShouldBeRefused(@TempDir final Path dir) throws IOException
    {
        Checkpoint.save(new Simulation(network(240), 2), dir);
        final Path manifest = dir.resolve(Checkpoint.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("format: 1\n", "format: 2\n"));

        assertThatThrownBy(() -> Checkpoint.restore(network(240), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessage("checkpoint " + dir + ": format version 2, this Myelin reads format version 1");
    }

    @Test
    void aTruncatedFileShouldBeRefusedByName(@TempDir final Path dir) throws IOException
    {
        final Checkpoint.Manifest m = Checkpoint.save(new Simulation(network(240), 2), dir);
        final Checkpoint.ArrayFile v = file(m, "population/E/v");
        try (FileChannel channel = FileChannel.open(dir.resolve(v.file()), StandardOpenOption.WRITE))
        {
            channel.truncate(v.bytes() - 8);
        }

        assertThatThrownBy(() -> Checkpoint.restore(network(240), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessage("checkpoint " + dir + ": file " + v.file() + " is truncated (" + (v.bytes() - 8) + " of "
                + v.bytes() + " bytes)");
    }

    @Test
    void aCorruptedFileShouldBeRefusedByName(@TempDir final Path dir) throws IOException
    {
        final Checkpoint.Manifest m = Checkpoint.save(new Simulation(network(240), 2), dir);
        final Checkpoint.ArrayFile v = file(m, "population/E/v");
        final byte[] bytes = Files.readAllBytes(dir.resolve(v.file()));
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(dir.resolve(v.file()), bytes);

        assertThatThrownBy(() -> Checkpoint.restore(network(240), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessage("checkpoint " + dir + ": file " + v.file() + " is damaged (its SHA-256 is not the manifest's)");
    }

    @Test
    void aMissingFileShouldBeRefusedByName(@TempDir final Path dir) throws IOException
    {
        final Checkpoint.Manifest m = Checkpoint.save(new Simulation(network(240), 2), dir);
        final Checkpoint.ArrayFile v = file(m, "population/E/v");
        Files.delete(dir.resolve(v.file()));

        assertThatThrownBy(() -> Checkpoint.restore(network(240), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessage("checkpoint " + dir + ": file " + v.file() + " is missing");
    }

    @Test
    void aFolderWithoutCheckpointShouldBeRefused(@TempDir final Path dir)
    {
        assertThatThrownBy(() -> Checkpoint.restore(network(240), dir, 2))
            .isInstanceOf(ModelException.class)
            .hasMessage(dir + ": no checkpoint here (manifest.yaml is missing); write one with Checkpoint.save or "
                + "'myelin run --checkpoint-every'");
    }

    private static Checkpoint.ArrayFile file(final Checkpoint.Manifest m, final String name)
    {
        return m.arrays().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
