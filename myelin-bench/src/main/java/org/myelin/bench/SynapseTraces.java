package org.myelin.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.plasticity.ShortTermDepression;
import org.myelin.plasticity.ShortTermPlasticity;
import org.myelin.synapse.SynapseKernels;
import org.myelin.synapse.SynapseModels;

/**
 * Prints, as CSV on stdout, the trace of a single synapse of every model driven by one spike
 * train, for {@code myelin-bench/scripts/validate-synapses-brian2.py}, which runs the same
 * synapses in Brian2 and prints the largest difference per model.
 *
 * <p>usage: {@code SynapseTraces DT_MS STEPS WEIGHT SPIKE_STEP,SPIKE_STEP,...}
 *
 * <p>Columns: {@code step}, then one per synapse model of {@link SynapseModels#names()} with its
 * defaults (the output variable sampled at the start of each step, as a Brian2 StateMonitor
 * does; {@code Delta} is the accumulated jump of v), then {@code STP} and {@code STD}: the factor
 * of the last spike up to that step (0 before the first).
 */
public final class SynapseTraces
{
    private SynapseTraces()
    {
    }

    /** Entry point; see the class documentation. */
    public static void main(final String[] args)
    {
        if (args.length != 4)
        {
            System.err.println("usage: SynapseTraces DT_MS STEPS WEIGHT SPIKE_STEP,SPIKE_STEP,...");
            System.exit(2);
        }
        final double dt = Double.parseDouble(args[0]);
        final int steps = Integer.parseInt(args[1]);
        final double weight = Double.parseDouble(args[2]);
        final long[] spikes = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).sorted().toArray();

        final List<String> names = new ArrayList<>(SynapseModels.names());
        final List<double[]> traces = new ArrayList<>();
        for (final String name : names)
        {
            traces.add(SynapseKernels.response(SynapseModels.create(name), dt, steps, weight, spikes));
        }
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        final ShortTermDepression std = new ShortTermDepression();
        stp.prepare(1, dt);
        std.prepare(1, dt);
        final double[] stpFactor = new double[steps];
        final double[] stdFactor = new double[steps];
        double lastStp = 0;
        double lastStd = 0;
        int k = 0;
        for (int n = 0; n < steps; n++)
        {
            if (k < spikes.length && spikes[k] == n)
            {
                lastStp = stp.onSpike(0, n);
                lastStd = std.onSpike(0, n);
                k++;
            }
            stpFactor[n] = lastStp;
            stdFactor[n] = lastStd;
        }
        names.add("STP");
        names.add("STD");
        traces.add(stpFactor);
        traces.add(stdFactor);

        final PrintStream out = System.out;
        out.println("step," + String.join(",", names));
        final StringBuilder line = new StringBuilder();
        for (int n = 0; n < steps; n++)
        {
            line.setLength(0);
            line.append(n);
            for (final double[] trace : traces)
            {
                line.append(',').append(String.format(Locale.ROOT, "%.17g", trace[n]));
            }
            out.println(line);
        }
    }
}
