package org.myelin.input;

/** Loops shared by the current inputs. */
final class Inputs
{
    private Inputs()
    {
    }

    /** Adds the same current to every neuron of the slice. */
    static void addUniform(final double amplitude, final int from, final int to, final double[] current)
    {
        if (amplitude == 0.0)
        {
            return;
        }
        for (int i = from; i < to; i++)
        {
            current[i] += amplitude;
        }
    }
}
