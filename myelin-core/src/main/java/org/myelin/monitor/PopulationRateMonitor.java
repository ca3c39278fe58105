package org.myelin.monitor;

import java.util.Arrays;

import org.myelin.base.Population;
import org.myelin.base.SpikeHistory;
import org.myelin.state.StateAccess;
import org.myelin.state.Stateful;
import org.myelin.util.ModelException;

/**
 * The firing rate of a whole population over time (Brian2 {@code PopulationRateMonitor}): the
 * number of spikes in each bin of {@code binSteps} steps, divided by the population's size and the
 * bin's duration. Bins are counted from step 0 of the network, so bin b holds the spikes of steps
 * {@code [b·binSteps, (b + 1)·binSteps)}; only counts are kept (4 bytes a bin), never spike ids.
 */
public final class PopulationRateMonitor implements Stateful
{
    private final Population population;
    private final int binSteps;
    private long[] counts = new long[256];
    private long firstBin = -1;
    private int bins;

    /**
     * @param population the population.
     * @param binSteps   steps per bin, {@code >= 1}.
     */
    public PopulationRateMonitor(final Population population, final int binSteps)
    {
        if (binSteps < 1)
        {
            throw new ModelException("PopulationRateMonitor of '" + population.name() + "': bin must be at least one "
                + "step, got " + binSteps + " steps");
        }
        this.population = population;
        this.binSteps = binSteps;
    }

    /** The population. */
    public Population population()
    {
        return population;
    }

    /** Steps per bin. */
    public int binSteps()
    {
        return binSteps;
    }

    /** Adds the spikes of {@code step}, read from the population's spike history. */
    public void record(final long step)
    {
        final SpikeHistory history = population.history();
        final int total = history.totalCount(history.slotOf(step));
        final long bin = step / binSteps;
        if (firstBin < 0)
        {
            firstBin = bin;
        }
        final long index = bin - firstBin;
        if (index >= Integer.MAX_VALUE - 8)
        {
            throw new ModelException("PopulationRateMonitor of '" + population.name() + "': more than 2^31 bins; use "
                + "a larger bin");
        }
        while (index >= counts.length)
        {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        bins = Math.max(bins, (int) index + 1);
        counts[(int) index] += total;
    }

    /** The number of bins recorded. */
    public int binCount()
    {
        return bins;
    }

    /** The first step of bin {@code b} (b counted from the first recorded bin). */
    public long binStart(final int b)
    {
        return (firstBin + b) * binSteps;
    }

    /** Spikes in bin {@code b}. */
    public long count(final int b)
    {
        return counts[b];
    }

    /** [Hz] The population's rate in bin {@code b}: spikes / (neurons · bin duration). */
    public double rate(final int b, final double dtMs)
    {
        return counts[b] / (population.size() * binSteps * dtMs / 1000.0);
    }

    /** The first bin and the spike count of every bin so far. */
    @Override
    public void visitState(final StateAccess state)
    {
        firstBin = state.scalar("firstBin", firstBin);
        final long[] saved = state.longs("counts", counts, bins);
        if (state.restoring())
        {
            bins = saved.length;
            counts = Arrays.copyOf(saved, Math.max(256, bins));
        }
    }
}
