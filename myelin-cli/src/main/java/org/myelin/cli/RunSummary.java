package org.myelin.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures printed after a run. Spikes and rates come from the engine's counts, for every
 * population whatever was recorded.
 *
 * @param model             model name.
 * @param neurons           total neurons.
 * @param synapses          total synapses.
 * @param connectivityBytes bytes held by the connectivity.
 * @param populations       each population's size and spikes.
 * @param recorded          what was recorded, in words.
 * @param durationMs        [ms] simulated time.
 * @param dtMs              [ms] time step.
 * @param seed              the seed.
 * @param threads           worker threads.
 * @param buildSeconds      wall time to build the network.
 * @param runSeconds        wall time of the simulation loop, without writing.
 * @param outputSeconds     wall time spent writing outputs, during and after the loop.
 * @param synapticEvents    spikes delivered to synapses.
 * @param peakHeapBytes     peak heap use.
 * @param simulationResidentBytes peak resident memory of the process at the end of the simulation, -1 if unknown.
 * @param peakResidentBytes peak resident memory of the whole process, outputs included, -1 if unknown.
 * @param plasticSynapses   synapses whose weights learn (counted in {@code synapses} too).
 * @param plasticBytes      bytes held by the plastic synapses (weights, indices, per-synapse state).
 * @param rankSynapses      synapses this process holds ({@code synapses} in one process; under MPI
 *                          those onto its slices, which {@code connectivityBytes} counts).
 * @param rankPeakResidentBytes under MPI each rank's peak resident memory, else null.
 */
record RunSummary(
    String model, long neurons, long synapses, long connectivityBytes, List<PopulationCount> populations,
    String recorded, double durationMs, double dtMs, long seed, int threads, double buildSeconds, double runSeconds,
    double outputSeconds, long synapticEvents, long peakHeapBytes, long simulationResidentBytes,
    long peakResidentBytes, long plasticSynapses, long plasticBytes, long rankSynapses, long[] rankPeakResidentBytes)
{
    /**
     * One population's spikes.
     *
     * @param name     its name.
     * @param size     its neurons.
     * @param spikes   its spikes over the run.
     * @param recorded whether its spikes were recorded.
     */
    record PopulationCount(String name, int size, long spikes, boolean recorded)
    {
    }

    /** Spikes of every population. */
    long spikes()
    {
        return populations.stream().mapToLong(PopulationCount::spikes).sum();
    }

    /** {@code "1234.5, 1200.0 MiB"}. */
    private static String mebibytes(final long[] bytes)
    {
        final StringBuilder s = new StringBuilder();
        for (final long b : bytes)
        {
            s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", b / 1048576.0));
        }
        return s.append(" MiB").toString();
    }

    /** Mean rate over every neuron [Hz]. */
    double meanRateHz()
    {
        return neurons == 0 ? 0.0 : spikes() / (double) neurons / (durationMs / 1000.0);
    }

    /** The report, one figure a line, then the notes and the files written. */
    String format(final List<Path> written, final List<String> notes)
    {
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Myelin %s: N = %d, %s ms of biological time, dt = %s ms, seed %d, %d thread%s%n",
            model, neurons, trim(durationMs), trim(dtMs), seed, threads, threads == 1 ? "" : "s"));
        line(s, "neurons", String.format(Locale.ROOT, "%,d", neurons));
        final boolean distributed = rankPeakResidentBytes != null;
        line(s, "synapses", String.format(Locale.ROOT, "%,d", synapses)
            + (distributed ? String.format(Locale.ROOT, " (%,d of them on rank 0)", rankSynapses) : ""));
        line(s, "bytes per synapse", String.format(Locale.ROOT, "%.2f (connectivity %.1f MiB%s)",
            rankSynapses == 0 ? 0.0 : connectivityBytes / (double) rankSynapses, connectivityBytes / 1048576.0,
            distributed ? " on rank 0" : ""));
        if (plasticSynapses > 0)
        {
            line(s, "plastic synapses", String.format(Locale.ROOT, "%,d, %.2f bytes per plastic synapse (%.1f MiB)",
                plasticSynapses, plasticBytes / (double) plasticSynapses, plasticBytes / 1048576.0));
        }
        final StringBuilder spikes = new StringBuilder(String.format(Locale.ROOT, "%,d", spikes()));
        final StringBuilder rates = new StringBuilder();
        if (populations.size() > 1)
        {
            spikes.append(" (");
            for (final PopulationCount p : populations)
            {
                spikes.append(String.format(Locale.ROOT, "%s %,d, ", p.name(), p.spikes()));
                rates.append(String.format(Locale.ROOT, "%s %.2f Hz, ", p.name(),
                    p.spikes() / (double) p.size() / (durationMs / 1000.0)));
            }
            spikes.setLength(spikes.length() - 2);
            spikes.append(')');
        }
        rates.append(String.format(Locale.ROOT, "all %.2f Hz", meanRateHz()));
        line(s, "spikes", spikes.toString());
        line(s, "mean rate", rates.toString());
        line(s, "recorded", recorded);
        line(s, "wall time", String.format(Locale.ROOT, "%.3f s (build %.3f s, run %.3f s, outputs %.3f s)",
            buildSeconds + runSeconds + outputSeconds, buildSeconds, runSeconds, outputSeconds));
        line(s, "speed", String.format(Locale.ROOT, "%.2f bio-s per wall-s, %.3g synaptic events per s",
            durationMs / 1000.0 / runSeconds, synapticEvents / runSeconds));
        line(s, "synaptic events", String.format(Locale.ROOT, "%,d", synapticEvents));
        if (peakResidentBytes > 0)
        {
            line(s, "memory", String.format(Locale.ROOT, "peak %.1f MiB resident, whole process (%.1f MiB by the end of"
                + " the simulation); peak heap %.1f MiB", peakResidentBytes / 1048576.0,
                simulationResidentBytes / 1048576.0, peakHeapBytes / 1048576.0)
                + (distributed ? ", on rank 0; peak resident per rank " + mebibytes(rankPeakResidentBytes) : ""));
        }
        else
        {
            line(s, "memory", String.format(Locale.ROOT, "peak heap %.1f MiB", peakHeapBytes / 1048576.0));
        }
        for (final String n : notes)
        {
            line(s, "note", n);
        }
        for (final Path p : written)
        {
            line(s, "wrote", p.toString());
        }
        return s.toString();
    }

    private static void line(final StringBuilder s, final String label, final String value)
    {
        s.append(String.format(Locale.ROOT, "  %-18s %s%n", label, value));
    }

    private static String trim(final double value)
    {
        return org.myelin.units.Units.format(value);
    }
}
