package org.myelin.neuron;

import java.util.Arrays;
import java.util.List;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.myelin.base.Integrator;
import org.myelin.random.Initializer;
import org.myelin.state.StateAccess;
import org.myelin.synapse.Receptor;
import org.myelin.util.Check;
import org.myelin.util.ModelException;
import org.myelin.util.VectorWarmUp;

/**
 * Leaky integrate-and-fire neurons with an absolute refractory period ({@code LIFRef}).
 *
 * <pre>
 *   τm · dv/dt = (vRest − v) + R · (I_syn + iExt)        while not refractory
 *   I_syn = Σ current − Σ conductance · v                 (CUBA: g; COBA: g·(E − v))
 *   spike when v &gt; vTh and not refractory;  then v ← vReset, refractory for tRef
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>vRest</td><td>−60</td><td>mV</td><td>E_L</td><td>resting (leak reversal) potential</td></tr>
 *   <tr><td>vTh</td><td>−50</td><td>mV</td><td>V_th</td><td>spike threshold</td></tr>
 *   <tr><td>vReset</td><td>−60</td><td>mV</td><td>V_reset</td><td>reset potential, &lt; vTh</td></tr>
 *   <tr><td>tauM</td><td>20</td><td>ms</td><td>τm</td><td>membrane time constant, &gt; 0</td></tr>
 *   <tr><td>r</td><td>1</td><td>GΩ</td><td>R</td><td>membrane resistance (1/g_L), &gt; 0</td></tr>
 *   <tr><td>tRef</td><td>0</td><td>ms</td><td>t_ref</td><td>refractory period, ≥ 0</td></tr>
 *   <tr><td>iExt</td><td>0</td><td>pA</td><td>I_e</td><td>constant external current</td></tr>
 * </table>
 *
 * <p>State: {@code v} [mV], initial value from an {@link Initializer} (default vRest).
 *
 * <p>Update of one step, as in Brian2 ({@code unless refractory}): the refractory countdown is
 * decremented; a neuron that is not refractory integrates from t to t + dt with the inputs of t;
 * a refractory one keeps {@code v} clamped at its reset value; a non-refractory neuron above
 * threshold spikes, is reset and is refractory for {@code refSteps = floor(tRef/dt + 0.001)}
 * steps (Brian2's {@code timestep}), so a spike at step n leaves {@code v} at vReset until step
 * n + refSteps integrates again.
 *
 * <p>Integration: {@link Integrator#EULER} is Brian2's {@code euler}; {@link Integrator#EXACT}
 * uses {@code v ← v∞ + (v − v∞)·exp(−dt/τm)}, with current-based exponential synapses folded in
 * through NEST's propagator {@code P21 = τs/(τs − τm)·(e^{−dt/τs} − e^{−dt/τm})}, which is exact
 * for the linear system (Brian2 {@code exact}, NEST {@code iaf_psc_exp}); with conductance inputs
 * the effective time constant {@code τm/(1 + R·g)} is used with g held for the step.
 *
 * <p>The loop is branch-free on the Vector API: one pass over the block, no allocation, the
 * refractory clamp and the reset as lane blends. Until the JIT has compiled it, a scalar loop with
 * bit-identical results runs instead ({@link VectorWarmUp}); with conductance inputs under EXACT
 * the scalar loop always runs, so that {@code exp} is always {@code Math.exp}.
 *
 * <p>Fast path and general path: this class takes scalar parameters and {@link Integrator#EULER}
 * or {@link Integrator#EXACT} only, which its vector loop broadcasts; {@link HeterogeneousLif}
 * also integrates by {@link Integrator#EXPONENTIAL_EULER}, {@link Integrator#RK2} and
 * {@link Integrator#RK4}. For parameters per neuron use {@link HeterogeneousLif}, the same equations and
 * {@link Parameters} on the generic {@link OdeNeuronGroup} arrays; the registry
 * {@link NeuronModels} ({@code lif}) builds this class when every value is scalar and
 * {@link HeterogeneousLif} otherwise.
 *
 * <p>Sources: Brian2 COBA/CUBA benchmarks (Brette et al. 2007); brainstate {@code LIFRef};
 * NEST {@code iaf_psc_exp} (Rotter and Diesmann 1999).
 */
public final class Lif extends NeuronGroup
{
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int MODE_EULER = 0;
    private static final int MODE_LINEAR_EXACT = 1;
    private static final int MODE_CONDUCTANCE_EXACT = 2;
    /** Compiles the vector loop on scratch neurons before the simulation uses it. */
    private static final VectorWarmUp WARM_UP = new VectorWarmUp("LIF");

    private final Parameters p;
    private final Initializer vInit;
    /** Steps of refractoriness left, as a double so the loop stays on one vector shape. */
    final double[] refractoryLeft;
    /** Spike ids of the warm-up's scratch group. */
    private int[] spikeScratch;
    /** Calls of the warm-up's scratch group. */
    private int warmUpCalls;
    /** The summed conductance as the vector loop's first input: {@code 1·conductance}, left as it is. */
    private final Receptor.LinearDecay conductanceSum;
    /** The summed current as the vector loop's second input: {@code 1·current}, left as it is. */
    private final Receptor.LinearDecay currentSum;
    /** An input that adds nothing, for a group with one receptor: {@code 0·conductance}, left as it is. */
    private final Receptor.LinearDecay noInput;

    private int mode;
    private double dt;
    private double dtOverTau;
    private double p22;
    private double refractorySteps;

    /**
     * The parameters of {@link Lif}; see the class documentation for units and meaning.
     *
     * @param vRest      [mV] resting potential.
     * @param vTh        [mV] threshold.
     * @param vReset     [mV] reset potential, {@code < vTh}.
     * @param tauM       [ms] membrane time constant, {@code > 0}.
     * @param r          [GΩ] membrane resistance, {@code > 0}.
     * @param tRef       [ms] refractory period, {@code >= 0}.
     * @param iExt       [pA] constant external current.
     * @param integrator the integration method.
     */
    public record Parameters(
        @ParameterUnit("mV") double vRest,
        @ParameterUnit("mV") double vTh,
        @ParameterUnit("mV") double vReset,
        @ParameterUnit("ms") double tauM,
        @ParameterUnit("Gohm") double r,
        @ParameterUnit("ms") double tRef,
        @ParameterUnit("pA") double iExt,
        Integrator integrator) implements NamedParameters<Parameters>
    {
        /** Validates every parameter; the message names the parameter and the allowed range. */
        public Parameters
        {
            final String owner = "LIF";
            Check.finite(owner, "vRest", vRest, "mV");
            Check.finite(owner, "vTh", vTh, "mV");
            Check.finite(owner, "vReset", vReset, "mV");
            Check.positive(owner, "tauM", tauM, "ms");
            Check.positive(owner, "r", r, "GOhm");
            Check.nonNegative(owner, "tRef", tRef, "ms");
            Check.finite(owner, "iExt", iExt, "pA");
            Check.below(owner, "vReset", vReset, "vTh", vTh, "mV");
            Integrator.require(owner, integrator, Integrator.values());
        }

        /** The defaults of the table in {@link Lif}. */
        public static Parameters defaults()
        {
            return new Parameters(-60, -50, -60, 20, 1, 0, 0, Integrator.EXACT);
        }
    }

    /**
     * @param name       unique name in the network.
     * @param size       number of neurons.
     * @param parameters the model parameters.
     * @param vInit      initial membrane potential.
     */
    public Lif(final String name, final int size, final Parameters parameters, final Initializer vInit)
    {
        super("LIF", name, size);
        if (parameters == null)
        {
            throw new ModelException("LIF '" + name + "': parameters are required");
        }
        if (!vectorised(parameters.integrator()))
        {
            throw new ModelException("LIF '" + name + "': the vector loop integrates by exact or euler, got integrator="
                + parameters.integrator() + "; HeterogeneousLif (NeuronModels 'lif') takes every method");
        }
        this.p = parameters;
        this.vInit = vInit;
        this.refractoryLeft = new double[size];
        this.conductanceSum = new Receptor.LinearDecay(conductance, 1.0, 0.0, 1.0, 0.0);
        this.currentSum = new Receptor.LinearDecay(current, 0.0, 1.0, 1.0, 0.0);
        this.noInput = new Receptor.LinearDecay(conductance, 0.0, 0.0, 1.0, 0.0);
        // as early as possible, so the JIT works while the network is built; if only EXACT groups
        // with conductances follow, the vector loop is not used and the thread was in vain
        // (one lane: no vector unit the loop could use, the scalar loop stays)
        if (SPECIES.length() > 1)
        {
            final Parameters warmUpParameters = WARM_UP_PARAMETERS.with(parameters.integrator());
            WARM_UP.start(state -> warmUpCall(state, warmUpParameters));
        }
    }

    /**
     * Whether this class integrates by {@code integrator}: its vector loop knows Euler and the exact
     * step; the explicit methods and exponential Euler of the same equations run on
     * {@link HeterogeneousLif}.
     */
    public static boolean vectorised(final Integrator integrator)
    {
        return integrator == Integrator.EULER || integrator == Integrator.EXACT;
    }

    /** Neurons starting at rest. */
    public Lif(final String name, final int size, final Parameters parameters)
    {
        this(name, size, parameters, Initializer.constant(parameters.vRest()));
    }

    @Override
    public String kind()
    {
        return "LIF";
    }

    @Override
    public String describe()
    {
        return super.describe() + " " + p;
    }

    /** The parameters. */
    public Parameters parameters()
    {
        return p;
    }

    @Override
    protected void prepareModel(final double dt)
    {
        this.dt = dt;
        dtOverTau = dt / p.tauM();
        p22 = Math.exp(-dtOverTau);
        // Brian2 counts refractory steps as timestep(tRef, dt): floor with a 1e-3·dt tolerance.
        refractorySteps = Math.floor(p.tRef() / dt + 1e-3);
        if (p.integrator() == Integrator.EULER)
        {
            mode = MODE_EULER;
        }
        else
        {
            mode = hasConductanceInput() ? MODE_CONDUCTANCE_EXACT : MODE_LINEAR_EXACT;
        }
    }

    @Override
    protected double exactCurrentWeight(final double tauSyn)
    {
        if (p.integrator() != Integrator.EXACT)
        {
            return 1.0;
        }
        return exactCurrentWeight(dt, p.tauM(), tauSyn);
    }

    /**
     * The factor by which exact integration weights a current-based input that decays with
     * {@code tauSyn}, relative to holding it constant for the step: {@code P21/(1 − e^{−dt/τm})}
     * with {@link #propagator21}. The training path uses it to compute exactly what this class does.
     *
     * @param dt     [ms] time step.
     * @param tauM   [ms] membrane time constant.
     * @param tauSyn [ms] decay time constant of the input.
     */
    public static double exactCurrentWeight(final double dt, final double tauM, final double tauSyn)
    {
        final double dtOverTau = dt / tauM;
        return propagator21(dtOverTau * tauM, tauSyn, tauM) / -Math.expm1(-dtOverTau);
    }

    /**
     * NEST's {@code P21}: the change of {@code v} over one step {@code h} caused by a unit current
     * (through R = 1) decaying with {@code tauSyn}, for a membrane with {@code tauM}. Uses the limit
     * {@code (h/τm)·e^{−h/τm}} when the two time constants nearly coincide.
     */
    static double propagator21(final double h, final double tauSyn, final double tauM)
    {
        if (Math.abs(tauSyn - tauM) < 1e-9 * tauM)
        {
            return h / tauM * Math.exp(-h / tauM);
        }
        return tauSyn / (tauSyn - tauM) * (Math.exp(-h / tauSyn) - Math.exp(-h / tauM));
    }

    /**
     * The vector loop once the JIT has compiled it ({@link VectorWarmUp}), the scalar loop before
     * that and always with conductance inputs under EXACT, whose {@code Math.exp} must not be
     * replaced by the vector unit's exponential: that one may differ in the last bit, and results
     * must not depend on when the JIT finished. Both loops give bit-identical results.
     */
    @Override
    protected int integrate(final int from, final int to, final int[] spikes, final int offset)
    {
        return vectorLoop()
            ? integrateVector(from, to, spikes, offset, conductanceSum, currentSum, false)
            : integrateScalar(from, to, spikes, offset);
    }

    /**
     * The vector loop stepping the receptors itself: each of {@code ge}, {@code gi} (COBA) or the
     * CUBA current is read once, decayed and written back in the pass that integrates {@code v},
     * and the two sums never go through memory (about half the time of a COBA step's update).
     * Same bits as {@link #integrate} after the separate receptor passes.
     */
    @Override
    protected int integrateWithReceptors(
        final int from, final int to, final int[] spikes, final int offset, final Receptor.LinearDecay[] receptors)
    {
        return vectorLoop() ? integrateVectorWithReceptors(from, to, spikes, offset, receptors) : NOT_INTEGRATED;
    }

    /** The vector loop stepping {@code receptors} (one or two), whatever the warm-up's state. */
    int integrateVectorWithReceptors(
        final int from, final int to, final int[] spikes, final int offset, final Receptor.LinearDecay[] receptors)
    {
        return integrateVector(from, to, spikes, offset, receptors[0], receptors.length > 1 ? receptors[1] : noInput, true);
    }

    /** The vector loop on the summed inputs, whatever the warm-up's state. */
    int integrateVector(final int from, final int to, final int[] spikes, final int offset)
    {
        return integrateVector(from, to, spikes, offset, conductanceSum, currentSum, false);
    }

    private boolean vectorLoop()
    {
        return mode != MODE_CONDUCTANCE_EXACT && WARM_UP.ready();
    }

    /**
     * One loop over the whole vectors of the block, one vector of neurons per iteration; the last
     * {@code (to − from) mod lanes} neurons go through {@link #integrateScalar}, which gives the
     * same bits. The loop's inputs are two {@link Receptor.LinearDecay} variables: the summed
     * conductance and current themselves ({@link #integrate}), or the receptors'
     * ({@link #integrateWithReceptors}), which it then also steps; with receptors, the tail's
     * receptor passes run first ({@code sumTail}). No masked load or store: a masked tail is
     * compiled only once C2 has seen it, and until then (or on a machine whose lane count makes
     * tails rare in the warm-up) every masked operation allocates. The loop and its body form one
     * method on purpose: a per-vector helper is too big for C2 to inline, and calling it per vector
     * costs more than the arithmetic. EULER and linear EXACT only.
     */
    int integrateVector(
        final int from, final int to, final int[] spikes, final int offset,
        final Receptor.LinearDecay first, final Receptor.LinearDecay second, final boolean sumTail)
    {
        final double[] vArr = v;
        final double[] refArr = refractoryLeft;
        final double[] g1 = first.g();
        final double a1 = first.conductance();
        final double b1 = first.current();
        final double keep1 = first.keep();
        final double rate1 = first.rate();
        final double[] g2 = second.g();
        final double a2 = second.conductance();
        final double b2 = second.current();
        final double keep2 = second.keep();
        final double rate2 = second.rate();
        final boolean euler = mode == MODE_EULER;
        final double r = p.r();
        final double iExt = p.iExt();
        final double vRest = p.vRest();
        final double vTh = p.vTh();
        final double vReset = p.vReset();
        final double dtOverTau = this.dtOverTau;
        final double p22 = this.p22;
        final double refractorySteps = this.refractorySteps;
        final int lanes = SPECIES.length();
        final int bound = from + SPECIES.loopBound(to - from);
        int n = offset;
        // sum of the new potentials: NaN or infinite once any of them is
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int i = from; i < bound; i += lanes)
        {
            DoubleVector vm = DoubleVector.fromArray(SPECIES, vArr, i);
            DoubleVector ref = DoubleVector.fromArray(SPECIES, refArr, i);
            final DoubleVector x1 = DoubleVector.fromArray(SPECIES, g1, i);
            final DoubleVector x2 = DoubleVector.fromArray(SPECIES, g2, i);
            // the sums as the separate passes form them, first input, then second; they start
            // from +0 there, here from the first term, which differs only in the sign of a zero
            // sum, and v does not see it (1 + R·(±0) = 1, ±0 + iExt + R·… the same)
            final DoubleVector g = x1.mul(a1).add(x2.mul(a2));
            final DoubleVector c = x1.mul(b1).add(x2.mul(b2));
            x1.mul(keep1).add(x1.mul(rate1)).intoArray(g1, i);
            x2.mul(keep2).add(x2.mul(rate2)).intoArray(g2, i);

            ref = ref.sub(1.0).max(0.0);
            final VectorMask<Double> active = ref.compare(VectorOperators.EQ, 0.0);
            // v∞ without conductances: vRest + R·(I + iExt)
            final DoubleVector drive = c.add(iExt).mul(r).add(vRest);
            final DoubleVector next = euler
                ? vm.add(drive.sub(vm.mul(g.mul(r).add(1.0))).mul(dtOverTau))
                : drive.add(vm.sub(drive).mul(p22));
            vm = vm.blend(next, active);
            final VectorMask<Double> spike = vm.compare(VectorOperators.GT, vTh).and(active);
            if (spike.anyTrue())
            {
                vm = vm.blend(vReset, spike);
                ref = ref.blend(refractorySteps, spike);
                long bits = spike.toLong();
                while (bits != 0)
                {
                    spikes[n++] = i + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            sum = sum.add(vm);
            vm.intoArray(vArr, i);
            ref.intoArray(refArr, i);
        }
        boolean finite = Double.isFinite(sum.reduceLanes(VectorOperators.ADD));
        if (bound < to)
        {
            if (sumTail)
            {
                sumReceptors(bound, to);
            }
            final int tail = integrateScalar(bound, to, spikes, n);
            finite &= !nonFinite(tail);
            n += spikeCount(tail);
        }
        return finite ? n - offset : ~(n - offset);
    }

    /** The same update as {@link #integrateVector}, one neuron at a time, in every mode. */
    int integrateScalar(final int from, final int to, final int[] spikes, final int offset)
    {
        final double[] vArr = v;
        final double[] refArr = refractoryLeft;
        final double[] gArr = conductance;
        final double[] cArr = current;
        final int mode = this.mode;
        final double r = p.r();
        final double iExt = p.iExt();
        final double vRest = p.vRest();
        final double vTh = p.vTh();
        final double vReset = p.vReset();
        final double dtOverTau = this.dtOverTau;
        final double p22 = this.p22;
        final double refractorySteps = this.refractorySteps;
        int n = offset;
        double sum = 0.0;
        for (int i = from; i < to; i++)
        {
            final double ref = Math.max(refArr[i] - 1.0, 0.0);
            if (ref != 0.0)
            {
                refArr[i] = ref;
                continue;
            }
            final double vm = vArr[i];
            final double drive = (cArr[i] + iExt) * r + vRest;
            final double next;
            if (mode == MODE_EULER)
            {
                next = vm + (drive - vm * (gArr[i] * r + 1.0)) * dtOverTau;
            }
            else if (mode == MODE_LINEAR_EXACT)
            {
                next = drive + (vm - drive) * p22;
            }
            else
            {
                final double rate = gArr[i] * r + 1.0;
                final double vInf = drive / rate;
                next = vInf + (vm - vInf) * Math.exp(rate * -dtOverTau);
            }
            if (next > vTh)
            {
                vArr[i] = vReset;
                refArr[i] = refractorySteps;
                spikes[n++] = i;
                sum += vReset;
            }
            else
            {
                vArr[i] = next;
                refArr[i] = 0.0;
                sum += next;
            }
        }
        return updateResult(n - offset, sum);
    }

    /**
     * Scratch neurons for the warm-up that fire and sit out refractory periods about as often as
     * neurons in a network (v∞ just above threshold: one spike per ~300 steps, 20 refractory steps).
     */
    private static final Parameters WARM_UP_PARAMETERS = new Parameters(-60, -50, -60, 10, 1, 2, 10.5, Integrator.EULER);

    /**
     * What the warm-up thread calls: the vector loop on one block of scratch neurons with the
     * integrator of the first LIF group that needs it, so that C2 compiles the loop with the
     * profile of a simulation (whole vectors, rare spikes) and keeps the same code afterwards.
     * The calls take turns over what a simulation's blocks do: a whole block (no tail, the common
     * case) and a block one neuron short of {@link NeuronGroup#UPDATE_BLOCK}, no multiple of any
     * lane count (a tail, summed from receptors or not). A branch the profile never saw would be
     * compiled as a trap, and the first block to take it would throw the compiled loop away and
     * run it interpreted, hundreds of times slower, until C2 compiles it again. Returns the
     * neurons updated.
     */
    private static int warmUpCall(final Object[] state, final Parameters parameters)
    {
        if (state[0] == null)
        {
            final Lif scratch = new Lif("warm-up", NeuronGroup.UPDATE_BLOCK, parameters, Initializer.uniform(-60, -50));
            scratch.spikeScratch = new int[scratch.size()];
            scratch.prepareModel(0.1);
            scratch.resetModel(1);
            state[0] = scratch;
        }
        final Lif scratch = (Lif) state[0];
        final int call = scratch.warmUpCalls++;
        final int neurons = call % 3 == 0 ? scratch.size() : scratch.size() - 1;
        scratch.integrateVector(0, neurons, scratch.spikeScratch, 0, scratch.conductanceSum, scratch.currentSum,
            call % 3 == 2);
        return neurons;
    }

    @Override
    protected List<String> ownStateVariables()
    {
        return List.of("v");
    }

    @Override
    protected double[] ownState(final String variable)
    {
        return "v".equals(variable) ? v : null;
    }

    @Override
    protected boolean hasRefractoryPeriod()
    {
        return true;
    }

    @Override
    protected void refractory(final int neuron, final int steps)
    {
        refractoryLeft[neuron] = steps;
    }

    @Override
    protected void resetModel(final long seed)
    {
        vInit.fill(v, seed, id(), "v");
        Arrays.fill(refractoryLeft, 0.0);
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        state.doubles("refractoryLeft", refractoryLeft);
    }
}
