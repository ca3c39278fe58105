package org.myelin.bench;

import java.util.List;
import java.util.Locale;

import org.myelin.base.Delivery;
import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;

/**
 * A profiling aid, not part of the engine: a one-thread copy of {@code Simulation}'s step loop
 * that times phase A (state update, threshold, reset of every population) and phase B (spike
 * delivery and spike monitors) separately, with one {@link System#nanoTime()} pair per phase
 * and step. Prints one line per run:
 * <pre>
 * phases model=coba N=4000 T=2 update_s=.. deliver_s=.. total_s=.. ns_per_neuron_update=.. ns_per_event=..
 * </pre>
 * usage: {@code PhaseSplit [model] [N] [T seconds] [repetitions]}; the first repetition is a warm-up.
 */
public final class PhaseSplit
{
    private PhaseSplit()
    {
    }

    /**
     * Runs the split.
     *
     * @param args model, N, T, repetitions.
     */
    public static void main(final String[] args)
    {
        final String model = args.length > 0 ? args[0] : "coba";
        final int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        final double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        final int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (int r = 0; r < repetitions; r++)
        {
            System.out.println((r == 0 ? "# warm-up " : "") + split(model, n, seconds, 42 + r));
        }
    }

    /** One run; returns the result line. */
    static String split(final String model, final int n, final double seconds, final long seed)
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.build(model, n, 0.1, seed);
        final SpikeMonitor[] monitors = {
            built.network().monitorSpikes(built.excitatory()), built.network().monitorSpikes(built.inhibitory())};
        new Simulation(built.network(), 1);
        final Population[] populations = built.network().populations().toArray(new Population[0]);
        final List<Delivery> deliveryList = built.network().deliveries();
        final Delivery[] deliveries = deliveryList.toArray(new Delivery[0]);
        final int[] targetSize = new int[deliveries.length];
        for (int k = 0; k < deliveries.length; k++)
        {
            targetSize[k] = deliveries[k].target().size();
        }
        final long steps = Math.round(seconds * 10_000);
        long update = 0;
        long deliver = 0;
        for (long step = 0; step < steps; step++)
        {
            final long t0 = System.nanoTime();
            for (final Population p : populations)
            {
                final SpikeHistory history = p.history();
                final int slot = history.slotOf(step);
                history.setCount(slot, 0, p.update(step, 0, p.size(), history.ids(slot), 0));
            }
            final long t1 = System.nanoTime();
            for (int k = 0; k < deliveries.length; k++)
            {
                deliveries[k].deliver(step, 0, 0, targetSize[k]);
            }
            for (final SpikeMonitor m : monitors)
            {
                m.record(step);
            }
            final long t2 = System.nanoTime();
            update += t1 - t0;
            deliver += t2 - t1;
        }
        long events = 0;
        long spikes = 0;
        for (final var p : built.network().projections())
        {
            final SpikeMonitor source = p.source() == built.excitatory() ? monitors[0] : monitors[1];
            for (int i = 0; i < p.source().size(); i++)
            {
                events += source.count(i) * p.connectivity().outDegree(i);
            }
        }
        for (final SpikeMonitor m : monitors)
        {
            spikes += m.size();
        }
        return String.format(Locale.ROOT,
            "phases model=%s N=%d T=%s update_s=%.3f deliver_s=%.3f total_s=%.3f ns_per_neuron_update=%.2f"
                + " ns_per_event=%.2f rate_hz=%.2f",
            model, n, seconds, update / 1e9, deliver / 1e9, (update + deliver) / 1e9,
            update / (double) steps / n, deliver / (double) Math.max(1, events), spikes / (double) n / seconds);
    }
}
