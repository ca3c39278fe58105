package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Adaptive exponential integrate-and-fire neurons ({@code AdEx}, Brette and Gerstner 2005).
 *
 * <pre>
 *   cM · dv/dt = −gL·(v − eL) + gL·ΔT·exp((v − vT)/ΔT) − w + I_syn + iExt
 *   τw · dw/dt = a·(v − eL) − w
 *   spike when v ≥ vPeak and not refractory;  then v ← vReset, w ← w + b, refractory for tRef
 * </pre>
 * On the right-hand side v is capped at vPeak (as in NEST's {@code aeif_*} models), so a
 * Runge–Kutta stage that overshoots the cut-off neither overflows the exponential nor drives
 * {@code w} with a huge potential.
 *
 * <table>
 *   <caption>Parameters (Brette and Gerstner 2005, Table 1; vPeak as NEST)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>cM</td><td>281</td><td>pF</td><td>C</td><td>membrane capacitance, &gt; 0</td></tr>
 *   <tr><td>gL</td><td>30</td><td>nS</td><td>g_L</td><td>leak conductance, &gt; 0</td></tr>
 *   <tr><td>eL</td><td>−70.6</td><td>mV</td><td>E_L</td><td>leak reversal, initial v</td></tr>
 *   <tr><td>vT</td><td>−50.4</td><td>mV</td><td>V_T</td><td>threshold of the exponential</td></tr>
 *   <tr><td>deltaT</td><td>2</td><td>mV</td><td>Δ_T</td><td>slope factor, &gt; 0</td></tr>
 *   <tr><td>vPeak</td><td>0</td><td>mV</td><td>V_peak</td><td>spike cut-off, &gt; vT</td></tr>
 *   <tr><td>vReset</td><td>−70.6</td><td>mV</td><td>V_r</td><td>reset, &lt; vPeak</td></tr>
 *   <tr><td>tauW</td><td>144</td><td>ms</td><td>τ_w</td><td>adaptation time constant, &gt; 0</td></tr>
 *   <tr><td>a</td><td>4</td><td>nS</td><td>a</td><td>subthreshold adaptation</td></tr>
 *   <tr><td>b</td><td>80.5</td><td>pA</td><td>b</td><td>spike-triggered adaptation</td></tr>
 *   <tr><td>tRef</td><td>0</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] (initially eL) and {@code w} [pA] (initially 0).
 *
 * <p>Integration: {@link Integrator#RK4} (default), {@link Integrator#EXPONENTIAL_EULER},
 * {@link Integrator#RK2} or {@link Integrator#EULER}. Step order and refractoriness ({@code v}
 * clamped, {@code w} integrated): {@link OdeNeuronGroup}.
 *
 * <p>Sources: Brette and Gerstner (2005) J. Neurophysiol. 94:3637; Naud, Marcille, Clopath and
 * Gerstner (2008) Biol. Cybern. 99:335; NEST {@code aeif_cond_exp}; BrainPy {@code AdExIF}.
 */
public final class AdEx extends OdeNeuronGroup<AdEx.Parameters>
{
    private static final String MODEL = "AdEx";

    private final double[] cM;
    private final double[] gL;
    private final double[] eL;
    private final double[] vT;
    private final double[] deltaT;
    private final double[] vPeak;
    private final double[] vReset;
    private final double[] tauW;
    private final double[] a;
    private final double[] b;
    private final double[] iExt;

    /**
     * The parameters of {@link AdEx}; see the class documentation.
     *
     * @param cM         [pF] capacitance.
     * @param gL         [nS] leak conductance.
     * @param eL         [mV] leak reversal.
     * @param vT         [mV] threshold of the exponential.
     * @param deltaT     [mV] slope factor.
     * @param vPeak      [mV] cut-off, {@code > vT}.
     * @param vReset     [mV] reset, {@code < vPeak}.
     * @param tauW       [ms] adaptation time constant.
     * @param a          [nS] subthreshold adaptation.
     * @param b          [pA] spike-triggered adaptation.
     * @param tRef       [ms] refractory period.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("pF") double cM,
        @ParameterUnit("nS") double gL,
        @ParameterUnit("mV") double eL,
        @ParameterUnit("mV") double vT,
        @ParameterUnit("mV") double deltaT,
        @ParameterUnit("mV") double vPeak,
        @ParameterUnit("mV") double vReset,
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
            Check.positive(MODEL, "cM", cM, "pF");
            Check.positive(MODEL, "gL", gL, "nS");
            Check.finite(MODEL, "eL", eL, "mV");
            Check.finite(MODEL, "vT", vT, "mV");
            Check.positive(MODEL, "deltaT", deltaT, "mV");
            Check.finite(MODEL, "vPeak", vPeak, "mV");
            Check.finite(MODEL, "vReset", vReset, "mV");
            Check.positive(MODEL, "tauW", tauW, "ms");
            Check.finite(MODEL, "a", a, "nS");
            Check.finite(MODEL, "b", b, "pA");
            Check.nonNegative(MODEL, "tRef", tRef, "ms");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "vT", vT, "vPeak", vPeak, "mV");
            Check.below(MODEL, "vReset", vReset, "vPeak", vPeak, "mV");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(281, 30, -70.6, -50.4, 2, 0, -70.6, 144, 4, 80.5, 0, 0, Integrator.RK4);
        }
    }

    /** A group with scalar parameters. */
    public AdEx(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public AdEx(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v", "w"), values, true);
        this.cM = parameter("cM");
        this.gL = parameter("gL");
        this.eL = parameter("eL");
        this.vT = parameter("vT");
        this.deltaT = parameter("deltaT");
        this.vPeak = parameter("vPeak");
        this.vReset = parameter("vReset");
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
        final double[] c = current;
        for (int i = from; i < to; i++)
        {
            final double vi = Math.min(vArr[i], vPeak[i]);
            final double spike = gL[i] * deltaT[i] * Math.exp((vi - vT[i]) / deltaT[i]);
            dv[i] = (-gL[i] * (vi - eL[i]) + spike - wArr[i] + c[i] - g[i] * vi + iExt[i]) / cM[i];
            dw[i] = (a[i] * (vi - eL[i]) - wArr[i]) / tauW[i];
            if (jv != null)
            {
                jv[i] = (-gL[i] + (vArr[i] < vPeak[i] ? spike / deltaT[i] : 0.0) - g[i]) / cM[i];
                jw[i] = -1 / tauW[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final int n = thresholdAndReset(vPeak, vReset, from, to, spikes, offset);
        addAtSpikes(y[1], b, spikes, offset, n);
        return n;
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(eL, 0, v, 0, v.length);
        java.util.Arrays.fill(y[1], 0.0);
    }
}
