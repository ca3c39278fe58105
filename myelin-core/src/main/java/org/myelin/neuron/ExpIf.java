package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Exponential integrate-and-fire neurons ({@code ExpIF}, Fourcaud-Trocmé et al. 2003).
 *
 * <pre>
 *   τ · dv/dt = −(v − vRest) + ΔT · exp((v − vT)/ΔT) + R · (I_syn + iExt)
 *   spike when v ≥ vTh (the cut-off) and not refractory;  then v ← vReset, refractory for tRef
 * </pre>
 * In the exponential, v is capped at vTh (NEST's {@code aeif} models do the same), so a stage of
 * a Runge–Kutta step that overshoots the cut-off cannot overflow.
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vRest</td><td>−65</td><td>mV</td><td>V_rest</td><td>resting potential, initial v</td></tr>
 *   <tr><td>vReset</td><td>−68</td><td>mV</td><td>V_reset</td><td>reset potential, &lt; vTh</td></tr>
 *   <tr><td>vTh</td><td>−30</td><td>mV</td><td>V_th</td><td>spike cut-off, &gt; vT</td></tr>
 *   <tr><td>vT</td><td>−59.9</td><td>mV</td><td>V_T</td><td>threshold of the exponential</td></tr>
 *   <tr><td>deltaT</td><td>3.48</td><td>mV</td><td>Δ_T</td><td>spike slope factor, &gt; 0</td></tr>
 *   <tr><td>tauM</td><td>10</td><td>ms</td><td>τ</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>r</td><td>1</td><td>GΩ</td><td>R</td><td>membrane resistance, &gt; 0</td></tr>
 *   <tr><td>tRef</td><td>1.7</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV], initially vRest.
 *
 * <p>Integration: {@link Integrator#EXPONENTIAL_EULER} (default, as brainstate), {@link Integrator#EULER},
 * {@link Integrator#RK2} or {@link Integrator#RK4}. Step order and refractoriness:
 * {@link OdeNeuronGroup}.
 *
 * <p>Sources: Fourcaud-Trocmé, Hansel, van Vreeswijk and Brunel (2003) J. Neurosci. 23:11628;
 * defaults of BrainPy {@code ExpIF}.
 */
public final class ExpIf extends OdeNeuronGroup<ExpIf.Parameters>
{
    private static final String MODEL = "ExpIF";

    private final double[] vRest;
    private final double[] vReset;
    private final double[] vTh;
    private final double[] vT;
    private final double[] deltaT;
    private final double[] tauM;
    private final double[] r;
    private final double[] iExt;

    /**
     * The parameters of {@link ExpIf}; see the class documentation.
     *
     * @param vRest      [mV] resting potential.
     * @param vReset     [mV] reset, {@code < vTh}.
     * @param vTh        [mV] cut-off, {@code > vT}.
     * @param vT         [mV] threshold of the exponential.
     * @param deltaT     [mV] slope factor.
     * @param tauM       [ms] membrane time constant.
     * @param r          [GΩ] resistance.
     * @param tRef       [ms] refractory period.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vRest,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double vT,
        @ParameterUnit("mV") double deltaT,
        @ParameterUnit("ms") double tauM,
        @ParameterUnit("Gohm") double r,
        @ParameterUnit("ms") double tRef,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.finite(MODEL, "vRest", vRest, "mV");
            Check.finite(MODEL, "vReset", vReset, "mV");
            Check.finite(MODEL, "vTh", vTh, "mV");
            Check.finite(MODEL, "vT", vT, "mV");
            Check.positive(MODEL, "deltaT", deltaT, "mV");
            Check.positive(MODEL, "tauM", tauM, "ms");
            Check.positive(MODEL, "r", r, "GOhm");
            Check.nonNegative(MODEL, "tRef", tRef, "ms");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "vReset", vReset, "vTh", vTh, "mV");
            Check.below(MODEL, "vT", vT, "vTh", vTh, "mV");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(-65, -68, -30, -59.9, 3.48, 10, 1, 1.7, 0, Integrator.EXPONENTIAL_EULER);
        }
    }

    /** A group with scalar parameters. */
    public ExpIf(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public ExpIf(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v"), values, true);
        this.vRest = parameter("vRest");
        this.vReset = parameter("vReset");
        this.vTh = parameter("vTh");
        this.vT = parameter("vT");
        this.deltaT = parameter("deltaT");
        this.tauM = parameter("tauM");
        this.r = parameter("r");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] dv = dy[0];
        final double[] j = jac == null ? null : jac[0];
        final double[] g = conductance;
        final double[] c = current;
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            final double spike = deltaT[i] * Math.exp((Math.min(vi, vTh[i]) - vT[i]) / deltaT[i]);
            dv[i] = (vRest[i] - vi + spike + r[i] * (c[i] - g[i] * vi + iExt[i])) / tauM[i];
            if (j != null)
            {
                j[i] = (-1 + (vi < vTh[i] ? spike / deltaT[i] : 0.0) - r[i] * g[i]) / tauM[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        return thresholdAndReset(vTh, vReset, from, to, spikes, offset);
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(vRest, 0, v, 0, v.length);
    }
}
