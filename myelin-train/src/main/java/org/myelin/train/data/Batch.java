package org.myelin.train.data;

import org.myelin.util.ModelException;

/**
 * A mini-batch: the input sequences and what the loss compares the output with, a class label
 * per sample and/or target values per sample ({@code [batch][targetSize]}, where the target size
 * is the output size, or the output size times the steps for a target at every step).
 *
 * @param input      the input, {@code batch} samples of {@code steps} steps.
 * @param labels     one class per sample, or null.
 * @param targets    target values, row-major per sample, or null.
 * @param targetSize values per sample in {@code targets} (0 without targets).
 */
public record Batch(Signal input, int[] labels, double[] targets, int targetSize)
{
    /** Checks that labels and targets match the batch. */
    public Batch
    {
        if (input == null)
        {
            throw new ModelException("batch: the input is required");
        }
        if (labels != null && labels.length < input.batch())
        {
            throw new ModelException("batch: expected " + input.batch() + " labels, got " + labels.length);
        }
        if (targets != null && targets.length < (long) input.batch() * targetSize)
        {
            throw new ModelException("batch: expected " + input.batch() + " × " + targetSize + " target values, got "
                + targets.length);
        }
    }

    /** A batch of labelled samples. */
    public static Batch labelled(final Signal input, final int[] labels)
    {
        return new Batch(input, labels, null, 0);
    }

    /** Samples. */
    public int size()
    {
        return input.batch();
    }

    /** Steps per sample. */
    public int steps()
    {
        return input.steps();
    }
}
