package org.myelin.neuron;

import org.myelin.base.Integrator;
import org.myelin.util.Check;

/**
 * Hodgkin–Huxley (1952) neurons: the squid giant axon with sodium, potassium and leak currents,
 * in the modern convention (rest near −65 mV, depolarisation positive).
 *
 * <pre>
 *   cM · dv/dt = −gNa·m³·h·(v − eNa) − gK·n⁴·(v − eK) − gL·(v − eL) + s · (I_syn + iExt)
 *   dx/dt = αx(v)·(1 − x) − βx(v)·x                    for x = m, h, n
 *   αm = 0.1·(v + 40)/(1 − e^{−(v+40)/10})     βm = 4·e^{−(v+65)/18}
 *   αh = 0.07·e^{−(v+65)/20}                   βh = 1/(1 + e^{−(v+35)/10})
 *   αn = 0.01·(v + 55)/(1 − e^{−(v+55)/10})    βn = 0.125·e^{−(v+65)/80}      (v in mV, rates in 1/ms)
 *   spike when v crosses vTh upward (v(t) &lt; vTh ≤ v(t + dt)); no reset, no refractory period
 * </pre>
 *
 * <p><b>Units.</b> The model is defined per unit membrane area, as in the paper: conductances in
 * mS/cm², capacitance in µF/cm², currents in µA/cm². Inputs come in the engine's units (pA for
 * currents, nS for conductances) and are divided by the membrane {@code area}:
 * {@code s = 100/area[µm²]} turns pA into µA/cm² and nS into mS/cm² (1 µA/cm² = 0.01 pA/µm²).
 * With the default area of 100 µm², s = 1: 1 pA of input is 1 µA/cm², 1 nS is 1 mS/cm².
 *
 * <table>
 *   <caption>Parameters (Hodgkin and Huxley 1952, shifted to rest at −65 mV)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>cM</td><td>1</td><td>µF/cm²</td><td>C_m</td><td>specific capacitance, &gt; 0</td></tr>
 *   <tr><td>gNa</td><td>120</td><td>mS/cm²</td><td>ḡ_Na</td><td>peak sodium conductance, ≥ 0</td></tr>
 *   <tr><td>gK</td><td>36</td><td>mS/cm²</td><td>ḡ_K</td><td>peak potassium conductance, ≥ 0</td></tr>
 *   <tr><td>gL</td><td>0.3</td><td>mS/cm²</td><td>g_L</td><td>leak conductance, ≥ 0</td></tr>
 *   <tr><td>eNa</td><td>50</td><td>mV</td><td>E_Na</td><td>sodium reversal</td></tr>
 *   <tr><td>eK</td><td>−77</td><td>mV</td><td>E_K</td><td>potassium reversal</td></tr>
 *   <tr><td>eL</td><td>−54.387</td><td>mV</td><td>E_L</td><td>leak reversal</td></tr>
 *   <tr><td>vTh</td><td>0</td><td>mV</td><td>V_th</td><td>spike detection level (upward crossing)</td></tr>
 *   <tr><td>area</td><td>100</td><td>µm²</td><td>A</td><td>membrane area for input conversion, &gt; 0</td></tr>
 *   <tr><td>v0</td><td>−65</td><td>mV</td><td>v(0)</td><td>initial v; gates start at their steady state there</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current (µA/cm² = iExt·s)</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] and the gates {@code m}, {@code h}, {@code n} [1], initially
 * {@code x∞(v0) = αx/(αx + βx)}.
 *
 * <p>Integration: {@link Integrator#EXPONENTIAL_EULER} (default, as Brian2 and brainstate for
 * this model: exact for the gates with v held over the step), {@link Integrator#RK4},
 * {@link Integrator#RK2} or {@link Integrator#EULER}. Step order: {@link OdeNeuronGroup}; the membrane, the
 * gates and the spike detection are {@link SodiumPotassiumGroup}'s, shared with {@link TraubMiles}.
 *
 * <p>Known behaviour with the defaults: rest −65.0 mV; a constant current above about
 * 6.3 µA/cm² fires repetitively (a single spike from about 2.3 µA/cm²); at 10 µA/cm² the rate is
 * about 68 Hz with spike peaks near +40 mV.
 *
 * <p>Sources: Hodgkin and Huxley (1952) J. Physiol. 117:500; Dayan and Abbott (2001) ch. 5;
 * Brian2 and BrainPy {@code HH} examples.
 */
public final class HodgkinHuxley extends SodiumPotassiumGroup<HodgkinHuxley.Parameters>
{
    private static final String MODEL = "HH";

    /**
     * The parameters of {@link HodgkinHuxley}; see the class documentation.
     *
     * @param cM         [µF/cm²] specific capacitance.
     * @param gNa        [mS/cm²] sodium conductance.
     * @param gK         [mS/cm²] potassium conductance.
     * @param gL         [mS/cm²] leak conductance.
     * @param eNa        [mV] sodium reversal.
     * @param eK         [mV] potassium reversal.
     * @param eL         [mV] leak reversal.
     * @param vTh        [mV] spike detection level.
     * @param area       [µm²] membrane area.
     * @param v0         [mV] initial v.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("uF/cm^2") double cM,
        @ParameterUnit("mS/cm^2") double gNa,
        @ParameterUnit("mS/cm^2") double gK,
        @ParameterUnit("mS/cm^2") double gL,
        @ParameterUnit("mV") double eNa,
        @ParameterUnit("mV") double eK,
        @ParameterUnit("mV") double eL,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("um^2") double area,
        @ParameterUnit("mV") double v0,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.positive(MODEL, "cM", cM, "uF/cm^2");
            Check.nonNegative(MODEL, "gNa", gNa, "mS/cm^2");
            Check.nonNegative(MODEL, "gK", gK, "mS/cm^2");
            Check.nonNegative(MODEL, "gL", gL, "mS/cm^2");
            Check.finite(MODEL, "eNa", eNa, "mV");
            Check.finite(MODEL, "eK", eK, "mV");
            Check.finite(MODEL, "eL", eL, "mV");
            Check.finite(MODEL, "vTh", vTh, "mV");
            Check.positive(MODEL, "area", area, "um^2");
            Check.finite(MODEL, "v0", v0, "mV");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(1, 120, 36, 0.3, 50, -77, -54.387, 0, 100, -65, 0, Integrator.EXPONENTIAL_EULER);
        }

        /** A copy with another external current [pA]. */
        public Parameters withIExt(final double value)
        {
            return new Parameters(cM, gNa, gK, gL, eNa, eK, eL, vTh, area, v0, value, integrator);
        }

        /** A copy with another integrator. */
        public Parameters withIntegrator(final Integrator value)
        {
            return new Parameters(cM, gNa, gK, gL, eNa, eK, eL, vTh, area, v0, iExt, value);
        }
    }

    /** A group with scalar parameters. */
    public HodgkinHuxley(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public HodgkinHuxley(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, values, "area");
    }

    /** [1/ms] opening rate of m. */
    public static double alphaM(final double v)
    {
        return 0.1 * linoid(v + 40, 10);
    }

    /** [1/ms] closing rate of m. */
    public static double betaM(final double v)
    {
        return 4 * Math.exp(-(v + 65) / 18);
    }

    /** [1/ms] opening rate of h. */
    public static double alphaH(final double v)
    {
        return 0.07 * Math.exp(-(v + 65) / 20);
    }

    /** [1/ms] closing rate of h. */
    public static double betaH(final double v)
    {
        return 1 / (1 + Math.exp(-(v + 35) / 10));
    }

    /** [1/ms] opening rate of n. */
    public static double alphaN(final double v)
    {
        return 0.01 * linoid(v + 55, 10);
    }

    /** [1/ms] closing rate of n. */
    public static double betaN(final double v)
    {
        return 0.125 * Math.exp(-(v + 65) / 80);
    }

    @Override
    protected void rates(final double[] vArr, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final double vi = vArr[i];
            openingM[i] = alphaM(vi);
            closingM[i] = betaM(vi);
            openingH[i] = alphaH(vi);
            closingH[i] = betaH(vi);
            openingN[i] = alphaN(vi);
            closingN[i] = betaN(vi);
        }
    }
}
