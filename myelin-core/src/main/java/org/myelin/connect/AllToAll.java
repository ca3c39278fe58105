package org.myelin.connect;

/**
 * Every presynaptic neuron connects to every postsynaptic neuron (NEST {@code all_to_all}, Brian2
 * {@code connect()} / {@code connect(condition='i != j')}).
 *
 * <p>{@link #justInTime()} stores no target at all: a row is every target.
 *
 * @param allowSelfConnections whether i → i is made when source and target are one group.
 */
public record AllToAll(boolean allowSelfConnections) implements JustInTime.Rule
{
    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return (double) sourceSize * targetSize - (sameGroup && !allowSelfConnections ? sourceSize : 0);
    }

    @Override
    public String describe()
    {
        return "all-to-all" + (allowSelfConnections ? "" : " (no self-connections)");
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        final boolean excludeSelf = sameGroup && !allowSelfConnections;
        return Rows.build("AllToAll", sourceSize, targetSize, targetSize, (i, stream, out) ->
        {
            for (int j = 0; j < targetSize; j++)
            {
                if (!excludeSelf || j != i)
                {
                    out.add(j);
                }
            }
        });
    }

    @Override
    public Connectivity buildJustInTime(
        final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return new JitAllToAll(sourceSize, targetSize, sameGroup && !allowSelfConnections, key);
    }
}
