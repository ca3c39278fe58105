package org.myelin.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.myelin.connect.Connectivity;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.projection.AlignPostProjection;
import org.myelin.sim.ReferenceNetworks;
import org.myelin.sim.Simulation;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spike delivery of COBA-4000: {@code CsrConnectivity.deliver} over the spikes a running network
 * really emits. Setup runs the reference network for {@value #TRANSIENT_STEPS} + {@value #STEPS}
 * steps and keeps the spikes of the last {@value #STEPS} (about 8 per step, 80 targets each);
 * one operation delivers one recorded step through the four projections into scratch
 * conductance arrays, cycling through the recording.
 *
 * <p>The primary score is ns per step; the secondary score {@code events} (an
 * {@link AuxCounters} operation counter) is ns per synaptic event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class DeliveryBenchmark
{
    static final int NEURONS = 4000;
    static final int TRANSIENT_STEPS = 1000;
    static final int STEPS = 2000;

    private Connectivity[] connectivity;
    private double[][] target;
    private double[] weight;
    /** spikes[p][s]: the source ids of projection p that spike at recorded step s. */
    private int[][][] spikes;
    private long[] eventsOfStep;
    private int step;

    /** Counts synaptic events; JMH reports the time per event. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events
    {
        /** Synaptic events delivered in this iteration. */
        public long events;

        /** Zeroes the count before each iteration. */
        @Setup(Level.Iteration)
        public void clear()
        {
            events = 0;
        }
    }

    /** Runs the network and records its spikes per step and projection. */
    @Setup
    public void setUp()
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.coba(NEURONS, 0.1, 42);
        final SpikeMonitor e = built.network().monitorSpikes(built.excitatory());
        final SpikeMonitor i = built.network().monitorSpikes(built.inhibitory());
        final Simulation sim = new Simulation(built.network(), 1);
        sim.runSteps(TRANSIENT_STEPS + STEPS, null);
        final List<AlignPostProjection> projections = built.network().projections();
        final int count = projections.size();
        connectivity = new Connectivity[count];
        target = new double[count][];
        weight = new double[count];
        spikes = new int[count][][];
        eventsOfStep = new long[STEPS];
        for (int p = 0; p < count; p++)
        {
            final AlignPostProjection projection = projections.get(p);
            connectivity[p] = projection.connectivity();
            target[p] = new double[projection.target().size()];
            weight[p] = projection.weight();
            final SpikeMonitor source = projection.source() == built.excitatory() ? e : i;
            spikes[p] = spikesPerStep(source);
            for (int s = 0; s < STEPS; s++)
            {
                for (final int id : spikes[p][s])
                {
                    eventsOfStep[s] += connectivity[p].outDegree(id);
                }
            }
        }
        step = 0;
    }

    private static int[][] spikesPerStep(final SpikeMonitor monitor)
    {
        final int[] counts = new int[STEPS];
        for (int k = 0; k < monitor.size(); k++)
        {
            final long s = monitor.step(k) - TRANSIENT_STEPS;
            if (s >= 0)
            {
                counts[(int) s]++;
            }
        }
        final int[][] out = new int[STEPS][];
        for (int s = 0; s < STEPS; s++)
        {
            out[s] = new int[counts[s]];
        }
        final int[] fill = new int[STEPS];
        for (int k = 0; k < monitor.size(); k++)
        {
            final long s = monitor.step(k) - TRANSIENT_STEPS;
            if (s >= 0)
            {
                out[(int) s][fill[(int) s]++] = monitor.neuron(k);
            }
        }
        return out;
    }

    /** Delivers one recorded step through every projection. */
    @Benchmark
    public double deliverStep(final Events counter)
    {
        final int s = step;
        step = s + 1 == STEPS ? 0 : s + 1;
        for (int p = 0; p < connectivity.length; p++)
        {
            final Connectivity conn = connectivity[p];
            final double[] g = target[p];
            final double w = weight[p];
            for (final int id : spikes[p][s])
            {
                conn.deliver(id, 0, g, w);
            }
        }
        counter.events += eventsOfStep[s];
        return target[0][s];
    }
}
