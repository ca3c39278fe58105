package org.myelin.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import jdk.incubator.vector.LongVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.myelin.random.Rng;

/**
 * The vector and the scalar draws of {@link PoissonGroup} must give the spikes of the
 * definition, {@code Rng.uniform(stepKey, i) < p}: which of them runs at a step depends on when
 * the JIT compiled the vector loop, and spikes must not.
 */
class PoissonDrawsTest
{
    @Property(tries = 300)
    void vectorAndScalarDrawsShouldGiveTheSpikesOfTheDefinition(
        @ForAll @IntRange(min = 0, max = 300) final int size,
        @ForAll @IntRange(min = 0, max = 9) final int from,
        @ForAll final long stepKey,
        @ForAll @IntRange(min = 0, max = 5) final int kind,
        @ForAll final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        // rare and frequent spikes, never and always, and probabilities on the 2^-53 grid of the uniforms
        final double p = switch (kind)
        {
            case 0 -> 0.0015 * random.nextDouble();
            case 1 -> random.nextDouble();
            case 2 -> 0.0;
            case 3 -> 1.0;
            case 4 -> Math.scalb((double) (Rng.bits(stepKey, from + random.nextInt(Math.max(1, size))) >>> 11), -53);
            default -> Math.nextUp(Math.scalb((double) (Rng.bits(stepKey, from) >>> 11), -53));
        };
        final int to = from + size;
        final int[] expected = new int[size];
        int count = 0;
        for (int i = from; i < to; i++)
        {
            if (Rng.uniform(stepKey, i) < p)
            {
                expected[count++] = i;
            }
        }
        final long threshold = Rng.uniformThreshold(p);
        final int[] scalar = new int[size + 2];
        final int[] vector = new int[size + 2];
        assertThat(PoissonGroup.drawScalar(stepKey, threshold, from, to, scalar, 2)).isEqualTo(count);
        assertThat(PoissonGroup.drawVector(stepKey, threshold, from, to, vector, 2)).isEqualTo(count);
        assertThat(Arrays.copyOfRange(scalar, 2, 2 + count)).isEqualTo(Arrays.copyOf(expected, count));
        assertThat(Arrays.copyOfRange(vector, 2, 2 + count)).isEqualTo(Arrays.copyOf(expected, count));
    }

    @Test
    void theVectorHashShouldGiveTheScalarBitsInEveryLane()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final int lanes = LongVector.SPECIES_PREFERRED.length();
        for (int round = 0; round < 1000; round++)
        {
            final long key = random.nextLong();
            final long[] counters = random.longs(lanes).toArray();
            final long[] bits = new long[lanes];
            Rng.bits(LongVector.broadcast(LongVector.SPECIES_PREFERRED, key),
                LongVector.fromArray(LongVector.SPECIES_PREFERRED, counters, 0)).intoArray(bits, 0);
            for (int k = 0; k < lanes; k++)
            {
                assertThat(bits[k]).isEqualTo(Rng.bits(key, counters[k]));
            }
        }
    }

    @Test
    void theThresholdShouldSeparateTheUniformsBelowAndAtAProbability()
    {
        for (final long k : new long[] {0, 1, 12345, (1L << 53) - 1})
        {
            final double u = Math.scalb((double) k, -53);
            // u < p exactly when k < threshold(p): at p = u not, just above u yes
            assertThat(k < Rng.uniformThreshold(u)).isFalse();
            assertThat(k < Rng.uniformThreshold(Math.nextUp(u))).isTrue();
        }
        assertThat(Rng.uniformThreshold(1.0)).isEqualTo(1L << 53);
        assertThat(Rng.uniformThreshold(0.0)).isZero();
    }
}
