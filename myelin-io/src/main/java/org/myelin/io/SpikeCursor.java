package org.myelin.io;

import java.io.IOException;

import org.myelin.monitor.SpikeRaster;

/**
 * Spikes read one at a time in time order (ties by population, then as recorded), in the global
 * numbering of several populations: what the spike writers consume, so a raster in memory and
 * spikes spooled to disk are written by the same code.
 */
public interface SpikeCursor extends AutoCloseable
{
    /** Releases what the cursor holds open; the default holds nothing. */
    @Override
    default void close() throws IOException
    {
    }

    /** Moves to the next spike; false at the end. */
    boolean next() throws IOException;

    /** The current spike's step. */
    long step();

    /** The current spike's global neuron index. */
    int neuron();

    /** The index of the current spike's population. */
    int population();

    /** A cursor over a raster in memory. */
    static SpikeCursor of(final SpikeRaster raster)
    {
        return new SpikeCursor()
        {
            private int k = -1;

            @Override
            public boolean next()
            {
                return ++k < raster.size();
            }

            @Override
            public long step()
            {
                return raster.steps()[k];
            }

            @Override
            public int neuron()
            {
                return raster.neurons()[k];
            }

            @Override
            public int population()
            {
                return raster.populationOf(raster.neurons()[k]);
            }
        };
    }

    /** Opens a new cursor at the first spike. */
    @FunctionalInterface
    interface Source
    {
        /** A cursor before the first spike. */
        SpikeCursor open() throws IOException;
    }
}
