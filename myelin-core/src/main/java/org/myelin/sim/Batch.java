package org.myelin.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ObjIntConsumer;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.projection.AlignPostProjection;
import org.myelin.random.Rng;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * B independent replicas of one network (brainstate's {@code batch_size}, DESIGN.md §5): they
 * share the read-only connectivity and each owns its state and its random streams.
 *
 * <p>Semantics:
 * <ul>
 *   <li>Replica r is the network that {@code populate} builds into
 *       {@code new Network(dt, stateSeed(r), seed)}: its <b>state seed</b> (initial values,
 *       Poisson sources, noise) is {@link #stateSeed(int) Rng.key(seed, PURPOSE_BATCH, 0, r)}; its
 *       <b>connectivity seed</b> is the base {@code seed}, the same for every replica. So replica r
 *       spikes exactly as a plain {@link Simulation} (with {@code threadsPerReplica} threads) of
 *       that network.</li>
 *   <li>Replica 0 is prepared first; every other replica then takes replica 0's connectivity
 *       objects projection by projection (same name), so a synapse matrix is held once, not B
 *       times. Delivery only reads it; {@link org.myelin.connect.Connectivity#partition} writes
 *       its slice cuts while a replica is prepared (never during a run), and every replica has
 *       the same thread count and so the same cuts. Connectivity that is not
 *       {@link org.myelin.connect.Connectivity#shareable() shareable} (just-in-time rows keep
 *       per-slice random streams that delivery advances) is not shared: each replica builds its own
 *       from the same seed (the same synapses; it stores only a few scalars).</li>
 *   <li>{@link #run} runs the replicas in parallel, one task per replica on a fixed pool of
 *       {@code poolThreads} threads; replicas share no mutable state, so results do not depend on
 *       the pool size.</li>
 *   <li>{@link #reset} puts every replica back to time 0: states re-drawn from the replica's state
 *       seed, receptors, delay buffers and spike histories cleared, monitors emptied; the
 *       connectivity is kept.</li>
 * </ul>
 * {@code populate} must build the same structure for every replica (names, sizes, connectors); it
 * may use the replica index, e.g. for a per-replica input, but then replicas differ by more than
 * their seeds.
 */
public final class Batch
{
    /** The purpose part of the replicas' state-seed keys. */
    public static final long PURPOSE_BATCH = 0x4261746368L;

    private final long seed;
    private final int threadsPerReplica;
    private final int poolThreads;
    private final Network[] networks;
    private final Simulation[] simulations;

    /**
     * One thread per replica, replicas on a pool of at most the number of processors.
     *
     * @see #Batch(int, double, long, ObjIntConsumer, int, int)
     */
    public Batch(final int replicas, final double dt, final long seed, final ObjIntConsumer<Network> populate)
    {
        this(replicas, dt, seed, populate, 1,
            Math.max(1, Math.min(replicas, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Builds and prepares every replica.
     *
     * @param replicas          B, the number of replicas, {@code >= 1}.
     * @param dt                [ms] time step of every replica.
     * @param seed              the base seed: the shared connectivity seed, and the root of the
     *                          replicas' state seeds.
     * @param populate          adds populations, projections, inputs and monitors to replica
     *                          r's empty network: {@code populate.accept(network, r)}.
     * @param threadsPerReplica worker threads of each replica's simulation, {@code >= 1}.
     * @param poolThreads       threads that run replicas side by side, {@code >= 1}.
     */
    public Batch(
        final int replicas, final double dt, final long seed, final ObjIntConsumer<Network> populate,
        final int threadsPerReplica, final int poolThreads)
    {
        Check.atLeast("Batch", "replicas", replicas, 1);
        this.threadsPerReplica = Check.atLeast("Batch", "threadsPerReplica", threadsPerReplica, 1);
        this.poolThreads = Check.atLeast("Batch", "poolThreads", poolThreads, 1);
        if (populate == null)
        {
            throw new ModelException("Batch: populate is required");
        }
        this.seed = seed;
        this.networks = new Network[replicas];
        this.simulations = new Simulation[replicas];
        for (int r = 0; r < replicas; r++)
        {
            networks[r] = new Network(dt, stateSeed(seed, r), seed);
            populate.accept(networks[r], r);
        }
        prepare();
    }

    /** The state seed of replica {@code r} of a batch with base seed {@code seed}. */
    public static long stateSeed(final long seed, final int r)
    {
        return Rng.key(seed, PURPOSE_BATCH, 0, r);
    }

    /** The state seed of replica {@code r}. */
    public long stateSeed(final int r)
    {
        return stateSeed(seed, r);
    }

    /** The connectivity seed shared by every replica: the base seed. */
    public long connectivitySeed()
    {
        return seed;
    }

    /** B, the number of replicas. */
    public int replicas()
    {
        return networks.length;
    }

    /** Threads that run replicas side by side. */
    public int poolThreads()
    {
        return poolThreads;
    }

    /** Replica {@code r}'s network (its populations and monitors hold the replica's results). */
    public Network network(final int r)
    {
        return networks[r];
    }

    /** Replica {@code r}'s simulation. */
    public Simulation simulation(final int r)
    {
        return simulations[r];
    }

    /** [ms] simulated time so far (the same for every replica). */
    public double timeMs()
    {
        return simulations[0].timeMs();
    }

    /**
     * Runs every replica for {@code durationMs}, in parallel on the pool.
     *
     * @throws ModelException if the duration is not a whole number of steps, or a replica fails
     *                        (the first failing replica's error, by index).
     */
    public void run(final double durationMs)
    {
        final List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(poolThreads, Batch::daemon))
        {
            for (final Simulation s : simulations)
            {
                done.add(pool.submit(() -> s.run(durationMs)));
            }
            for (final Future<?> f : done)
            {
                await(f);
            }
        }
    }

    /** Puts every replica back to time 0 with its initial state; monitors are emptied. */
    public void reset()
    {
        for (final Network n : networks)
        {
            n.spikeMonitors().forEach(SpikeMonitor::clear);
            n.stateMonitors().forEach(StateMonitor::clear);
        }
        prepare();
    }

    /** Prepares replica 0, hands its shareable connectivity to the others, then prepares them. */
    private void prepare()
    {
        simulations[0] = new Simulation(networks[0], threadsPerReplica);
        final List<AlignPostProjection> shared = networks[0].projections();
        for (int r = 1; r < networks.length; r++)
        {
            final List<AlignPostProjection> own = networks[r].projections();
            if (own.size() != shared.size())
            {
                throw new ModelException("Batch: replica " + r + " has " + own.size()
                    + " projections, replica 0 has " + shared.size() + "; populate must build the same network");
            }
            for (int k = 0; k < own.size(); k++)
            {
                final AlignPostProjection first = shared.get(k);
                if (first.connectivity().shareable())
                {
                    own.get(k).shareConnectivity(first, seed);
                }
            }
            simulations[r] = new Simulation(networks[r], threadsPerReplica);
        }
    }

    private static void await(final Future<?> f)
    {
        try
        {
            f.get();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new ModelException("Batch: interrupted while replicas run");
        }
        catch (final ExecutionException e)
        {
            Simulation.rethrow(e.getCause());
        }
    }

    private static Thread daemon(final Runnable task)
    {
        final Thread t = new Thread(task, "myelin-replica");
        t.setDaemon(true);
        return t;
    }
}
