package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Adaptive quadratic integrate-and-fire neurons ({@code AdQuaIF}): {@link QuaIf} with an
 * adaptation current, the form of Izhikevich (2007, ch. 8) written in potentials.
 *
 * <pre>
 *   τ  · dv/dt = c·(v − vRest)·(v − vC) − R·w + R · (I_syn + iExt)
 *   τw · dw/dt = a·(v − vRest) − w
 *   spike when v ≥ vTh and not refractory;  then v ← vReset, w ← w + b, refractory for tRef
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vRest</td><td>−65</td><td>mV</td><td>V_rest</td><td>resting potential, initial v</td></tr>
 *   <tr><td>vReset</td><td>−68</td><td>mV</td><td>V_reset</td><td>reset potential, &lt; vTh</td></tr>
 *   <tr><td>vTh</td><td>−30</td><td>mV</td><td>V_th</td><td>spike cut-off, &gt; vC</td></tr>
 *   <tr><td>vC</td><td>−50</td><td>mV</td><td>V_c</td><td>critical potential, &gt; vRest</td></tr>
 *   <tr><td>c</td><td>0.07</td><td>1/mV</td><td>c</td><td>curvature, &gt; 0</td></tr>
 *   <tr><td>tauM</td><td>10</td><td>ms</td><td>τ</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>r</td><td>1</td><td>GΩ</td><td>R</td><td>membrane resistance, &gt; 0</td></tr>
 *   <tr><td>tauW</td><td>10</td><td>ms</td><td>τ_w</td><td>adaptation time constant, &gt; 0</td></tr>
 *   <tr><td>a</td><td>1</td><td>nS</td><td>a</td><td>subthreshold adaptation</td></tr>
 *   <tr><td>b</td><td>0.1</td><td>pA</td><td>b</td><td>spike-triggered adaptation</td></tr>
 *   <tr><td>tRef</td><td>0</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] (initially vRest) and {@code w} [pA] (initially 0).
 *
 * <p>Integration: {@link Integrator#RK4} (default), {@link Integrator#EXPONENTIAL_EULER},
 * {@link Integrator#RK2} or {@link Integrator#EULER}. Step order and refractoriness:
 * {@link OdeNeuronGroup}.
 *
 * <p>Sources: Izhikevich (2007) Dynamical Systems in Neuroscience, MIT Press, ch. 8;
 * defaults of BrainPy {@code AdQuaIF}.
 */
public final class AdQuaIf extends OdeNeuronGroup<AdQuaIf.Parameters>
{
    private static final String MODEL = "AdQuaIF";

    private final double[] vRest;
    private final double[] vReset;
    private final double[] vTh;
    private final double[] vC;
    private final double[] c;
    private final double[] tauM;
    private final double[] r;
    private final double[] tauW;
    private final double[] a;
    private final double[] b;
    private final double[] iExt;

    /**
     * The parameters of {@link AdQuaIf}; see the class documentation.
     *
     * @param vRest      [mV] resting potential.
     * @param vReset     [mV] reset, {@code < vTh}.
     * @param vTh        [mV] cut-off, {@code > vC}.
     * @param vC         [mV] critical potential, {@code > vRest}.
     * @param c          [1/mV] curvature.
     * @param tauM       [ms] membrane time constant.
     * @param r          [GΩ] resistance.
     * @param tauW       [ms] adaptation time constant.
     * @param a          [nS] subthreshold adaptation.
     * @param b          [pA] spike-triggered adaptation.
     * @param tRef       [ms] refractory period.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vRest,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double vC,
        @ParameterUnit("1/mV") double c,
        @ParameterUnit("ms") double tauM,
        @ParameterUnit("Gohm") double r,
        @ParameterUnit("ms") double tauW,
        @ParameterUnit("nS") double a,
        @ParameterUnit("pA") double b,
        @ParameterUnit("ms") double tRef,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Checks.quadratic(MODEL, vRest, vReset, vTh, vC, c, tauM, r, tRef, iExt);
            Check.positive(MODEL, "tauW", tauW, "ms");
            Check.finite(MODEL, "a", a, "nS");
            Check.finite(MODEL, "b", b, "pA");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(-65, -68, -30, -50, 0.07, 10, 1, 10, 1, 0.1, 0, 0, Integrator.RK4);
        }
    }

    /** A group with scalar parameters. */
    public AdQuaIf(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public AdQuaIf(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v", "w"), values, true);
        this.vRest = parameter("vRest");
        this.vReset = parameter("vReset");
        this.vTh = parameter("vTh");
        this.vC = parameter("vC");
        this.c = parameter("c");
        this.tauM = parameter("tauM");
        this.r = parameter("r");
        this.tauW = parameter("tauW");
        this.a = parameter("a");
        this.b = parameter("b");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] wArr = y[1];
        final double[] dv = dy[0];
        final double[] dw = dy[1];
        final double[] jv = jac == null ? null : jac[0];
        final double[] jw = jac == null ? null : jac[1];
        final double[] g = conductance;
        final double[] in = current;
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            dv[i] = (c[i] * (vi - vRest[i]) * (vi - vC[i]) + r[i] * (in[i] - g[i] * vi + iExt[i] - wArr[i])) / tauM[i];
            dw[i] = (a[i] * (vi - vRest[i]) - wArr[i]) / tauW[i];
            if (jv != null)
            {
                jv[i] = (c[i] * (2 * vi - vRest[i] - vC[i]) - r[i] * g[i]) / tauM[i];
                jw[i] = -1 / tauW[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final int n = thresholdAndReset(vTh, vReset, from, to, spikes, offset);
        addAtSpikes(y[1], b, spikes, offset, n);
        return n;
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(vRest, 0, v, 0, v.length);
        java.util.Arrays.fill(y[1], 0.0);
    }
}
