package org.myelin.io.model;

import java.util.List;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.sim.Network;

/**
 * A model file, loaded: the network (populations, projections, inputs, monitors; connectivity is
 * built when a simulation is created) and the run settings.
 *
 * @param name          the model's name (the file's {@code name:}, else the file name).
 * @param network       the network.
 * @param durationMs    [ms] how long to run.
 * @param threads       worker threads from the file, or null for the machine's processors.
 * @param spikeMonitors the spike monitors, in file order.
 * @param stateMonitors the state monitors, in file order.
 * @param estimate      sizes expected before building the connectivity.
 * @param notes         what a run should tell the user about how the file was read (e.g. which
 *                      dt and duration a NeuroML file ran with); empty for most files.
 * @param outputs       files the model asks for besides Myelin's own outputs (a LEMS
 *                      simulation's {@code <OutputFile>}s), written after the run.
 */
public record ModelFile(String name, Network network, double durationMs, Integer threads,
    List<SpikeMonitor> spikeMonitors, List<StateMonitor> stateMonitors, Estimate estimate, List<String> notes,
    List<RunOutput> outputs)
{
    /** A model without notes or outputs of its own. */
    public ModelFile(final String name, final Network network, final double durationMs, final Integer threads,
        final List<SpikeMonitor> spikeMonitors, final List<StateMonitor> stateMonitors, final Estimate estimate)
    {
        this(name, network, durationMs, threads, spikeMonitors, stateMonitors, estimate, List.of(), List.of());
    }

    /** Files a model writes after its run, with the data its own monitors recorded. */
    @FunctionalInterface
    public interface RunOutput
    {
        /**
         * Writes the files, each atomically.
         *
         * @param outputFolder the run's output folder (files the model places elsewhere ignore it).
         * @return the files written.
         */
        List<java.nio.file.Path> write(java.nio.file.Path outputFolder) throws java.io.IOException;

        /** Steps, ascending, at which the run pauses for {@link #snapshot}; none by default. */
        default long[] snapshotSteps()
        {
            return new long[0];
        }

        /**
         * Writes what the model records at step {@code step} of {@link #snapshotSteps} (the state
         * after every event of the steps before it), each file atomically.
         *
         * @return the files written.
         */
        default List<java.nio.file.Path> snapshot(final long step, final java.nio.file.Path outputFolder)
            throws java.io.IOException
        {
            return List.of();
        }

        /**
         * Opens the spool that streams what the model records during the run into {@code dir}
         * (files {@link #write} then leaves out), or returns null when it streams nothing (the
         * default), so its recordings are held until {@link #write}.
         *
         * @param continued whether to append to the files in {@code dir}, cut back to a checkpoint's position.
         * @param keep      whether closing the spool before it finishes keeps the files.
         */
        default org.myelin.io.FileSpool spool(final java.nio.file.Path dir, final boolean continued,
            final boolean keep) throws java.io.IOException
        {
            return null;
        }

        /** Lines of YAML that {@code run-info.yaml} holds for these files, so plots find them; none by default. */
        default String runInfo()
        {
            return "";
        }

        /**
         * Whether {@link #write} and {@link #snapshot} read state that every MPI rank updates only
         * in part (plastic weights), so that the ranks must share their state before; no by default.
         */
        default boolean readsSharedState()
        {
            return false;
        }

        /**
         * Under several MPI ranks, gives every rank what the others recorded into this output's
         * monitors (each rank records only its own slices); called before the recordings are
         * drained or written, a collective on every rank. Nothing by default.
         */
        default void gatherRecordings(final org.myelin.sim.Simulation simulation)
        {
        }
    }

    /**
     * What {@code myelin validate} reports.
     *
     * @param neurons  total neurons (spike sources included).
     * @param synapses expected synapses.
     * @param bytes    expected memory of states, connectivity and recordings.
     */
    public record Estimate(long neurons, double synapses, double bytes)
    {
    }
}
