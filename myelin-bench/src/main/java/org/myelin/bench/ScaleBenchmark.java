package org.myelin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonInput;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.MemoryUse;

/**
 * The scale benchmark (not a test): builds and runs one large network and prints one
 * machine-readable line with build time, run time, synapses, bytes per synapse and peak heap.
 * {@code scripts/scale.sh} runs it beside Brian2.
 *
 * <pre>
 * ScaleBenchmark coba N T_MS THREADS [stored|jit]   COBA of DESIGN.md §8 with N neurons
 * ScaleBenchmark pd T_MS THREADS                    Potjans–Diesmann-sized microcircuit, just-in-time
 * </pre>
 */
public final class ScaleBenchmark
{
    /** Potjans and Diesmann (2014) population sizes: L2/3e, L2/3i, L4e, L4i, L5e, L5i, L6e, L6i. */
    static final int[] PD_SIZES = {20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948};
    /** Population names. */
    static final String[] PD_NAMES = {"L23e", "L23i", "L4e", "L4i", "L5e", "L5i", "L6e", "L6i"};
    /** Connection probabilities, rows target, columns source (Potjans and Diesmann 2014, Table 5). */
    static final double[][] PD_P = {
        {0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0},
        {0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0},
        {0.0077, 0.0059, 0.0497, 0.1350, 0.0067, 0.0003, 0.0453, 0.0},
        {0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0},
        {0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0},
        {0.0548, 0.0269, 0.0257, 0.0022, 0.0600, 0.3158, 0.0086, 0.0},
        {0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252},
        {0.0364, 0.0010, 0.0034, 0.0005, 0.0277, 0.0080, 0.0658, 0.1443}};
    /** External (background) in-degree per population, at 8 Hz each. */
    static final int[] PD_K_EXT = {1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100};

    private ScaleBenchmark()
    {
    }

    /**
     * Runs one benchmark.
     *
     * @param args see the class comment.
     */
    public static void main(final String[] args)
    {
        if (args.length < 1)
        {
            usage();
        }
        switch (args[0])
        {
            case "coba" ->
            {
                if (args.length < 4)
                {
                    usage();
                }
                final int n = Integer.parseInt(args[1]);
                final boolean jit = args.length > 4 && args[4].equals("jit");
                final long t0 = System.nanoTime();
                final ReferenceNetworks.Built built = ReferenceNetworks.coba(n, 0.1, 42, jit);
                final List<SpikeMonitor> monitors = new ArrayList<>();
                for (final Lif g : built.groups())
                {
                    monitors.add(built.network().monitorSpikes(g));
                }
                run("coba" + (jit ? "-jit" : ""), built.network(), monitors, Double.parseDouble(args[2]),
                    Integer.parseInt(args[3]), t0);
            }
            case "pd" ->
            {
                if (args.length < 3)
                {
                    usage();
                }
                final long t0 = System.nanoTime();
                final Network net = new Network(0.1, 42);
                final List<SpikeMonitor> monitors = potjansDiesmann(net);
                run("pd-jit", net, monitors, Double.parseDouble(args[1]), Integer.parseInt(args[2]), t0);
            }
            default -> usage();
        }
    }

    private static void usage()
    {
        System.err.println("usage: ScaleBenchmark coba N T_MS THREADS [stored|jit] | pd T_MS THREADS");
        System.exit(1);
    }

    /**
     * A network of the Potjans–Diesmann microcircuit's size and connection probabilities: LIF with
     * exponential current synapses (τm = 10 ms, C = 250 pF, τs = 0.5 ms, w = 87.8 pA, g = −4, L4e →
     * L2/3e doubled), Poisson background at 8 Hz, delays 1.5 ms (E) and 0.8 ms (I), and
     * just-in-time fixed-probability connectivity.
     */
    static List<SpikeMonitor> potjansDiesmann(final Network net)
    {
        final Lif.Parameters lif = new Lif.Parameters(-65, -50, -65, 10, 10.0 / 250, 2, 0, Integrator.EXACT);
        final Lif[] pops = new Lif[PD_SIZES.length];
        final List<SpikeMonitor> monitors = new ArrayList<>();
        for (int k = 0; k < pops.length; k++)
        {
            pops[k] = net.add(new Lif(PD_NAMES[k], PD_SIZES[k], lif, Initializer.normal(-58, 10)));
            monitors.add(net.monitorSpikes(pops[k]));
        }
        final double w = 87.8;
        final Exponential syn = new Exponential(0.5);
        final Cuba cuba = new Cuba();
        for (int target = 0; target < pops.length; target++)
        {
            for (int source = 0; source < pops.length; source++)
            {
                final double p = PD_P[target][source];
                if (p == 0)
                {
                    continue;
                }
                final boolean excitatory = source % 2 == 0;
                final double weight = excitatory ? (source == 2 && target == 0 ? 2 * w : w) : -4 * w;
                net.add(new AlignPostProjection(PD_NAMES[source] + "->" + PD_NAMES[target], pops[source],
                    pops[target], new FixedProbability(p).justInTime(), syn, cuba, "i", weight,
                    excitatory ? 1.5 : 0.8));
            }
            net.add(new PoissonInput(PD_NAMES[target] + "-bg", pops[target], PD_K_EXT[target], 8, syn, cuba, "i", w));
        }
        return monitors;
    }

    private static void run(
        final String model, final Network net, final List<SpikeMonitor> monitors, final double tMs,
        final int threads, final long t0)
    {
        final Simulation sim = new Simulation(net, threads);
        final long t1 = System.nanoTime();
        sim.run(tMs);
        final long t2 = System.nanoTime();
        long synapses = 0;
        long bytes = 0;
        for (final AlignPostProjection p : net.projections())
        {
            synapses += p.connectivity().synapseCount(); // just-in-time: counted here by regenerating every row
            bytes += p.connectivity().memoryBytes();
        }
        long spikes = 0;
        for (final SpikeMonitor m : monitors)
        {
            spikes += m.size();
        }
        final double buildS = (t1 - t0) / 1e9;
        final double runS = (t2 - t1) / 1e9;
        System.out.println(String.format(Locale.ROOT,
            "myelin model=%s N=%d T_ms=%s threads=%d build_s=%.3f run_s=%.3f s_per_bio_s=%.3f rate_hz=%.3f "
                + "n_syn=%d conn_mib=%.1f bytes_per_syn=%.3f peak_heap_mb=%.1f",
            model, net.neuronCount(), fmt(tMs), threads, buildS, runS, runS / (tMs / 1000),
            spikes / (double) net.neuronCount() / (tMs / 1000), synapses, bytes / 1048576.0,
            synapses == 0 ? 0 : bytes / (double) synapses, MemoryUse.peakHeapBytes() / 1048576.0));
    }

    private static String fmt(final double v)
    {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

}
