package org.myelin.train.layer;

import java.util.Arrays;

import org.myelin.train.weights.DenseWeights;

/** The input gradient shared by layers whose input enters as {@code xᵀW} at each step. */
final class InputGradients
{
    private InputGradients()
    {
    }

    /**
     * {@code ∂x[b][n] = W·δ[b][n]} for samples {@code [from, to)} (nothing when
     * {@code inputGradient} is null), δ {@code [batch][steps][outputs]}.
     */
    static void inputGradient(final DenseWeights weights, final double[] delta, final double[] inputGradient,
        final int[] deltaOffsets, final int[] inputOffsets, final int steps, final int from, final int to)
    {
        inputGradient(weights, delta, weights.outputs(), inputGradient, deltaOffsets, inputOffsets, steps, from, to);
    }

    /** As above, with δ rows of {@code deltaStride} values of which the first {@code outputs} are W's. */
    static void inputGradient(final DenseWeights weights, final double[] delta, final int deltaStride,
        final double[] inputGradient, final int[] deltaOffsets, final int[] inputOffsets, final int steps,
        final int from, final int to)
    {
        if (inputGradient == null)
        {
            return;
        }
        final int in = weights.inputs();
        for (int row = from * steps; row < to * steps; row++)
        {
            deltaOffsets[row] = row * deltaStride;
            inputOffsets[row] = row * in;
        }
        Arrays.fill(inputGradient, from * steps * in, to * steps * in, 0.0);
        weights.multiplyTransposed(delta, deltaOffsets, inputGradient, inputOffsets, from * steps, (to - from) * steps);
    }
}
