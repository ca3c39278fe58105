package org.myelin.plasticity;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Reward-modulated STDP with an eligibility trace and a dopamine signal (Izhikevich 2007; NEST
 * {@code stdp_dopamine_synapse}, Potjans, Morrison &amp; Diesmann 2010). Spike pairs do not change
 * the weight but the synapse's eligibility c, and dopamine turns eligibility into weight:
 * <pre>
 *   dc/dt = −c/τ_c + A₊·K₊(t)·Σ δ(t − t_post) − A₋·K₋(t)·Σ δ(t − t_pre)
 *   dn/dt = −n/τ_n + Σ δ(t − t_dopa)/τ_n
 *   dw/dt = c·(n − b),     w clamped to [W_min, W_max]
 * </pre>
 * K₊ is the presynaptic trace (τ₊, +1 per presynaptic spike, all-to-all), K₋ the postsynaptic
 * trace (τ₋, +1 per postsynaptic spike: NEST keeps it in the neuron, {@code tau_minus}), n the
 * concentration of a neuromodulator population's spikes ({@link DopamineSignal}). Units: A± and c
 * in weight units, n and b in 1/ms, τ in ms.
 *
 * <p>Between events c and n decay exponentially, so with c₀, n₀ at the start of an interval of
 * length Δ and τ_s = τ_c·τ_n/(τ_c + τ_n) the weight changes in closed form by
 * <pre>
 *   Δw = c₀·n₀·τ_s·(1 − e^(−Δ/τ_s)) − b·c₀·τ_c·(1 − e^(−Δ/τ_c))
 * </pre>
 * A synapse is brought up to date as NEST does: at its presynaptic and postsynaptic spikes (and
 * when its slice's dopamine record is flushed: every {@value DopamineSignal#CAPACITY} steps with
 * dopamine spikes or 2²⁰ steps, NEST's {@code trigger_update_weight}), walking the dopamine spikes
 * since its last update one interval at a time and clamping w to the bounds after each interval.
 * A weight read between events is the one of the synapse's last update, as NEST reports it.
 *
 * <p>Events of one step, all at the same time: first the step's dopamine spikes (n jumps), then
 * the arriving presynaptic spikes (the synapse is brought up to date and transmits that weight,
 * then c −= A₋·K₋), then the postsynaptic spikes (c += A₊·K₊), in the order of
 * {@link SpikeTimingRule}: a pre and a post spike at the same step pair as pre before post
 * (NEST skips such pairs). A dopamine spike acts at the step it is emitted (NEST's volume
 * transmitter receives it after the delay of its connection: delay the neuromodulator's spikes
 * upstream to match). NEST's delay of this synapse is purely dendritic: to match it, put the whole
 * delay on the dendrite ({@code PlasticProjection.withDendriticDelay}).
 *
 * <p>Defaults ({@link #nest}, NEST's): A₊ = 1, A₋ = 1.5, τ₊ = 20 ms, τ₋ = 20 ms (the neuron's
 * {@code tau_minus}), τ_c = 1000 ms, τ_n = 200 ms, b = 0, W_min = 0, W_max = 200. Per synapse the
 * rule keeps c and the step of the last update (2 floats, 8 bytes beyond the 12 of
 * {@link SynapseSlice}: 20 bytes per synapse).
 *
 * <p>Inferno's {@code MSTDPET} (Florian 2007) maps onto this rule as far as its form allows:
 * {@code tc_pre} = τ₊, {@code tc_post} = τ₋, {@code tc_eligibility} τ_z = τ_c, and its
 * eligibility z_post + z_pre (jumps of x_pre/τ_z at postsynaptic and x_post/τ_z at presynaptic
 * spikes, "cumulative" traces) is c/τ_z with A₊ and −A₋ the signed amplitudes of its
 * postsynaptic- and presynaptic-triggered terms ({@code lr_post·|lr_pre|} and
 * {@code lr_pre·|lr_post|}). Its weight change γ·r·z·Δt per step is c·(n − b) here with
 * n − b ↔ γ·r/τ_z: inferno's reward r is a value the caller gives each step, here a
 * concentration driven by dopamine spikes; with τ_n ≪ τ_c a dopamine spike acts as a reward
 * impulse of area 1, i.e. r = τ_z/(γ·Δt) for one step. Inferno integrates per step (Euler),
 * this rule in closed form, so the two agree to O(Δt/τ). Its "nearest" traces and separate
 * weight dependences of the two terms have no counterpart here.
 *
 * @see <a href="https://nest-simulator.readthedocs.io/en/stable/models/stdp_dopamine_synapse.html">NEST stdp_dopamine_synapse</a>
 */
public final class DopamineStdp extends SpikeTimingRule
{
    private static final String OWNER = "dopamine STDP";
    /** Per-synapse state: the eligibility c. */
    private static final int ELIGIBILITY = 0;
    /** Per-synapse state: steps from the slice's last flush to the synapse's last update (exact in a float). */
    private static final int LAST_UPDATE = 1;

    private final double aPlus;
    private final double aMinus;
    private final double tauPlus;
    private final double tauMinus;
    private final double tauC;
    private final double tauN;
    private final double baseline;
    private final double tauS;

    /**
     * @param aPlus    A₊, eligibility per pre-before-post pair at Δt = 0⁺, in weight units (any sign).
     * @param aMinus   A₋, eligibility removed per post-before-pre pair at Δt = 0⁻ (any sign).
     * @param tauPlus  [ms] τ₊ of the presynaptic trace, {@code > 0}.
     * @param tauMinus [ms] τ₋ of the postsynaptic trace, {@code > 0}.
     * @param tauC     [ms] τ_c of the eligibility, {@code > 0}.
     * @param tauN     [ms] τ_n of the dopamine concentration, {@code > 0}.
     * @param baseline [1/ms] b, the dopamine baseline, {@code >= 0}.
     * @param wMin     W_min.
     * @param wMax     W_max, {@code > wMin}.
     */
    public DopamineStdp(final double aPlus, final double aMinus, final double tauPlus, final double tauMinus,
        final double tauC, final double tauN, final double baseline, final double wMin, final double wMax)
    {
        Check.finite(OWNER, "wMin", wMin, "");
        Check.finite(OWNER, "wMax", wMax, "");
        if (!(wMax > wMin))
        {
            throw new ModelException(OWNER + ": wMax must be > wMin, got wMin=" + Check.fmt(wMin) + " and wMax="
                + Check.fmt(wMax));
        }
        super(WeightDependence.additive(wMin, wMax));
        this.aPlus = Check.finite(OWNER, "aPlus", aPlus, "");
        this.aMinus = Check.finite(OWNER, "aMinus", aMinus, "");
        this.tauPlus = Check.positive(OWNER, "tauPlus", tauPlus, "ms");
        this.tauMinus = Check.positive(OWNER, "tauMinus", tauMinus, "ms");
        this.tauC = Check.positive(OWNER, "tauC", tauC, "ms");
        this.tauN = Check.positive(OWNER, "tauN", tauN, "ms");
        this.baseline = Check.nonNegative(OWNER, "b", baseline, "1/ms");
        Check.finite(OWNER, "b", baseline, "1/ms");
        this.tauS = tauC * tauN / (tauC + tauN);
    }

    /** NEST's defaults. */
    public static DopamineStdp nest()
    {
        return new DopamineStdp(1, 1.5, 20, 20, 1000, 200, 0, 0, 200);
    }

    /** A₊. */
    public double aPlus()
    {
        return aPlus;
    }

    /** A₋. */
    public double aMinus()
    {
        return aMinus;
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

    /** [ms] τ_c. */
    public double tauC()
    {
        return tauC;
    }

    /** [ms] τ_n. */
    public double tauN()
    {
        return tauN;
    }

    /** [1/ms] b. */
    public double baseline()
    {
        return baseline;
    }

    @Override
    public String describe()
    {
        return "dopamine STDP (A+=" + Check.fmt(aPlus) + ", A-=" + Check.fmt(aMinus) + ", tau+="
            + Check.fmt(tauPlus) + " ms, tau-=" + Check.fmt(tauMinus) + " ms, tau_c=" + Check.fmt(tauC)
            + " ms, tau_n=" + Check.fmt(tauN) + " ms, b=" + Check.fmt(baseline) + "/ms, w in ["
            + Check.fmt(dependence.wMin()) + ", " + Check.fmt(dependence.wMax()) + "])";
    }

    /** The eligibility c and the step of the last update. */
    @Override
    public int synapseStates()
    {
        return 2;
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

    /** Gives {@code slice} its dopamine signal for time step {@code dt}; before the first event. */
    public DopamineSignal attachSignal(final SynapseSlice slice, final double dt)
    {
        final DopamineSignal signal = new DopamineSignal(tauN, dt);
        slice.dopamine = new Integration(signal, new TraceDecay(tauC, dt), new TraceDecay(tauS, dt));
        return signal;
    }

    /** The decays one slice's updates need, with its signal. */
    record Integration(DopamineSignal signal, TraceDecay eligibilityDecay, TraceDecay productDecay)
    {
    }

    /**
     * The neuromodulator population emitted {@code spikes >= 0} spikes at {@code step}, before the
     * step's pre- and postsynaptic events: flushes the slice's record when it is full, then n jumps.
     */
    public void onDopamine(final SynapseSlice s, final int spikes, final long step)
    {
        final DopamineSignal signal = s.dopamine.signal();
        if (signal.full(step))
        {
            update(s, step);
            signal.flush(step);
            java.util.Arrays.fill(s.state[LAST_UPDATE], 0);
        }
        if (spikes > 0)
        {
            signal.record(step, spikes);
        }
    }

    /** Brings every synapse of the slice up to {@code step}, as before a flush or to read the weights. */
    public void update(final SynapseSlice s, final long step)
    {
        for (int k = 0; k < s.size(); k++)
        {
            advance(s, k, step);
        }
    }

    /** Brings the synapses of row {@code source} up to {@code step}, so that they transmit that weight. */
    public void updateRow(final SynapseSlice s, final int source, final long step)
    {
        final int end = s.rowStart[source + 1];
        for (int k = s.rowStart[source]; k < end; k++)
        {
            advance(s, k, step);
        }
    }

    /** Integrates synapse k's weight and eligibility from its last update to {@code step}, in closed form. */
    private void advance(final SynapseSlice s, final int k, final long step)
    {
        final float[] last = s.state[LAST_UPDATE];
        final DopamineSignal signal = s.dopamine.signal();
        final int to = signal.offsetOf(step);
        int from = (int) last[k];
        final float[] eligibility = s.state[ELIGIBILITY];
        double c = eligibility[k];
        last[k] = to;
        if (from == to || c == 0)
        {
            return; // without eligibility neither c nor w changes
        }
        final TraceDecay cDecay = s.dopamine.eligibilityDecay();
        final TraceDecay productDecay = s.dopamine.productDecay();
        final double wMin = dependence.wMin();
        final double wMax = dependence.wMax();
        double w = s.weight[k];
        int next = signal.lastAtOrBefore(from) + 1;
        double n = signal.valueAt(from);
        while (true)
        {
            final boolean atSpike = next < signal.count && signal.offset[next] <= to;
            final int end = atSpike ? signal.offset[next] : to;
            final int span = end - from;
            final double cFactor = cDecay.factor(span);
            w += c * (n * tauS * (1 - productDecay.factor(span)) - baseline * tauC * (1 - cFactor));
            w = Math.max(wMin, Math.min(wMax, w));
            c *= cFactor;
            if (!atSpike)
            {
                break;
            }
            n = signal.after[next++];
            from = end;
        }
        s.weight[k] = (float) w;
        eligibility[k] = (float) c;
    }

    @Override
    public void onPre(final SynapseSlice s, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        final int end = s.rowStart[source + 1];
        final int[] target = s.target;
        final float[] eligibility = s.state[ELIGIBILITY];
        for (int k = s.rowStart[source]; k < end; k++)
        {
            advance(s, k, step);
            eligibility[k] = (float) (eligibility[k] - aMinus * post.valueAt(target[k], 0, step));
        }
    }

    @Override
    public void countPre(final NeuronTraces pre, final int source, final long step)
    {
        pre.spike(source, step, false);
    }

    @Override
    public void onPost(final SynapseSlice s, final int target, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        final int local = target - s.from;
        final int end = s.colStart[local + 1];
        final float[] eligibility = s.state[ELIGIBILITY];
        int source = 0;
        for (int c = s.colStart[local]; c < end; c++)
        {
            source = s.columnPre(c, source);
            final int k = s.columnSynapse(c, source);
            advance(s, k, step);
            eligibility[k] = (float) (eligibility[k] + aPlus * pre.valueAt(source, 0, step));
        }
    }

    @Override
    public void countPost(final NeuronTraces post, final int target, final long step)
    {
        post.spike(target, step, false);
    }
}
