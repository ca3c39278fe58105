package org.myelin.random;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Counter-based random numbers: every draw is a pure function of a key and a counter.
 *
 * <p>Keys are built from (seed, purpose, owner id, index), so the value a neuron or a synapse
 * row gets does not depend on which thread asks, in which order, or how work is partitioned.
 * This is what makes a run bit-identical for any thread count (DESIGN.md §5). The mixing
 * function is the SplitMix64 finaliser (Steele, Lea and Flood 2014), which passes BigCrush when
 * applied to a counter; two rounds separate nearby keys.
 */
public final class Rng
{
    /** Purposes keep streams of different uses apart even with the same seed and ids. */
    public static final long PURPOSE_CONNECT = 0x436f6e6e656374L;
    /** Initial values of state variables. */
    public static final long PURPOSE_INIT = 0x496e6974L;
    /** Poisson spike sources and Poisson inputs. */
    public static final long PURPOSE_POISSON = 0x506f6973736f6eL;
    /** Noise currents. */
    public static final long PURPOSE_NOISE = 0x4e6f697365L;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private Rng()
    {
    }

    /** SplitMix64 finaliser: a bijective 64-bit mix. */
    public static long mix(final long z0)
    {
        long z = z0;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines the parts of a key into one 64-bit key. */
    public static long key(final long seed, final long purpose, final long owner, final long index)
    {
        long k = mix(seed + GOLDEN);
        k = mix(k ^ (purpose + GOLDEN));
        k = mix(k ^ (owner + 2 * GOLDEN));
        return mix(k ^ (index + 3 * GOLDEN));
    }

    /** The {@code counter}-th 64 random bits of the stream {@code key}. */
    public static long bits(final long key, final long counter)
    {
        return mix(mix(key + counter * GOLDEN) ^ key);
    }

    /**
     * {@link #bits} of the counters {@code counter} in every lane: the same function on the vector
     * unit, lane by lane the same bits.
     */
    public static LongVector bits(final LongVector key, final LongVector counter)
    {
        return mix(mix(key.add(counter.mul(GOLDEN))).lanewise(VectorOperators.XOR, key));
    }

    private static LongVector mix(final LongVector z0)
    {
        LongVector z = z0.lanewise(VectorOperators.XOR, z0.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /**
     * The integer form of {@code uniform(key, counter) < p}: it holds exactly when
     * {@code bits(key, counter) >>> 11} is below the returned value, for every p in [0, 1]. A
     * uniform is k·2⁻⁵³ with the integer k = bits >>> 11, and p·2⁵³ is exact, so k·2⁻⁵³ < p is
     * k < p·2⁵³, which for an integer k is k < ⌈p·2⁵³⌉.
     */
    public static long uniformThreshold(final double p)
    {
        return (long) Math.ceil(p * 0x1.0p53);
    }

    /** A uniform double in [0, 1) from the stream {@code key} at {@code counter}. */
    public static double uniform(final long key, final long counter)
    {
        return (bits(key, counter) >>> 11) * DOUBLE_UNIT;
    }

    /** A stable 64-bit id for a name (FNV-1a), used as the owner part of keys. */
    public static long nameId(final String name)
    {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++)
        {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
