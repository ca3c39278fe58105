package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.output.MgBlock;
import org.myelin.output.Output;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.Receptor;

/**
 * The vector loop of {@link Lif} that steps its receptors itself must give the bits of the
 * separate passes (receptors summed into the two coefficient arrays, then the loop): which of
 * them runs at a step depends on when the JIT has compiled the vector loop, and spikes must not.
 */
class LifReceptorLoopTest
{
    /** One receptor of a group: its synapse integrator and its output. */
    private record ReceptorSpec(Integrator integrator, Output output, double tau)
    {
    }

    @Property(tries = 200)
    void oneLoopShouldGiveTheBitsOfTheSeparatePasses(
        @ForAll @IntRange(min = 1, max = 70) final int size,
        @ForAll @IntRange(min = 0, max = 5) final int from,
        @ForAll final boolean euler,
        @ForAll @IntRange(min = 0, max = 3) final int kind,
        @ForAll final long seed)
    {
        final Random random = new Random(seed);
        // COBA (two conductances, Euler and exact decay), one conductance, one CUBA current, CUBA + COBA
        final List<ReceptorSpec> specs = switch (kind)
        {
            case 0 -> List.of(new ReceptorSpec(Integrator.EULER, new Coba(0), 5), new ReceptorSpec(Integrator.EXACT, new Coba(-80), 10));
            case 1 -> List.of(new ReceptorSpec(Integrator.EXACT, new Coba(0), 5));
            case 2 -> List.of(new ReceptorSpec(Integrator.EXACT, new Cuba(), 2));
            default -> List.of(new ReceptorSpec(Integrator.EULER, new Cuba(), 3), new ReceptorSpec(Integrator.EXACT, new Coba(-70), 8));
        };
        final Lif.Parameters parameters = new Lif.Parameters(-60, -50, -65, 5 + 20 * random.nextDouble(),
            0.5 + random.nextDouble(), 0.3, 20 * random.nextDouble(), euler ? Integrator.EULER : Integrator.EXACT);
        final Lif separate = group(from + size, parameters, specs);
        final Lif fused = group(from + size, parameters, specs);
        final Receptor.LinearDecay[] linear = separate.receptors().stream().map(Receptor::linearDecay).toArray(Receptor.LinearDecay[]::new);
        final Receptor.LinearDecay[] fusedLinear = fused.receptors().stream().map(Receptor::linearDecay).toArray(Receptor.LinearDecay[]::new);
        assertThat(linear).doesNotContainNull();
        if (!euler && kind != 2)
        {
            // exact integration with conductances is never vectorised, so never fused
            return;
        }
        for (int i = 0; i < from + size; i++)
        {
            final double v = -66 + 20 * random.nextDouble();
            final double ref = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            separate.v[i] = v;
            fused.v[i] = v;
            separate.refractoryLeft[i] = ref;
            fused.refractoryLeft[i] = ref;
        }
        final int[] separateSpikes = new int[from + size + 3];
        final int[] fusedSpikes = new int[from + size + 3];
        for (int step = 0; step < 6; step++)
        {
            // what deliveries add between steps: weights of either sign for CUBA, positive for COBA
            for (int k = 0; k < specs.size(); k++)
            {
                final boolean conductance = specs.get(k).output() instanceof Coba;
                for (int i = 0; i < from + size; i++)
                {
                    if (random.nextInt(3) == 0)
                    {
                        final double w = conductance ? 3 * random.nextDouble() : -40 + 80 * random.nextDouble();
                        linear[k].g()[i] += w;
                        fusedLinear[k].g()[i] += w;
                    }
                }
            }
            separate.sumReceptors(from, from + size);
            final int s = separate.integrateScalar(from, from + size, separateSpikes, 3);
            final int f = fused.integrateVectorWithReceptors(from, from + size, fusedSpikes, 3, fusedLinear);
            assertThat(f).isEqualTo(s);
            assertThat(Arrays.copyOfRange(fusedSpikes, 3, 3 + f)).isEqualTo(Arrays.copyOfRange(separateSpikes, 3, 3 + s));
            assertThat(fused.v).isEqualTo(separate.v);
            assertThat(fused.refractoryLeft).isEqualTo(separate.refractoryLeft);
            for (int k = 0; k < specs.size(); k++)
            {
                assertThat(fusedLinear[k].g()).isEqualTo(linear[k].g());
            }
        }
    }

    @Test
    void aVoltageDependentOutputShouldNotBeSteppedByTheLoop()
    {
        final Lif lif = group(10, new Lif.Parameters(-60, -50, -60, 20, 1, 0, 0, Integrator.EULER),
            List.of(new ReceptorSpec(Integrator.EXACT, new MgBlock(0, 1, 0.062, 3.57), 100)));
        assertThat(lif.receptors().get(0).linearDecay()).isNull();
    }

    @Test
    void theLoopsCoefficientsShouldBeThoseOfTheOutputs()
    {
        final Lif lif = group(10, new Lif.Parameters(-60, -50, -60, 20, 1, 0, 0, Integrator.EULER),
            List.of(new ReceptorSpec(Integrator.EULER, new Coba(-80), 10), new ReceptorSpec(Integrator.EXACT, new Cuba(), 5)));
        final Receptor.LinearDecay coba = lif.receptors().get(0).linearDecay();
        assertThat(new double[] {coba.conductance(), coba.current(), coba.keep(), coba.rate()})
            .containsExactly(1.0, -80.0, 1.0, -0.1 / 10);
        final Receptor.LinearDecay cuba = lif.receptors().get(1).linearDecay();
        assertThat(new double[] {cuba.conductance(), cuba.current(), cuba.keep(), cuba.rate()})
            .containsExactly(0.0, 1.0, Math.exp(-0.1 / 5), 0.0);
    }

    /** A prepared group (dt = 0.1 ms) with the receptors of {@code specs}. */
    private static Lif group(final int size, final Lif.Parameters parameters, final List<ReceptorSpec> specs)
    {
        final Network net = new Network(0.1, 1);
        final Lif lif = net.add(new Lif("lif", size, parameters, Initializer.constant(-60)));
        for (int k = 0; k < specs.size(); k++)
        {
            final ReceptorSpec spec = specs.get(k);
            lif.receptor("g" + k, new Exponential(spec.tau(), spec.integrator()), spec.output());
        }
        new Simulation(net, 1);
        return lif;
    }
}
