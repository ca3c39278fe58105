package org.myelin.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.Receptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The neuron update of COBA-4000: one {@link Lif} group of {@value #NEURONS} neurons with the COBA
 * parameters and two conductance-based exponential receptors (τ = 5 ms, E = 0 mV and τ = 10 ms,
 * E = −80 mV), advanced by one step per call of {@code Population.update} over the whole group.
 * The score is nanoseconds per neuron update (receptor passes included).
 *
 * <p>The conductances are refilled from a fixed random snapshot every {@value #REFILL_EVERY}
 * steps, so they stay in the range of a running network (and never decay into subnormal
 * numbers); the external drive of 20 mV keeps about 0.5 % of the neurons spiking per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class NeuronUpdateBenchmark
{
    /** Neurons per operation. */
    static final int NEURONS = 4000;
    /** Steps between two refills of the conductances. */
    static final int REFILL_EVERY = 256;

    /** The integrator of the membrane potential. */
    @Param({"EULER", "EXACT"})
    public Integrator integrator;

    private Lif group;
    private int[] spikes;
    private double[] ge;
    private double[] gi;
    private double[] geSnapshot;
    private double[] giSnapshot;
    private long step;

    /** Builds the group, prepares it through a one-thread simulation and draws the conductances. */
    @Setup
    public void setUp()
    {
        final Network net = new Network(0.1, 42);
        final Lif.Parameters p = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, integrator);
        group = net.add(new Lif("P", NEURONS, p, Initializer.uniform(-60, -50)));
        final Receptor exc = group.receptor("ge", new Exponential(5), new Coba(0));
        final Receptor inh = group.receptor("gi", new Exponential(10), new Coba(-80));
        new Simulation(net, 1);
        ge = exc.input();
        gi = inh.input();
        final SplittableRandom random = new SplittableRandom(7);
        geSnapshot = new double[NEURONS];
        giSnapshot = new double[NEURONS];
        for (int i = 0; i < NEURONS; i++)
        {
            // mean conductances of COBA-4000 at ~20 Hz: ge ~ 0.6·64·20 Hz·5 ms, gi ~ 6.7·16·20 Hz·10 ms
            geSnapshot[i] = random.nextDouble() * 8.0;
            giSnapshot[i] = random.nextDouble() * 40.0;
        }
        spikes = new int[NEURONS];
        step = 0;
    }

    /** One step of all neurons; returns the spike count so the work is not dead. */
    @Benchmark
    @OperationsPerInvocation(NEURONS)
    public int update()
    {
        return group.update(nextStep(), 0, NEURONS, spikes, 0);
    }

    /** The next step number; refills the conductances every {@value #REFILL_EVERY} steps. */
    protected final long nextStep()
    {
        final long n = step++;
        if ((n & (REFILL_EVERY - 1)) == 0)
        {
            System.arraycopy(geSnapshot, 0, ge, 0, NEURONS);
            System.arraycopy(giSnapshot, 0, gi, 0, NEURONS);
        }
        return n;
    }

    /** The group. */
    protected final Lif group()
    {
        return group;
    }

    /** The spike buffer. */
    protected final int[] spikes()
    {
        return spikes;
    }
}
