package org.myelin.bench;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A profiling copy, not engine code: the engine's COBA neuron step as separate passes (clear the
 * sums, one output pass and one decay pass per receptor, then the {@code Lif} vector loop), so
 * that each part can be timed alone, and a Vector API variant of the receptor part.
 */
final class SplitCobaKernel
{
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    final double[] v;
    final double[] ref;
    final double[] ge;
    final double[] gi;
    final double[] conductance;
    final double[] current;
    private final double decayE = Math.exp(-0.1 / 5);
    private final double decayI = Math.exp(-0.1 / 10);
    private final double dtOverTau = 0.1 / 20;
    private final double refractorySteps = Math.floor(5 / 0.1 + 1e-3);

    SplitCobaKernel(final int size)
    {
        v = new double[size];
        ref = new double[size];
        ge = new double[size];
        gi = new double[size];
        conductance = new double[size];
        current = new double[size];
    }

    /** The receptor part as the engine does it: clear, then an output pass and a decay pass per receptor. */
    void receptors(final int from, final int to)
    {
        Arrays.fill(conductance, from, to, 0.0);
        Arrays.fill(current, from, to, 0.0);
        output(ge, 0.0, from, to);
        decay(ge, decayE, from, to);
        output(gi, -80.0, from, to);
        decay(gi, decayI, from, to);
    }

    /** The receptor part on the Vector API, output and decay merged, the first receptor setting the sums. */
    void receptorsVector(final int from, final int to, final boolean clear)
    {
        if (clear)
        {
            Arrays.fill(conductance, from, to, 0.0);
            Arrays.fill(current, from, to, 0.0);
        }
        vectorOutputAndDecay(ge, 0.0, decayE, from, to, !clear);
        vectorOutputAndDecay(gi, -80.0, decayI, from, to, false);
    }

    private void vectorOutputAndDecay(
        final double[] g, final double e, final double decay, final int from, final int to, final boolean set)
    {
        final double[] cond = conductance;
        final double[] cur = current;
        for (int i = from; i < to; i += SPECIES.length())
        {
            final DoubleVector x = DoubleVector.fromArray(SPECIES, g, i);
            final DoubleVector c0 = set ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, cond, i);
            final DoubleVector i0 = set ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, cur, i);
            c0.add(x).intoArray(cond, i);
            i0.add(x.mul(e)).intoArray(cur, i);
            x.mul(decay).intoArray(g, i);
        }
    }

    private void output(final double[] g, final double e, final int from, final int to)
    {
        final double[] cond = conductance;
        final double[] cur = current;
        for (int i = from; i < to; i++)
        {
            final double x = g[i];
            cond[i] += x;
            cur[i] += x * e;
        }
    }

    private static void decay(final double[] g, final double decay, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            g[i] *= decay;
        }
    }

    /** The Lif Euler loop over the sums (a copy of the engine's vector loop, full vectors only). */
    int integrate(final int from, final int to, final int[] spikes, final int offset)
    {
        int n = offset;
        for (int i = from; i < to; i += SPECIES.length())
        {
            DoubleVector vm = DoubleVector.fromArray(SPECIES, v, i);
            DoubleVector rf = DoubleVector.fromArray(SPECIES, ref, i);
            final DoubleVector g = DoubleVector.fromArray(SPECIES, conductance, i);
            final DoubleVector c = DoubleVector.fromArray(SPECIES, current, i);
            rf = rf.sub(1.0).max(0.0);
            final VectorMask<Double> active = rf.compare(VectorOperators.EQ, 0.0);
            final DoubleVector drive = c.add(20.0).mul(1.0).add(-60.0);
            final DoubleVector next = vm.add(drive.sub(vm.mul(g.mul(1.0).add(1.0))).mul(dtOverTau));
            vm = vm.blend(next, active);
            final VectorMask<Double> spike = vm.compare(VectorOperators.GT, -50.0).and(active);
            if (spike.anyTrue())
            {
                vm = vm.blend(-60.0, spike);
                rf = rf.blend(refractorySteps, spike);
                long bits = spike.toLong();
                while (bits != 0)
                {
                    spikes[n++] = i + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            vm.intoArray(v, i);
            rf.intoArray(ref, i);
        }
        return n - offset;
    }
}
