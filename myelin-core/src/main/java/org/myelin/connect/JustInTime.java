package org.myelin.connect;

/**
 * Just-in-time connectivity (DESIGN.md §4): a rule whose rows are regenerated from the
 * counter-based stream at each spike instead of being stored, ~0 bytes per synapse, for networks
 * whose synapses do not fit in memory. The synapses are exactly those the stored form of the same
 * rule builds for the same key.
 *
 * @param rule the rule.
 */
public record JustInTime(Rule rule) implements Connector
{
    /** A rule that can regenerate its rows. */
    public interface Rule extends Connector
    {
        /** Connectivity that regenerates the rows of {@link #build} on demand. */
        Connectivity buildJustInTime(int sourceSize, int targetSize, boolean sameGroup, long key);

        /**
         * Targets per part of a row that can be regenerated on its own (from its own stream), or
         * 1 when a row can only be drawn whole.
         */
        default int regenerationBlock()
        {
            return 1;
        }

        /** This rule, regenerated at each spike instead of stored. */
        default JustInTime justInTime()
        {
            return new JustInTime(this);
        }
    }

    @Override
    public Connectivity build(final int sourceSize, final int targetSize, final boolean sameGroup, final long key)
    {
        return rule.buildJustInTime(sourceSize, targetSize, sameGroup, key);
    }

    /** A worker whose slice starts inside a block would draw the block's part before its slice too. */
    @Override
    public int targetSliceAlignment()
    {
        return rule.regenerationBlock();
    }

    @Override
    public double expectedSynapses(final int sourceSize, final int targetSize, final boolean sameGroup)
    {
        return rule.expectedSynapses(sourceSize, targetSize, sameGroup);
    }

    @Override
    public boolean storesSynapses()
    {
        return false;
    }

    @Override
    public String describe()
    {
        return rule.describe() + ", just-in-time";
    }
}
