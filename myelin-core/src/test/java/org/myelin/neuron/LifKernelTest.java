package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.myelin.base.Integrator;
import org.myelin.random.Initializer;

/**
 * The scalar and the vector loop of {@link Lif} must give bit-identical results: which of them
 * runs at a step depends on when the JIT has compiled the vector loop ({@link VectorWarmUp}), and
 * spikes must not.
 */
class LifKernelTest
{
    @Property(tries = 300)
    void scalarAndVectorLoopsShouldGiveBitIdenticalStatesAndSpikes(
        @ForAll @IntRange(min = 1, max = 70) final int size,
        @ForAll @IntRange(min = 0, max = 5) final int from,
        @ForAll final boolean euler,
        @ForAll final long seed)
    {
        final Random random = new Random(seed);
        final Lif.Parameters parameters = new Lif.Parameters(-60, -50, -65, 5 + 20 * random.nextDouble(),
            0.5 + random.nextDouble(), 0.3, 20 * random.nextDouble(), euler ? Integrator.EULER : Integrator.EXACT);
        final Lif scalar = new Lif("scalar", from + size, parameters, Initializer.constant(-60));
        final Lif vector = new Lif("vector", from + size, parameters, Initializer.constant(-60));
        for (final Lif lif : new Lif[] {scalar, vector})
        {
            lif.prepareModel(0.1);
        }
        for (int i = 0; i < from + size; i++)
        {
            // around threshold, some refractory, inputs of either sign
            final double v = -66 + 20 * random.nextDouble();
            final double ref = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            final double g = 5 * random.nextDouble();
            final double c = -20 + 60 * random.nextDouble();
            for (final Lif lif : new Lif[] {scalar, vector})
            {
                lif.v[i] = v;
                lif.refractoryLeft[i] = ref;
                lif.conductance[i] = g;
                lif.current[i] = c;
            }
        }
        final int[] scalarSpikes = new int[from + size + 3];
        final int[] vectorSpikes = new int[from + size + 3];
        for (int step = 0; step < 5; step++)
        {
            final int s = scalar.integrateScalar(from, from + size, scalarSpikes, 3);
            final int v = vector.integrateVector(from, from + size, vectorSpikes, 3);
            assertThat(v).isEqualTo(s);
            assertThat(Arrays.copyOfRange(vectorSpikes, 3, 3 + v)).isEqualTo(Arrays.copyOfRange(scalarSpikes, 3, 3 + s));
            assertThat(vector.v).isEqualTo(scalar.v);
            assertThat(vector.refractoryLeft).isEqualTo(scalar.refractoryLeft);
        }
    }
}
