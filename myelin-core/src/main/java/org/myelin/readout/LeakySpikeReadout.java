package org.myelin.readout;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Population;
import org.myelin.state.StateAccess;
import org.myelin.util.Check;

/**
 * A leaky spiking readout (brainstate {@code LeakySpikeReadout}): integrate-and-fire output
 * units driven by the source's weighted spikes.
 *
 * <pre>
 *   τ · dv/dt = −v + x(t),      x_j = Σ_i W[i][j] · s_i        (x held for one step)
 *   discrete:  v ← x + (v − x)·e^{−dt/τ}   (exponential Euler, exact for held x)
 *   spike when v ≥ vTh;  then v ← v − vTh (soft reset, the default) or v ← 0 (hard reset)
 * </pre>
 * The spikes of the source at step n are collected in its propagation phase and drive the
 * update of step n + 1.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>tau</td><td>5</td><td>ms</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>vTh</td><td>1</td><td>mV</td><td>threshold, &gt; 0</td></tr>
 *   <tr><td>softReset</td><td>true</td><td>—</td><td>subtract vTh (true) or reset to 0 (false)</td></tr>
 *   <tr><td>weights</td><td>—</td><td>mV</td><td>W, source × outputs, row-major</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV], initially 0.
 *
 * <p>Source: brainstate {@code nn.LeakySpikeReadout} (0.1.0, {@code _dyn_impl/_readout.py}).
 */
public final class LeakySpikeReadout extends Readout
{
    private static final String MODEL = "LeakySpikeReadout";

    private final double vTh;
    private final boolean softReset;
    private final double[] v;
    private final double[] x;

    /**
     * @param name      unique name in the network.
     * @param source    the population read out.
     * @param size      number of outputs.
     * @param tau       [ms] time constant, {@code > 0}.
     * @param vTh       [mV] threshold, {@code > 0}.
     * @param softReset subtract the threshold at a spike (true) or reset to 0.
     * @param weights   [mV] W, row-major {@code [source][output]}.
     */
    public LeakySpikeReadout(final String name, final Population source, final int size, final double tau,
        final double vTh, final boolean softReset, final double[] weights)
    {
        super(MODEL, name, source, size, tau, weights);
        this.vTh = Check.positive(MODEL + " '" + name + "'", "vTh", vTh, "mV");
        this.softReset = softReset;
        this.v = new double[size];
        this.x = new double[size];
    }

    @Override
    public void reset(final long seed)
    {
        Arrays.fill(v, 0.0);
        Arrays.fill(x, 0.0);
    }

    @Override
    public int update(final long step, final int from, final int to, final int[] spikes, final int offset)
    {
        final double a = decay;
        final double th = vTh;
        final double[] vArr = v;
        final double[] in = x;
        int n = offset;
        double sum = 0.0;
        for (int j = from; j < to; j++)
        {
            double vj = in[j] + (vArr[j] - in[j]) * a;
            sum += vj;
            in[j] = 0.0;
            if (vj >= th)
            {
                spikes[n++] = j;
                vj = softReset ? vj - th : 0.0;
            }
            vArr[j] = vj;
        }
        return updateResult(n - offset, sum);
    }

    @Override
    protected void deliver(final long step, final int from, final int to)
    {
        addInput(step, from, to, x);
    }

    @Override
    public List<String> stateVariables()
    {
        return List.of("v");
    }

    @Override
    public double[] state(final String variable)
    {
        return "v".equals(variable) ? v : super.state(variable);
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("v", v);
        state.doubles("x", x);
    }
}
