package org.myelin.train.weights;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense product of the training path: {@code out[r] += a[r] · M} for a few rows r at a time
 * (the samples of a block at one step, or the steps of a sample), M row-major
 * {@code [inner][columns]}.
 *
 * <p>Each output element is the sequential sum {@code fma(a[r][inner−1], M[inner−1][k], … fma(a[r][0],
 * M[0][k], out[r][k]))}: vector lanes and the scalar tail both use one fused multiply-add per term
 * in the order of {@code j}, so a row's result does not depend on which rows share its group or
 * how many lanes the machine has. Four rows share each load of M (register blocking); a term
 * {@code j} that is 0 in every row of a group is skipped.
 */
final class MatrixKernels
{
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private MatrixKernels()
    {
    }

    /**
     * {@code out[outOffsets[r] + k] += Σ_j a[aOffsets[r] + j] · m[j·columns + k]} for
     * {@code first <= r < first + rows}, {@code k < columns}, {@code j < inner}.
     */
    static void multiplyAdd(
        final double[] a, final int[] aOffsets, final double[] m, final int inner, final int columns,
        final double[] out, final int[] outOffsets, final int first, final int rows)
    {
        int r = first;
        final int last = first + rows;
        for (; r + 4 <= last; r += 4)
        {
            fourRows(a, aOffsets[r], aOffsets[r + 1], aOffsets[r + 2], aOffsets[r + 3], m, inner, columns,
                out, outOffsets[r], outOffsets[r + 1], outOffsets[r + 2], outOffsets[r + 3]);
        }
        for (; r < last; r++)
        {
            oneRow(a, aOffsets[r], m, inner, columns, out, outOffsets[r]);
        }
    }

    private static void fourRows(
        final double[] a, final int a0, final int a1, final int a2, final int a3, final double[] m, final int inner,
        final int columns, final double[] out, final int o0, final int o1, final int o2, final int o3)
    {
        int k = 0;
        for (; k + 2 * LANES <= columns; k += 2 * LANES)
        {
            DoubleVector c00 = DoubleVector.fromArray(SPECIES, out, o0 + k);
            DoubleVector c01 = DoubleVector.fromArray(SPECIES, out, o0 + k + LANES);
            DoubleVector c10 = DoubleVector.fromArray(SPECIES, out, o1 + k);
            DoubleVector c11 = DoubleVector.fromArray(SPECIES, out, o1 + k + LANES);
            DoubleVector c20 = DoubleVector.fromArray(SPECIES, out, o2 + k);
            DoubleVector c21 = DoubleVector.fromArray(SPECIES, out, o2 + k + LANES);
            DoubleVector c30 = DoubleVector.fromArray(SPECIES, out, o3 + k);
            DoubleVector c31 = DoubleVector.fromArray(SPECIES, out, o3 + k + LANES);
            for (int j = 0; j < inner; j++)
            {
                final double x0 = a[a0 + j];
                final double x1 = a[a1 + j];
                final double x2 = a[a2 + j];
                final double x3 = a[a3 + j];
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0)
                {
                    continue;
                }
                final int row = j * columns + k;
                final DoubleVector w0 = DoubleVector.fromArray(SPECIES, m, row);
                final DoubleVector w1 = DoubleVector.fromArray(SPECIES, m, row + LANES);
                final DoubleVector b0 = DoubleVector.broadcast(SPECIES, x0);
                c00 = b0.fma(w0, c00);
                c01 = b0.fma(w1, c01);
                final DoubleVector b1 = DoubleVector.broadcast(SPECIES, x1);
                c10 = b1.fma(w0, c10);
                c11 = b1.fma(w1, c11);
                final DoubleVector b2 = DoubleVector.broadcast(SPECIES, x2);
                c20 = b2.fma(w0, c20);
                c21 = b2.fma(w1, c21);
                final DoubleVector b3 = DoubleVector.broadcast(SPECIES, x3);
                c30 = b3.fma(w0, c30);
                c31 = b3.fma(w1, c31);
            }
            c00.intoArray(out, o0 + k);
            c01.intoArray(out, o0 + k + LANES);
            c10.intoArray(out, o1 + k);
            c11.intoArray(out, o1 + k + LANES);
            c20.intoArray(out, o2 + k);
            c21.intoArray(out, o2 + k + LANES);
            c30.intoArray(out, o3 + k);
            c31.intoArray(out, o3 + k + LANES);
        }
        for (; k + LANES <= columns; k += LANES)
        {
            DoubleVector c0 = DoubleVector.fromArray(SPECIES, out, o0 + k);
            DoubleVector c1 = DoubleVector.fromArray(SPECIES, out, o1 + k);
            DoubleVector c2 = DoubleVector.fromArray(SPECIES, out, o2 + k);
            DoubleVector c3 = DoubleVector.fromArray(SPECIES, out, o3 + k);
            for (int j = 0; j < inner; j++)
            {
                final double x0 = a[a0 + j];
                final double x1 = a[a1 + j];
                final double x2 = a[a2 + j];
                final double x3 = a[a3 + j];
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0)
                {
                    continue;
                }
                final DoubleVector w = DoubleVector.fromArray(SPECIES, m, j * columns + k);
                c0 = DoubleVector.broadcast(SPECIES, x0).fma(w, c0);
                c1 = DoubleVector.broadcast(SPECIES, x1).fma(w, c1);
                c2 = DoubleVector.broadcast(SPECIES, x2).fma(w, c2);
                c3 = DoubleVector.broadcast(SPECIES, x3).fma(w, c3);
            }
            c0.intoArray(out, o0 + k);
            c1.intoArray(out, o1 + k);
            c2.intoArray(out, o2 + k);
            c3.intoArray(out, o3 + k);
        }
        for (; k < columns; k++)
        {
            double c0 = out[o0 + k];
            double c1 = out[o1 + k];
            double c2 = out[o2 + k];
            double c3 = out[o3 + k];
            for (int j = 0; j < inner; j++)
            {
                final double x0 = a[a0 + j];
                final double x1 = a[a1 + j];
                final double x2 = a[a2 + j];
                final double x3 = a[a3 + j];
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0)
                {
                    continue;
                }
                final double w = m[j * columns + k];
                c0 = Math.fma(x0, w, c0);
                c1 = Math.fma(x1, w, c1);
                c2 = Math.fma(x2, w, c2);
                c3 = Math.fma(x3, w, c3);
            }
            out[o0 + k] = c0;
            out[o1 + k] = c1;
            out[o2 + k] = c2;
            out[o3 + k] = c3;
        }
    }

    private static void oneRow(
        final double[] a, final int a0, final double[] m, final int inner, final int columns, final double[] out,
        final int o0)
    {
        int k = 0;
        for (; k + 2 * LANES <= columns; k += 2 * LANES)
        {
            DoubleVector c0 = DoubleVector.fromArray(SPECIES, out, o0 + k);
            DoubleVector c1 = DoubleVector.fromArray(SPECIES, out, o0 + k + LANES);
            for (int j = 0; j < inner; j++)
            {
                final double x = a[a0 + j];
                if (x == 0)
                {
                    continue;
                }
                final int row = j * columns + k;
                final DoubleVector b = DoubleVector.broadcast(SPECIES, x);
                c0 = b.fma(DoubleVector.fromArray(SPECIES, m, row), c0);
                c1 = b.fma(DoubleVector.fromArray(SPECIES, m, row + LANES), c1);
            }
            c0.intoArray(out, o0 + k);
            c1.intoArray(out, o0 + k + LANES);
        }
        for (; k + LANES <= columns; k += LANES)
        {
            DoubleVector c = DoubleVector.fromArray(SPECIES, out, o0 + k);
            for (int j = 0; j < inner; j++)
            {
                final double x = a[a0 + j];
                if (x == 0)
                {
                    continue;
                }
                c = DoubleVector.broadcast(SPECIES, x).fma(DoubleVector.fromArray(SPECIES, m, j * columns + k), c);
            }
            c.intoArray(out, o0 + k);
        }
        for (; k < columns; k++)
        {
            double c = out[o0 + k];
            for (int j = 0; j < inner; j++)
            {
                final double x = a[a0 + j];
                if (x == 0)
                {
                    continue;
                }
                c = Math.fma(x, m[j * columns + k], c);
            }
            out[o0 + k] = c;
        }
    }
}
