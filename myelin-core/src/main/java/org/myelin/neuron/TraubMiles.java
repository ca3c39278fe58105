package org.myelin.neuron;

import org.myelin.base.Integrator;
import org.myelin.util.Check;

/**
 * Traub–Miles neurons: the Hodgkin–Huxley-type kinetics of Traub and Miles (1991) for
 * hippocampal pyramidal cells, in absolute units, as PyNN's {@code HH_cond_exp}, NEST's
 * {@code hh_cond_exp_traub} and Brian2's COBAHH example define them.
 *
 * <pre>
 *   cM · dv/dt = −gNa·m³·h·(v − eNa) − gK·n⁴·(v − eK) − gL·(v − eL) + I_syn + iExt
 *   dx/dt = αx(u)·(1 − x) − βx(u)·x      for x = m, h, n, with u = v − vT
 *   αm = 0.32·(13 − u)/(e^{(13−u)/4} − 1)     βm = 0.28·(u − 40)/(e^{(u−40)/5} − 1)
 *   αh = 0.128·e^{(17−u)/18}                  βh = 4/(1 + e^{(40−u)/5})
 *   αn = 0.032·(15 − u)/(e^{(15−u)/5} − 1)    βn = 0.5·e^{(10−u)/40}     (u in mV, rates in 1/ms)
 *   spike when v crosses vTh upward (v(t) &lt; vTh ≤ v(t + dt)); no reset, no refractory period
 * </pre>
 *
 * <p><b>Units.</b> The engine's own: pF, nS, pA, mV, ms (nS·mV = pA, pA/pF = mV/ms). PyNN's
 * defaults in its units (uS, nF, nA) are these ×1/1000.
 *
 * <table>
 *   <caption>Parameters (PyNN HH_cond_exp defaults)</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>cM</td><td>200</td><td>pF</td><td>C_m</td><td>membrane capacitance, &gt; 0</td></tr>
 *   <tr><td>gNa</td><td>20000</td><td>nS</td><td>ḡ_Na</td><td>peak sodium conductance, ≥ 0</td></tr>
 *   <tr><td>gK</td><td>6000</td><td>nS</td><td>ḡ_K</td><td>peak potassium conductance, ≥ 0</td></tr>
 *   <tr><td>gL</td><td>10</td><td>nS</td><td>g_L</td><td>leak conductance, ≥ 0</td></tr>
 *   <tr><td>eNa</td><td>50</td><td>mV</td><td>E_Na</td><td>sodium reversal</td></tr>
 *   <tr><td>eK</td><td>−90</td><td>mV</td><td>E_K</td><td>potassium reversal</td></tr>
 *   <tr><td>eL</td><td>−65</td><td>mV</td><td>E_L</td><td>leak reversal</td></tr>
 *   <tr><td>vT</td><td>−63</td><td>mV</td><td>V_T</td><td>offset of the rate functions (PyNN's v_offset)</td></tr>
 *   <tr><td>vTh</td><td>−40</td><td>mV</td><td>V_th</td><td>spike detection level (upward crossing;
 *       pyNN.brian2's threshold {@code v > −40 mV})</td></tr>
 *   <tr><td>v0</td><td>−65</td><td>mV</td><td>v(0)</td><td>initial v; gates start at their steady state there</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV] and the gates {@code m}, {@code h}, {@code n} [1], initially
 * {@code x∞(v0) = αx/(αx + βx)} (PyNN starts them at m = 0, h = 1, n = 0 instead; its backend
 * sets them).
 *
 * <p>Integration: {@link Integrator#EXPONENTIAL_EULER} (default; exact for the gates with v held
 * over the step), {@link Integrator#RK4}, {@link Integrator#RK2} or {@link Integrator#EULER}
 * (what pyNN.brian2 uses for {@code HH_cond_exp}: Brian2's first applicable method of
 * exact, euler, heun). Step order: {@link OdeNeuronGroup}; the membrane, the gates and the spike
 * detection are {@link SodiumPotassiumGroup}'s, shared with {@link HodgkinHuxley}.
 *
 * <p>Known behaviour with the defaults (exponential Euler, dt = 0.01 ms): rest −64.76 mV; a
 * constant current of 25 pA already fires repetitively (6 Hz), 1 nA at 128 Hz.
 *
 * <p>Sources: Traub and Miles (1991) Neuronal Networks of the Hippocampus, Cambridge;
 * PyNN 0.10 {@code pyNN/brian2/standardmodels/cells.py} ({@code HH_cond_exp}); NEST
 * {@code hh_cond_exp_traub}; Brette et al. (2007) J. Comput. Neurosci. 23:349 (COBAHH).
 */
public final class TraubMiles extends SodiumPotassiumGroup<TraubMiles.Parameters>
{
    private static final String MODEL = "TraubMiles";

    private final double[] vT;

    /**
     * The parameters of {@link TraubMiles}; see the class documentation.
     *
     * @param cM         [pF] membrane capacitance.
     * @param gNa        [nS] sodium conductance.
     * @param gK         [nS] potassium conductance.
     * @param gL         [nS] leak conductance.
     * @param eNa        [mV] sodium reversal.
     * @param eK         [mV] potassium reversal.
     * @param eL         [mV] leak reversal.
     * @param vT         [mV] offset of the rate functions.
     * @param vTh        [mV] spike detection level.
     * @param v0         [mV] initial v.
     * @param iExt       [pA] external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("pF") double cM,
        @ParameterUnit("nS") double gNa,
        @ParameterUnit("nS") double gK,
        @ParameterUnit("nS") double gL,
        @ParameterUnit("mV") double eNa,
        @ParameterUnit("mV") double eK,
        @ParameterUnit("mV") double eL,
        @ParameterUnit("mV") double vT,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double v0,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter. */
        public Parameters
        {
            Check.positive(MODEL, "cM", cM, "pF");
            Check.nonNegative(MODEL, "gNa", gNa, "nS");
            Check.nonNegative(MODEL, "gK", gK, "nS");
            Check.nonNegative(MODEL, "gL", gL, "nS");
            Check.finite(MODEL, "eNa", eNa, "mV");
            Check.finite(MODEL, "eK", eK, "mV");
            Check.finite(MODEL, "eL", eL, "mV");
            Check.finite(MODEL, "vT", vT, "mV");
            Check.finite(MODEL, "vTh", vTh, "mV");
            Check.finite(MODEL, "v0", v0, "mV");
            Check.finite(MODEL, "iExt", iExt, "pA");
            Integrator.require(MODEL, integrator, Checks.NONLINEAR);
        }

        /** The defaults of the table. */
        public static Parameters defaults()
        {
            return new Parameters(200, 20000, 6000, 10, 50, -90, -65, -63, -40, -65, 0, Integrator.EXPONENTIAL_EULER);
        }
    }

    /** A group with scalar parameters. */
    public TraubMiles(final String name, final int size, final Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public TraubMiles(final String name, final int size, final PerNeuron<Parameters> values)
    {
        super(MODEL, name, size, values, null);
        this.vT = parameter("vT");
    }

    /** [1/ms] opening rate of m at {@code u = v − vT} [mV]. */
    public static double alphaM(final double u)
    {
        return 0.32 * linoid(u - 13, 4);
    }

    /** [1/ms] closing rate of m at {@code u = v − vT} [mV]. */
    public static double betaM(final double u)
    {
        return 0.28 * linoid(40 - u, 5);
    }

    /** [1/ms] opening rate of h at {@code u = v − vT} [mV]. */
    public static double alphaH(final double u)
    {
        return 0.128 * Math.exp((17 - u) / 18);
    }

    /** [1/ms] closing rate of h at {@code u = v − vT} [mV]. */
    public static double betaH(final double u)
    {
        return 4 / (1 + Math.exp((40 - u) / 5));
    }

    /** [1/ms] opening rate of n at {@code u = v − vT} [mV]. */
    public static double alphaN(final double u)
    {
        return 0.032 * linoid(u - 15, 5);
    }

    /** [1/ms] closing rate of n at {@code u = v − vT} [mV]. */
    public static double betaN(final double u)
    {
        return 0.5 * Math.exp((10 - u) / 40);
    }

    @Override
    protected void rates(final double[] vArr, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final double u = vArr[i] - vT[i];
            openingM[i] = alphaM(u);
            closingM[i] = betaM(u);
            openingH[i] = alphaH(u);
            closingH[i] = betaH(u);
            openingN[i] = alphaN(u);
            closingN[i] = betaN(u);
        }
    }
}
