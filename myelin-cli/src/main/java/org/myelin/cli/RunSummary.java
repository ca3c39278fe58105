package org.myelin.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The figures printed after a run.
 *
 * @param model         model name.
 * @param neurons       total neurons.
 * @param recordedNeurons neurons whose spikes were recorded (the mean rate is over these).
 * @param synapses      total synapses.
 * @param connectivityBytes bytes held by the connectivity.
 * @param spikes        total spikes.
 * @param rates         mean rate per population.
 * @param durationMs    [ms] simulated time.
 * @param dtMs          [ms] time step.
 * @param seed          the seed.
 * @param threads       worker threads.
 * @param buildSeconds  wall time to build the network.
 * @param runSeconds    wall time of the simulation loop.
 * @param synapticEvents spikes delivered to synapses.
 * @param peakHeapBytes peak heap use.
 */
record RunSummary(
    String model, int neurons, int recordedNeurons, long synapses, long connectivityBytes, long spikes, List<PopulationRate> rates,
    double durationMs, double dtMs, long seed, int threads, double buildSeconds, double runSeconds,
    long synapticEvents, long peakHeapBytes)
{
    /** One population's rate. */
    record PopulationRate(String name, int size, double hz)
    {
    }

    /** Mean rate over the recorded neurons [Hz], 0 when none was recorded. */
    double meanRateHz()
    {
        return recordedNeurons == 0 ? 0.0 : spikes / (double) recordedNeurons / (durationMs / 1000.0);
    }

    /** The report, one figure a line. */
    String format(final List<Path> written)
    {
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Myelin %s: N = %d, %s ms of biological time, dt = %s ms, seed %d, %d thread%s%n",
            model, neurons, trim(durationMs), trim(dtMs), seed, threads, threads == 1 ? "" : "s"));
        line(s, "neurons", String.format(Locale.ROOT, "%,d", neurons));
        line(s, "synapses", String.format(Locale.ROOT, "%,d", synapses));
        line(s, "bytes per synapse", String.format(Locale.ROOT, "%.2f (connectivity %.1f MiB)",
            synapses == 0 ? 0.0 : connectivityBytes / (double) synapses, connectivityBytes / 1048576.0));
        line(s, "spikes", String.format(Locale.ROOT, "%,d", spikes));
        final StringBuilder r = new StringBuilder();
        for (final PopulationRate p : rates)
        {
            r.append(String.format(Locale.ROOT, "%s %.2f Hz, ", p.name(), p.hz()));
        }
        r.append(String.format(Locale.ROOT, "all %.2f Hz", meanRateHz()));
        line(s, "mean rate", r.toString());
        line(s, "wall time", String.format(Locale.ROOT, "%.3f s (build %.3f s, run %.3f s)",
            buildSeconds + runSeconds, buildSeconds, runSeconds));
        line(s, "speed", String.format(Locale.ROOT, "%.2f bio-s per wall-s, %.3g synaptic events per s",
            durationMs / 1000.0 / runSeconds, synapticEvents / runSeconds));
        line(s, "synaptic events", String.format(Locale.ROOT, "%,d", synapticEvents));
        line(s, "peak heap", String.format(Locale.ROOT, "%.1f MiB", peakHeapBytes / 1048576.0));
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
