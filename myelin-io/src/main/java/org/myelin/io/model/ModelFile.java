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
 */
public record ModelFile(String name, Network network, double durationMs, Integer threads,
    List<SpikeMonitor> spikeMonitors, List<StateMonitor> stateMonitors, Estimate estimate)
{
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
