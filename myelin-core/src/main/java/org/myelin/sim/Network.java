package org.myelin.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.myelin.base.Delivery;
import org.myelin.base.Population;
import org.myelin.connect.Connector;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.output.Output;
import org.myelin.projection.AlignPostProjection;
import org.myelin.synapse.SynapseModel;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A network description: the time step, the seeds, populations, projections and inputs that act
 * in the propagation phase, and monitors. Build it, then run it with a {@link Simulation}.
 *
 * <p>Two seeds: the <b>state seed</b> ({@link #seed()}) keys initial values, Poisson sources and
 * noise; the <b>connectivity seed</b> ({@link #connectivitySeed()}) keys the synapses of every
 * projection (who connects to whom, per-synapse weights and delays; see
 * {@link org.myelin.base.DeliveryContext}). By default
 * they are equal. Networks that differ only in the state seed have the same synapses, which is
 * how the replicas of a {@link Batch} share one connectivity.
 */
public final class Network
{
    private final double dt;
    private final long seed;
    private final long connectivitySeed;
    private final List<Population> populations = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<SpikeMonitor> spikeMonitors = new ArrayList<>();
    private final List<StateMonitor> stateMonitors = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    /**
     * @param dt   [ms] time step, {@code > 0}.
     * @param seed the seed of every random draw of the network (state and connectivity).
     */
    public Network(final double dt, final long seed)
    {
        this(dt, seed, seed);
    }

    /**
     * @param dt               [ms] time step, {@code > 0}.
     * @param seed             the state seed: initial values, Poisson sources, noise.
     * @param connectivitySeed the seed of the projections' synapses.
     */
    public Network(final double dt, final long seed, final long connectivitySeed)
    {
        this.dt = Check.positive("Network", "dt", dt, "ms");
        this.seed = seed;
        this.connectivitySeed = connectivitySeed;
    }

    /** [ms] the time step. */
    public double dt()
    {
        return dt;
    }

    /** The state seed: initial values, Poisson sources, noise. */
    public long seed()
    {
        return seed;
    }

    /** The seed of the projections' synapses; equal to {@link #seed()} unless given apart. */
    public long connectivitySeed()
    {
        return connectivitySeed;
    }

    /** Adds a population; names are unique across populations and projections. */
    public <P extends Population> P add(final P population)
    {
        claimName(population.name(), "population");
        populations.add(population);
        return population;
    }

    /** Adds a projection or input acting in the propagation phase. */
    public <D extends Delivery> D add(final D delivery)
    {
        if (!populations.contains(delivery.target()))
        {
            throw new ModelException("a projection or input targets '" + delivery.target().name()
                + "', which is not in this network; add the population first");
        }
        final Population source = delivery.source();
        if (source != null && !populations.contains(source))
        {
            throw new ModelException(delivery.kind() + " '" + delivery.name() + "': source '" + source.name()
                + "' is not in this network; add the population first");
        }
        delivery.historyDepth(dt); // a delay that does not fit dt is reported where the delivery is added
        if (delivery.name() != null)
        {
            claimName(delivery.name(), delivery.kind());
        }
        deliveries.add(delivery);
        return delivery;
    }

    /**
     * Connects two groups through an align-post projection and adds it.
     *
     * @see AlignPostProjection#AlignPostProjection
     */
    public AlignPostProjection connect(
        final String name, final Population source, final NeuronGroup target, final Connector connector,
        final SynapseModel model, final Output output, final String receptorLabel, final double weight,
        final double delayMs)
    {
        return add(new AlignPostProjection(name, source, target, connector, model, output, receptorLabel, weight,
            delayMs));
    }

    /** Records every spike of {@code population}. */
    public SpikeMonitor monitorSpikes(final Population population)
    {
        requireMember(population);
        final SpikeMonitor monitor = new SpikeMonitor(population);
        spikeMonitors.add(monitor);
        return monitor;
    }

    /** Records {@code variable} of the given neurons every {@code every} steps. */
    public StateMonitor monitorState(
        final Population population, final String variable, final int[] indices, final int every)
    {
        requireMember(population);
        final StateMonitor monitor = new StateMonitor(population, variable, indices, every);
        stateMonitors.add(monitor);
        return monitor;
    }

    /** The populations, in order of addition. */
    public List<Population> populations()
    {
        return List.copyOf(populations);
    }

    /** The population named {@code name}. */
    public Population population(final String name)
    {
        for (final Population p : populations)
        {
            if (p.name().equals(name))
            {
                return p;
            }
        }
        throw new ModelException("no population named '" + name + "'; known: "
            + populations.stream().map(Population::name).toList());
    }

    /** Projections and inputs, in order of addition (which is the order of delivery). */
    public List<Delivery> deliveries()
    {
        return List.copyOf(deliveries);
    }

    /** The align-post projections. */
    public List<AlignPostProjection> projections()
    {
        return deliveries(AlignPostProjection.class);
    }

    /** The deliveries of one type, in order of addition. */
    public <D extends Delivery> List<D> deliveries(final Class<D> type)
    {
        final List<D> out = new ArrayList<>();
        for (final Delivery d : deliveries)
        {
            if (type.isInstance(d))
            {
                out.add(type.cast(d));
            }
        }
        return out;
    }

    /** The spike monitors. */
    public List<SpikeMonitor> spikeMonitors()
    {
        return List.copyOf(spikeMonitors);
    }

    /** The state monitors. */
    public List<StateMonitor> stateMonitors()
    {
        return List.copyOf(stateMonitors);
    }

    /** Total neurons. */
    public long neuronCount()
    {
        long n = 0;
        for (final Population p : populations)
        {
            n += p.size();
        }
        return n;
    }

    private void claimName(final String name, final String what)
    {
        if (!names.add(name))
        {
            throw new ModelException(what + " '" + name + "': the name is already used in this network");
        }
    }

    private void requireMember(final Population population)
    {
        if (!populations.contains(population))
        {
            throw new ModelException("cannot monitor '" + population.name() + "': it is not in this network");
        }
    }
}
