package org.myelin.sim;

import org.myelin.base.Integrator;
import org.myelin.connect.CsrConnectivity;
import org.myelin.connect.FixedInDegree;
import org.myelin.connect.FixedOutDegree;
import org.myelin.connect.FixedProbability;
import org.myelin.connect.FixedTotalNumber;
import org.myelin.delay.DelayRounding;
import org.myelin.input.OrnsteinUhlenbeckCurrent;
import org.myelin.input.PoissonGroup;
import org.myelin.input.PoissonInput;
import org.myelin.neuron.AdEx;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.plasticity.DopamineStdp;
import org.myelin.plasticity.PairStdp;
import org.myelin.plasticity.ShortTermPlasticity;
import org.myelin.plasticity.WeightDependence;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.PlasticProjection;
import org.myelin.random.Initializer;
import org.myelin.synapse.Exponential;

/**
 * Small networks, one per kind of state, for the tests that stop a run, save it and resume it:
 * each fires a few hundred spikes in 200 ms.
 */
final class ResumeNetworks
{
    static final double DT = 0.1;

    private static final Lif.Parameters LIF = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 20, Integrator.EULER);

    private ResumeNetworks()
    {
    }

    /** The kinds of network, as names for parameterized tests. */
    static String[] names()
    {
        return new String[] {"coba", "coba-delay-3ms", "coba-delay-5ms", "per-synapse-delays", "stp",
            "per-synapse-delays-stp", "pair-stdp", "poisson",
            "ou-noise", "adex", "dopamine-stdp", "fixed-number-rules"};
    }

    static Network build(final String name)
    {
        final Network net = new Network(DT, 11, 12);
        switch (name)
        {
            case "coba" -> coba(net, 0);
            case "coba-delay-3ms" -> coba(net, 3);
            case "coba-delay-5ms" -> coba(net, 5);
            case "per-synapse-delays" -> coba(net, 0).withWeights(Initializer.uniform(0.5, 1.5))
                .withDelays(Initializer.uniform(0.1, 4), DelayRounding.NEAREST);
            case "per-synapse-delays-stp" -> coba(net, 1.5).withWeights(Initializer.uniform(0.5, 1.5))
                .withDelays(Initializer.uniform(0.1, 2), DelayRounding.NEAREST)
                .withPresynaptic(new ShortTermPlasticity(0.2, 200, 50, ShortTermPlasticity.EventOrder.BRAINSTATE));
            case "stp" -> coba(net, 1).withPresynaptic(new ShortTermPlasticity(0.2, 200, 50,
                ShortTermPlasticity.EventOrder.BRAINSTATE));
            case "pair-stdp" -> pairStdp(net);
            case "poisson" -> poisson(net);
            case "ou-noise" -> ouNoise(net);
            case "adex" -> adex(net);
            case "dopamine-stdp" -> dopamineStdp(net);
            case "fixed-number-rules" -> fixedNumberRules(net);
            default -> throw new IllegalArgumentException(name);
        }
        final var first = net.populations().getFirst();
        net.monitorSpikes(first);
        net.monitorRate(first, 10);
        if (first instanceof Lif || first instanceof AdEx)
        {
            net.monitorState(first, "v", new int[] {0, 3, 77}, 7);
        }
        return net;
    }

    /** COBA with recurrent excitation and inhibition; returns E->E, the projection scenarios vary. */
    private static AlignPostProjection coba(final Network net, final double delayMs)
    {
        final Lif e = net.add(new Lif("E", 240, LIF, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", 61, LIF, Initializer.uniform(-60, -50)));
        final FixedProbability p = new FixedProbability(0.1);
        net.connect("E->I", e, i, p, new Exponential(5), new Coba(0), "ge", 0.5, delayMs);
        net.connect("I->E", i, e, p, new Exponential(10), new Coba(-80), "gi", 1, delayMs);
        net.connect("I->I", i, i, p, new Exponential(10), new Coba(-80), "gi", 1, delayMs);
        return net.connect("E->E", e, e, p, new Exponential(5), new Coba(0), "ge", 0.5, delayMs);
    }

    /**
     * COBA wired by the rules with a fixed number of synapses, each with per-synapse weights or
     * delays: an MPI rank draws their rows or columns whole and keeps its targets' part.
     */
    private static void fixedNumberRules(final Network net)
    {
        final Lif e = net.add(new Lif("E", 240, LIF, Initializer.uniform(-60, -50)));
        final Lif i = net.add(new Lif("I", 61, LIF, Initializer.uniform(-60, -50)));
        net.connect("E->E", e, e, new FixedTotalNumber(5800, false), new Exponential(5), new Coba(0), "ge", 0.5, 0)
            .withWeights(Initializer.uniform(0.5, 1.5)).withDelays(Initializer.uniform(0.1, 3), DelayRounding.NEAREST);
        net.connect("E->I", e, i, new FixedInDegree(24, true, false), new Exponential(5), new Coba(0), "ge", 0.5, 0)
            .withWeights(Initializer.uniform(0.5, 1.5));
        net.connect("I->E", i, e, new FixedOutDegree(24, true, true), new Exponential(10), new Coba(-80), "gi", 1, 0)
            .withDelays(Initializer.uniform(0.1, 2), DelayRounding.NEAREST);
        net.connect("I->I", i, i, new FixedProbability(0.1, false), new Exponential(10), new Coba(-80), "gi", 1, 0.5)
            .withWeights(Initializer.uniform(0.5, 1.5));
    }

    private static void pairStdp(final Network net)
    {
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 2, 8, Integrator.EXACT);
        final Lif target = net.add(new Lif("out", 150, lif, Initializer.uniform(-60, -50)));
        final PoissonGroup input = net.add(new PoissonGroup("in", 300, 20));
        final AlignPostProjection synapses = new AlignPostProjection("in->out", input, target,
            new FixedProbability(0.2), new Exponential(5), new Coba(0), "ge", 0.5, 1.0)
            .withWeights(Initializer.uniform(0, 1));
        final PlasticProjection plastic = net.add(new PlasticProjection(synapses, new PairStdp(20, 20, 0.01, 0.012,
            PairStdp.Pairing.ALL_TO_ALL, WeightDependence.multiplicative(0, 1))).withDendriticDelay(0.4));
        plastic.monitorWeights(new int[] {0, 1, 2}, firstTargets(plastic, 3), 50);
    }

    /** A post neuron of each of the first {@code n} presynaptic neurons' synapses, for a weight monitor. */
    private static int[] firstTargets(final PlasticProjection plastic, final int n)
    {
        final CsrConnectivity c = (CsrConnectivity) plastic.synapses().build(12);
        final int[] post = new int[n];
        final int[] row = new int[plastic.target().size()];
        for (int i = 0; i < n; i++)
        {
            c.copyTargets(i, row, 0);
            post[i] = row[0];
        }
        return post;
    }

    /** Reward-modulated STDP: a Poisson group as dopamine, spiking often enough to flush the record. */
    private static void dopamineStdp(final Network net)
    {
        final Lif.Parameters lif = new Lif.Parameters(-60, -50, -60, 20, 1, 2, 8, Integrator.EXACT);
        final Lif target = net.add(new Lif("out", 150, lif, Initializer.uniform(-60, -50)));
        final PoissonGroup input = net.add(new PoissonGroup("in", 300, 20));
        final PoissonGroup dopamine = net.add(new PoissonGroup("dopamine", 20, 100));
        final AlignPostProjection synapses = new AlignPostProjection("in->out", input, target,
            new FixedProbability(0.2), new Exponential(5), new Coba(0), "ge", 0.5, 1.0)
            .withWeights(Initializer.uniform(0, 1));
        net.add(new PlasticProjection(synapses, new DopamineStdp(0.1, 0.15, 16.8, 33.7, 300, 50, 0.002, 0, 1))
            .withNeuromodulator(dopamine));
    }

    private static void poisson(final Network net)
    {
        final Lif.Parameters quiet = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 0, Integrator.EXACT);
        final Lif e = net.add(new Lif("E", 200, quiet, Initializer.uniform(-60, -50)));
        net.add(new PoissonInput("drive", e, 50, 20, new Exponential(5), new Coba(0), "ge", 0.4));
        net.connect("E->E", e, e, new FixedProbability(0.05), new Exponential(5), new Coba(0), "ge", 0.2, 2);
    }

    private static void ouNoise(final Network net)
    {
        final Lif.Parameters quiet = new Lif.Parameters(-60, -50, -60, 20, 1, 5, 0, Integrator.EXACT);
        final Lif e = net.add(new Lif("E", 200, quiet, Initializer.uniform(-60, -50)));
        e.addInput(new OrnsteinUhlenbeckCurrent("noise", 200, 9, 4, 10));
        net.connect("E->E", e, e, new FixedProbability(0.05), new Exponential(5), new Coba(0), "ge", 0.2, 1);
    }

    private static void adex(final Network net)
    {
        final AdEx e = net.add(new AdEx("E", 200, AdEx.Parameters.defaults()));
        e.addInput(new OrnsteinUhlenbeckCurrent("noise", 200, 500, 200, 10));
        net.connect("E->E", e, e, new FixedProbability(0.05), new Exponential(5), new Coba(0), "ge", 0.5, 1);
    }
}
