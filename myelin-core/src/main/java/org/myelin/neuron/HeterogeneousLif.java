package org.myelin.neuron;

import java.util.List;

import org.myelin.base.Integrator;

/**
 * Leaky integrate-and-fire neurons whose parameters may differ between neurons: the equations,
 * parameters and defaults of {@link Lif} (the same {@link Lif.Parameters} record), on the generic
 * arrays of {@link OdeNeuronGroup}.
 *
 * <pre>
 *   τm[i] · dv/dt = (vRest[i] − v) + R[i] · (I_syn + iExt[i])        while not refractory
 *   I_syn = Σ current − Σ conductance · v
 *   spike when v &gt; vTh[i] and not refractory;  then v ← vReset[i], refractory for tRef[i]
 * </pre>
 *
 * <p>Parameters: the table of {@link Lif}, each scalar or one value per neuron
 * ({@link PerNeuron}); every neuron's values are validated by {@link Lif.Parameters}, the
 * message naming the neuron. State: {@code v} [mV], initially vRest[i].
 *
 * <p>Fast path and general path: {@link Lif} is the fast path, a Vector-API loop with scalar
 * parameters only; this class is the general path, a scalar loop over per-neuron arrays. The
 * registry {@link NeuronModels} ({@code lif}) builds a {@link Lif} when every value is scalar and
 * this class otherwise. With equal values in every neuron the two agree to rounding: the same
 * step order, the same strict threshold {@code v > vTh}, the same refractory count
 * {@code floor(tRef/dt + 1e-3)} steps with {@code v} clamped at its reset.
 *
 * <p>Integration: {@link Integrator#EULER} as {@link Lif}; {@link Integrator#EXACT} is
 * exponential Euler with the inputs held over the step, {@code v ← v∞ + (v − v∞)·e^{−dt(1+R·g)/τm}},
 * exact for held inputs. Unlike {@link Lif} it does not fold the decay of current-based
 * exponential synapses within the step into the update (NEST's {@code P21}), so with such
 * synapses the two differ by O(dt) in the synaptic contribution. {@link Integrator#EXPONENTIAL_EULER}
 * is the same step as {@link Integrator#EXACT} here (the equation is linear in v with the inputs
 * held); {@link Integrator#RK2} and {@link Integrator#RK4} are {@link OdeNeuronGroup}'s explicit
 * methods with the inputs held. The registry builds this class for those methods also with scalar
 * values.
 *
 * <p>Sources: as {@link Lif}; brainstate {@code LIFRef} (parameters per neuron).
 *
 * @see Lif
 */
public final class HeterogeneousLif extends OdeNeuronGroup<Lif.Parameters>
{
    private static final String MODEL = "LIF";

    private final double[] vRest;
    /** The threshold as the next double above vTh, so that {@code v ≥ it} is {@code v > vTh}. */
    private final double[] vThStrict;
    private final double[] vReset;
    private final double[] tauM;
    private final double[] r;
    private final double[] iExt;

    /** A group with scalar parameters (prefer {@link Lif}, the fast path). */
    public HeterogeneousLif(final String name, final int size, final Lif.Parameters parameters)
    {
        this(name, size, PerNeuron.of(MODEL, parameters));
    }

    /** A group whose parameters may differ between neurons. */
    public HeterogeneousLif(final String name, final int size, final PerNeuron<Lif.Parameters> values)
    {
        super(MODEL, name, size, List.of("v"), values, true);
        this.vRest = parameter("vRest");
        this.vThStrict = parameter("vTh");
        for (int i = 0; i < size; i++)
        {
            vThStrict[i] = Math.nextUp(vThStrict[i]);
        }
        this.vReset = parameter("vReset");
        this.tauM = parameter("tauM");
        this.r = parameter("r");
        this.iExt = parameter("iExt");
    }

    @Override
    protected void derivatives(final double[][] y, final double[][] dy, final double[][] jac, final int from, final int to)
    {
        final double[] vArr = y[0];
        final double[] dv = dy[0];
        final double[] g = conductance;
        final double[] c = current;
        for (int i = from; i < to; i++)
        {
            // the operation order of Lif's loop: v∞-drive vRest + R·(I + iExt), leak rate 1 + R·g
            final double drive = (c[i] + iExt[i]) * r[i] + vRest[i];
            dv[i] = (drive - vArr[i] * (g[i] * r[i] + 1.0)) / tauM[i];
        }
        if (jac != null)
        {
            final double[] jv = jac[0];
            for (int i = from; i < to; i++)
            {
                jv[i] = -(g[i] * r[i] + 1.0) / tauM[i];
            }
        }
    }

    @Override
    protected int fire(final int from, final int to, final int[] spikes, final int offset)
    {
        return thresholdAndReset(vThStrict, vReset, from, to, spikes, offset);
    }

    @Override
    protected void initialise(final long seed)
    {
        System.arraycopy(vRest, 0, v, 0, v.length);
    }
}
