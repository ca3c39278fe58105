package org.myelin.plasticity;

/**
 * The factor {@code exp(−k·dt/τ)} by which an exponential trace decays over k steps, looked up
 * for the delays that occur most (a few time constants) and computed beyond them. Event-driven
 * traces are evaluated at every synapse an event touches, so the lookup replaces one
 * {@code exp} per synapse and event.
 */
public final class TraceDecay
{
    /** Time constants covered by the table; beyond them the factor is computed (below e^−40 ≈ 4·10⁻¹⁸). */
    private static final double COVERED_TIME_CONSTANTS = 40;
    private static final int MAX_TABLE = 1 << 16;

    private final double dtOverTau;
    private final double[] table;

    /**
     * @param tauMs [ms] the trace's time constant, {@code > 0}.
     * @param dt    [ms] the time step.
     */
    public TraceDecay(final double tauMs, final double dt)
    {
        this.dtOverTau = dt / tauMs;
        final int length = (int) Math.min(MAX_TABLE, Math.ceil(COVERED_TIME_CONSTANTS / dtOverTau) + 1);
        this.table = new double[length];
        for (int k = 0; k < length; k++)
        {
            table[k] = Math.exp(-k * dtOverTau);
        }
    }

    /** {@code exp(−steps·dt/τ)} for {@code steps >= 0}. */
    public double factor(final long steps)
    {
        return steps < table.length ? table[(int) steps] : Math.exp(-steps * dtOverTau);
    }
}
