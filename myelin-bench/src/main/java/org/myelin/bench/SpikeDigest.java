package org.myelin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * A check for engine changes, not a benchmark: runs a reference network and prints a digest of
 * its spike trains (every (step, neuron) pair of every group, in recorded order), so that runs
 * with other thread counts or other engine versions can be compared for bit-identical results.
 *
 * <p>usage: {@code SpikeDigest model N T_seconds threads [seed]}
 */
public final class SpikeDigest
{
    private SpikeDigest()
    {
    }

    /**
     * Prints {@code digest model=.. N=.. T=.. threads=.. spikes=.. digest=<hex>}.
     *
     * @param args model, N, T in seconds, threads, optional seed.
     */
    public static void main(final String[] args)
    {
        final String model = args[0];
        final int n = Integer.parseInt(args[1]);
        final double seconds = Double.parseDouble(args[2]);
        final int threads = Integer.parseInt(args[3]);
        final long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, 0.1, seed);
        final List<SpikeMonitor> monitors = new ArrayList<>();
        built.groups().forEach(g -> monitors.add(built.network().monitorSpikes(g)));
        new Simulation(built.network(), threads).run(seconds * 1000);
        long hash = 0x9E3779B97F4A7C15L;
        long spikes = 0;
        for (final SpikeMonitor m : monitors)
        {
            for (int k = 0; k < m.size(); k++)
            {
                hash = (hash ^ m.step(k)) * 0x100000001B3L;
                hash = (hash ^ m.neuron(k)) * 0x100000001B3L;
            }
            spikes += m.size();
        }
        System.out.println(String.format(Locale.ROOT, "digest model=%s N=%d T=%s threads=%d spikes=%d digest=%016x",
            model, n, seconds, threads, spikes, hash));
    }
}
