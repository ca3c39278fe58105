package org.myelin.plasticity;

import org.myelin.util.Check;

/**
 * Triplet STDP (Pfister &amp; Gerstner 2006, J. Neurosci. 26:9673, eqs. 3–4). Two presynaptic
 * traces r₁ (τ₊) and r₂ (τ_x), two postsynaptic traces o₁ (τ₋) and o₂ (τ_y); at a spike that
 * reaches the synapse at t,
 * <pre>
 *   presynaptic:   w ← w − o₁(t)·(A₂₋ + A₃₋·r₂(t − ε)),  then r₁ and r₂ count the spike
 *   postsynaptic:  w ← w + r₁(t)·(A₂₊ + A₃₊·o₂(t − ε)),  then o₁ and o₂ count the spike
 * </pre>
 * where t − ε excludes the spike itself. In the all-to-all form a spike adds one to its traces,
 * in the nearest-spike form it sets them to one. Amplitudes are relative to the weight unit, the
 * bounds and weight dependence are a {@link WeightDependence} (the paper: additive, hard bounds).
 * The paper's fits (Table 2) are {@link #visualCortex} (Sjöström et al. 2001) and
 * {@link #hippocampal} (Wang et al. 2005). NEST's {@code stdp_triplet_synapse} is the all-to-all
 * form with {@code Aplus = A₂₊}, {@code Aplus_triplet = A₃₊}, {@code tau_plus_triplet = τ_x}, and
 * its neuron's {@code tau_minus_triplet = τ_y}.
 */
public final class TripletStdp extends SpikeTimingRule
{
    private final double tauPlus;
    private final double tauMinus;
    private final double tauX;
    private final double tauY;
    private final double a2Plus;
    private final double a3Plus;
    private final double a2Minus;
    private final double a3Minus;
    private final boolean nearest;

    /**
     * @param tauPlus  [ms] τ₊ of r₁.
     * @param tauMinus [ms] τ₋ of o₁.
     * @param tauX     [ms] τ_x of r₂.
     * @param tauY     [ms] τ_y of o₂.
     * @param a2Plus   pair potentiation, {@code >= 0}.
     * @param a3Plus   triplet potentiation, {@code >= 0}.
     * @param a2Minus  pair depression, {@code >= 0}.
     * @param a3Minus  triplet depression, {@code >= 0}.
     * @param nearest  nearest-spike traces (set to one) instead of all-to-all (add one).
     */
    public TripletStdp(final double tauPlus, final double tauMinus, final double tauX, final double tauY,
        final double a2Plus, final double a3Plus, final double a2Minus, final double a3Minus, final boolean nearest,
        final WeightDependence dependence)
    {
        super(dependence);
        final String owner = "triplet STDP";
        this.tauPlus = Check.positive(owner, "tauPlus", tauPlus, "ms");
        this.tauMinus = Check.positive(owner, "tauMinus", tauMinus, "ms");
        this.tauX = Check.positive(owner, "tauX", tauX, "ms");
        this.tauY = Check.positive(owner, "tauY", tauY, "ms");
        this.a2Plus = Check.nonNegative(owner, "a2Plus", a2Plus, "");
        this.a3Plus = Check.nonNegative(owner, "a3Plus", a3Plus, "");
        this.a2Minus = Check.nonNegative(owner, "a2Minus", a2Minus, "");
        this.a3Minus = Check.nonNegative(owner, "a3Minus", a3Minus, "");
        this.nearest = nearest;
    }

    /**
     * The visual-cortex fit (Sjöström 2001 data), Table 2 of the paper: τ₊ = 16.8 ms, τ₋ = 33.7 ms;
     * all-to-all τ_x = 101 ms, τ_y = 125 ms, A₂₊ = 5·10⁻¹⁰, A₃₊ = 6.2·10⁻³, A₂₋ = 7·10⁻³,
     * A₃₋ = 2.3·10⁻⁴; nearest-spike τ_x = 714 ms, τ_y = 40 ms, A₂₊ = 8.8·10⁻¹¹, A₃₊ = 5.3·10⁻²,
     * A₂₋ = 6.6·10⁻³, A₃₋ = 3.1·10⁻³.
     */
    public static TripletStdp visualCortex(final boolean nearest, final WeightDependence dependence)
    {
        return nearest
            ? new TripletStdp(16.8, 33.7, 714, 40, 8.8e-11, 5.3e-2, 6.6e-3, 3.1e-3, true, dependence)
            : new TripletStdp(16.8, 33.7, 101, 125, 5e-10, 6.2e-3, 7e-3, 2.3e-4, false, dependence);
    }

    /**
     * The hippocampal fit (Wang 2005 data), Table 2 of the paper: τ₊ = 16.8 ms, τ₋ = 33.7 ms;
     * all-to-all τ_x = 946 ms, τ_y = 27 ms, A₂₊ = 6.1·10⁻³, A₃₊ = 6.7·10⁻³, A₂₋ = 1.6·10⁻³,
     * A₃₋ = 1.4·10⁻³; nearest-spike τ_x = 575 ms, τ_y = 47 ms, A₂₊ = 4.6·10⁻³, A₃₊ = 9.1·10⁻³,
     * A₂₋ = 3·10⁻³, A₃₋ = 7.5·10⁻⁹.
     */
    public static TripletStdp hippocampal(final boolean nearest, final WeightDependence dependence)
    {
        return nearest
            ? new TripletStdp(16.8, 33.7, 575, 47, 4.6e-3, 9.1e-3, 3e-3, 7.5e-9, true, dependence)
            : new TripletStdp(16.8, 33.7, 946, 27, 6.1e-3, 6.7e-3, 1.6e-3, 1.4e-3, false, dependence);
    }

    /**
     * τ₊, τ₋, τ_x, τ_y [ms], A₂₊, A₃₊, A₂₋, A₃₋, in the order of the constructor's arguments: a
     * preset's values as defaults that a model file overrides one by one.
     */
    public double[] parameterValues()
    {
        return new double[] {tauPlus, tauMinus, tauX, tauY, a2Plus, a3Plus, a2Minus, a3Minus};
    }

    @Override
    public String describe()
    {
        return "triplet STDP (" + (nearest ? "nearest" : "all-to-all") + ", tau+=" + Check.fmt(tauPlus) + " ms, tau-="
            + Check.fmt(tauMinus) + " ms, tauX=" + Check.fmt(tauX) + " ms, tauY=" + Check.fmt(tauY) + " ms, A2+="
            + Check.fmt(a2Plus) + ", A3+=" + Check.fmt(a3Plus) + ", A2-=" + Check.fmt(a2Minus) + ", A3-="
            + Check.fmt(a3Minus) + ", " + dependence.describe() + ")";
    }

    /** Nearest-spike traces. */
    public boolean nearest()
    {
        return nearest;
    }

    @Override
    public NeuronTraces preTraces(final int size, final double dt)
    {
        return new NeuronTraces(size, new TraceDecay(tauPlus, dt), new TraceDecay(tauX, dt));
    }

    @Override
    public NeuronTraces postTraces(final int size, final double dt)
    {
        return new NeuronTraces(size, new TraceDecay(tauMinus, dt), new TraceDecay(tauY, dt));
    }

    @Override
    public void onPre(final SynapseSlice s, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        final double amplitude = a2Minus + a3Minus * pre.valueAt(source, 1, step);
        final int end = s.rowStart[source + 1];
        final float[] w = s.weight;
        for (int k = s.rowStart[source]; k < end; k++)
        {
            final double o1 = post.valueAt(s.target[k], 0, step);
            if (o1 > 0)
            {
                w[k] = (float) dependence.depress(w[k], o1 * amplitude);
            }
        }
    }

    @Override
    public void countPre(final NeuronTraces pre, final int source, final long step)
    {
        pre.spike(source, step, nearest);
    }

    @Override
    public void onPost(final SynapseSlice s, final int target, final long step, final NeuronTraces pre,
        final NeuronTraces post)
    {
        final double amplitude = a2Plus + a3Plus * post.valueAt(target, 1, step);
        final int local = target - s.from;
        final int end = s.colStart[local + 1];
        final float[] w = s.weight;
        int source = 0;
        for (int c = s.colStart[local]; c < end; c++)
        {
            source = s.columnPre(c, source);
            final int k = s.columnSynapse(c, source);
            final double r1 = pre.valueAt(source, 0, step);
            if (r1 > 0)
            {
                w[k] = (float) dependence.potentiate(w[k], r1 * amplitude);
            }
        }
    }

    @Override
    public void countPost(final NeuronTraces post, final int target, final long step)
    {
        post.spike(target, step, nearest);
    }
}
