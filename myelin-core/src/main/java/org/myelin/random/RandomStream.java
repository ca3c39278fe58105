package org.myelin.random;

/**
 * A sequential stream over one counter-based key: {@code next()} returns
 * {@code Rng.bits(key, 0)}, {@code Rng.bits(key, 1)}, ... Reusable without allocation through
 * {@link #reset(long)}, so a hot loop can regenerate a connectivity row at each spike.
 */
public final class RandomStream
{
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long key;
    private long counter;
    private double spareGaussian;
    private boolean hasSpareGaussian;
    // Padding: workers each advance their own stream at every draw, and two streams in one cache
    // line would bounce it between the cores; a copying collector may place them side by side.
    @SuppressWarnings("unused")
    private long pad1;
    @SuppressWarnings("unused")
    private long pad2;
    @SuppressWarnings("unused")
    private long pad3;
    @SuppressWarnings("unused")
    private long pad4;
    @SuppressWarnings("unused")
    private long pad5;
    @SuppressWarnings("unused")
    private long pad6;

    /**
     * @param key the stream key, usually from {@link Rng#key(long, long, long, long)}.
     */
    public RandomStream(final long key)
    {
        reset(key);
    }

    /** Restarts this object as the stream of {@code newKey}. */
    public RandomStream reset(final long newKey)
    {
        this.key = newKey;
        this.counter = 0;
        this.hasSpareGaussian = false;
        return this;
    }

    /** The next 64 random bits. */
    public long nextLong()
    {
        return Rng.bits(key, counter++);
    }

    /** A uniform double in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A uniform double in (0, 1], safe for {@code Math.log}. */
    public double nextDoubleOpenZero()
    {
        return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
    }

    /** A uniform int in [0, bound) without modulo bias (Lemire's method). */
    public int nextInt(final int bound)
    {
        if (bound <= 0)
        {
            throw new IllegalArgumentException("bound must be > 0, got bound=" + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound)
        {
            final long threshold = (0x100000000L - bound) % bound;
            while (low < threshold)
            {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A standard normal deviate (Marsaglia polar method). */
    public double nextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        final double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /**
     * The number of failures before the next success of a Bernoulli(p) sequence, given
     * {@code logOneMinusP = log(1 - p)}: the gap between selected items in skip sampling.
     */
    public long nextGeometricGap(final double logOneMinusP)
    {
        final double gap = Math.floor(Math.log(nextDoubleOpenZero()) / logOneMinusP);
        return gap >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) gap;
    }
}
