package org.myelin.neuron;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Izhikevich (2003) neurons: a quadratic membrane with a recovery variable, fitted so that four
 * parameters give the classic cortical firing regimes ({@link Preset}).
 *
 * <pre>
 *   dv/dt = 0.04·v² + 5·v + 140 − u + (I_syn + iExt)/cM        (v in mV, t in ms)
 *   du/dt = a·(b·v − u)
 *   spike when v ≥ vPeak;  then v ← c, u ← u + d
 * </pre>
 * The constants 0.04 /(mV·ms), 5 /ms and 140 mV/ms are Izhikevich's. His input I is in mV/ms; here
 * the current in pA is divided by {@code cM}, whose default 1 pF makes 1 pA read as his I = 1
 * (so {@code --current 10} is his I = 10).
 *
 * <table>
 *   <caption>Parameters (regular spiking)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>a</td><td>0.02</td><td>1/ms</td><td>a</td><td>recovery rate, &gt; 0</td></tr>
 *   <tr><td>b</td><td>0.2</td><td>1/ms</td><td>b</td><td>sensitivity of u to v</td></tr>
 *   <tr><td>c</td><td>−65</td><td>mV</td><td>c</td><td>reset potential, &lt; vPeak</td></tr>
 *   <tr><td>d</td><td>8</td><td>mV/ms</td><td>d</td><td>u added at a spike</td></tr>
 *   <tr><td>vPeak</td><td>30</td><td>mV</td><td>v_peak</td><td>spike cut-off</td></tr>
 *   <tr><td>cM</td><td>1</td><td>pF</td><td>C</td><td>input scale: dv/dt gains I/cM, &gt; 0</td></tr>
 *   <tr><td>v0</td><td>−65</td><td>mV</td><td>v(0)</td><td>initial v; u(0) = b·v0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] and {@code u} [mV/ms]. No refractory period.
 *
 * <p>Integration: {@link Integrator#EXPONENTIAL_EULER} (default, as BrainPy), {@link Integrator#RK4},
 * {@link Integrator#RK2} or {@link Integrator#EULER} (Izhikevich's own code used two Euler
 * half-steps of 0.5 ms). The default is the most accurate at dt = 0.1 ms: a spike is detected
 * at the end of its step, so every reset comes on average dt/2 late, and the exponential Euler
 * step's lag on the upstroke offsets part of that (first nine fast-spiking spikes within 0.2 ms
 * of a dt = 1 µs reference, against 1.2 ms for RK4). Step order: {@link OdeNeuronGroup}.
 *
 * <p>Sources: Izhikevich (2003) IEEE Trans. Neural Netw. 14:1569, Fig. 2 for the presets;
 * BrainPy {@code Izhikevich}.
 */
public final class Izhikevich extends OdeNeuronGroup<Izhikevich.Parameters>
{
    private static final String MODEL = "Izhikevich";

    /** The classic regimes of Izhikevich (2003), Fig. 2. */
    public enum Preset
    {
        /** RS: a = 0.02, b = 0.2, c = −65, d = 8; adapting tonic spikes. */
        REGULAR_SPIKING(0.02, 0.2, -65, 8),
        /** FS: a = 0.1, b = 0.2, c = −65, d = 2; fast tonic spikes without adaptation. */
        FAST_SPIKING(0.1, 0.2, -65, 2),
        /** IB (intrinsically bursting): a = 0.02, b = 0.2, c = −55, d = 4; an initial burst, then single spikes. */
        BURSTING(0.02, 0.2, -55, 4),
        /** CH: a = 0.02, b = 0.2, c = −50, d = 2; repeated bursts of closely spaced spikes. */
        CHATTERING(0.02, 0.2, -50, 2);

        private final double a;
        private final double b;
        private final double c;
        private final double d;

        Preset(final double a, final double b, final double c, final double d)
        {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        /** The parameters of this regime, with the other parameters at their defaults. */
        public Parameters parameters()
        {
            final Parameters base = Parameters.defaults();
            return new Parameters(a, b, c, d, base.vPeak(), base.cM(), base.v0(), base.iExt(), base.integrator());
        }

        /** The lower-case name used on the command line and in model files, e.g. {@code regular_spiking}. */
        public String key()
        {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The preset of a name, ignoring case, with {@code -} or {@code _} between words, or its
         * abbreviation (rs, fs, ib, ch).
         */
        public static Preset of(final String name)
        {
            final String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
            for (final Preset p : values())
            {
                if (p.key().equals(key) || abbreviation(p).equals(key))
                {
                    return p;
                }
            }
            throw new ModelException(MODEL + ": unknown preset '" + name + "'; known: "
                + Arrays.stream(values()).map(Preset::key).toList());
        }

        private static String abbreviation(final Preset p)
        {
            return switch (p)
            {
                case REGULAR_SPIKING -> "rs";
                case FAST_SPIKING -> "fs";
                case BURSTING -> "ib";
                case CHATTERING -> "ch";
            };
        }
    }

    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double[] d;
    private final double[] vPeak;
    private final double[] cM;
    private final double[] v0;
    private final double[] iExt;

    /**
     * The parameters of {@link Izhikevich}; see the class documentation.
     *
     * @param a          [1/ms] recovery rate.
     * @param b          [1/ms] sensitivity of u.
     * @param c          [mV] reset, {@code < vPeak}.
     * @param d          [mV/ms] u added at a spike.
     * @param vPeak      [mV] cut-off.
     * @param cM         [pF] input scale.
     * @param v0         [mV] initial v.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("1/ms") double a,
        @ParameterUnit("1/ms") double b,
        @ParameterUnit("mV") double c,
        @ParameterUnit("mV/ms") double d,
        @ParameterUnit("mV") double vPeak,
        @ParameterUnit("pF") double cM,
        @ParameterUnit("mV") double v0,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.positive(MODEL, "a", a, "1/ms");
            Check.finite(MODEL, "b", b, "1/ms");
            Check.finite(MODEL, "c", c, "mV");
            Check.finite(MODEL, "d", d, "mV/ms");
            Check.finite(MODEL, "vPeak", vPeak, "mV");
            Check.positive(MODEL, "cM", cM, "pF");
            Check.finite(MODEL, "v0", v0, "mV");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Check.below(MODEL, "c", c, "vPeak", vPeak, "mV");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table (regular spiking). */
        public static Parameters defaults()
        {
            return new Parameters(0.02, 0.2, -65, 8, 30, 1, -65, 0, Integrator.EXPONENTIAL_EULER);
        }

        /** A copy with another external current [pA]. */
        public Parameters withIExt(final double value)
        {
            return new Parameters(a, b, c, d, vPeak, cM, v0, value, integrator);
        }

        /** A copy with another integrator. */
        public Parameters withIntegrator(final Integrator value)
        {
            return new Parameters(a, b, c, d, vPeak, cM, v0, iExt, value);
        }
    }

    /** A group with scalar parameters. */
    public Izhikevich(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public Izhikevich(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, List.of("v", "u"), values, false);
        this.a = parameter("a");
        this.b = parameter("b");
        this.c = parameter("c");
        this.d = parameter("d");
        this.vPeak = parameter("vPeak");
        this.cM = parameter("cM");
        this.v0 = parameter("v0");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] uArr = y[1];
        final double[] dv = dy[0];
        final double[] du = dy[1];
        final double[] jv = jac == null ? null : jac[0];
        final double[] ju = jac == null ? null : jac[1];
        final double[] g = conductance;
        final double[] in = current;
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            dv[i] = 0.04 * vi * vi + 5 * vi + 140 - uArr[i] + (in[i] - g[i] * vi + iExt[i]) / cM[i];
            du[i] = a[i] * (b[i] * vi - uArr[i]);
            if (jv != null)
            {
                jv[i] = 0.08 * vi + 5 - g[i] / cM[i];
                ju[i] = -a[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        final int n = thresholdAndReset(vPeak, c, from, to, spikes, offset);
        addAtSpikes(y[1], d, spikes, offset, n);
        return n;
    }

    @Override
    protected void initialise(final long seed)
    {
        final double[] uArr = y[1];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = v0[i];
            uArr[i] = b[i] * v0[i];
        }
    }
}
