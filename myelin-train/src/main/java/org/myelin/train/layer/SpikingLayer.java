package org.myelin.train.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.synapse.Exponential;
import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.surrogate.FastSigmoid;
import org.myelin.train.surrogate.Surrogate;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * A layer of LIF or ALIF neurons (Bellec et al. 2018) driven by dense input weights and optional
 * recurrent weights, with a delta or an exponential current synapse, trained through the
 * surrogate gradient of its spikes.
 *
 * <p>The equations are those of the simulator's {@link Lif} and {@link Alif} (same parameter
 * records, same arithmetic), so a trained layer exported to a model file spikes at the same
 * steps in {@code myelin run}. Step n of one neuron, with {@code P} the membrane after
 * integration, {@code V} after reset, {@code U} the weighted input of the step:
 * <pre>
 *   held_n   = refractory counter after decrement ≠ 0           (Brian2/Myelin refractoriness)
 *   P_n      = held_n ? V_{n−1} : α·V_{n−1} + β + γ·G_n           (exact: α = e^{−dt/τm})
 *   A'_n     = ρ·A_{n−1}                                          (ALIF, ρ = e^{−dt/τa}; LIF: A = 0)
 *   x_n      = (P_n − vTh − b·A'_n) / (vTh − vReset)
 *   S_n      = held_n ? 0 : H(x_n)                                (H(0) = 0: strictly above threshold)
 *   V_n      = P_n − (vTh − vReset)·S_n        (reset by subtraction)
 *            = P_n·(1 − S_n) + vReset·S_n       (reset to vReset, the simulator's reset)
 *   A_n      = A'_n + S_n
 *   U_n      = Σ_i W_in[i]·x_n[i] + Σ_j W_rec[j]·S_n[j]           (one row added per spike)
 *   G_{n+1}  = d·G_n + U_n            (exponential synapse, d = e^{−dt/τs})
 *   V_n     += U_n                    (delta synapse instead: the membrane jumps, also while held)
 * </pre>
 * Exact LIF: {@code β = (1 − α)(vRest + R·iExt)} and {@code γ = R·P21/(1 − α)·(1 − α)} with NEST's
 * propagator {@code P21} of the exponential current ({@link Lif#exactCurrentWeight}); Euler LIF:
 * {@code α = 1 − dt/τm}, {@code γ = R·dt/τm}; ALIF (exponential Euler of the simulator's
 * {@link Alif}) holds the current for the step: {@code α = e^{−dt/τm}}, {@code γ = R(1 − α)}.
 * An input at step n thus first moves the membrane at step n + 1, as a spike delivered at step
 * n does in the simulator.
 *
 * <p>Backward (adjoints {@code v̄ = ∂L/∂V}, {@code ḡ = ∂L/∂G}, {@code ā = ∂L/∂A}, σ' the
 * surrogate derivative, {@code e_n = ∂L/∂S_n} from above):
 * <pre>
 *   ū_n   = ḡ_{n+1}  (exponential)   or   v̄_n  (delta)
 *   S̄_n   = e_n + W_rec·ū_n + ā_n + [−(vTh − vReset)·v̄_n  or  (vReset − P_n)·v̄_n]   (bracket dropped when detached)
 *   sg_n  = held_n ? 0 : σ'(x_n)/(vTh − vReset)
 *   P̄_n   = v̄_n·[1  or  1 − S_n] + sg_n·S̄_n
 *   ā'_n  = ā_n − b·sg_n·S̄_n;        ā_{n−1} = ρ·ā'_n
 *   v̄_{n−1} = held_n ? P̄_n : α·P̄_n;   ḡ_n = (held_n ? 0 : γ·P̄_n) + d·ḡ_{n+1}
 *   ∂W_in += x_n ū_nᵀ,  ∂W_rec += S_n ū_nᵀ,  ∂x_n = W_in·ū_n
 * </pre>
 * Detaching the reset ({@code stop_spike_gradient} in brainpy/brainstate, SpyTorch's
 * {@code rst.detach()}) drops the reset's path from the spike to the membrane; the adaptation
 * path always stays.
 *
 * <p>Event-driven: the forward pass adds one weight row per spike; the recurrent product of the
 * backward pass skips steps where every sample of a group has {@code ū = 0}.
 */
public final class SpikingLayer extends Layer
{
    /** How the membrane is reset after a spike. */
    public enum Reset
    {
        /** {@code v ← vReset} (the simulator's reset). */
        TO_VALUE,
        /** {@code v ← v − (vTh − vReset)} (soft reset, keeps the overshoot). */
        SUBTRACT
    }

    private static final int LIF_EXACT = 0;
    private static final int LIF_EULER = 1;
    private static final int ALIF_EXPONENTIAL = 2;
    private static final int ALIF_EULER = 3;

    private final Lif.Parameters lif;
    private final Alif.Parameters alif;
    private final double[] beta;
    private final Exponential synapse;
    private final Reset reset;
    private final boolean detachReset;
    private final Surrogate surrogate;
    private final DenseWeights input;
    private final DenseWeights recurrent;
    private final WeightInit inputInit;
    private final WeightInit recurrentInit;

    private final int mode;
    private final double vRest;
    private final double vTh;
    private final double vReset;
    private final double tauM;
    private final double r;
    private final double iExt;
    private final double span;

    // constants of dt
    private double dt = Double.NaN;
    private double p22;
    private double dtOverTau;
    private double currentWeight;
    private double phiM;
    private double phiA;
    private double alpha;
    private double gamma;
    private double rho;
    private double synapseDecay;
    private int refractorySteps;

    // buffers
    private int batch;
    private int steps;
    private boolean smooth;
    private Signal out;
    private double[] v;
    private double[] g;
    private double[] a;
    private int[] refractoryLeft;
    private double[] x;
    private double[] membrane;
    private byte[] held;
    private double[] heldResetSpikes;
    private boolean holdDetached;
    private double[] vBar;
    private double[] gBar;
    private double[] aBar;
    private double[] external;
    private double[] recurrentBar;
    private double[] slope;
    private int[] stateOffsets;
    private int[] stepOffsets;
    private int[] inputOffsets;
    private int[] deltaOffsets;

    private SpikingLayer(final Builder b, final int inputs)
    {
        super(b.alif == null ? "LIF" : "ALIF", b.name, inputs, b.size);
        final String owner = kind() + " layer '" + b.name + "'";
        this.lif = b.lif;
        this.alif = b.alif;
        this.synapse = b.synapse;
        this.reset = b.reset;
        this.detachReset = b.detachReset;
        this.surrogate = b.surrogate;
        this.inputInit = b.inputInit;
        this.recurrentInit = b.recurrentInit;
        if (alif != null)
        {
            vRest = alif.vRest();
            vTh = alif.vTh();
            vReset = alif.vReset();
            tauM = alif.tauM();
            r = alif.r();
            iExt = alif.iExt();
            mode = switch (alif.integrator())
            {
                case EXACT, EXPONENTIAL_EULER -> ALIF_EXPONENTIAL;
                case EULER -> ALIF_EULER;
                default -> throw new ModelException(owner + ": integrator must be one of exact, exponential_euler, "
                    + "euler, got " + alif.integrator().name().toLowerCase(java.util.Locale.ROOT));
            };
            beta = new double[b.size];
            if (b.beta != null)
            {
                if (b.beta.length != b.size)
                {
                    throw new ModelException(owner + ": beta must have one value per neuron (" + b.size + "), got "
                        + b.beta.length);
                }
                for (int k = 0; k < b.size; k++)
                {
                    beta[k] = Check.nonNegative(owner, "beta[" + k + "]", b.beta[k], "mV");
                }
            }
            else
            {
                Arrays.fill(beta, alif.beta());
            }
        }
        else
        {
            vRest = lif.vRest();
            vTh = lif.vTh();
            vReset = lif.vReset();
            tauM = lif.tauM();
            r = lif.r();
            iExt = lif.iExt();
            mode = lif.integrator() == Integrator.EXACT ? LIF_EXACT : LIF_EULER;
            beta = null;
        }
        span = vTh - vReset;
        this.input = new DenseWeights(b.name + ".input", inputs, b.size, b.inputMask, b.inputSigns);
        if (b.recurrent)
        {
            boolean[] mask = b.recurrentMask;
            if (!b.selfConnections)
            {
                mask = mask == null ? new boolean[b.size * b.size] : mask.clone();
                if (b.recurrentMask == null)
                {
                    Arrays.fill(mask, true);
                }
                if (mask.length == b.size * b.size)
                {
                    for (int k = 0; k < b.size; k++)
                    {
                        mask[k * b.size + k] = false;
                    }
                }
            }
            this.recurrent = new DenseWeights(b.name + ".recurrent", b.size, b.size, mask, b.recurrentSigns);
        }
        else
        {
            if (b.recurrentMask != null || b.recurrentSigns != null)
            {
                throw new ModelException(owner + ": a recurrent mask or signs need recurrent weights (recurrent: true)");
            }
            this.recurrent = null;
        }
    }

    /** A LIF layer of {@code size} neurons with the simulator's {@link Lif.Parameters}. */
    public static Builder lif(final String name, final int size, final Lif.Parameters parameters)
    {
        if (parameters == null)
        {
            throw new ModelException("LIF layer '" + name + "': parameters are required");
        }
        return new Builder(name, size, parameters, null);
    }

    /** An ALIF layer of {@code size} neurons with the simulator's {@link Alif.Parameters}. */
    public static Builder alif(final String name, final int size, final Alif.Parameters parameters)
    {
        if (parameters == null)
        {
            throw new ModelException("ALIF layer '" + name + "': parameters are required");
        }
        return new Builder(name, size, null, parameters);
    }

    /** The LIF parameters, or null for an ALIF layer. */
    public Lif.Parameters lifParameters()
    {
        return lif;
    }

    /** The ALIF parameters, or null for a LIF layer. */
    public Alif.Parameters alifParameters()
    {
        return alif;
    }

    /** The threshold increase per unit of adaptation of each neuron (ALIF), or null. */
    public double[] beta()
    {
        return beta == null ? null : beta.clone();
    }

    /** The exponential synapse, or null for a delta synapse. */
    public Exponential synapse()
    {
        return synapse;
    }

    /** The reset. */
    public Reset reset()
    {
        return reset;
    }

    /** True when the reset is detached from the gradient. */
    public boolean detachReset()
    {
        return detachReset;
    }

    /** The surrogate. */
    public Surrogate surrogate()
    {
        return surrogate;
    }

    /** The input weights. */
    public DenseWeights inputWeights()
    {
        return input;
    }

    /** The recurrent weights, or null. */
    public DenseWeights recurrentWeights()
    {
        return recurrent;
    }

    @Override
    public List<Parameter> parameters()
    {
        final List<Parameter> list = new ArrayList<>();
        list.add(input.parameter());
        if (recurrent != null)
        {
            list.add(recurrent.parameter());
        }
        return List.copyOf(list);
    }

    @Override
    public void initialize(final long seed)
    {
        input.initialize(inputInit, seed);
        if (recurrent != null)
        {
            recurrent.initialize(recurrentInit, seed);
        }
    }

    @Override
    public void parametersChanged()
    {
        input.constrain();
        if (recurrent != null)
        {
            recurrent.constrain();
        }
    }

    @Override
    public boolean spiking()
    {
        return true;
    }

    @Override
    public Signal output()
    {
        return out;
    }

    @Override
    public void prepare(final int batchSize, final int stepCount, final double dtMs, final boolean smoothSpikes)
    {
        if (dtMs != dt)
        {
            prepareConstants(dtMs);
        }
        final int n = outputs();
        if (out == null || smoothSpikes != smooth)
        {
            out = smoothSpikes ? Signal.dense(n) : Signal.spikes(n);
            v = null;
        }
        this.smooth = smoothSpikes;
        out.resize(batchSize, stepCount);
        final int cells = batchSize * stepCount * n;
        if (v == null || batchSize * n > v.length)
        {
            v = new double[batchSize * n];
            g = synapse == null ? null : new double[batchSize * n];
            a = alif == null ? null : new double[batchSize * n];
            refractoryLeft = new int[batchSize * n];
            vBar = new double[batchSize * n];
            gBar = new double[batchSize * n];
            aBar = new double[batchSize * n];
            external = new double[batchSize * n];
            recurrentBar = new double[batchSize * n];
            slope = new double[batchSize * n];
            stateOffsets = new int[batchSize];
            stepOffsets = new int[batchSize];
            x = null;
        }
        if (x == null || cells > x.length)
        {
            x = new double[cells];
            membrane = reset == Reset.TO_VALUE && !detachReset ? new double[cells] : null;
            held = refractorySteps > 1 ? new byte[cells] : null;
            inputOffsets = new int[batchSize * stepCount];
            deltaOffsets = new int[batchSize * stepCount];
        }
        else if (held == null && refractorySteps > 1)
        {
            held = new byte[x.length];
        }
        if (smoothSpikes && detachReset && (heldResetSpikes == null || heldResetSpikes.length < cells))
        {
            heldResetSpikes = new double[cells];
        }
        this.batch = batchSize;
        this.steps = stepCount;
    }

    private void prepareConstants(final double dtMs)
    {
        final String owner = kind() + " layer '" + name() + "'";
        Check.positive(owner, "dt", dtMs, "ms");
        dt = dtMs;
        dtOverTau = dtMs / tauM;
        p22 = Math.exp(-dtOverTau);
        final double tRef = alif != null ? alif.tRef() : lif.tRef();
        refractorySteps = (int) Math.floor(tRef / dtMs + 1e-3);
        synapseDecay = synapse == null ? 0.0 : Math.exp(-dtMs / synapse.tau());
        switch (mode)
        {
            case LIF_EXACT ->
            {
                currentWeight = synapse == null ? 1.0 : Lif.exactCurrentWeight(dtMs, tauM, synapse.tau());
                alpha = p22;
                gamma = currentWeight * r * (1 - p22);
            }
            case LIF_EULER ->
            {
                currentWeight = 1.0;
                alpha = 1 - dtOverTau;
                gamma = r * dtOverTau;
            }
            case ALIF_EXPONENTIAL ->
            {
                phiM = phi(-1.0 / tauM, dtMs);
                phiA = phi(-1 / alif.tauA(), dtMs);
                alpha = 1 - dtMs * phiM / tauM;
                gamma = dtMs * phiM * r / tauM;
                rho = 1 - dtMs * phiA / alif.tauA();
            }
            default ->
            {
                alpha = 1 - dtMs / tauM;
                gamma = dtMs * r / tauM;
                rho = 1 - dtMs / alif.tauA();
            }
        }
    }

    /** {@code (e^{z} − 1)/z} with {@code z = min(rate·h, 700)}, as the simulator's exponential Euler computes it. */
    private static double phi(final double rate, final double h)
    {
        final double z = Math.min(rate * h, 700.0);
        return Math.abs(z) < 1e-12 ? 1.0 : Math.expm1(z) / z;
    }

    @Override
    public void forward(final Signal in, final int from, final int to)
    {
        final int n = outputs();
        for (int b = from; b < to; b++)
        {
            Arrays.fill(v, b * n, (b + 1) * n, vRest);
            if (g != null)
            {
                Arrays.fill(g, b * n, (b + 1) * n, 0.0);
            }
            if (a != null)
            {
                Arrays.fill(a, b * n, (b + 1) * n, 0.0);
            }
            Arrays.fill(refractoryLeft, b * n, (b + 1) * n, 0);
        }
        for (int step = 0; step < steps; step++)
        {
            for (int b = from; b < to; b++)
            {
                integrate(b, step);
                final double[] target = synapse != null ? g : v;
                input.addRows(in, b, step, target, b * n);
                if (recurrent != null)
                {
                    recurrent.addRows(out, b, step, target, b * n);
                }
            }
        }
    }

    /** Integration, threshold and reset of sample b at one step; records x (and P) and writes the spikes. */
    private void integrate(final int b, final int step)
    {
        final int n = outputs();
        final int s0 = b * n;
        final int rec = (b * steps + step) * n;
        final double[] vArr = v;
        final double[] gArr = g;
        final double[] aArr = a;
        final int[] refArr = refractoryLeft;
        final double[] xArr = x;
        final double[] pArr = membrane;
        final byte[] heldArr = held;
        final int mode = this.mode;
        final boolean hasSynapse = gArr != null;
        final double vRest = this.vRest;
        final double vTh = this.vTh;
        final double vReset = this.vReset;
        final double tauM = this.tauM;
        final double r = this.r;
        final double iExt = this.iExt;
        final double span = this.span;
        final double p22 = this.p22;
        final double dtOverTau = this.dtOverTau;
        final double cw = currentWeight;
        final double h = dt;
        final double phiM = this.phiM;
        final double phiA = this.phiA;
        final double tauA = alif == null ? 1.0 : alif.tauA();
        final double decay = synapseDecay;
        final int refSteps = refractorySteps;
        final boolean subtract = reset == Reset.SUBTRACT;
        final boolean smoothSpikes = smooth;
        final Surrogate sur = surrogate;
        final double[] dense = smoothSpikes ? out.values() : null;
        final double[] frozen = heldResetSpikes;
        final boolean replay = holdDetached;
        final int[] ids = smoothSpikes ? null : out.ids();
        int written = smoothSpikes ? 0 : out.start(b, step);
        for (int k = 0; k < n; k++)
        {
            final int i = s0 + k;
            final int ref = Math.max(refArr[i] - 1, 0);
            final boolean isHeld = ref != 0;
            final double vm = vArr[i];
            final double gi = hasSynapse ? gArr[i] : 0.0;
            double thr = vTh;
            double p;
            if (mode <= LIF_EULER)
            {
                if (isHeld)
                {
                    p = vm;
                }
                else
                {
                    final double drive = (cw * gi + iExt) * r + vRest;
                    p = mode == LIF_EXACT ? drive + (vm - drive) * p22 : vm + (drive - vm) * dtOverTau;
                }
            }
            else
            {
                final double dv = isHeld ? 0.0 : (vRest - vm + r * (gi - 0.0 * vm + iExt)) / tauM;
                final double da = -aArr[i] / tauA;
                if (mode == ALIF_EXPONENTIAL)
                {
                    p = vm + h * phiM * dv;
                    aArr[i] += h * phiA * da;
                }
                else
                {
                    p = vm + h * dv;
                    aArr[i] = aArr[i] + h * da;
                }
                thr = vTh + beta[k] * aArr[i];
            }
            final double xi = (p - thr) / span;
            xArr[rec + k] = xi;
            if (pArr != null)
            {
                pArr[rec + k] = p;
            }
            if (heldArr != null)
            {
                heldArr[rec + k] = (byte) (isHeld ? 1 : 0);
            }
            final boolean fires = !isHeld && xi > 0;
            refArr[i] = fires ? refSteps : ref;
            if (smoothSpikes)
            {
                final double s = isHeld ? 0.0 : sur.smooth(xi);
                dense[rec + k] = s;
                double sReset = s;
                if (frozen != null)
                {
                    if (replay)
                    {
                        sReset = frozen[rec + k];
                    }
                    else
                    {
                        frozen[rec + k] = s;
                    }
                }
                vArr[i] = subtract ? p - span * sReset : p * (1 - sReset) + vReset * sReset;
                if (aArr != null)
                {
                    aArr[i] += s;
                }
            }
            else
            {
                if (fires)
                {
                    ids[written++] = k;
                    vArr[i] = subtract ? p - span : vReset;
                    if (aArr != null)
                    {
                        aArr[i] += 1.0;
                    }
                }
                else
                {
                    vArr[i] = p;
                }
            }
            if (hasSynapse)
            {
                gArr[i] = gi * decay;
            }
        }
        if (!smoothSpikes)
        {
            out.setEnd(b, step, written);
        }
    }

    @Override
    public void backward(final Signal in, final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        final int n = outputs();
        Arrays.fill(vBar, from * n, to * n, 0.0);
        Arrays.fill(gBar, from * n, to * n, 0.0);
        Arrays.fill(aBar, from * n, to * n, 0.0);
        for (int b = from; b < to; b++)
        {
            stateOffsets[b] = b * n;
        }
        for (int step = steps - 1; step >= 0; step--)
        {
            for (int b = from; b < to; b++)
            {
                final int rec = (b * steps + step) * n;
                final int s0 = b * n;
                final double[] u = synapse != null ? gBar : vBar;
                System.arraycopy(gradient, rec, external, s0, n);
                System.arraycopy(u, s0, gradient, rec, n);
                stepOffsets[b] = rec;
            }
            Arrays.fill(recurrentBar, from * n, to * n, 0.0);
            if (recurrent != null)
            {
                recurrent.multiplyTransposed(gradient, stepOffsets, recurrentBar, stateOffsets, from, to - from);
            }
            for (int b = from; b < to; b++)
            {
                backStep(b, step);
            }
        }
        InputGradients.inputGradient(input, gradient, inputGradient, deltaOffsets, inputOffsets, steps, from, to);
    }

    private void backStep(final int b, final int step)
    {
        final int n = outputs();
        final int s0 = b * n;
        final int rec = (b * steps + step) * n;
        final double[] xArr = x;
        final double[] pArr = membrane;
        final byte[] heldArr = held;
        final double[] sg = slope;
        surrogate.derivatives(xArr, rec, sg, s0, n);
        final double[] vb = vBar;
        final double[] gb = gBar;
        final double[] ab = aBar;
        final double[] e = external;
        final double[] rb = recurrentBar;
        final boolean alifModel = alif != null;
        final boolean hasSynapse = synapse != null;
        final boolean subtract = reset == Reset.SUBTRACT;
        final boolean detach = detachReset;
        final boolean smoothSpikes = smooth;
        final double span = this.span;
        final double invSpan = 1.0 / span;
        final double vReset = this.vReset;
        final double alpha = this.alpha;
        final double gamma = this.gamma;
        final double rho = this.rho;
        final double decay = synapseDecay;
        final Surrogate sur = surrogate;
        for (int k = 0; k < n; k++)
        {
            final int i = s0 + k;
            final int c = rec + k;
            final boolean isHeld = heldArr != null && heldArr[c] != 0;
            final double xi = xArr[c];
            final double s = isHeld ? 0.0 : smoothSpikes ? sur.smooth(xi) : (xi > 0 ? 1.0 : 0.0);
            final double slopeK = isHeld ? 0.0 : sg[i] * invSpan;
            final double vbi = vb[i];
            double sBar = e[i] + rb[i];
            if (alifModel)
            {
                sBar += ab[i];
            }
            if (!detach)
            {
                sBar += subtract ? -span * vbi : (vReset - pArr[c]) * vbi;
            }
            final double pBar = (subtract ? vbi : vbi * (1 - s)) + slopeK * sBar;
            if (alifModel)
            {
                ab[i] = rho * (ab[i] - beta[k] * slopeK * sBar);
            }
            vb[i] = isHeld ? pBar : alpha * pBar;
            if (hasSynapse)
            {
                gb[i] = (isHeld ? 0.0 : gamma * pBar) + decay * gb[i];
            }
        }
    }

    @Override
    public void accumulateGradients(final Signal in, final double[] gradient, final int part, final int parts)
    {
        final int n = outputs();
        input.accumulateGradient(in, 0, gradient, n, 0, part, parts);
        if (recurrent != null)
        {
            recurrent.accumulateGradient(out, 0, gradient, n, 0, part, parts);
        }
    }

    /** Threshold crossings (not held, x > 0) in the last forward pass, for tests. */
    int eventCount()
    {
        int count = 0;
        for (int c = 0; c < batch * steps * outputs(); c++)
        {
            if (x[c] > 0 && (held == null || held[c] == 0))
            {
                count++;
            }
        }
        return count;
    }

    /** Held (refractory) neuron-steps in the last forward pass, for tests. */
    int heldCount()
    {
        int count = 0;
        for (int c = 0; held != null && c < batch * steps * outputs(); c++)
        {
            count += held[c];
        }
        return count;
    }

    /** Refractory period in steps for the current dt. */
    int refractorySteps()
    {
        return refractorySteps;
    }

    @Override
    public void holdDetached(final boolean hold)
    {
        holdDetached = hold && detachReset;
    }

    @Override
    public long bufferBytes()
    {
        long bytes = 8L * (x == null ? 0 : x.length) + 8L * (membrane == null ? 0 : membrane.length)
            + (held == null ? 0 : held.length);
        bytes += 8L * 9 * (v == null ? 0 : v.length);
        bytes += out == null ? 0 : out.isSpikes() ? 4L * out.ids().length : 8L * out.values().length;
        return bytes;
    }

    /** Builds a {@link SpikingLayer} once the input size is known. */
    public static final class Builder implements LayerSpec
    {
        private final String name;
        private final int size;
        private final Lif.Parameters lif;
        private final Alif.Parameters alif;
        private double[] beta;
        private Exponential synapse;
        private Reset reset = Reset.TO_VALUE;
        private boolean detachReset;
        private Surrogate surrogate = new FastSigmoid();
        private boolean recurrent;
        private boolean selfConnections;
        private boolean[] inputMask;
        private boolean[] recurrentMask;
        private double[] inputSigns;
        private double[] recurrentSigns;
        private WeightInit inputInit = WeightInit.scaledNormal(1.0);
        private WeightInit recurrentInit = WeightInit.scaledNormal(1.0);

        private Builder(final String name, final int size, final Lif.Parameters lif, final Alif.Parameters alif)
        {
            this.name = name;
            this.size = size;
            this.lif = lif;
            this.alif = alif;
        }

        /** An exponential current synapse (CUBA) with this model's τ; default: delta synapse. */
        public Builder synapse(final Exponential model)
        {
            this.synapse = model;
            return this;
        }

        /** Delta synapse: each weighted input jumps the membrane (the default). */
        public Builder deltaSynapse()
        {
            this.synapse = null;
            return this;
        }

        /** The reset (default {@link Reset#TO_VALUE}). */
        public Builder reset(final Reset value)
        {
            this.reset = value;
            return this;
        }

        /** Detach the reset from the gradient (default false). */
        public Builder detachReset(final boolean value)
        {
            this.detachReset = value;
            return this;
        }

        /** The surrogate (default {@link FastSigmoid} with α = 100). */
        public Builder surrogate(final Surrogate value)
        {
            this.surrogate = value;
            return this;
        }

        /** Recurrent weights (default none); without self-connections unless {@link #selfConnections}. */
        public Builder recurrent(final boolean value)
        {
            this.recurrent = value;
            return this;
        }

        /** Allow a neuron's recurrent weight onto itself (default false). */
        public Builder selfConnections(final boolean value)
        {
            this.selfConnections = value;
            return this;
        }

        /** Per-neuron ALIF threshold increase (e.g. 0 for the LIF half of Bellec's network). */
        public Builder beta(final double[] values)
        {
            this.beta = values.clone();
            return this;
        }

        /** Which input connections exist, {@code [input][neuron]}. */
        public Builder inputMask(final boolean[] connected)
        {
            this.inputMask = connected.clone();
            return this;
        }

        /** Which recurrent connections exist, {@code [pre][post]}. */
        public Builder recurrentMask(final boolean[] connected)
        {
            this.recurrentMask = connected.clone();
            return this;
        }

        /** Sign of each input's outgoing weights: +1, −1 or 0 (free). */
        public Builder inputSigns(final double[] signs)
        {
            this.inputSigns = signs.clone();
            return this;
        }

        /** Dale's law: sign of each neuron's recurrent outgoing weights (+1 excitatory, −1 inhibitory, 0 free). */
        public Builder recurrentSigns(final double[] signs)
        {
            this.recurrentSigns = signs.clone();
            return this;
        }

        /** Initial input weights (default {@link WeightInit#scaledNormal} with gain 1). */
        public Builder inputInit(final WeightInit value)
        {
            this.inputInit = value;
            return this;
        }

        /** Initial recurrent weights (default {@link WeightInit#scaledNormal} with gain 1). */
        public Builder recurrentInit(final WeightInit value)
        {
            this.recurrentInit = value;
            return this;
        }

        @Override
        public SpikingLayer build(final int inputs)
        {
            return new SpikingLayer(this, inputs);
        }
    }
}
