package org.myelin.plasticity;

import org.myelin.util.Check;

/**
 * Pair-based STDP (Bi &amp; Poo 1998; Song, Miller &amp; Abbott 2000; Morrison, Diesmann &amp;
 * Gerstner 2008). A pair of a presynaptic spike at t_pre and a postsynaptic spike at t_post, as
 * they reach the synapse, changes the weight by
 * <pre>
 *   Δt = t_post − t_pre ≥ 0:  potentiation by a₊·exp(−Δt/τ₊)   (at the postsynaptic spike)
 *   Δt &lt; 0:                depression by  a₋·exp(Δt/τ₋)     (at the presynaptic spike)
 * </pre>
 * shaped by the {@link WeightDependence}. Which pairs count ({@link Pairing}):
 * <ul>
 *   <li>{@code ALL_TO_ALL}: every pair (NEST {@code stdp_synapse}, Brian2's {@code Apre}/{@code Apost}
 *       traces that grow by one per spike);</li>
 *   <li>{@code NEAREST_SYMMETRIC}: a presynaptic spike pairs with the nearest preceding postsynaptic
 *       one, a postsynaptic spike with the nearest preceding presynaptic one (NEST
 *       {@code stdp_nn_symm_synapse}, Morrison 2008 Fig. 7A);</li>
 *   <li>{@code NEAREST_PRE_CENTERED}: a presynaptic spike depresses with the nearest preceding
 *       postsynaptic spike; a postsynaptic spike potentiates with every presynaptic spike since
 *       the previous postsynaptic one (NEST {@code stdp_nn_pre_centered_synapse}, Fig. 7B); this
 *       keeps one trace per synapse (4 bytes);</li>
 *   <li>{@code NEAREST_RESTRICTED}: as symmetric, but a spike joins at most one depressing and one
 *       potentiating pair: a presynaptic spike depresses only if a postsynaptic spike came after
 *       the previous presynaptic one, and the other way round (NEST {@code stdp_nn_restr_synapse},
 *       Fig. 7C).</li>
 * </ul>
 * Coinciding spikes (Δt = 0, same step) pair as pre before post, as in Brian2 (NEST discards such
 * pairs). Defaults of {@link #song2000}: τ₊ = τ₋ = 20 ms, a₊ = 0.01·w_max, a₋ = 1.05·a₊, additive
 * in [0, w_max].
 *
 * <p>Inferno's {@code STDP} trainer maps onto this rule: its update
 * w ← w + η_post·x_pre·[post spike] + η_pre·x_post·[pre spike] is a₊ = η_post, a₋ = −η_pre (inferno
 * gives depression a negative rate), τ₊ = {@code tc_pre}, τ₋ = {@code tc_post}; its
 * {@code trace_mode="cumulative"} (x ← x·e^(−Δt/τ) + 1) is {@code ALL_TO_ALL} and
 * {@code "nearest"} (x ← 1 at a spike) is {@code NEAREST_SYMMETRIC}; its bounding functions are the
 * {@link WeightDependence} forms (hard bounds: additive; soft: multiplicative; power law with μ).
 * Inferno updates the weight once per batch with traces sampled at step boundaries, so spikes in
 * the same step pair with Δt = 0 there too.
 *
 * @see <a href="https://nest-simulator.readthedocs.io/en/stable/models/stdp_synapse.html">NEST stdp_synapse</a>
 */
public final class PairStdp extends SpikeTimingRule
{
    /** Which spike pairs change the weight. */
    public enum Pairing
    {
        ALL_TO_ALL, NEAREST_SYMMETRIC, NEAREST_PRE_CENTERED, NEAREST_RESTRICTED
    }

    private final double tauPlus;
    private final double tauMinus;
    private final double aPlus;
    private final double aMinus;
    private final Pairing pairing;

    /**
     * @param tauPlus    [ms] time constant of potentiation, {@code > 0}.
     * @param tauMinus   [ms] time constant of depression, {@code > 0}.
     * @param aPlus      potentiation of a pair at Δt = 0⁺, in weight units, {@code >= 0}.
     * @param aMinus     depression of a pair at Δt = 0⁻, in weight units, {@code >= 0}.
     * @param pairing    which pairs count.
     * @param dependence weight dependence and bounds.
     */
    public PairStdp(final double tauPlus, final double tauMinus, final double aPlus, final double aMinus,
        final Pairing pairing, final WeightDependence dependence)
    {
        super(dependence);
        this.tauPlus = Check.positive("pair STDP", "tauPlus", tauPlus, "ms");
        this.tauMinus = Check.positive("pair STDP", "tauMinus", tauMinus, "ms");
        this.aPlus = Check.nonNegative("pair STDP", "aPlus", aPlus, "");
        this.aMinus = Check.nonNegative("pair STDP", "aMinus", aMinus, "");
        this.pairing = pairing == null ? Pairing.ALL_TO_ALL : pairing;
    }

    /** Song, Miller &amp; Abbott (2000) as in Brian2's {@code examples/synapses/STDP.py}. */
    public static PairStdp song2000(final double wMax)
    {
        return new PairStdp(20, 20, 0.01 * wMax, 0.0105 * wMax, Pairing.ALL_TO_ALL,
            WeightDependence.additive(0, wMax));
    }

    /** [ms] τ₊. */
    public double tauPlus()
    {
        return tauPlus;
    }

    /** [ms] τ₋. */
    public double tauMinus()
    {
        return tauMinus;
    }

    /** a₊. */
    public double aPlus()
    {
        return aPlus;
    }

    /** a₋. */
    public double aMinus()
    {
        return aMinus;
    }

    /** The pairing. */
    public Pairing pairing()
    {
        return pairing;
    }

    @Override
    public String describe()
    {
        return "pair STDP (" + pairing.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", tau+="
            + Check.fmt(tauPlus) + " ms, tau-=" + Check.fmt(tauMinus) + " ms, a+=" + Check.fmt(aPlus) + ", a-="
            + Check.fmt(aMinus) + ", " + dependence.describe() + ")";
    }

    @Override
    public int synapseStates()
    {
        return pairing == Pairing.NEAREST_PRE_CENTERED ? 1 : 0;
    }

    @Override
    public NeuronTraces preTraces(final int size, final double dt)
    {
        return new NeuronTraces(size, new TraceDecay(tauPlus, dt));
    }

    @Override
    public NeuronTraces postTraces(final int size, final double dt)
    {
        return new NeuronTraces(size, new TraceDecay(tauMinus, dt));
    }

    /**
     * Depresses each synapse of the row by the postsynaptic trace of its target. The traces are
     * read from their arrays in the loop: pair STDP keeps one trace per neuron.
     */
    @Override
    public void onPre(final SynapseSlice s, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        depressRow(s, source, step, pre, post, null, 0);
    }

    /** Transmission and depression in one pass over the row: each weight is read once for both. */
    @Override
    public void transmitThenPre(final SynapseSlice s, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post, final double[] input, final double scale)
    {
        depressRow(s, source, step, pre, post, input, scale);
    }

    /**
     * Depresses the synapses of row {@code source}; with an {@code input}, each first adds
     * {@code scale · w} of its weight before the change to its target's input.
     */
    private void depressRow(final SynapseSlice s, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post, final double[] input, final double scale)
    {
        final int end = s.rowStart[source + 1];
        final float[] w = s.weight;
        final int[] target = s.target;
        final long previousPre = pre.lastSpike(source);
        // restricted pairing depresses only after a postsynaptic spike since the previous presynaptic one
        final long postSince = pairing == Pairing.NEAREST_RESTRICTED ? previousPre : Long.MIN_VALUE;
        final long[] postLast = post.last;
        final double[] postValue = post.value;
        final TraceDecay postDecay = post.decay(0);
        final boolean transmits = input != null;
        for (int k = s.rowStart[source]; k < end; k++)
        {
            final int j = target[k];
            final float weight = w[k];
            if (transmits)
            {
                input[j] += scale * weight;
            }
            final long last = postLast[j];
            if (last >= postSince && last != NeuronTraces.NEVER)
            {
                final double y = postValue[j] * postDecay.factor(step - last);
                if (y > 0)
                {
                    w[k] = (float) dependence.depress(weight, aMinus * y);
                }
            }
        }
        if (pairing == Pairing.NEAREST_PRE_CENTERED)
        {
            final float[] kPlus = s.state[0];
            final double decay = previousPre == NeuronTraces.NEVER ? 0 : pre.decay(0).factor(step - previousPre);
            for (int k = s.rowStart[source]; k < end; k++)
            {
                kPlus[k] = (float) (kPlus[k] * decay + 1);
            }
        }
    }

    @Override
    public void countPre(final NeuronTraces pre, final int source, final long step)
    {
        pre.spike(source, step, pairing != Pairing.ALL_TO_ALL);
    }

    /** Potentiates each synapse into {@code target} by the presynaptic trace of its source. */
    @Override
    public void onPost(final SynapseSlice s, final int target, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        final int local = target - s.from;
        final int first = s.colStart[local];
        final int end = s.colStart[local + 1];
        if (pairing == Pairing.NEAREST_PRE_CENTERED)
        {
            potentiateFromSynapseTraces(s, first, end, step, pre);
            return;
        }
        final float[] w = s.weight;
        // restricted pairing potentiates only after a presynaptic spike since the previous postsynaptic one
        final long preSince = pairing == Pairing.NEAREST_RESTRICTED ? post.lastSpike(target) : Long.MIN_VALUE;
        final long[] preLast = pre.last;
        final double[] preValue = pre.value;
        final TraceDecay preDecay = pre.decay(0);
        int source = 0;
        for (int c = first; c < end; c++)
        {
            source = s.columnPre(c, source);
            final long last = preLast[source];
            if (last > preSince && last != NeuronTraces.NEVER)
            {
                final double x = preValue[source] * preDecay.factor(step - last);
                if (x > 0)
                {
                    final int k = s.columnSynapse(c, source);
                    w[k] = (float) dependence.potentiate(w[k], aPlus * x);
                }
            }
        }
    }

    /** Pre-centred pairing: each synapse's own trace of the presynaptic spikes since the last postsynaptic one. */
    private void potentiateFromSynapseTraces(final SynapseSlice s, final int first, final int end, final long step,
        final NeuronTraces pre)
    {
        final float[] w = s.weight;
        final float[] kPlus = s.state[0];
        final TraceDecay preDecay = pre.decay(0);
        int source = 0;
        for (int c = first; c < end; c++)
        {
            source = s.columnPre(c, source);
            final int k = s.columnSynapse(c, source);
            final long last = pre.lastSpike(source);
            final double x = last == NeuronTraces.NEVER ? 0 : kPlus[k] * preDecay.factor(step - last);
            kPlus[k] = 0;
            if (x > 0)
            {
                w[k] = (float) dependence.potentiate(w[k], aPlus * x);
            }
        }
    }

    @Override
    public void countPost(final NeuronTraces post, final int target, final long step)
    {
        post.spike(target, step, pairing != Pairing.ALL_TO_ALL);
    }
}
