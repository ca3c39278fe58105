package org.myelin.neuron;

import java.util.List;

/**
 * The machinery shared by the Hodgkin–Huxley-type models ({@link HodgkinHuxley},
 * {@link TraubMiles}): a membrane with transient sodium ({@code m³h}), delayed-rectifier
 * potassium ({@code n⁴}) and leak currents, the gates' first-order kinetics, spike detection at
 * an upward crossing and the gates' steady state at the start. A model supplies only its six
 * rate functions, as one loop over a slice ({@link #rates(double[], int, int)}).
 *
 * <pre>
 *   cM · dv/dt = −gNa·m³·h·(v − eNa) − gK·n⁴·(v − eK) − gL·(v − eL) + s · (I_syn + iExt)
 *   dx/dt = αx(v)·(1 − x) − βx(v)·x                    for x = m, h, n
 *   spike when v crosses vTh upward (v(t) &lt; vTh ≤ v(t + dt)); no reset, no refractory period
 *   initially v = v0 and x = αx(v0)/(αx(v0) + βx(v0))
 * </pre>
 *
 * {@code s} converts the engine's input units (pA, nS) into the model's: {@code 100/area[µm²]}
 * for a model defined per unit membrane area, 1 for one in absolute units.
 *
 * <p>For {@link org.myelin.base.Integrator#EXPONENTIAL_EULER} the diagonal of the Jacobian is
 * {@code −(gNa·m³h + gK·n⁴ + gL + s·g_syn)/cM} for v and {@code −(αx + βx)} for each gate: exact for
 * the gates with v held over the step (Brian2's {@code exponential_euler} for these equations).
 *
 * @param <P> the model's parameter record; it has the components {@code cM}, {@code gNa},
 *            {@code gK}, {@code gL}, {@code eNa}, {@code eK}, {@code eL}, {@code vTh}, {@code v0},
 *            {@code iExt} and {@code integrator}.
 */
abstract class SodiumPotassiumGroup<P extends Record> extends OdeNeuronGroup<P>
{
    private final double[] cM;
    private final double[] gNa;
    private final double[] gK;
    private final double[] gL;
    private final double[] eNa;
    private final double[] eK;
    private final double[] eL;
    private final double[] vTh;
    private final double[] scale;
    private final double[] v0;
    private final double[] iExt;
    /** [1/ms] the rates at the v of the last {@link #rates} call, per neuron. */
    protected final double[] openingM;
    /** [1/ms] see {@link #openingM}. */
    protected final double[] closingM;
    /** [1/ms] see {@link #openingM}. */
    protected final double[] openingH;
    /** [1/ms] see {@link #openingM}. */
    protected final double[] closingH;
    /** [1/ms] see {@link #openingM}. */
    protected final double[] openingN;
    /** [1/ms] see {@link #openingM}. */
    protected final double[] closingN;

    /**
     * @param kind   model name.
     * @param name   unique name in the network.
     * @param size   number of neurons.
     * @param values the parameters, scalar or per neuron.
     * @param area   the name of the membrane-area parameter [µm²] of a model defined per unit area
     *               (inputs are scaled by {@code 100/area}), or null for a model in absolute units.
     */
    protected SodiumPotassiumGroup(
        final String kind, final String name, final int size, final PerNeuron<P> values, final String area)
    {
        super(kind, name, size, List.of("v", "m", "h", "n"), values, false);
        this.cM = parameter("cM");
        this.gNa = parameter("gNa");
        this.gK = parameter("gK");
        this.gL = parameter("gL");
        this.eNa = parameter("eNa");
        this.eK = parameter("eK");
        this.eL = parameter("eL");
        this.vTh = parameter("vTh");
        this.v0 = parameter("v0");
        this.iExt = parameter("iExt");
        this.scale = new double[size];
        final double[] areas = area == null ? null : parameter(area);
        for (int i = 0; i < size; i++)
        {
            scale[i] = areas == null ? 1.0 : 100.0 / areas[i];
        }
        this.openingM = new double[size];
        this.closingM = new double[size];
        this.openingH = new double[size];
        this.closingH = new double[size];
        this.openingN = new double[size];
        this.closingN = new double[size];
    }

    /** Writes the six rates at {@code v[i]} into the rate arrays for {@code i} in {@code [from, to)}. */
    protected abstract void rates(double[] v, int from, int to);

    @Override
    protected final void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from,
        final int to)
    {
        final double[] vArr = y[0];
        final double[] mArr = y[1];
        final double[] hArr = y[2];
        final double[] nArr = y[3];
        final double[] g = conductance;
        final double[] c = current;
        final boolean withJacobian = jac != null;
        rates(vArr, from, to);
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            final double m = mArr[i];
            final double h = hArr[i];
            final double n = nArr[i];
            final double gNaNow = gNa[i] * m * m * m * h;
            final double n2 = n * n;
            final double gKNow = gK[i] * n2 * n2;
            final double s = scale[i];
            dy[0][i] = (-gNaNow * (vi - eNa[i]) - gKNow * (vi - eK[i]) - gL[i] * (vi - eL[i])
                + s * (c[i] - g[i] * vi + iExt[i])) / cM[i];
            final double am = openingM[i];
            final double bm = closingM[i];
            final double ah = openingH[i];
            final double bh = closingH[i];
            final double an = openingN[i];
            final double bn = closingN[i];
            dy[1][i] = am * (1 - m) - bm * m;
            dy[2][i] = ah * (1 - h) - bh * h;
            dy[3][i] = an * (1 - n) - bn * n;
            if (withJacobian)
            {
                jac[0][i] = -(gNaNow + gKNow + gL[i] + s * g[i]) / cM[i];
                jac[1][i] = -(am + bm);
                jac[2][i] = -(ah + bh);
                jac[3][i] = -(an + bn);
            }
        }
    }

    @Override
    protected final int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final double[] before = start[0];
        final double[] vArr = v;
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (before[i] < vTh[i] && vArr[i] >= vTh[i])
            {
                spikes[n++] = i;
            }
        }
        return n - offset;
    }

    @Override
    protected final void initialise(final long seed)
    {
        final int n = v.length;
        rates(v0, 0, n);
        for (int i = 0; i < n; i++)
        {
            v[i] = v0[i];
            y[1][i] = openingM[i] / (openingM[i] + closingM[i]);
            y[2][i] = openingH[i] / (openingH[i] + closingH[i]);
            y[3][i] = openingN[i] / (openingN[i] + closingN[i]);
        }
    }

    /** {@code x/(1 − e^{−x/k})}, with its limit k at x = 0 (the removable singularity of the linear rates). */
    static double linoid(final double x, final double k)
    {
        final double z = -x / k;
        return Math.abs(z) < 1e-9 ? k * (1 + 0.5 * x / k) : x / -Math.expm1(z);
    }
}
