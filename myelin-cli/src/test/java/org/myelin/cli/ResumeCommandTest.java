package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.Checkpoint;

/**
 * {@code myelin run --checkpoint-every} and {@code myelin resume} on a small model file: a run
 * continued from its checkpoint writes the spike, state and weight files of a run that never
 * stopped, byte for byte.
 */
class ResumeCommandTest
{
    /** The files whose bytes must not depend on where the run was stopped. */
    private static final List<String> DATA = List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv",
        "states_E_v.npy", "states_E_v.csv");

    @TempDir
    private Path dir;

    private Path model;

    @BeforeEach
    void writeModel() throws IOException
    {
        model = Files.writeString(dir.resolve("small.yaml"), smallCoba("delay: 3 ms",
            "{population: E, variable: v, neurons: [0, 7, 100], every: 1 ms}", ""));
    }

    /**
     * A COBA network of 240 + 60 LIF neurons for 400 ms that records all spikes and
     * {@code states}, its E->E projection ended by {@code eeKeys} (a delay, a plasticity rule), its
     * monitors by {@code more} (weight monitors).
     */
    static String smallCoba(final String eeKeys, final String states, final String more)
    {
        return """
            name: small COBA
            dt: 0.1 ms
            duration: 400 ms
            seed: 5
            populations:
              E:
                model: LIF
                size: 240
                parameters: &lif {vRest: -60 mV, vTh: -50 mV, vReset: -60 mV, tauM: 20 ms, tRef: 5 ms, iExt: 20 pA,
                                  integrator: euler}
                initial: {v: {uniform: [-60 mV, -50 mV]}}
              I:
                model: LIF
                size: 60
                parameters: *lif
                initial: {v: {uniform: [-60 mV, -50 mV]}}
            projections:
              - {name: E->E, source: E, target: E, connectivity: {model: FixedProbability, p: 0.1},
                 synapse: {model: Exponential, tau: 5 ms}, output: {model: COBA, eRev: 0 mV}, receptor: ge,
                 weight: 0.5 nS, EE_KEYS}
              - {name: E->I, source: E, target: I, connectivity: {model: FixedProbability, p: 0.1},
                 synapse: {model: Exponential, tau: 5 ms}, output: {model: COBA, eRev: 0 mV}, receptor: ge,
                 weight: 0.5 nS}
              - {name: I->E, source: I, target: E, connectivity: {model: FixedProbability, p: 0.1},
                 synapse: {model: Exponential, tau: 10 ms}, output: {model: COBA, eRev: -80 mV}, receptor: gi,
                 weight: 0.3 nS, delay: 1 ms}
            monitors:
              spikes: all
              states:
                - STATES
            """.replace("EE_KEYS", eeKeys).replace("STATES", states) + more;
    }

    @Test
    void aRunExtendedFromItsFinalCheckpointShouldWriteTheFilesOfOneLongerRun() throws IOException
    {
        final Path straight = dir.resolve("straight");
        final Path resumed = dir.resolve("resumed");
        CliRun.ok("run", model.toString(), "--duration", "400ms", "--threads", "2", "--no-progress", "--no-plot", "--out",
            straight.toString());
        CliRun.ok("run", model.toString(), "--duration", "200ms", "--checkpoint-every", "50ms", "--threads", "2",
            "--no-progress", "--no-plot", "--out", resumed.toString());

        assertThat(Checkpoint.manifest(resumed.resolve("checkpoint")).step()).isEqualTo(2000);
        CliRun.ok("resume", resumed.toString(), "--duration", "400ms", "--threads", "3", "--no-progress");

        assertSameData(resumed, straight);
        assertThat(Checkpoint.manifest(resumed.resolve("checkpoint")).step()).isEqualTo(4000);
    }

    @Test
    void aRunResumedFromACheckpointBeforeItsPlannedEndShouldRunOnToThatEnd() throws IOException
    {
        final Path straight = dir.resolve("straight");
        final Path resumed = dir.resolve("resumed");
        CliRun.ok("run", model.toString(), "--no-progress", "--no-plot", "--out", straight.toString());
        CliRun.ok("run", model.toString(), "--duration", "150ms", "--checkpoint-every", "100ms", "--threads", "1",
            "--no-progress", "--no-plot", "--out", resumed.toString());
        // as if the run had been planned for 400 ms and stopped after its checkpoint at 150 ms
        final Path manifest = resumed.resolve("checkpoint").resolve(Checkpoint.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("end-step: '1500'", "end-step: '4000'"));

        final CliRun r = CliRun.ok("resume", resumed.toString(), "--no-progress");

        assertSameData(resumed, straight);
        assertThat(r.out()).contains("400");
    }

    @Test
    void anIntermediateCheckpointShouldBeKeptWhileTheRunGoesOn() throws IOException
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "100ms", "--checkpoint-every", "30ms", "--no-progress",
            "--no-plot", "--out", out.toString());

        assertThat(Checkpoint.manifest(out.resolve("checkpoint")).step()).isEqualTo(1000);
        assertThat(Checkpoint.manifest(out.resolve("checkpoint")).notes()).containsEntry("checkpoint-every-steps",
            "300");
        try (Stream<Path> entries = Files.list(dir))
        {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.contains("checkpoint"))).isEmpty();
        }
    }

    /**
     * The spikes of a checkpointed run go to disk as it runs, not into its checkpoints: the
     * checkpoint's spike monitors are empty and its notes say how far the spike files go.
     */
    @Test
    void aCheckpointedRunShouldStreamItsSpikesToDiskAndKeepNoneInItsCheckpoint() throws IOException
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "100ms", "--checkpoint-every", "30ms", "--no-progress",
            "--no-plot", "--out", out.toString());

        final Checkpoint.Manifest m = Checkpoint.manifest(out.resolve("checkpoint"));
        final long spikes = (Files.size(out.resolve("spikes_step.npy")) - org.myelin.io.Npy.APPENDER_HEADER_BYTES) / 8;
        assertThat(spikes).isGreaterThan(500);
        assertThat(m.notes()).containsEntry("spool-spikes", "spikes.csv " + Files.size(out.resolve("spikes.csv"))
            + " spikes_neuron.npy " + (org.myelin.io.Npy.APPENDER_HEADER_BYTES + 4 * spikes) + " spikes_step.npy "
            + (org.myelin.io.Npy.APPENDER_HEADER_BYTES + 8 * spikes));
        assertThat(m.notes()).containsEntry("spool-states", "states_E_v.csv " + Files.size(out.resolve(
            "states_E_v.csv")) + " states_E_v.npy " + Files.size(out.resolve("states_E_v.npy")) + " states_E_v_t.npy "
            + Files.size(out.resolve("states_E_v_t.npy")));
        assertThat(m.arrays()).filteredOn(a -> a.name().startsWith("spikeMonitor/")).isNotEmpty()
            .allMatch(a -> a.length() == 0);
        assertThat(m.arrays()).filteredOn(a -> a.name().startsWith("stateMonitor/") && !a.name().endsWith("/sampleBase"))
            .isNotEmpty().allMatch(a -> a.length() == 0);
        try (Stream<Path> entries = Files.list(out))
        {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void resumingAFinishedRunWhoseSpikeFileWasCutShouldBeRefusedNamingTheFile() throws IOException
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "100ms", "--checkpoint-every", "50ms", "--no-progress",
            "--no-plot", "--out", out.toString());
        final Path steps = out.resolve("spikes_step.npy");
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(steps,
            java.nio.file.StandardOpenOption.WRITE))
        {
            c.truncate(c.size() - 8);
        }

        final CliRun r = CliRun.of("resume", out.toString(), "--duration", "200ms", "--no-progress");

        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).startsWith("myelin resume: " + out.resolve(".checkpoint.spikes").resolve(
            "spikes_step.npy") + ": holds ").contains("; the file was cut or belongs to another run");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void resumeShouldRefuseAChangedModelFile() throws IOException
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "50ms", "--checkpoint-every", "20ms", "--no-progress",
            "--no-plot", "--out", out.toString());
        Files.writeString(model, Files.readString(model).replace("seed: 5", "seed: 6"));

        final CliRun r = CliRun.of("resume", out.toString(), "--duration", "100ms", "--no-progress");

        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).isEqualTo("myelin resume: checkpoint " + out.resolve("checkpoint") + ": the model file "
            + model.toAbsolutePath() + " changed since the checkpoint was written; resume needs the file it was "
            + "saved with" + System.lineSeparator());
    }

    @Test
    void resumeShouldRefuseAFolderWithoutCheckpoint()
    {
        final CliRun r = CliRun.of("resume", dir.resolve("nothing").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(r.err()).startsWith("myelin resume: " + dir.resolve("nothing").resolve("checkpoint")
            + ": no checkpoint here (manifest.yaml is missing)");
    }

    @Test
    void anEndBeforeTheCheckpointShouldBeRefused()
    {
        final Path out = dir.resolve("out");
        CliRun.ok("run", model.toString(), "--duration", "50ms", "--checkpoint-every", "20ms", "--no-progress",
            "--no-plot", "--out", out.toString());

        final CliRun r = CliRun.of("resume", out.toString(), "--duration", "30ms", "--no-progress");

        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo("myelin resume: the checkpoint in " + out.resolve("checkpoint")
            + " stands at t = 50 ms, after the end of the run at 30 ms; give a later --duration"
            + System.lineSeparator());
    }

    @Test
    void anIntervalThatIsNoWholeNumberOfStepsShouldBeRefused()
    {
        final CliRun r = CliRun.of("run", model.toString(), "--checkpoint-every", "0.05ms", "--no-progress",
            "--out", dir.resolve("out").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).contains("--checkpoint-every");
    }

    @Test
    void checkpointsOfANeuroMLFileShouldBeRefused() throws IOException
    {
        final Path nml = dir.resolve("cells.nml");
        Files.writeString(nml, "<neuroml id=\"x\"></neuroml>\n");

        final CliRun r = CliRun.of("run", nml.toString(), "--checkpoint-every", "10ms", "--no-progress", "--out",
            dir.resolve("out").toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err()).isEqualTo("myelin run: --checkpoint-every works with YAML model files and the reference "
            + "networks; " + nml + " is a NeuroML or LEMS file, whose recordings a checkpoint does not hold"
            + System.lineSeparator());
    }

    @Test
    void aReferenceNetworkShouldResumeToo()
    {
        final Path straight = dir.resolve("straight");
        final Path resumed = dir.resolve("resumed");
        CliRun.ok("run", "--model", "cuba", "-N", "400", "--duration", "200ms", "--no-progress", "--no-plot", "--out",
            straight.toString());
        CliRun.ok("run", "--model", "cuba", "-N", "400", "--duration", "100ms", "--checkpoint-every", "100ms",
            "--no-progress", "--no-plot", "--out", resumed.toString());
        CliRun.ok("resume", resumed.toString(), "--duration", "200ms", "--no-progress");

        for (final String file : List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv"))
        {
            assertThat(resumed.resolve(file)).as(file).hasSameBinaryContentAs(straight.resolve(file));
        }
    }

    private static void assertSameData(final Path actual, final Path expected) throws IOException
    {
        assertThat(Files.size(expected.resolve("spikes_step.npy"))).as("bytes of 1000 spike steps and more")
            .isGreaterThan(8000);
        for (final String file : DATA)
        {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(
                Files.readAllBytes(expected.resolve(file)));
        }
        assertThat(Files.readString(actual.resolve("run-info.yaml"))).isEqualTo(
            Files.readString(expected.resolve("run-info.yaml")));
    }
}
