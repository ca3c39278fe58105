package org.myelin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongToIntFunction;

import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.Receptor;

/**
 * A profiling aid for a noisy, shared machine: runs variants of the COBA neuron update in
 * rotation, many short samples each, and reports the minimum and the median time per neuron
 * update of every variant (the minimum is the figure least disturbed by other processes).
 * Variants: the engine's {@code Population.update} untiled and tiled (256, 512, 1024 neurons),
 * EULER and EXACT; the fused one-pass copy {@link FusedCobaKernel}; and the parts of the
 * separate-pass copy {@link SplitCobaKernel} ({@code split-receptors}, {@code split-integrate},
 * {@code split-all}, and the Vector API receptor variants).
 *
 * <p>usage: {@code KernelCompare [rounds=400] [stepsPerSample=50] [variant regex=.*]}; a variant
 * that compiles other paths of the same class (e.g. {@code engine-exact}) changes how C2 compiles
 * the shared loop, so compare engine variants with a regex that selects one integrator.
 */
public final class KernelCompare
{
    private static final int NEURONS = 4000;

    private KernelCompare()
    {
    }

    private record Variant(String name, LongToIntFunction step)
    {
    }

    /**
     * Runs the comparison.
     *
     * @param args rounds, steps per sample.
     */
    public static void main(final String[] args)
    {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        final int stepsPerSample = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        final java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 2 ? args[2] : ".*");
        final List<Variant> variants = new ArrayList<>();
        for (final int tile : new int[] {NEURONS, 1024, 512, 256})
        {
            final Engine e = new Engine(Integrator.EULER);
            variants.add(new Variant(tile == NEURONS ? "engine" : "engine-tile" + tile, n -> e.tiled(n, tile)));
        }
        final Engine exact = new Engine(Integrator.EXACT);
        variants.add(new Variant("engine-exact", n -> exact.tiled(n, NEURONS)));
        final FusedCobaKernel fused = new FusedCobaKernel(NEURONS, 0.1);
        final int[] spikes = new int[NEURONS];
        final double[][] snapshot = snapshot();
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < NEURONS; i++)
        {
            fused.v[i] = -60 + 10 * random.nextDouble();
        }
        variants.add(new Variant("fused-copy", n ->
        {
            if ((n & 255) == 0)
            {
                System.arraycopy(snapshot[0], 0, fused.ge, 0, NEURONS);
                System.arraycopy(snapshot[1], 0, fused.gi, 0, NEURONS);
            }
            return fused.update(0, NEURONS, spikes, 0);
        }));
        for (final String mode : new String[] {"split-receptors", "split-integrate", "split-all",
            "split-receptors-vector", "split-receptors-vector-noclear", "split-all-vector-noclear"})
        {
            final SplitCobaKernel split = new SplitCobaKernel(NEURONS);
            for (int i = 0; i < NEURONS; i++)
            {
                split.v[i] = -60 + 10 * random.nextDouble();
            }
            final boolean vector = mode.contains("vector");
            final boolean clear = !mode.endsWith("noclear");
            final boolean receptors = !mode.equals("split-integrate");
            final boolean integrate = !mode.startsWith("split-receptors");
            variants.add(new Variant(mode, n ->
            {
                if ((n & 255) == 0)
                {
                    System.arraycopy(snapshot[0], 0, split.ge, 0, NEURONS);
                    System.arraycopy(snapshot[1], 0, split.gi, 0, NEURONS);
                }
                if (receptors && vector)
                {
                    split.receptorsVector(0, NEURONS, clear);
                }
                else if (receptors)
                {
                    split.receptors(0, NEURONS);
                }
                return integrate ? split.integrate(0, NEURONS, spikes, 0) : 0;
            }));
        }
        variants.removeIf(v -> !only.matcher(v.name()).matches());
        final double[][] samples = new double[variants.size()][rounds];
        final long[] step = new long[variants.size()];
        long sink = 0;
        for (int round = -rounds / 4; round < rounds; round++)
        {
            for (int k = 0; k < variants.size(); k++)
            {
                final LongToIntFunction f = variants.get(k).step();
                final long t0 = System.nanoTime();
                for (int s = 0; s < stepsPerSample; s++)
                {
                    sink += f.applyAsInt(step[k]++);
                }
                final long t1 = System.nanoTime();
                if (round >= 0)
                {
                    samples[k][round] = (t1 - t0) / (double) stepsPerSample / NEURONS;
                }
            }
        }
        for (int k = 0; k < variants.size(); k++)
        {
            Arrays.sort(samples[k]);
            System.out.println(String.format(Locale.ROOT, "kernel variant=%s min_ns=%.3f median_ns=%.3f",
                variants.get(k).name(), samples[k][0], samples[k][rounds / 2]));
        }
        System.out.println("# sink " + sink);
    }

    static double[][] snapshot()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final double[][] g = new double[2][NEURONS];
        for (int i = 0; i < NEURONS; i++)
        {
            g[0][i] = random.nextDouble() * 8.0;
            g[1][i] = random.nextDouble() * 40.0;
        }
        return g;
    }

    /** The engine's group with two COBA receptors. */
    private static final class Engine
    {
        private final Lif group;
        private final double[] ge;
        private final double[] gi;
        private final double[][] snapshot = snapshot();
        private final int[] spikes = new int[NEURONS];

        Engine(final Integrator integrator)
        {
            final Network net = new Network(0.1, 42);
            group = net.add(new Lif("P", NEURONS, new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, integrator),
                Initializer.uniform(-60, -50)));
            final Receptor exc = group.receptor("ge", new Exponential(5), new Coba(0));
            final Receptor inh = group.receptor("gi", new Exponential(10), new Coba(-80));
            new Simulation(net, 1);
            ge = exc.input();
            gi = inh.input();
        }

        int tiled(final long n, final int tile)
        {
            if ((n & 255) == 0)
            {
                System.arraycopy(snapshot[0], 0, ge, 0, NEURONS);
                System.arraycopy(snapshot[1], 0, gi, 0, NEURONS);
            }
            int count = 0;
            for (int from = 0; from < NEURONS; from += tile)
            {
                count += group.update(n, from, Math.min(NEURONS, from + tile), spikes, count);
            }
            return count;
        }
    }
}
