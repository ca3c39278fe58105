package org.myelin.input;

import org.myelin.base.CurrentInput;
import org.myelin.random.Rng;
import org.myelin.state.StateAccess;
import org.myelin.util.Check;

/**
 * An Ornstein–Uhlenbeck noise current, independent in each neuron (BrainPy's {@code OUProcess},
 * Brian2's {@code xi} with a leak):
 *
 * <pre>
 *   τ · dI/dt = (μ − I) + σ · √(2τ) · ξ(t)
 * </pre>
 * whose stationary distribution is normal with mean μ and standard deviation σ. It is advanced
 * exactly, {@code I ← μ + (I − μ)·e^{−dt/τ} + σ·√(1 − e^{−2dt/τ})·z}, with z a standard normal
 * drawn from the counter-based stream keyed by (seed, this input's name, step, neuron), so the
 * current is the same for any thread count. Each neuron starts at μ.
 *
 * <p>The current of step n (time t) is added before the neuron update and the process then
 * moves to t + dt.
 */
public final class OrnsteinUhlenbeckCurrent implements CurrentInput
{
    private static final String OWNER = "OrnsteinUhlenbeckCurrent";

    private final String name;
    private final double mean;
    private final double sigma;
    private final double tau;
    private final double[] state;
    private double decay;
    private double kick;
    private long key;

    /**
     * @param name  a name unique in the network, part of the random key.
     * @param size  neurons of the target group.
     * @param mean  [pA] μ, the mean.
     * @param sigma [pA] σ, the stationary standard deviation, {@code >= 0}.
     * @param tau   [ms] τ, the correlation time, {@code > 0}.
     */
    public OrnsteinUhlenbeckCurrent(
        final String name, final int size, final double mean, final double sigma, final double tau)
    {
        this.name = name;
        this.mean = Check.finite(OWNER, "mean", mean, "pA");
        this.sigma = Check.nonNegative(OWNER, "sigma", sigma, "pA");
        this.tau = Check.positive(OWNER, "tau", tau, "ms");
        this.state = new double[Check.atLeast(OWNER, "size", size, 1)];
    }

    @Override
    public void prepare(final double dt, final long seed)
    {
        decay = Math.exp(-dt / tau);
        kick = sigma * Math.sqrt(-Math.expm1(-2 * dt / tau));
        key = Rng.key(seed, Rng.PURPOSE_NOISE, Rng.nameId(name), 0);
        java.util.Arrays.fill(state, mean);
    }

    /** [pA] the current of each neuron (for tests and monitors). */
    public double[] state()
    {
        return state;
    }

    @Override
    public void addCurrent(final long step, final double timeMs, final int from, final int to, final double[] current)
    {
        final double[] x = state;
        final double mu = mean;
        final double a = decay;
        final double b = kick;
        final long stepKey = Rng.mix(key ^ step);
        for (int i = from; i < to; i++)
        {
            current[i] += x[i];
            x[i] = mu + (x[i] - mu) * a + b * standardNormal(stepKey, i);
        }
    }

    /** A standard normal deviate from two uniforms of the stream (Box–Muller). */
    static double standardNormal(final long stepKey, final int i)
    {
        final double u1 = Rng.uniform(stepKey, 2L * i) + 0x1.0p-54;
        final double u2 = Rng.uniform(stepKey, 2L * i + 1);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The current of each neuron; the noise ahead is keyed by the step, so that is all. */
    @Override
    public void visitState(final StateAccess state)
    {
        state.doubles("current", this.state);
    }
}
