package org.myelin.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.base.RunContext;
import org.myelin.base.SpikeHistory;
import org.myelin.base.SpikeObserver;
import org.myelin.monitor.PopulationRateMonitor;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.monitor.WeightMonitor;
import org.myelin.mpi.Communicator;
import org.myelin.mpi.SingleProcess;
import org.myelin.state.StateAccess;
import org.myelin.state.StateArrays;
import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.MemoryUse;
import org.myelin.util.ModelException;

/**
 * Runs a {@link Network} with a fixed number of worker threads.
 *
 * <p>One step n (time t = n·dt), Brian2's default schedule (DESIGN.md §3):
 * <ol>
 *   <li><b>state update, threshold, reset</b> — each worker takes its slice of every population:
 *       state monitors record the state at t, then the group integrates to t + dt with the
 *       inputs of t, detects threshold crossings, resets and writes its spikes of step n; the
 *       same worker then runs the spike observers its deliveries registered for the population
 *       ({@link org.myelin.base.SpikeObserver}: a presynaptic state such as STP computes the
 *       factor of each spike it just wrote, once per spike);</li>
 *   <li>barrier;</li>
 *   <li><b>propagation</b> — each worker delivers, into its slice of every target, the spikes
 *       whose delay ends at step n (emitted at n − d), projection by projection in the order
 *       they were added.</li>
 * </ol>
 * Spike monitors append the spikes of step n − 1 during the update pass of step n, monitor k by
 * worker (k + n) mod threads, so that no worker does this serial work every step while the others
 * wait for it at the barrier; the last step of a run is appended after the workers have stopped.
 * The slot of n − 1 is still intact then: a worker overwrites it at n + 1 at the earliest, after
 * the barrier of step n, which every worker passes only when its update pass of n is done.
 * One barrier per step is enough: a worker that goes on to step n + 1 while others still deliver
 * step n only touches its own slices, and writes its spikes into the next slot of the spike
 * history, which keeps one slot more than the largest delay needs (so the slot of n − d is not
 * overwritten before every worker has read it). Deliveries must therefore write only into their
 * target slice and read only spike histories.
 * Every population is cut into the same number of contiguous slices, one per worker (at multiples
 * of what its incoming just-in-time rules draw in one piece, where the slices are large enough,
 * see {@link #slices(int[], int[], int)}), and a worker only writes inside its slices; each
 * target sums its inputs in one fixed order (projection, then presynaptic id, then synapse), so
 * spikes are bit-identical for any thread count.
 * Resets happen in the update pass, before propagation: they cannot change what is delivered,
 * since align-post delivery reads no post-synaptic state.
 *
 * <p><b>Across processes</b> ({@link #Simulation(Network, int, Communicator)}, under
 * {@code mpirun}): K ranks of T threads are K·T workers, and every population is cut into K·T
 * slices as it would be for K·T threads; rank r runs workers r·T to r·T + T − 1. After the update
 * pass of every {@link #exchangeInterval()}-th step (the smallest {@link Delivery#spikeAge} + 1,
 * NEST's minimum delay) and of a run's last step, the ranks exchange the spikes of the steps since
 * the last exchange (one allgather of the lengths, one allgatherv of the counts and ids), so every
 * rank holds each spike by the first step that reads it and delivers into its own slices as a
 * thread would: spikes are bit-identical for any split into ranks and threads. A non-finite state
 * stops every rank at the next exchange, standing at the step after it as one process would. Each rank also runs the spike observers (short-term plasticity) on the other ranks'
 * spikes, so every rank's presynaptic states are whole; spike and rate monitors see every spike
 * on every rank; state monitors record on the rank that owns the neuron and are gathered at the
 * end of each run. Each rank builds the states of every population, but of stored connectivity
 * only the synapses onto its own slices ({@link DeliveryContext#ownedSlices}).
 *
 * <p>Between runs, {@link #saveState} hands out the state of the whole network in neuron and
 * synapse order and {@link #restoreState} fills a new simulation with it, whatever the thread
 * counts of the two (docs/CHECKPOINTS.md; the files are {@code org.myelin.io.Checkpoint}'s).
 */
public final class Simulation
{
    /** The longest interval between two spike exchanges of the ranks, in steps. */
    static final int MAX_EXCHANGE_INTERVAL = 64;

    /** Slices start at multiples of this, so vector loops work on whole vectors. */
    private static final int SLICE_ALIGNMENT = 16;

    /** Neurons per worker thread when the thread count is chosen automatically. */
    public static final int NEURONS_PER_DEFAULT_THREAD = 20_000;

    private final Network network;
    private final int threads;
    /** The processes of the run; a {@link SingleProcess} unless started by mpirun. */
    private final Communicator ranks;
    /**
     * Under several ranks, this rank's state when its first run began (a copy), from which
     * {@link #gatherState} tells the elements it changed; null before that and in one process.
     */
    private StateArrays baseline;
    /** The first of this rank's workers among all ranks' (rank · threads). */
    private final int firstWorker;
    /** Workers over all ranks (ranks · threads): the number of slices of every population. */
    private final int allWorkers;
    /**
     * Steps between two spike exchanges of the ranks: the smallest {@link Delivery#spikeAge} + 1
     * (at most {@value #MAX_EXCHANGE_INTERVAL}), so that a spike always reaches the other ranks by
     * the step it is first read; 1 when some delivery reads spikes of the step itself.
     */
    private final int exchangeInterval;
    /** This rank's spikes of an interval, as sent (see {@link #exchangeSpikes}); grows as needed. */
    private int[] exchangeSend;
    /** Every rank's message of an interval, one after the other; grows as needed. */
    private int[] exchangeReceive;
    private final int[] exchangeLengths;
    private final int[] exchangeOffsets;
    /** Exchanges since construction, for tests and reports. */
    private long exchanges;
    /**
     * Per worker (one cache line apart), the first step of the current run whose update reported
     * a NaN or infinite state in that worker's slices, or −1; and that population's index + 1.
     * Only used across ranks, where a rank learns of another's non-finite state at the next exchange.
     */
    private final long[] firstNonFiniteStep;
    private final int[] firstNonFinitePopulation;
    /** The population index + 1 of the non-finite state that stopped the last run, if another rank found it, and that rank + 1. */
    private final int[] remoteNonFinite = new int[2];
    private final Population[] populations;
    private final int[][] sliceStarts;
    private final Delivery[] deliveries;
    private final int[][] deliverySliceStarts;
    private final SpikeMonitor[] spikeMonitors;
    private final PopulationRateMonitor[] rateMonitors;
    private final StateMonitor[] stateMonitors;
    private final int[][] stateMonitorSliceStarts;
    /** Per population, the work its deliveries need on its new spikes (presynaptic states). */
    private final SpikeObserver[][] spikeObservers;
    /** Per population, each neuron's spikes since construction, counted by the worker that owns it. */
    private final long[][] spikeCounts;
    /**
     * Per worker and parity of the step (one cache line apart), the population index + 1 of a
     * slice whose update reported a NaN or infinite state, 0 if none. A worker writes its slot of
     * step n before the step's barrier and every worker reads all slots of n after it, so all stop
     * after the same step; two parities, because a fast worker writes step n + 1's slot while a
     * slow one may still read step n's (the slot of n + 2 waits for everyone at n + 1's barrier).
     */
    private final int[] nonFinite;
    private static final int NON_FINITE_STRIDE = 16;
    /** The step after which the last run stopped at a non-finite state, or −1. */
    private long stoppedAt;
    private long step;

    /**
     * Prepares the network: slices, spike histories sized to the largest delay, connectivity
     * (built from the connectivity seed, unless already built for it) and initial states (from
     * the state seed).
     *
     * @param network the network.
     * @param threads worker threads, {@code >= 1}.
     */
    public Simulation(final Network network, final int threads)
    {
        this(network, threads, new SingleProcess());
    }

    /**
     * A simulation whose work is shared by the processes of {@code ranks}, each running
     * {@code threads} workers; every rank constructs it with the same network and thread count, and
     * runs it for the same steps.
     *
     * @param network the network (the same on every rank).
     * @param threads worker threads per rank, {@code >= 1}.
     * @param ranks   the processes of the run.
     */
    public Simulation(final Network network, final int threads, final Communicator ranks)
    {
        this.network = network;
        this.threads = Check.atLeast("Simulation", "threads", threads, 1);
        this.ranks = ranks;
        this.firstWorker = ranks.rank() * threads;
        this.allWorkers = ranks.size() * threads;
        this.nonFinite = new int[2 * threads * NON_FINITE_STRIDE];
        final double dt = network.dt();
        final List<Population> pops = network.populations();
        if (pops.isEmpty())
        {
            throw new ModelException("the network has no population; add one before running");
        }
        this.populations = pops.toArray(new Population[0]);
        this.sliceStarts = new int[populations.length][];
        final Map<Population, int[]> slicesOf = new HashMap<>();
        final Map<Population, Integer> depth = new HashMap<>();
        final Map<Population, Long> alignment = new HashMap<>();
        for (final Delivery d : network.deliveries())
        {
            if (d.source() != null)
            {
                depth.merge(d.source(), d.historyDepth(dt), Math::max);
            }
            depth.merge(d.target(), Math.max(1, d.targetHistoryDepth(dt)), Math::max);
            alignment.merge(d.target(), (long) Math.max(1, d.targetSliceAlignment()), Simulation::lcm);
        }
        final int[] sizes = new int[populations.length];
        final int[] alignments = new int[populations.length];
        for (int k = 0; k < populations.length; k++)
        {
            sizes[k] = populations[k].size();
            // coarser only where each slice still spans whole blocks: a block-sized imbalance in a small
            // population costs more than the part of a block that a worker draws twice
            final long a = lcm(SLICE_ALIGNMENT, alignment.getOrDefault(populations[k], 1L));
            alignments[k] = sizes[k] / allWorkers >= a ? (int) a : SLICE_ALIGNMENT;
        }
        final int[][] cuts = slices(sizes, alignments, allWorkers);
        this.exchangeInterval = ranks.size() > 1 ? exchangeInterval(network.deliveries(), dt) : 1;
        for (final Population p : populations)
        {
            // a slot of the interval's first step must still hold its spikes when the interval's last is exchanged
            depth.merge(p, exchangeInterval, Math::max);
        }
        requireMemory(depth, dt, cuts);
        for (int k = 0; k < populations.length; k++)
        {
            final Population p = populations[k];
            sliceStarts[k] = cuts[k];
            slicesOf.put(p, sliceStarts[k]);
            // + 1: the slot a worker fills at step n + 1 is not one that a slower worker still reads at n
            p.prepare(new RunContext(dt, network.seed(), sliceStarts[k]), depth.getOrDefault(p, 1) + 1);
            p.reset(network.seed());
        }
        this.deliveries = network.deliveries().toArray(new Delivery[0]);
        this.deliverySliceStarts = new int[deliveries.length][];
        // a rank holds only the synapses onto its own slices
        final DeliveryContext run = new DeliveryContext(dt, network.seed(), network.connectivitySeed())
            .ownedSlices(firstWorker, firstWorker + threads);
        for (int k = 0; k < deliveries.length; k++)
        {
            deliverySliceStarts[k] = slicesOf.get(deliveries[k].target());
            deliveries[k].prepare(run.forTarget(deliverySliceStarts[k]));
        }
        this.spikeObservers = new SpikeObserver[populations.length][];
        for (int k = 0; k < populations.length; k++)
        {
            spikeObservers[k] = run.spikeObservers(populations[k]);
        }
        this.spikeCounts = new long[populations.length][];
        for (int k = 0; k < populations.length; k++)
        {
            spikeCounts[k] = new long[populations[k].size()];
        }
        this.spikeMonitors = network.spikeMonitors().toArray(new SpikeMonitor[0]);
        this.rateMonitors = network.rateMonitors().toArray(new PopulationRateMonitor[0]);
        this.stateMonitors = network.stateMonitors().toArray(new StateMonitor[0]);
        this.stateMonitorSliceStarts = new int[stateMonitors.length][];
        for (int k = 0; k < stateMonitors.length; k++)
        {
            stateMonitorSliceStarts[k] = slicesOf.get(stateMonitors[k].population());
        }
        final int header = 1 + populations.length * threads;
        int ownNeurons = 0;
        for (final int[] start : sliceStarts)
        {
            ownNeurons += start[firstWorker + threads] - start[firstWorker];
        }
        final long allNeurons = network.neuronCount();
        final int size = ranks.size();
        Check.that((long) size * header + allNeurons < Integer.MAX_VALUE - 8, "Simulation",
            "the spikes of one step must fit one exchange of 2^31 ints; got " + allNeurons + " neurons on " + size
                + " ranks");
        this.exchangeSend = size > 1 ? new int[header + ownNeurons] : new int[0];
        this.exchangeReceive = size > 1 ? new int[(int) (size * header + allNeurons)] : new int[0];
        this.exchangeLengths = new int[size];
        this.exchangeOffsets = new int[size];
        this.firstNonFiniteStep = new long[threads * NON_FINITE_STRIDE];
        this.firstNonFinitePopulation = new int[threads * NON_FINITE_STRIDE];
    }

    /**
     * Steps between two exchanges for {@code deliveries}: a spike of step m that a delivery first
     * reads at step m + a (a its {@link Delivery#spikeAge}) has been exchanged by then if the
     * exchange after the update of step e covers steps e − a … e, so the interval is the
     * smallest age + 1 (NEST's minimum delay, counted from Myelin's delay 0 of the same step).
     */
    static int exchangeInterval(final List<Delivery> deliveries, final double dt)
    {
        long smallest = Integer.MAX_VALUE;
        for (final Delivery d : deliveries)
        {
            smallest = Math.min(smallest, d.spikeAge(dt));
        }
        return (int) Math.min(MAX_EXCHANGE_INTERVAL, Math.max(0, smallest) + 1);
    }

    /**
     * Cuts every population into {@code parts} contiguous slices whose starts are multiples of
     * the population's alignment, so that each worker gets close to an equal share of all
     * neurons together. Each cut k is the multiple nearest to k/parts of the population, moved by
     * how far the cuts k of the populations before it were from theirs, so that coarse alignments
     * (a just-in-time rule's 8192-target blocks) even out over the populations instead of adding
     * up. Slices decide only who computes what, never the result.
     *
     * @param sizes      neurons per population.
     * @param alignments per population, the multiple each slice starts at.
     * @return per population, the first neuron of each slice, with its size appended.
     */
    static int[][] slices(final int[] sizes, final int[] alignments, final int parts)
    {
        final int[][] starts = new int[sizes.length][];
        final double[] ahead = new double[parts]; // per cut: neurons before it so far, minus their even share
        for (int p = 0; p < sizes.length; p++)
        {
            final int size = sizes[p];
            final int align = alignments[p];
            final int[] start = new int[parts + 1];
            for (int k = 1; k < parts; k++)
            {
                final double even = (double) size * k / parts;
                final long nearest = Math.round((even - ahead[k]) / align) * align;
                start[k] = (int) Math.max(start[k - 1], Math.min(size, nearest));
                ahead[k] += start[k] - even;
            }
            start[parts] = size;
            starts[p] = start;
        }
        return starts;
    }

    private static long lcm(final long a, final long b)
    {
        long x = a;
        long y = b;
        while (y != 0)
        {
            final long r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }

    /**
     * A thread count for a network when the user gives none: one worker per
     * {@value #NEURONS_PER_DEFAULT_THREAD} neurons, at least one and at most the number of
     * processors. A step of a small network takes microseconds, and there the barrier costs more
     * than a second worker saves (docs/benchmarks/2026-11-25-benchmarks.md); spikes do not depend on the choice.
     */
    public static int defaultThreads(final Network network)
    {
        final long byNeurons = network.neuronCount() / NEURONS_PER_DEFAULT_THREAD;
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byNeurons));
    }

    /** The network. */
    public Network network()
    {
        return network;
    }

    /**
     * Refuses, before anything is allocated, a network whose spike histories and connectivity will
     * not fit in the heap, naming the largest part; a rank counts the connectivity onto its slices.
     */
    private void requireMemory(final Map<Population, Integer> depth, final double dt, final int[][] cuts)
    {
        final Map<Population, Double> ownedShare = new HashMap<>();
        for (int k = 0; k < populations.length; k++)
        {
            final int[] start = cuts[k];
            ownedShare.put(populations[k], populations[k].size() == 0 ? 1.0
                : (start[firstWorker + threads] - start[firstWorker]) / (double) populations[k].size());
        }
        double total = 0;
        double largest = -1;
        String largestPart = "";
        for (final Population p : populations)
        {
            total += p.preparedBytes(depth.getOrDefault(p, 1) + 1, allWorkers);
        }
        for (final Delivery d : network.deliveries())
        {
            final double bytes = d.estimatedBytes(dt, ownedShare.getOrDefault(d.target(), 1.0));
            total += bytes;
            if (bytes > largest)
            {
                largest = bytes;
                largestPart = d.kind() + " '" + d.name() + "'";
            }
        }
        MemoryUse.requireHeap(String.format(Locale.ROOT, "the network (largest part: %s, %,.0f MiB)", largestPart,
            largest / (1024.0 * 1024.0)), total, "use just-in-time connectivity for the largest projections, "
            + "fewer synapses");
    }

    /** Worker threads (of this rank). */
    public int threads()
    {
        return threads;
    }

    /**
     * Steps between two spike exchanges of the ranks: one more than the youngest spike age any
     * delivery reads ({@link Delivery#spikeAge}), at most {@value #MAX_EXCHANGE_INTERVAL}; 1 in a
     * single process, which exchanges nothing.
     */
    public int exchangeInterval()
    {
        return exchangeInterval;
    }

    /** Spike exchanges with the other ranks since construction; 0 in a single process. */
    public long exchanges()
    {
        return exchanges;
    }

    /**
     * Under several MPI ranks, gives every rank the samples of {@code monitors} that the other
     * ranks recorded (each records the synapses onto its own slices); nothing in one process. A
     * collective: every rank calls it at the same point, before it reads the samples.
     */
    public void gatherWeightMonitors(final List<WeightMonitor> monitors)
    {
        if (ranks.size() > 1)
        {
            for (final WeightMonitor m : monitors)
            {
                m.gather(ranks, threads);
            }
        }
    }

    /** The processes that share this simulation's work. */
    public Communicator ranks()
    {
        return ranks;
    }

    /**
     * Where the workers' slices of {@code population} start, with its size appended: worker w
     * updates neurons {@code [s[w], s[w + 1])} and delivers into them (the workers of all ranks,
     * rank r's being r·threads to r·threads + threads − 1).
     *
     * @throws ModelException if the population is not in this simulation's network.
     */
    public int[] sliceStarts(final Population population)
    {
        return sliceStarts[indexOf(population)].clone();
    }

    /**
     * Spikes of {@code population} since this simulation was made, whatever the monitors record.
     *
     * @throws ModelException if the population is not in this simulation's network.
     */
    public long spikeCount(final Population population)
    {
        long total = 0;
        for (final long c : spikeCounts[indexOf(population)])
        {
            total += c;
        }
        return total;
    }

    /**
     * Spikes of neuron {@code neuron} of {@code population} since this simulation was made.
     *
     * @throws ModelException if the population is not in this simulation's network.
     */
    public long spikeCount(final Population population, final int neuron)
    {
        return spikeCounts[indexOf(population)][neuron];
    }

    private int indexOf(final Population population)
    {
        for (int k = 0; k < populations.length; k++)
        {
            if (populations[k] == population)
            {
                return k;
            }
        }
        throw new ModelException("Simulation: population '" + (population == null ? null : population.name())
            + "' is not in this network");
    }

    /**
     * The state of the whole network between two steps, in neuron and synapse order (whatever
     * the thread count): the step, every population with its spike history, the work on each
     * population's spikes (short-term plasticity and the factors of its spikes in flight), every
     * projection and input, and every monitor's data. The arrays are the simulation's own, not
     * copies: write them out before the simulation runs again.
     */
    public StateArrays saveState()
    {
        final StateArrays arrays = new StateArrays();
        visitState(arrays.writer());
        return arrays;
    }

    /**
     * The state of the whole network, as {@link #saveState} gives it in one process, but a copy;
     * under several ranks a collective (every rank calls it between the same two runs), which puts
     * together what each rank updated (its slices, the synapses onto them) and returns the same
     * whole state on every rank.
     *
     * @throws ModelException under several ranks, if their states cannot be put together: they
     *                        differ where every rank computes alike (the step, spikes in flight),
     *                        or two ranks changed one value differently.
     */
    public StateArrays gatherState()
    {
        if (ranks.size() == 1)
        {
            return saveState().copy();
        }
        keepBaseline();
        return RankStates.merge(ranks, baseline, saveState());
    }

    /**
     * Under several ranks a collective that makes every rank's state whole: each rank takes the
     * values the others updated ({@link #gatherState}), so that rank 0 can write what depends on
     * synapses onto other ranks' slices (the plastic weights). Nothing happens in one process.
     *
     * @throws ModelException as {@link #gatherState}.
     */
    public void shareState()
    {
        if (ranks.size() == 1)
        {
            return;
        }
        final StateArrays whole = gatherState();
        visitState(whole.reader("the state of " + ranks.size() + " MPI ranks"));
        // every rank now holds the same values; what each changes next is measured from here
        baseline = whole;
    }

    /** Under several ranks, keeps a copy of the state before this rank's first run changes it. */
    private void keepBaseline()
    {
        if (baseline == null && ranks.size() > 1)
        {
            baseline = saveState().copy();
        }
    }

    /**
     * Fills this simulation, which has not run yet, with a saved state; it then stands at the
     * saved step, as the simulation that saved it did.
     *
     * @param source what the state was read from, for messages (a checkpoint's folder).
     * @throws ModelException if this simulation has run already, or the state is not one of this
     *                        network (an array missing, of another length, or left over).
     */
    public void restoreState(final StateArrays arrays, final String source)
    {
        if (step != 0)
        {
            throw new ModelException("Simulation: cannot restore " + source + " into a simulation that has run "
                + step + " steps; make a new one");
        }
        final StateAccess reader = arrays.reader(source);
        visitState(reader);
        final Set<String> left = arrays.unread(reader);
        if (!left.isEmpty())
        {
            throw new ModelException(source + ": state '" + left.iterator().next() + "' is not part of this network ("
                + left.size() + " arrays left over); it was written for another network");
        }
    }

    /** Hands every state of the network to {@code state}: {@link #saveState} and {@link #restoreState}. */
    private void visitState(final StateAccess state)
    {
        step = state.scalar("step", step);
        for (int k = 0; k < populations.length; k++)
        {
            final StateAccess p = state.in("population").in(populations[k].name());
            populations[k].visitState(p);
            p.longs("spikeCount", spikeCounts[k]);
            for (int o = 0; o < spikeObservers[k].length; o++)
            {
                p.visit("observer/" + o, spikeObservers[k][o]);
            }
        }
        for (int k = 0; k < deliveries.length; k++)
        {
            state.visit("delivery/" + deliveryName(k), deliveries[k]);
        }
        for (int k = 0; k < spikeMonitors.length; k++)
        {
            state.visit("spikeMonitor/" + k, spikeMonitors[k]);
        }
        for (int k = 0; k < rateMonitors.length; k++)
        {
            state.visit("rateMonitor/" + k, rateMonitors[k]);
        }
        for (int k = 0; k < stateMonitors.length; k++)
        {
            state.visit("stateMonitor/" + k, stateMonitors[k]);
        }
    }

    /** A delivery's name in the state: its own, or its kind and position if it has none. */
    private String deliveryName(final int k)
    {
        final String name = deliveries[k].name();
        return name != null ? name : deliveries[k].kind() + "#" + k;
    }

    /**
     * The lines that identify this network in a checkpoint: dt, seeds, every population (kind,
     * name, size, parameters), every projection and input ({@link Delivery#describe}: for a
     * projection its connectivity rule, synapse, output, weight, delay and plasticity), every
     * monitor, and the name, type and length of every fixed-size state array (so that a
     * change of connectivity, delays or receptors shows). Values that change as the network runs
     * are not part of it.
     */
    public List<String> modelDescription()
    {
        return modelDescription(saveState());
    }

    /**
     * {@link #modelDescription()} with the layout of {@code state}, what {@link #saveState}
     * returned (or a copy of it), so that a checkpoint does not visit the state twice.
     */
    public List<String> modelDescription(final StateArrays state)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("dt " + network.dt() + " ms");
        lines.add("seed " + network.seed());
        lines.add("connectivity seed " + network.connectivitySeed());
        for (final Population p : populations)
        {
            lines.add("population " + p.describe());
        }
        for (int k = 0; k < deliveries.length; k++)
        {
            lines.add(deliveries[k].describe() + " (" + deliveries[k].getClass().getSimpleName() + ")");
        }
        for (final SpikeMonitor m : spikeMonitors)
        {
            lines.add("spike monitor of " + m.population().name());
        }
        for (final PopulationRateMonitor m : rateMonitors)
        {
            lines.add("rate monitor of " + m.population().name() + " every " + m.binSteps() + " steps");
        }
        for (final StateMonitor m : stateMonitors)
        {
            lines.add("state monitor of " + m.population().name() + "." + m.variable() + " every " + m.every()
                + " steps, neurons " + Arrays.toString(m.indices()));
        }
        lines.addAll(state.layout());
        return lines;
    }

    /** Steps simulated so far. */
    public long step()
    {
        return step;
    }

    /** [ms] simulated time so far. */
    public double timeMs()
    {
        return step * network.dt();
    }

    /**
     * Runs for {@code durationMs}, a whole number of steps.
     *
     * @throws ModelException if the duration is negative or not a multiple of dt.
     */
    public void run(final double durationMs, final ProgressListener listener)
    {
        runSteps(Units.toSteps("run", "duration", durationMs, network.dt(), false), listener);
    }

    /** Runs for {@code durationMs} without progress reports. */
    public void run(final double durationMs)
    {
        run(durationMs, ProgressListener.NONE);
    }

    /**
     * Runs {@code steps} more steps.
     *
     * <p>The update loops check every new state for NaN and infinity as they compute it. When a
     * state becomes NaN or infinite at step n, the run ends after that step (its spikes are
     * delivered and recorded, the simulation stands at step n + 1, the monitors hold everything up
     * to it) and a {@link NonFiniteStateException} names the population, the variable, the neuron
     * and the time (n + 1)·dt of the state.
     *
     * @throws NonFiniteStateException if a state becomes NaN or infinite.
     */
    public void runSteps(final long steps, final ProgressListener listener)
    {
        Check.that(steps >= 0, "run", "the number of steps must be >= 0, got " + steps);
        keepBaseline();
        final long first = step;
        final long end = first + steps;
        for (final StateMonitor m : stateMonitors)
        {
            m.prepare(first, steps);
            m.beginRun(first);
        }
        final SpinBarrier barrier = new SpinBarrier(threads);
        final List<Thread> workers = new ArrayList<>();
        for (int w = 1; w < threads; w++)
        {
            final int worker = w;
            final Thread t = new Thread(() -> work(worker, first, end, barrier, ProgressListener.NONE),
                "myelin-worker-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        stoppedAt = -1;
        Arrays.fill(firstNonFiniteStep, -1);
        try
        {
            work(0, first, end, barrier, listener == null ? ProgressListener.NONE : listener);
        }
        finally
        {
            for (final Thread t : workers)
            {
                joinQuietly(t);
            }
        }
        final Throwable failure = barrier.failure();
        if (failure != null)
        {
            step = first;
            rethrow(failure);
        }
        final long last = stoppedAt >= 0 ? stoppedAt + 1 : end;
        if (last > first && allWorkers == threads)
        {
            for (final SpikeMonitor m : spikeMonitors)
            {
                m.record(last - 1);
            }
            for (final PopulationRateMonitor m : rateMonitors)
            {
                m.record(last - 1);
            }
        }
        step = last;
        for (final StateMonitor m : stateMonitors)
        {
            m.endRun(last);
        }
        if (ranks.size() > 1)
        {
            gatherStateMonitors(first, last);
        }
        if (stoppedAt >= 0)
        {
            throwNonFinite(stoppedAt);
        }
    }

    /** The error for the non-finite state found at step {@code n}, naming its variable and neuron. */
    private void throwNonFinite(final long n)
    {
        final double timeMs = (n + 1) * network.dt();
        if (allWorkers > threads && remoteNonFinite[0] != 0)
        {
            throw new NonFiniteStateException(String.format(Locale.ROOT, "%s: a state became NaN or infinite at t = "
                + "%s ms on rank %d, which names the neuron", populations[remoteNonFinite[0] - 1].name(),
                Units.format(timeMs), remoteNonFinite[1] - 1), n + 1);
        }
        for (int w = 0; w < threads; w++)
        {
            // across ranks the run went on to the end of the exchange interval; the state stays non-finite
            final int k = (allWorkers > threads ? firstNonFiniteStep[w * NON_FINITE_STRIDE] == n
                ? firstNonFinitePopulation[w * NON_FINITE_STRIDE] : 0 : nonFinite[slotOfNonFinite(w, n)]) - 1;
            if (k >= 0)
            {
                try
                {
                    populations[k].checkFinite(sliceStarts[k][firstWorker + w], sliceStarts[k][firstWorker + w + 1],
                        timeMs);
                }
                catch (final ModelException e)
                {
                    throw new NonFiniteStateException(e.getMessage(), n + 1);
                }
                if (allWorkers > threads)
                {
                    throw new NonFiniteStateException(String.format(Locale.ROOT, "%s: a state became NaN or infinite at "
                        + "t = %s ms", populations[k].name(), Units.format(timeMs)), n + 1);
                }
            }
        }
        throw new IllegalStateException("the run stopped at step " + n + " for a non-finite state no slice reported");
    }

    /**
     * One worker's loop. The two phases of a step are methods of their own: a JIT compiles a
     * method after some hundred calls, but a loop that turns once per step only after thousands
     * of turns, so with the phases inline the first seconds of a run went through the interpreter.
     */
    private void work(
        final int worker, final long first, final long end, final SpinBarrier barrier, final ProgressListener listener)
    {
        final long reportEvery = Math.max(1, (end - first) / 1000);
        try
        {
            for (long n = first; n < end; n++)
            {
                updateSlices(worker, n, first);
                barrier.await();
                final boolean exchange = allWorkers > threads
                    && ((n - first + 1) % exchangeInterval == 0 || n == end - 1);
                if (exchange)
                {
                    if (worker == 0)
                    {
                        exchangeSpikes(first + (n - first) / exchangeInterval * exchangeInterval, n);
                    }
                    barrier.await();
                }
                deliverIntoSlices(worker, n);
                if (allWorkers > threads ? exchange && stoppedAt >= 0 : anyNonFinite(n))
                {
                    if (worker == 0 && allWorkers == threads)
                    {
                        stoppedAt = n;
                    }
                    return;
                }
                if (worker == 0 && (n - first + 1) % reportEvery == 0)
                {
                    listener.progress(n - first + 1, end - first);
                }
            }
        }
        catch (final SpinBarrier.BrokenException e)
        {
            // another worker failed; its failure is reported
        }
        catch (final RuntimeException | Error e)
        {
            barrier.breakBarrier(e);
        }
    }

    private int slotOfNonFinite(final int worker, final long n)
    {
        return (2 * worker + (int) (n & 1)) * NON_FINITE_STRIDE;
    }

    /** True when some worker's update of step n reported a NaN or infinite state. */
    private boolean anyNonFinite(final long n)
    {
        for (int w = 0; w < threads; w++)
        {
            if (nonFinite[slotOfNonFinite(w, n)] != 0)
            {
                return true;
            }
        }
        return false;
    }

    /** Step n's update phase on {@code worker}'s slices: monitors, populations, spike observers. */
    private void updateSlices(final int worker, final long n, final long first)
    {
        final int flag = slotOfNonFinite(worker, n);
        nonFinite[flag] = 0;
        final int slice = firstWorker + worker;
        for (int k = 0; k < stateMonitors.length; k++)
        {
            final int[] s = stateMonitorSliceStarts[k];
            stateMonitors[k].record(n, s[slice], s[slice + 1]);
        }
        if (n > first && allWorkers == threads)
        {
            for (int k = (int) ((worker - n % threads + threads) % threads); k < spikeMonitors.length; k += threads)
            {
                spikeMonitors[k].record(n - 1);
            }
            for (int k = (int) ((worker - n % threads + threads) % threads); k < rateMonitors.length; k += threads)
            {
                rateMonitors[k].record(n - 1);
            }
        }
        for (int k = 0; k < populations.length; k++)
        {
            final Population p = populations[k];
            final int from = sliceStarts[k][slice];
            final int to = sliceStarts[k][slice + 1];
            final SpikeHistory history = p.history();
            final int slot = history.slotOf(n);
            final int[] ids = history.ids(slot);
            final int offset = history.sliceStart(slice);
            final int result = p.update(n, from, to, ids, offset);
            if (Population.nonFinite(result) && nonFinite[flag] == 0)
            {
                nonFinite[flag] = k + 1;
                if (firstNonFiniteStep[worker * NON_FINITE_STRIDE] < 0)
                {
                    firstNonFiniteStep[worker * NON_FINITE_STRIDE] = n;
                    firstNonFinitePopulation[worker * NON_FINITE_STRIDE] = k + 1;
                }
            }
            final int count = Population.spikeCount(result);
            history.setCount(slot, slice, count);
            countAndObserve(k, history, slot, slice, n);
        }
    }

    /** Counts the spikes {@code slice} wrote into {@code slot} and hands them to the population's observers. */
    private void countAndObserve(final int k, final SpikeHistory history, final int slot, final int slice,
        final long n)
    {
        final int[] ids = history.ids(slot);
        final int offset = history.sliceStart(slice);
        final int end = offset + history.count(slot, slice);
        final long[] counts = spikeCounts[k];
        for (int j = offset; j < end; j++)
        {
            counts[ids[j]]++;
        }
        for (final SpikeObserver o : spikeObservers[k])
        {
            o.observe(history, slot, slice, n);
        }
    }

    /**
     * Sends this rank's spikes of steps {@code from} to {@code to} to every rank and writes theirs
     * into the spike histories (with their counts and observers, step by step), so that every rank
     * holds the whole of these steps; then the spike and rate monitors record them. Runs on worker
     * 0 between the update pass and the propagation of step {@code to}, while the other workers
     * wait. The message: the first step of the interval with a non-finite state, counted from
     * {@code from} + 1 (0 if none), that population's index + 1, per step, population and local
     * worker the spike count, then the ids in that order. If any rank reported a non-finite state,
     * the earliest (the lowest rank's among equals) is where the run stops.
     */
    private void exchangeSpikes(final long from, final long to)
    {
        exchanges++;
        final int steps = (int) (to - from + 1);
        final int header = 2 + steps * populations.length * threads;
        long needed = header;
        for (final Population p : populations)
        {
            final SpikeHistory history = p.history();
            for (long n = from; n <= to; n++)
            {
                for (int w = 0; w < threads; w++)
                {
                    needed += history.count(history.slotOf(n), firstWorker + w);
                }
            }
        }
        exchangeSend = grown(exchangeSend, needed);
        final int[] send = exchangeSend;
        long earliest = -1;
        int earliestPopulation = 0;
        for (int w = 0; w < threads; w++)
        {
            final long at = firstNonFiniteStep[w * NON_FINITE_STRIDE];
            if (at >= 0 && (earliest < 0 || at < earliest))
            {
                earliest = at;
                earliestPopulation = firstNonFinitePopulation[w * NON_FINITE_STRIDE];
            }
        }
        send[0] = earliest < 0 ? 0 : (int) (earliest - from + 1);
        send[1] = earliestPopulation;
        int length = header;
        int count = 2;
        for (long n = from; n <= to; n++)
        {
            for (final Population p : populations)
            {
                final SpikeHistory history = p.history();
                final int slot = history.slotOf(n);
                final int[] ids = history.ids(slot);
                for (int w = 0; w < threads; w++)
                {
                    final int spikes = history.count(slot, firstWorker + w);
                    send[count++] = spikes;
                    System.arraycopy(ids, history.sliceStart(firstWorker + w), send, length, spikes);
                    length += spikes;
                }
            }
        }
        exchangeLengths[0] = length;
        ranks.allgather(exchangeLengths, 1, exchangeLengths);
        long offset = 0;
        for (int r = 0; r < exchangeLengths.length; r++)
        {
            exchangeOffsets[r] = (int) Math.min(offset, Integer.MAX_VALUE);
            offset += exchangeLengths[r];
        }
        exchangeReceive = grown(exchangeReceive, offset);
        final int[] receive = exchangeReceive;
        ranks.allgatherv(send, length, receive, exchangeLengths, exchangeOffsets);
        long stop = -1;
        for (int r = 0; r < exchangeLengths.length; r++)
        {
            final int base = exchangeOffsets[r];
            if (receive[base] != 0 && (stop < 0 || from + receive[base] - 1 < stop))
            {
                stop = from + receive[base] - 1;
                remoteNonFinite[0] = r == ranks.rank() ? 0 : receive[base + 1];
                remoteNonFinite[1] = r + 1;
            }
            if (r != ranks.rank())
            {
                receiveSpikes(r, receive, base, header, from, to);
            }
        }
        final long recordTo = stop >= 0 ? stop : to;
        for (long n = from; n <= recordTo; n++)
        {
            for (final SpikeMonitor m : spikeMonitors)
            {
                m.record(n);
            }
            for (final PopulationRateMonitor m : rateMonitors)
            {
                m.record(n);
            }
        }
        stoppedAt = stop;
    }

    /** Writes rank {@code r}'s spikes of steps {@code from} to {@code to}, its message at {@code base}, into the histories. */
    private void receiveSpikes(final int r, final int[] receive, final int base, final int header, final long from,
        final long to)
    {
        int at = base + header;
        int count = base + 2;
        for (long n = from; n <= to; n++)
        {
            for (int k = 0; k < populations.length; k++)
            {
                final SpikeHistory history = populations[k].history();
                final int slot = history.slotOf(n);
                final int[] ids = history.ids(slot);
                for (int w = 0; w < threads; w++)
                {
                    final int slice = r * threads + w;
                    final int spikes = receive[count++];
                    System.arraycopy(receive, at, ids, history.sliceStart(slice), spikes);
                    at += spikes;
                    history.setCount(slot, slice, spikes);
                    countAndObserve(k, history, slot, slice, n);
                }
            }
        }
    }

    /** {@code buffer}, or a larger copy if it holds fewer than {@code length} ints. */
    private int[] grown(final int[] buffer, final long length)
    {
        Check.that(length < Integer.MAX_VALUE - 8, "Simulation", "the spikes of one exchange must fit 2^31 ints; got "
            + length + " on " + ranks.size() + " ranks; exchange less often is not possible, use fewer neurons per rank");
        return length <= buffer.length ? buffer : Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8,
            Math.max(length, 2L * buffer.length)));
    }

    /**
     * After a run from step {@code first} to {@code last}: every rank sends the samples its state
     * monitors took of its own neurons in that run, so every rank's monitors hold all of them.
     */
    private void gatherStateMonitors(final long first, final long last)
    {
        for (int k = 0; k < stateMonitors.length; k++)
        {
            final StateMonitor m = stateMonitors[k];
            final int[] s = stateMonitorSliceStarts[k];
            final int[] owners = new int[m.indices().length];
            final int[] indices = m.indices();
            for (int i = 0; i < indices.length; i++)
            {
                int slice = 0;
                while (indices[i] >= s[slice + 1])
                {
                    slice++;
                }
                owners[i] = slice / threads;
            }
            m.gather(ranks, owners, first, last);
        }
    }

    /** Step n's propagation phase into {@code worker}'s slices of every target. */
    private void deliverIntoSlices(final int worker, final long n)
    {
        final int slice = firstWorker + worker;
        for (int k = 0; k < deliveries.length; k++)
        {
            final int[] s = deliverySliceStarts[k];
            deliveries[k].deliver(n, slice, s[slice], s[slice + 1]);
        }
    }

    private static void joinQuietly(final Thread t)
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                t.join();
                break;
            }
            catch (final InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Rethrows a worker's failure: unchecked as it is, anything else wrapped. */
    static void rethrow(final Throwable failure)
    {
        if (failure instanceof RuntimeException r)
        {
            throw r;
        }
        if (failure instanceof Error e)
        {
            throw e;
        }
        throw new IllegalStateException(failure);
    }
}
