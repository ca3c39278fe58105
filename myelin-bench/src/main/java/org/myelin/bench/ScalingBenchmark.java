package org.myelin.bench;

import java.util.Arrays;
import java.util.Locale;

import org.myelin.sim.ProgressListener;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * How much faster two threads run COBA than one, beside what the machine gives an embarrassingly
 * parallel loop in the same minutes (not a test). On a shared virtual machine the second core is
 * not always a whole core: the control tells how much of a shortfall is the machine's.
 *
 * <p>One JVM holds two copies of COBA with N neurons, one run by 1 thread and one by 2, both past
 * the JIT's warm-up. Each round runs the control (a loop of {@code Math.log} on random numbers:
 * no memory traffic, no synchronisation) on 1 thread and then the same work split over 2 threads,
 * then {@code STEPS} steps of each COBA copy. Rounds interleave the four so that slow phases of
 * the machine hit all of them. Prints the ratio of summed times and the median and range of the
 * per-round ratios.
 *
 * <pre>
 * ScalingBenchmark [N] [ROUNDS] [STEPS]      defaults 100000 20 1000
 * </pre>
 */
public final class ScalingBenchmark
{
    private static final long CONTROL_DRAWS = 15_000_000L;
    private static volatile double sink;

    private ScalingBenchmark()
    {
    }

    /**
     * Runs the comparison.
     *
     * @param args N, rounds and steps per round, all optional.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        final Simulation one = new Simulation(ReferenceNetworks.coba(n, 0.1, 42).network(), 1);
        final Simulation two = new Simulation(ReferenceNetworks.coba(n, 0.1, 42).network(), 2);
        one.runSteps(2000, ProgressListener.NONE);
        two.runSteps(2000, ProgressListener.NONE);
        sink = logs(CONTROL_DRAWS, 1);
        final long[][] times = new long[4][rounds];
        for (int r = 0; r < rounds; r++)
        {
            final long t0 = System.nanoTime();
            sink = logs(CONTROL_DRAWS, r);
            final long t1 = System.nanoTime();
            final Thread a = new Thread(() -> sink = logs(CONTROL_DRAWS / 2, 2));
            final Thread b = new Thread(() -> sink = logs(CONTROL_DRAWS / 2, 3));
            a.start();
            b.start();
            a.join();
            b.join();
            final long t2 = System.nanoTime();
            one.runSteps(steps, ProgressListener.NONE);
            final long t3 = System.nanoTime();
            two.runSteps(steps, ProgressListener.NONE);
            final long t4 = System.nanoTime();
            times[0][r] = t1 - t0;
            times[1][r] = t2 - t1;
            times[2][r] = t3 - t2;
            times[3][r] = t4 - t3;
        }
        System.out.println(line("control", "Math.log loop", times[0], times[1]));
        System.out.println(line("myelin", String.format(Locale.ROOT, "COBA N=%d %d steps per round, 1 thread %.0f us/step"
            + " 2 threads %.0f us/step", n, steps, mean(times[2]) / 1e3 / steps, mean(times[3]) / 1e3 / steps),
            times[2], times[3]));
    }

    /** The sum of {@code count} logarithms of uniform numbers from a linear congruential generator. */
    static double logs(final long count, final long seed)
    {
        double sum = 0;
        long x = seed;
        for (long i = 0; i < count; i++)
        {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sum += Math.log(((x >>> 11) + 1) * 0x1.0p-53);
        }
        return sum;
    }

    private static String line(final String what, final String detail, final long[] single, final long[] pair)
    {
        final double[] ratio = new double[single.length];
        for (int r = 0; r < ratio.length; r++)
        {
            ratio[r] = single[r] / (double) pair[r];
        }
        Arrays.sort(ratio);
        return String.format(Locale.ROOT, "scaling %s (%s): 2 threads vs 1 ratio_of_sums=%.2f median=%.2f min=%.2f max=%.2f",
            what, detail, mean(single) / mean(pair), ratio[ratio.length / 2], ratio[0], ratio[ratio.length - 1]);
    }

    private static double mean(final long[] values)
    {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
