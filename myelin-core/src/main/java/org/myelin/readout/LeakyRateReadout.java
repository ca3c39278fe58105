package org.myelin.readout;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Population;
import org.myelin.state.StateAccess;

/**
 * A leaky rate readout (brainstate {@code LeakyRateReadout}): a low-pass filter of the source's
 * weighted spikes.
 *
 * <pre>
 *   τ · dr/dt = −r + τ · Σ_i W[i][j] · Σ_k δ(t − t_i^k)
 *   discrete:  r_j(n) = e^{−dt/τ} · r_j(n − 1) + Σ_i W[i][j] · s_i(n)
 * </pre>
 * so a single spike of neuron i at step m leaves {@code r_j = W[i][j]·e^{−(n−m)·dt/τ}} at step n.
 * The decay is applied in the update of step n, the spikes of step n are added in its
 * propagation phase; a monitor at step n + 1 records r(n).
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>5</td><td>ms</td><td>time constant, &gt; 0</td></tr>
 *   <tr><td>weights</td><td>—</td><td>1 (unit of r)</td><td>W, source × outputs, row-major</td></tr>
 * </table>
 *
 * <p>State: {@code r} (unit of the weights), initially 0. No spikes.
 *
 * <p>Source: brainstate {@code nn.LeakyRateReadout} (0.1.0, {@code _dyn_impl/_readout.py}).
 */
public final class LeakyRateReadout extends Readout
{
    private static final String MODEL = "LeakyRateReadout";

    private final double[] r;

    /**
     * @param name    unique name in the network.
     * @param source  the population read out.
     * @param size    number of outputs.
     * @param tau     [ms] time constant, {@code > 0}.
     * @param weights W, row-major {@code [source][output]}.
     */
    public LeakyRateReadout(final String name, final Population source, final int size, final double tau,
        final double[] weights)
    {
        super(MODEL, name, source, size, tau, weights);
        this.r = new double[size];
    }

    @Override
    public void reset(final long seed)
    {
        Arrays.fill(r, 0.0);
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        final double a = decay;
        final double[] x = r;
        double sum = 0.0;
        for (int j = from; j < to; j++)
        {
            x[j] *= a;
            sum += x[j];
        }
        return updateResult(0, sum);
    }

    @Override
    protected void deliver(final long step, final int from, final int to)
    {
        addInput(step, from, to, r);
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of("r");
    }

    @Override
    public double[] state(final String variable)
    {
        return "r".equals(variable) ? r : super.state(variable);
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("r", r);
    }
}
