package org.myelin.neuron;

import java.util.List;

import org.myelin.util.Check;

/**
 * Generalised integrate-and-fire neurons ({@code GIF}, Mihalas and Niebur 2009): a LIF with two
 * spike-induced currents and a threshold that follows the membrane potential; with suitable
 * parameters it reproduces tonic and phasic spiking and bursting, adaptation, rebound spiking
 * and other of the 20 Izhikevich behaviours.
 *
 * <pre>
 *   di1/dt = −k1 · i1
 *   di2/dt = −k2 · i2
 *   τ · dv/dt = −(v − vRest) + R · (i1 + i2 + I_syn + iExt)
 *   dθ/dt = a · (v − vRest) − b · (θ − θ∞)
 *   spike when v ≥ θ;  then i1 ← r1·i1 + a1,  i2 ← r2·i2 + a2,  v ← vReset,  θ ← max(θReset, θ)
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults of BrainPy {@code GIF}, tonic spiking)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vRest</td><td>−70</td><td>mV</td><td>V_rest</td><td>resting potential, initial v</td></tr>
 *   <tr><td>vReset</td><td>−70</td><td>mV</td><td>V_reset</td><td>reset potential, &lt; thetaReset</td></tr>
 *   <tr><td>thetaInf</td><td>−50</td><td>mV</td><td>θ∞</td><td>threshold at rest, initial θ</td></tr>
 *   <tr><td>thetaReset</td><td>−60</td><td>mV</td><td>θ_reset</td><td>lowest threshold after a spike</td></tr>
 *   <tr><td>tauM</td><td>20</td><td>ms</td><td>τ</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>r</td><td>0.02</td><td>GΩ</td><td>R</td><td>membrane resistance (20 MΩ), &gt; 0</td></tr>
 *   <tr><td>a</td><td>0</td><td>1/ms</td><td>a</td><td>threshold adaptation to v</td></tr>
 *   <tr><td>b</td><td>0.01</td><td>1/ms</td><td>b</td><td>threshold relaxation rate, ≥ 0</td></tr>
 *   <tr><td>k1</td><td>0.2</td><td>1/ms</td><td>k1</td><td>decay rate of i1, ≥ 0</td></tr>
 *   <tr><td>k2</td><td>0.02</td><td>1/ms</td><td>k2</td><td>decay rate of i2, ≥ 0</td></tr>
 *   <tr><td>r1</td><td>0</td><td>1</td><td>R1</td><td>fraction of i1 kept at a spike</td></tr>
 *   <tr><td>r2</td><td>1</td><td>1</td><td>R2</td><td>fraction of i2 kept at a spike</td></tr>
 *   <tr><td>a1</td><td>0</td><td>pA</td><td>A1</td><td>i1 added at a spike</td></tr>
 *   <tr><td>a2</td><td>0</td><td>pA</td><td>A2</td><td>i2 added at a spike</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] (vRest), {@code i1}, {@code i2} [pA] (0) and {@code theta} [mV]
 * (thetaInf). No refractory period.
 *
 * <p>Integration: {@link Integrator#EXPONENTIAL_EULER} (default; exact for i1 and i2, and for v
 * and θ with the other variables held over the step), {@link Integrator#RK2},
 * {@link Integrator#RK4} or {@link Integrator#EULER}. Step order: {@link OdeNeuronGroup}.
 *
 * <p>Sources: Mihalas and Niebur (2009) Neural Comput. 21:704; BrainPy {@code GIF}.
 */
public final class Gif extends OdeNeuronGroup<Gif.Parameters>
{
    private static final String MODEL = "GIF";

    private final double[] vRest;
    private final double[] vReset;
    private final double[] thetaInf;
    private final double[] thetaReset;
    private final double[] tauM;
    private final double[] r;
    private final double[] a;
    private final double[] b;
    private final double[] k1;
    private final double[] k2;
    private final double[] r1;
    private final double[] r2;
    private final double[] a1;
    private final double[] a2;
    private final double[] iExt;

    /**
     * The parameters of {@link Gif}; see the class documentation.
     *
     * @param vRest      [mV] resting potential.
     * @param vReset     [mV] reset, {@code < thetaReset}.
     * @param thetaInf   [mV] threshold at rest.
     * @param thetaReset [mV] lowest threshold after a spike.
     * @param tauM       [ms] membrane time constant.
     * @param r          [GΩ] resistance.
     * @param a          [1/ms] threshold adaptation.
     * @param b          [1/ms] threshold relaxation.
     * @param k1         [1/ms] decay of i1.
     * @param k2         [1/ms] decay of i2.
     * @param r1         [1] fraction of i1 kept.
     * @param r2         [1] fraction of i2 kept.
     * @param a1         [pA] i1 added at a spike.
     * @param a2         [pA] i2 added at a spike.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vRest,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("mV") double thetaInf,
        @ParameterUnit("mV") double thetaReset,
        @ParameterUnit("ms") double tauM,
        @ParameterUnit("Gohm") double r,
        @ParameterUnit("1/ms") double a,
        @ParameterUnit("1/ms") double b,
        @ParameterUnit("1/ms") double k1,
        @ParameterUnit("1/ms") double k2,
        @ParameterUnit("1") double r1,
        @ParameterUnit("1") double r2,
        @ParameterUnit("pA") double a1,
        @ParameterUnit("pA") double a2,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.finite(MODEL, "vRest", vRest, "mV");
            Check.finite(MODEL, "vReset", vReset, "mV");
            Check.finite(MODEL, "thetaInf", thetaInf, "mV");
            Check.finite(MODEL, "thetaReset", thetaReset, "mV");
            Check.positive(MODEL, "tauM", tauM, "ms");
            Check.positive(MODEL, "r", r, "GOhm");
            Check.finite(MODEL, "a", a, "1/ms");
            Check.nonNegative(MODEL, "b", b, "1/ms");
            Check.nonNegative(MODEL, "k1", k1, "1/ms");
            Check.nonNegative(MODEL, "k2", k2, "1/ms");
            Check.finite(MODEL, "r1", r1, "");
            Check.finite(MODEL, "r2", r2, "");
            Check.finite(MODEL, "a1", a1, "pA");
            Check.finite(MODEL, "a2", a2, "pA");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "vReset", vReset, "thetaReset", thetaReset, "mV");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(-70, -70, -50, -60, 20, 0.02, 0, 0.01, 0.2, 0.02, 0, 1, 0, 0, 0,
                Integrator.EXPONENTIAL_EULER);
        }
    }

    /** A group with scalar parameters. */
    public Gif(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public Gif(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v", "i1", "i2", "theta"), values, false);
        this.vRest = parameter("vRest");
        this.vReset = parameter("vReset");
        this.thetaInf = parameter("thetaInf");
        this.thetaReset = parameter("thetaReset");
        this.tauM = parameter("tauM");
        this.r = parameter("r");
        this.a = parameter("a");
        this.b = parameter("b");
        this.k1 = parameter("k1");
        this.k2 = parameter("k2");
        this.r1 = parameter("r1");
        this.r2 = parameter("r2");
        this.a1 = parameter("a1");
        this.a2 = parameter("a2");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] i1 = y[1];
        final double[] i2 = y[2];
        final double[] theta = y[3];
        final double[] g = conductance;
        final double[] c = current;
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            dy[0][i] = (vRest[i] - vi + r[i] * (i1[i] + i2[i] + c[i] - g[i] * vi + iExt[i])) / tauM[i];
            dy[1][i] = -k1[i] * i1[i];
            dy[2][i] = -k2[i] * i2[i];
            dy[3][i] = a[i] * (vi - vRest[i]) - b[i] * (theta[i] - thetaInf[i]);
        }
        if (jac != null)
        {
            for (int i = from; i < to; i++)
            {
                jac[0][i] = -(1 + r[i] * g[i]) / tauM[i];
                jac[1][i] = -k1[i];
                jac[2][i] = -k2[i];
                jac[3][i] = -b[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final double[] vArr = v;
        final double[] i1 = y[1];
        final double[] i2 = y[2];
        final double[] theta = y[3];
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (vArr[i] >= theta[i])
            {
                spikes[n++] = i;
                i1[i] = r1[i] * i1[i] + a1[i];
                i2[i] = r2[i] * i2[i] + a2[i];
                vArr[i] = vReset[i];
                theta[i] = Math.max(thetaReset[i], theta[i]);
            }
        }
        return n - offset;
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(vRest, 0, v, 0, v.length);
        java.util.Arrays.fill(y[1], 0.0);
        java.util.Arrays.fill(y[2], 0.0);
        System.arraycopy(thetaInf, 0, y[3], 0, v.length);
    }
}
