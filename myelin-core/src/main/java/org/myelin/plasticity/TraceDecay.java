package org.myelin.plasticity;

/**
 * The factor {@code exp(−k·dt/τ)} by which an exponential trace decays over k steps, looked up
 * for up to 2¹⁶ steps and computed beyond them. Event-driven traces are evaluated at every
 * synapse an event touches, so the lookup replaces one {@code exp} per synapse and event. The
 * table reaches far past the time constants where traces matter because the neurons that fire
 * rarely are read as often as the others: in COBA-4000 with STDP one trace read in nine is over
 * 40 τ (800 ms) old, one in six hundred over 2¹⁶ steps. A table is shared by the decays of equal
 * {@code dt/τ}, so all slices' traces read one copy (512 KiB at most); its entries are the values
 * {@link Math#exp} gives, so looked-up and computed factors are the same numbers.
 */
public final class TraceDecay
{
    /** Time constants after which the factor is 0 in double precision (e^−746 underflows). */
    private static final double UNDERFLOW_TIME_CONSTANTS = 746;
    private static final int MAX_TABLE = 1 << 16;
    private static final java.util.concurrent.ConcurrentHashMap<Long, double[]> TABLES =
        new java.util.concurrent.ConcurrentHashMap<>();

    private final double dtOverTau;
    private final double[] table;

    /**
     * @param tauMs [ms] the trace's time constant, {@code > 0}.
     * @param dt    [ms] the time step.
     */
    public TraceDecay(final double tauMs, final double dt)
    {
        this.dtOverTau = dt / tauMs;
        this.table = TABLES.computeIfAbsent(Double.doubleToLongBits(dtOverTau), bits -> table(dtOverTau));
    }

    private static double[] table(final double dtOverTau)
    {
        final int length = (int) Math.min(MAX_TABLE, Math.ceil(UNDERFLOW_TIME_CONSTANTS / dtOverTau) + 1);
        final double[] table = new double[length];
        for (int k = 0; k < length; k++)
        {
            table[k] = Math.exp(-k * dtOverTau);
        }
        return table;
    }

    /** {@code exp(−steps·dt/τ)} for {@code steps >= 0}. */
    public double factor(final long steps)
    {
        return steps < table.length ? table[(int) steps] : Math.exp(-steps * dtOverTau);
    }
}
