package org.myelin.sim;

import java.util.List;

import org.myelin.connect.Connector;
import org.myelin.connect.FixedProbability;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * The benchmark networks of DESIGN.md §8, as Brian2 defines them in
 * {@code myelin-bench/scripts/coba_brian2.py} and {@code cuba_brian2.py}: N neurons, 80 %
 * excitatory ("E") and 20 % inhibitory ("I"), every ordered pair connected with probability
 * 80/N (self-connections allowed, as Brian2's {@code connect(p=...)}), weights scaled by 4000/N,
 * no delay, v0 uniform in [vReset, vTh).
 */
public final class ReferenceNetworks
{
    /** Brian2 2.5.1's COBA-4000 mean rate [Hz] over 1 s (the reference). */
    public static final double BRIAN2_COBA_4000_RATE_HZ = 20.2;
    /** Brian2 2.5.1's CUBA-4000 mean rate [Hz]. */
    public static final double BRIAN2_CUBA_4000_RATE_HZ = 5.3;

    private ReferenceNetworks()
    {
    }

    /**
     * A built reference network.
     *
     * @param name        model name ("COBA" or "CUBA").
     * @param network     the network.
     * @param excitatory  the excitatory group.
     * @param inhibitory  the inhibitory group.
     */
    public record Built(String name, Network network, Lif excitatory, Lif inhibitory)
    {
        /** Both groups, excitatory first. */
        public List<Lif> groups()
        {
            return List.of(excitatory, inhibitory);
        }
    }

    /** The names of the models {@link #build} knows. */
    public static List<String> names()
    {
        return List.of("coba", "cuba");
    }

    /**
     * Builds a reference network by name.
     *
     * @param name {@code "coba"} or {@code "cuba"} (case-insensitive).
     * @param n    total neurons, {@code >= 2}.
     * @param dt   [ms] time step.
     * @param seed the seed.
     */
    public static Built build(final String name, final int n, final double dt, final long seed)
    {
        return switch (name.toLowerCase(java.util.Locale.ROOT))
        {
            case "coba" -> coba(n, dt, seed);
            case "cuba" -> cuba(n, dt, seed);
            default -> throw new ModelException("unknown model '" + name + "'; known models: " + names());
        };
    }

    /**
     * COBA (Vogels and Abbott 2005; BrainPy/Brian2 benchmark parameters): conductances in units of
     * the leak conductance (R = 1 GΩ, so g in nS), Euler integration as in Brian2.
     */
    public static Built coba(final int n, final double dt, final long seed)
    {
        return coba(n, dt, seed, false);
    }

    /**
     * COBA with stored connectivity, or with {@code justInTime} rows regenerated at each spike
     * (the same synapses for the same seed, ~0 bytes per synapse).
     */
    public static Built coba(final int n, final double dt, final long seed, final boolean justInTime)
    {
        final Sizes s = Sizes.of("COBA", n);
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);
        final Network net = new Network(dt, seed);
        final Lif e = net.add(new Lif("E", s.ne, lif, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", s.ni, lif, Initializer.uniform(-60, -50)));
        final FixedProbability fixed = new FixedProbability(s.p);
        final Connector rule = justInTime ? fixed.justInTime() : fixed;
        final Exponential exc = new Exponential(5);
        final Exponential inh = new Exponential(10);
        final Coba toExc = new Coba(0);
        final Coba toInh = new Coba(-80);
        net.connect("E->E", e, e, rule, exc, toExc, "ge", 0.6 * s.scale, 0);
        net.connect("E->I", e, i, rule, exc, toExc, "ge", 0.6 * s.scale, 0);
        net.connect("I->E", i, e, rule, inh, toInh, "gi", 6.7 * s.scale, 0);
        net.connect("I->I", i, i, rule, inh, toInh, "gi", 6.7 * s.scale, 0);
        return new Built("COBA", net, e, i);
    }

    /**
     * CUBA (Brette et al. 2007, Brian2 example): currents in pA through R = 1 GΩ (Brian2's mV),
     * exact integration of the linear system as Brian2's {@code method='exact'}.
     */
    public static Built cuba(final int n, final double dt, final long seed)
    {
        final Sizes s = Sizes.of("CUBA", n);
        final Lif.Parameters lif = new Lif.Parameters(-49, -50, -60, 20, 1, 5, 0, Integrator.EXACT);
        final Network net = new Network(dt, seed);
        final Lif e = net.add(new Lif("E", s.ne, lif, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", s.ni, lif, Initializer.uniform(-60, -50)));
        final FixedProbability rule = new FixedProbability(s.p);
        final Exponential exc = new Exponential(5);
        final Exponential inh = new Exponential(10);
        final Cuba cuba = new Cuba();
        final double we = 60 * 0.27 / 10 * s.scale;
        final double wi = -20 * 4.5 / 10 * s.scale;
        net.connect("E->E", e, e, rule, exc, cuba, "ge", we, 0);
        net.connect("E->I", e, i, rule, exc, cuba, "ge", we, 0);
        net.connect("I->E", i, e, rule, inh, cuba, "gi", wi, 0);
        net.connect("I->I", i, i, rule, inh, cuba, "gi", wi, 0);
        return new Built("CUBA", net, e, i);
    }

    private record Sizes(int ne, int ni, double scale, double p)
    {
        static Sizes of(final String model, final int n)
        {
            Check.atLeast(model, "N", n, 2);
            final int ne = (int) (0.8 * n);
            return new Sizes(ne, n - ne, 4000.0 / n, Math.min(1.0, 80.0 / n));
        }
    }
}
