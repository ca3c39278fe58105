package org.myelin.input;

import java.util.List;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.myelin.base.Population;
import org.myelin.base.RunContext;
import org.myelin.random.Rng;
import org.myelin.util.Check;
import org.myelin.util.VectorWarmUp;

/**
 * Independent Poisson spike sources at a constant or time-varying rate (Brian2
 * {@code PoissonGroup}, brainstate {@code PoissonSpike}): source i spikes at step n when
 * {@code U(i, n) < rate(t)·dt}, t = n·dt, with U drawn from the counter-based stream keyed by
 * (seed, this group, i, n), so the spike trains are the same for any thread count. A time-varying
 * rate is evaluated once per step (an inhomogeneous Poisson process, exact to first order in dt).
 */
public final class PoissonGroup extends Population
{
    /**
     * [Hz] a firing rate as a function of time [ms]. It is called once per step by every worker
     * thread, so it must be a pure function of time (no state, no randomness).
     */
    @FunctionalInterface
    public interface Rate
    {
        /** [Hz] the rate at time {@code timeMs}, {@code >= 0} and at most 1/dt. */
        double hz(double timeMs);
    }

    private static final VectorSpecies<Long> LANES = LongVector.SPECIES_PREFERRED;
    /** Compiles the vector draws on scratch sources before a simulation uses them. */
    private static final VectorWarmUp WARM_UP = new VectorWarmUp("Poisson");
    /** Scratch sources of the warm-up: a block of a neuron group's size. */
    private static final int WARM_UP_SOURCES = 512;

    private final double rateHz;
    private final Rate rate;
    private double probability;
    private double dt;
    private long key;

    /**
     * @param name   unique name in the network.
     * @param size   number of sources.
     * @param rateHz [Hz] firing rate, {@code >= 0} and at most 1/dt.
     */
    public PoissonGroup(final String name, final int size, final double rateHz)
    {
        super("PoissonGroup", name, size);
        this.rateHz = Check.nonNegative("PoissonGroup '" + name + "'", "rate", rateHz, "Hz");
        this.rate = null;
    }

    /**
     * Sources with a rate that changes in time, the same for every source.
     *
     * @param name unique name in the network.
     * @param size number of sources.
     * @param rate [Hz] the rate as a function of time [ms], checked at each step.
     */
    public PoissonGroup(final String name, final int size, final Rate rate)
    {
        super("PoissonGroup", name, size);
        if (rate == null)
        {
            throw new org.myelin.util.ModelException("PoissonGroup '" + name + "': rate must not be null");
        }
        this.rateHz = Double.NaN;
        this.rate = rate;
    }

    @Override
    public String kind()
    {
        return "PoissonGroup";
    }

    /** [Hz] the constant rate, or NaN when the rate varies in time. */
    public double rateHz()
    {
        return rateHz;
    }

    @Override
    public void prepare(final RunContext context, final int historyDepth)
    {
        super.prepare(context, historyDepth);
        dt = context.dt();
        probability = rate == null ? probabilityOf(rateHz, Double.NaN) : Double.NaN;
        key = Rng.key(context.seed(), Rng.PURPOSE_POISSON, id(), 0);
        // one vector lane: nothing to gain, the scalar draws stay
        if (LANES.length() > 1)
        {
            WARM_UP.start(PoissonGroup::warmUpCall);
        }
    }

    @Override
    public void reset(final long seed)
    {
        // stateless: every draw is a function of (seed, neuron, step)
    }

    /** The spike probability per step of a rate, checked to be a probability. */
    private double probabilityOf(final double hz, final double timeMs)
    {
        final double prob = hz * dt / 1000.0;
        if (!(prob >= 0.0 && prob <= 1.0))
        {
            final String limit = Check.fmt(1000.0 / dt) + " Hz";
            Check.that(false, "PoissonGroup '" + name() + "'", Double.isNaN(timeMs)
                ? "rate must be <= 1/dt = " + limit + ", got rate=" + Check.fmt(hz) + " Hz"
                : "rate must be in [0, 1/dt = " + limit + "], got rate=" + Check.fmt(hz) + " Hz at t = "
                    + Check.fmt(timeMs) + " ms");
        }
        return prob;
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        final double prob = rate == null ? probability : probabilityOf(rate.hz(step * dt), step * dt);
        final long stepKey = Rng.mix(key ^ step);
        final long threshold = Rng.uniformThreshold(prob);
        return WARM_UP.ready()
            ? drawVector(stepKey, threshold, from, to, spikes, offset)
            : drawScalar(stepKey, threshold, from, to, spikes, offset);
    }

    /**
     * Source i of {@code [from, to)} spikes when its uniform of this step is below the spike
     * probability, whose {@link Rng#uniformThreshold} is {@code threshold}.
     */
    static int drawScalar(
        final long stepKey, final long threshold, final int from, final int to, final int[] spikes, final int offset)
    {
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (Rng.bits(stepKey, i) >>> 11 < threshold)
            {
                spikes[n++] = i;
            }
        }
        return n - offset;
    }

    /**
     * The same draws as {@link #drawScalar}, one vector of sources at a time, compared as integers
     * ({@link Rng#uniformThreshold}); the last {@code (to − from) mod lanes} sources go through
     * {@link #drawScalar}. The hash's 64-bit multiplications run on the vector unit and most
     * vectors hold no spike: Song 2000's 1000 sources for 100 s took 2.8 s of run phase instead of
     * 12.8 s with the scalar draws (the same loaded machine).
     */
    static int drawVector(
        final long stepKey, final long threshold, final int from, final int to, final int[] spikes, final int offset)
    {
        final int lanes = LANES.length();
        final int bound = from + LANES.loopBound(to - from);
        final LongVector key = LongVector.broadcast(LANES, stepKey);
        final LongVector lane = LongVector.zero(LANES).addIndex(1);
        int n = offset;
        for (int i = from; i < bound; i += lanes)
        {
            final LongVector bits = Rng.bits(key, lane.add(i));
            final VectorMask<Long> spike = bits.lanewise(VectorOperators.LSHR, 11).compare(VectorOperators.LT, threshold);
            if (spike.anyTrue())
            {
                long set = spike.toLong();
                while (set != 0)
                {
                    spikes[n++] = i + Long.numberOfTrailingZeros(set);
                    set &= set - 1;
                }
            }
        }
        if (bound < to)
        {
            n += drawScalar(stepKey, threshold, bound, to, spikes, n);
        }
        return n - offset;
    }

    /**
     * What the warm-up thread calls: the vector draws on scratch sources, as a simulation makes
     * them, taking turns between a whole block and one with a scalar tail, at a probability that
     * leaves most vectors without a spike (so C2 compiles both branches of every test).
     */
    private static int warmUpCall(final Object[] state)
    {
        if (state[0] == null)
        {
            // the count of calls, then room for the spike ids of a whole block
            state[0] = new int[1 + WARM_UP_SOURCES];
        }
        final int[] scratch = (int[]) state[0];
        final long call = scratch[0]++ & 0xffff_ffffL;
        // sources [0, 512) are whole vectors for every lane count, [0, 511) end in a tail
        final int sources = call % 2 == 0 ? WARM_UP_SOURCES : WARM_UP_SOURCES - 1;
        drawVector(Rng.mix(call), Rng.uniformThreshold(0.003), 0, sources, scratch, 1);
        return sources;
    }

    @Override
    public String describe()
    {
        return super.describe() + (rate == null ? " at " + rateHz + " Hz" : " at a rate that varies in time");
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of();
    }
}
