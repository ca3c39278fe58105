package org.myelin.connect;

import org.myelin.util.ModelException;

/** Neuron i connects to neuron i of a group of the same size (NEST {@code one_to_one}, Brian2 {@code j='i'}). */
public record OneToOne() implements Connector
{
    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return Math.min(sourceSize, targetSize);
    }

    @Override
    public String describe()
    {
        return "one-to-one";
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        if (sourceSize != targetSize)
        {
            throw new ModelException("OneToOne: source and target must have the same size, got " + sourceSize
                + " and " + targetSize);
        }
        return Rows.build("OneToOne", sourceSize, targetSize, 1, (i, stream, out) -> out.add(i));
    }
}
