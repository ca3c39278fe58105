package org.myelin.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A profiling copy, not engine code: the COBA neuron step of {@code Lif} (Euler) with its two
 * exponential conductance receptors fused into one vector pass, so that {@code ge}, {@code gi},
 * {@code v} and the refractory count are each read and written once per step and the
 * {@code conductance}/{@code current} sums never touch memory. Same operations in the same order
 * as the engine's separate passes, so the same numbers.
 */
final class FusedCobaKernel
{
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    final double[] v;
    final double[] ref;
    final double[] ge;
    final double[] gi;
    private final double eE;
    private final double eI;
    private final double decayE;
    private final double decayI;
    private final double vRest;
    private final double vTh;
    private final double vReset;
    private final double r;
    private final double iExt;
    private final double dtOverTau;
    private final double refractorySteps;

    FusedCobaKernel(final int size, final double dt)
    {
        v = new double[size];
        ref = new double[size];
        ge = new double[size];
        gi = new double[size];
        eE = 0;
        eI = -80;
        decayE = Math.exp(-dt / 5);
        decayI = Math.exp(-dt / 10);
        vRest = -60;
        vTh = -50;
        vReset = -60;
        r = 1;
        iExt = 20;
        dtOverTau = dt / 20;
        refractorySteps = Math.floor(5 / dt + 1e-3);
    }

    /** One step of neurons {@code [from, to)}; {@code to - from} a multiple of the vector length. */
    int update(final int from, final int to, final int[] spikes, final int offset)
    {
        int n = offset;
        for (int i = from; i < to; i += SPECIES.length())
        {
            final DoubleVector gE = DoubleVector.fromArray(SPECIES, ge, i);
            final DoubleVector gI = DoubleVector.fromArray(SPECIES, gi, i);
            DoubleVector vm = DoubleVector.fromArray(SPECIES, v, i);
            DoubleVector rf = DoubleVector.fromArray(SPECIES, ref, i);
            final DoubleVector g = DoubleVector.zero(SPECIES).add(gE).add(gI);
            final DoubleVector c = DoubleVector.zero(SPECIES).add(gE.mul(eE)).add(gI.mul(eI));
            gE.mul(decayE).intoArray(ge, i);
            gI.mul(decayI).intoArray(gi, i);
            rf = rf.sub(1.0).max(0.0);
            final VectorMask<Double> active = rf.compare(VectorOperators.EQ, 0.0);
            final DoubleVector drive = c.add(iExt).mul(r).add(vRest);
            final DoubleVector next = vm.add(drive.sub(vm.mul(g.mul(r).add(1.0))).mul(dtOverTau));
            vm = vm.blend(next, active);
            final VectorMask<Double> spike = vm.compare(VectorOperators.GT, vTh).and(active);
            if (spike.anyTrue())
            {
                vm = vm.blend(vReset, spike);
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
