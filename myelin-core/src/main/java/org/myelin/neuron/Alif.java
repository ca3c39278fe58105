package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Adaptive leaky integrate-and-fire neurons ({@code ALIF}): a LIF whose threshold rises by
 * {@code beta} at each spike and relaxes back with {@code tauA} (Bellec et al. 2018).
 *
 * <pre>
 *   τm · dv/dt = (vRest − v) + R · (I_syn + iExt)          I_syn = Σ current − Σ conductance · v
 *   τa · da/dt = −a
 *   spike when v ≥ vTh + beta · a and not refractory;  then v ← vReset, a ← a + 1, refractory for tRef
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vRest</td><td>−60</td><td>mV</td><td>V_rest</td><td>resting potential, initial v</td></tr>
 *   <tr><td>vTh</td><td>−50</td><td>mV</td><td>V_th</td><td>baseline threshold</td></tr>
 *   <tr><td>vReset</td><td>−60</td><td>mV</td><td>V_reset</td><td>reset potential, &lt; vTh</td></tr>
 *   <tr><td>tauM</td><td>20</td><td>ms</td><td>τm</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>r</td><td>1</td><td>GΩ</td><td>R</td><td>membrane resistance, &gt; 0</td></tr>
 *   <tr><td>tauA</td><td>100</td><td>ms</td><td>τa</td><td>adaptation time constant, &gt; 0</td></tr>
 *   <tr><td>beta</td><td>1</td><td>mV</td><td>β</td><td>threshold increase per unit of a, ≥ 0</td></tr>
 *   <tr><td>tRef</td><td>0</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] (initially vRest) and {@code a} [1] (initially 0).
 *
 * <p>Integration: {@link Integrator#EXACT} (default; both equations are linear and uncoupled
 * given the inputs, so exponential Euler is their closed form) or any other method. Step order
 * and refractoriness ({@code v} clamped, {@code a} keeps decaying): {@link OdeNeuronGroup}.
 *
 * <p>Sources: Bellec, Salaj, Subramoney, Legenstein and Maass (2018) NeurIPS, "Long short-term
 * memory and learning-to-learn in networks of spiking neurons"; brainstate {@code ALIF}.
 */
public final class Alif extends OdeNeuronGroup<Alif.Parameters>
{
    private static final String MODEL = "ALIF";

    private final double[] vRest;
    private final double[] vTh;
    private final double[] vReset;
    private final double[] tauM;
    private final double[] r;
    private final double[] tauA;
    private final double[] beta;
    private final double[] iExt;

    /**
     * The parameters of {@link Alif}; see the class documentation.
     *
     * @param vRest      [mV] resting potential.
     * @param vTh        [mV] baseline threshold.
     * @param vReset     [mV] reset, {@code < vTh}.
     * @param tauM       [ms] membrane time constant.
     * @param r          [GΩ] resistance.
     * @param tauA       [ms] adaptation time constant.
     * @param beta       [mV] threshold increase per unit of a.
     * @param tRef       [ms] refractory period.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vRest,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("ms") double tauM,
        @ParameterUnit("Gohm") double r,
        @ParameterUnit("ms") double tauA,
        @ParameterUnit("mV") double beta,
        @ParameterUnit("ms") double tRef,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.finite(MODEL, "vRest", vRest, "mV");
            Check.finite(MODEL, "vTh", vTh, "mV");
            Check.finite(MODEL, "vReset", vReset, "mV");
            Check.positive(MODEL, "tauM", tauM, "ms");
            Check.positive(MODEL, "r", r, "GOhm");
            Check.positive(MODEL, "tauA", tauA, "ms");
            Check.nonNegative(MODEL, "beta", beta, "mV");
            Check.nonNegative(MODEL, "tRef", tRef, "ms");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "vReset", vReset, "vTh", vTh, "mV");
            Integrator.require(MODEL, integrator, Integrator.values());
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(-60, -50, -60, 20, 1, 100, 1, 0, 0, Integrator.EXACT);
        }
    }

    /** A group with scalar parameters. */
    public Alif(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public Alif(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v", "a"), values, true);
        this.vRest = parameter("vRest");
        this.vTh = parameter("vTh");
        this.vReset = parameter("vReset");
        this.tauM = parameter("tauM");
        this.r = parameter("r");
        this.tauA = parameter("tauA");
        this.beta = parameter("beta");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] aArr = y[1];
        final double[] dv = dy[0];
        final double[] da = dy[1];
        final double[] g = conductance;
        final double[] c = current;
        for (int i = from; i < to; i++)
        {
            dv[i] = (vRest[i] - vArr[i] + r[i] * (c[i] - g[i] * vArr[i] + iExt[i])) / tauM[i];
            da[i] = -aArr[i] / tauA[i];
        }
        if (jac != null)
        {
            final double[] jv = jac[0];
            final double[] ja = jac[1];
            for (int i = from; i < to; i++)
            {
                jv[i] = -(1 + r[i] * g[i]) / tauM[i];
                ja[i] = -1 / tauA[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final double[] vArr = v;
        final double[] aArr = y[1];
        final int[] ref = refractoryLeft;
        final int[] refSteps = refractorySteps;
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (ref[i] == 0 && vArr[i] >= vTh[i] + beta[i] * aArr[i])
            {
                spikes[n++] = i;
                vArr[i] = vReset[i];
                aArr[i] += 1.0;
                ref[i] = refSteps[i];
            }
        }
        return n - offset;
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(vRest, 0, v, 0, v.length);
        java.util.Arrays.fill(y[1], 0.0);
    }
}
