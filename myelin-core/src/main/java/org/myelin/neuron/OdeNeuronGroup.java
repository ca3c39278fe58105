package org.myelin.neuron;

import java.util.Arrays;
import java.util.List;

import org.myelin.base.Integrator;
import org.myelin.random.Initializer;
import org.myelin.state.StateAccess;
import org.myelin.util.ModelException;

/**
 * The shared machinery of the point-neuron models other than {@link Lif}: state variables as
 * arrays, the integration methods of {@link Integrator} over a whole slice, the refractory
 * countdown and the standard threshold-and-reset loop.
 *
 * <p>A model supplies its right-hand side as one loop over a slice
 * ({@link #derivatives(double[][], double[][], double[][], int, int)}), called once per stage of
 * the method, never once per neuron; and its spike condition and reset as another loop
 * ({@link #fire(int, int, int[], int)}).
 *
 * <p>Step of a slice, the same for every model (the order of {@link Lif}):
 * <ol>
 *   <li>the refractory countdown of each neuron is decremented (models with a refractory
 *       period);</li>
 *   <li>the state is integrated from t to t + dt with the inputs of t held; during the
 *       refractory period {@code dv/dt} is 0, so {@code v} stays clamped at its reset value
 *       while the other variables (adaptation, gates, threshold) keep integrating — Brian2's
 *       {@code (unless refractory)} on the {@code v} equation only;</li>
 *   <li>{@link #fire} detects spikes among the neurons that are not refractory, writes their
 *       ids, applies the reset and starts the refractory countdown of
 *       {@code floor(tRef/dt + 1e-3)} steps (Brian2's {@code timestep}).</li>
 * </ol>
 * A spike at step n thus leaves {@code v} at its reset value until step n + round(tRef/dt)
 * integrates again.
 *
 * @param <P> the model's parameter record, with an {@code integrator} component (and a
 *            {@code tRef} component when the model has a refractory period).
 */
public abstract class OdeNeuronGroup<P extends Record> extends NeuronGroup
{
    private final String kind;
    private final PerNeuron<P> values;
    private final List<String> names;
    /** The state variables, {@code y[0] == v}. */
    protected final double[][] y;
    private final Initializer[] initial;
    private final Integrator integrator;
    private final double[] tRef;
    /** Steps of refractoriness left, or null for a model without a refractory period. */
    protected final int[] refractoryLeft;
    /** Refractory period of each neuron in steps, set when prepared; null without refractoriness. */
    protected int[] refractorySteps;
    /** [ms] the time step, set when prepared. */
    protected double dt;
    /** The state at the start of the step ({@code start[0]} is v at t), valid in {@link #fire}. */
    protected double[][] start;
    private double[][] slope;
    private double[][] sum;
    private double[][] jacobian;

    /**
     * @param kind       model name.
     * @param name       unique name in the network.
     * @param size       number of neurons.
     * @param variables  names of the state variables, {@code "v"} first.
     * @param values     the parameters, scalar or per neuron; validated here.
     * @param refractory whether the model has a refractory period (its {@code tRef} parameter).
     */
    protected OdeNeuronGroup(
        final String kind, final String name, final int size, final List<String> variables,
        final PerNeuron<P> values, final boolean refractory)
    {
        super(kind, name, size);
        if (!"v".equals(variables.get(0)))
        {
            throw new IllegalArgumentException("the first state variable must be v");
        }
        values.validate(size);
        this.kind = kind;
        this.values = values;
        this.names = List.copyOf(variables);
        this.y = new double[variables.size()][];
        this.y[0] = v;
        for (int k = 1; k < y.length; k++)
        {
            y[k] = new double[size];
        }
        this.initial = new Initializer[variables.size()];
        this.integrator = (Integrator) PerNeuron.component(values.scalars(), "integrator");
        this.tRef = refractory ? values.array("tRef", size) : null;
        this.refractoryLeft = refractory ? new int[size] : null;
    }

    /** One value per neuron of a parameter, read once into an array the update loops index. */
    protected final double[] parameter(final String parameterName)
    {
        return values.array(parameterName, size());
    }

    @Override
    public String describe()
    {
        return super.describe() + " " + values.scalars();
    }

    /** The scalar parameters (for parameters given per neuron, the scalar is unused). */
    public final P parameters()
    {
        return values.scalars();
    }

    @Override
    public final String kind()
    {
        return kind;
    }

    /** The integration method. */
    public final Integrator integrator()
    {
        return integrator;
    }

    /**
     * Sets how a state variable starts (instead of the model's default, given in its
     * documentation); call before the simulation is built.
     *
     * @return this group.
     */
    public final OdeNeuronGroup<P> initial(final String variable, final Initializer initializer)
    {
        final int k = names.indexOf(variable);
        if (k < 0)
        {
            throw new ModelException(kind + " '" + name() + "': no state variable '" + variable + "'; known: " + names);
        }
        initial[k] = initializer;
        return this;
    }

    @Override
    protected final void prepareModel(final double dtMs)
    {
        this.dt = dtMs;
        final int n = size();
        final int k = y.length;
        start = new double[k][n];
        slope = new double[k][n];
        sum = integrator == Integrator.RK4 ? new double[k][n] : null;
        jacobian = integrator == Integrator.EXPONENTIAL_EULER || integrator == Integrator.EXACT ? new double[k][n] : null;
        if (tRef != null)
        {
            refractorySteps = new int[n];
            for (int i = 0; i < n; i++)
            {
                refractorySteps[i] = (int) Math.floor(tRef[i] / dtMs + 1e-3);
            }
        }
        prepareConstants(dtMs);
    }

    @Override
    protected final boolean hasRefractoryPeriod()
    {
        return refractoryLeft != null;
    }

    @Override
    protected final void refractory(final int neuron, final int steps)
    {
        refractoryLeft[neuron] = steps;
    }

    /** Computes the model's own constants that depend on dt; by default nothing. */
    protected void prepareConstants(final double dtMs)
    {
    }

    /**
     * The right-hand side over a slice: {@code dy[k][i] = f_k(y[·][i])} for {@code i} in
     * {@code [from, to)}, with the synaptic input {@code current[i] − conductance[i]·y[0][i]}
     * and the model's external current.
     *
     * @param y   the state at which to evaluate.
     * @param dy  where to write the derivatives [unit/ms].
     * @param jac where to write {@code ∂f_k/∂y_k} (the diagonal of the Jacobian) [1/ms], or
     *            null when the method does not need it.
     */
    protected abstract void derivatives(double[][] y, double[][] dy, double[][] jac, int from, int to);

    /**
     * Detects spikes among the neurons of the slice, writes their ids from {@code offset} on,
     * applies the resets and starts refractory periods.
     *
     * @return the number of ids written.
     */
    protected abstract int fire(int from, int to, int[] spikes, int offset);

    /** Sets the model's default initial values (those without an explicit initializer are used). */
    protected abstract void initialise(long seed);

    @Override
    protected final int integrate(final int from, final int to, final int[] spikes, final int offset)
    {
        final int[] ref = refractoryLeft;
        if (ref != null)
        {
            for (int i = from; i < to; i++)
            {
                ref[i] = Math.max(ref[i] - 1, 0);
            }
        }
        final double[][] y0 = start;
        for (int k = 0; k < y.length; k++)
        {
            System.arraycopy(y[k], from, y0[k], from, to - from);
        }
        switch (integrator)
        {
            case EULER -> euler(from, to);
            case EXACT, EXPONENTIAL_EULER -> exponentialEuler(from, to);
            case RK2 -> midpoint(from, to);
            case RK4 -> rungeKutta4(from, to);
            default -> throw new IllegalStateException(integrator.name());
        }
        // after fire: an upstroke that overflows to infinity within a step (AdEx, ExpIF under Euler)
        // is a spike, and its reset the state that counts
        final int count = fire(from, to, spikes, offset);
        return updateResult(count, sumOfStates(from, to));
    }

    /** The sum of every state over the slice, NaN or infinite when one of them is. */
    private double sumOfStates(final int from, final int to)
    {
        double sum = 0.0;
        for (final double[] yk : y)
        {
            for (int i = from; i < to; i++)
            {
                sum += yk[i];
            }
        }
        return sum;
    }

    /** Derivatives at the current {@code y}, with {@code dv/dt = 0} for refractory neurons. */
    private void stage(final double[][] dy, final double[][] jac, final int from, final int to)
    {
        derivatives(y, dy, jac, from, to);
        final int[] ref = refractoryLeft;
        if (ref != null)
        {
            final double[] dv = dy[0];
            for (int i = from; i < to; i++)
            {
                if (ref[i] > 0)
                {
                    dv[i] = 0.0;
                }
            }
        }
    }

    /** {@code y ← y0 + h·dy} over the slice. */
    private void advance(final double h, final double[][] dy, final int from, final int to)
    {
        for (int k = 0; k < y.length; k++)
        {
            final double[] yk = y[k];
            final double[] y0k = start[k];
            final double[] dyk = dy[k];
            for (int i = from; i < to; i++)
            {
                yk[i] = y0k[i] + h * dyk[i];
            }
        }
    }

    private void euler(final int from, final int to)
    {
        stage(slope, null, from, to);
        advance(dt, slope, from, to);
    }

    private void exponentialEuler(final int from, final int to)
    {
        stage(slope, jacobian, from, to);
        final double h = dt;
        for (int k = 0; k < y.length; k++)
        {
            final double[] yk = y[k];
            final double[] dyk = slope[k];
            final double[] jk = jacobian[k];
            for (int i = from; i < to; i++)
            {
                // capped so that a blow-up (a spike upstroke) gives a huge finite step, not inf
                final double z = Math.min(jk[i] * h, 700.0);
                // (e^z − 1)/z, 1 at z = 0
                final double phi = Math.abs(z) < 1e-12 ? 1.0 : Math.expm1(z) / z;
                yk[i] += h * phi * dyk[i];
            }
        }
    }

    private void midpoint(final int from, final int to)
    {
        stage(slope, null, from, to);
        advance(0.5 * dt, slope, from, to);
        stage(slope, null, from, to);
        advance(dt, slope, from, to);
    }

    private void rungeKutta4(final int from, final int to)
    {
        final double[][] acc = sum;
        stage(slope, null, from, to);
        for (int k = 0; k < y.length; k++)
        {
            System.arraycopy(slope[k], from, acc[k], from, to - from);
        }
        advance(0.5 * dt, slope, from, to);
        stage(slope, null, from, to);
        accumulate(acc, 2.0, from, to);
        advance(0.5 * dt, slope, from, to);
        stage(slope, null, from, to);
        accumulate(acc, 2.0, from, to);
        advance(dt, slope, from, to);
        stage(slope, null, from, to);
        accumulate(acc, 1.0, from, to);
        advance(dt / 6.0, acc, from, to);
    }

    private void accumulate(final double[][] acc, final double weight, final int from, final int to)
    {
        for (int k = 0; k < y.length; k++)
        {
            final double[] a = acc[k];
            final double[] s = slope[k];
            for (int i = from; i < to; i++)
            {
                a[i] += weight * s[i];
            }
        }
    }

    /**
     * The standard spike condition and reset: a neuron that is not refractory spikes when
     * {@code v ≥ vTh[i]}; then {@code v ← vReset[i]} and its refractory period starts.
     * Models with further reset actions apply them to the ids written, after this loop.
     *
     * @return the number of ids written.
     */
    protected final int thresholdAndReset(
        final double[] vTh, final double[] vReset, final int from, final int to, final int[] spikes, final int offset)
    {
        final double[] vArr = v;
        final int[] ref = refractoryLeft;
        final int[] refSteps = refractorySteps;
        int n = offset;
        for (int i = from; i < to; i++)
        {
            if (vArr[i] >= vTh[i] && (ref == null || ref[i] == 0))
            {
                spikes[n++] = i;
                vArr[i] = vReset[i];
                if (ref != null)
                {
                    ref[i] = refSteps[i];
                }
            }
        }
        return n - offset;
    }

    /** Adds {@code increment[i]} to {@code target[i]} for each id written by a fire loop. */
    protected static void addAtSpikes(
        final double[] target, final double[] increment, final int[] spikes, final int offset, final int count)
    {
        for (int k = offset; k < offset + count; k++)
        {
            final int i = spikes[k];
            target[i] += increment[i];
        }
    }

    /** The synaptic input of neuron i at membrane potential {@code vi} [pA]. */
    protected final double synapticCurrent(final int i, final double vi)
    {
        return current[i] - conductance[i] * vi;
    }

    @Override
    protected final List<String> ownStateVariables()
    {
        return names;
    }

    @Override
    protected final double[] ownState(final String variable)
    {
        final int k = names.indexOf(variable);
        return k < 0 ? null : y[k];
    }

    @Override
    protected final void resetModel(final long seed)
    {
        initialise(seed);
        for (int k = 0; k < y.length; k++)
        {
            if (initial[k] != null)
            {
                initial[k].fill(y[k], seed, id(), names.get(k));
            }
        }
        if (refractoryLeft != null)
        {
            Arrays.fill(refractoryLeft, 0);
        }
    }

    /** Every state variable besides {@code v} (which the group saves), and the refractory steps left. */
    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        for (int k = 1; k < y.length; k++)
        {
            state.doubles(names.get(k), y[k]);
        }
        if (refractoryLeft != null)
        {
            state.ints("refractoryLeft", refractoryLeft);
        }
    }
}
