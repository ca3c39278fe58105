package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Perfect (non-leaky) integrate-and-fire neurons ({@code IF}, Lapicque 1907).
 *
 * <pre>
 *   cM · dv/dt = I_syn + iExt                 I_syn = Σ current − Σ conductance · v
 *   spike when v ≥ vTh and not refractory;  then v ← vReset, refractory for tRef (v clamped)
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vTh</td><td>−50</td><td>mV</td><td>V_th</td><td>spike threshold</td></tr>
 *   <tr><td>vReset</td><td>−60</td><td>mV</td><td>V_reset</td><td>reset and initial potential, &lt; vTh</td></tr>
 *   <tr><td>cM</td><td>200</td><td>pF</td><td>C</td><td>membrane capacitance, &gt; 0</td></tr>
 *   <tr><td>tRef</td><td>0</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV], initially vReset.
 *
 * <p>Integration: {@link Integrator#EXACT} (default; the equation is linear, so exponential
 * Euler is exact with the inputs held for the step) or any other method. Step order and
 * refractoriness: {@link OdeNeuronGroup}. Firing rate under a constant current
 * {@code I > 0}: {@code f = 1/(tRef + cM·(vTh − vReset)/I)}.
 *
 * <p>Sources: Lapicque (1907); Abbott (1999) Brain Res. Bull. 50:303; brainstate {@code IF}
 * (which adds a leak; that model is {@link Lif} here).
 *
 * @see Lif
 */
public final class IntegrateAndFire extends OdeNeuronGroup<IntegrateAndFire.Parameters>
{
    private static final String MODEL = "IF";

    private final double[] vTh;
    private final double[] vReset;
    private final double[] cM;
    private final double[] iExt;

    /**
     * The parameters of {@link IntegrateAndFire}; see the class documentation.
     *
     * @param vTh        [mV] threshold.
     * @param vReset     [mV] reset, {@code < vTh}.
     * @param cM         [pF] capacitance, {@code > 0}.
     * @param tRef       [ms] refractory period, {@code >= 0}.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("pF") double cM,
        @ParameterUnit("ms") double tRef,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.finite(MODEL, "vTh", vTh, "mV");
            Check.finite(MODEL, "vReset", vReset, "mV");
            Check.positive(MODEL, "cM", cM, "pF");
            Check.nonNegative(MODEL, "tRef", tRef, "ms");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "vReset", vReset, "vTh", vTh, "mV");
            Integrator.require(MODEL, integrator, Integrator.values());
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(-50, -60, 200, 0, 0, Integrator.EXACT);
        }
    }

    /** A group with scalar parameters. */
    public IntegrateAndFire(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public IntegrateAndFire(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v"), values, true);
        this.vTh = parameter("vTh");
        this.vReset = parameter("vReset");
        this.cM = parameter("cM");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] dv = dy[0];
        final double[] g = conductance;
        final double[] c = current;
        final double[] cap = cM;
        final double[] ie = iExt;
        for (int i = from; i < to; i++)
        {
            dv[i] = (c[i] - g[i] * vArr[i] + ie[i]) / cap[i];
        }
        if (jac != null)
        {
            final double[] j = jac[0];
            for (int i = from; i < to; i++)
            {
                j[i] = -g[i] / cap[i];
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
        System.arraycopy(vReset, 0, v, 0, v.length);
    }
}
