package org.myelin.train.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * Updates parameters in place from their gradients, one flat loop per parameter
 * ({@code torch.optim}'s single-tensor loops; brainstate {@code optim}).
 *
 * <p>State (moments, momentum buffers) is one {@code double[]} per parameter and kind, created
 * with the optimiser, and a step count; {@link #state()} and {@link #restore} save and reload it,
 * so a resumed run continues with the same updates. The learning rate may change between steps
 * (schedules).
 */
public abstract class Optimizer
{
    private final String kind;
    private final List<Parameter> parameters;
    private final Map<String, double[][]> buffers = new LinkedHashMap<>();
    private double learningRate;
    private long steps;

    /**
     * @param kind         name for messages.
     * @param parameters   what it updates.
     * @param learningRate the initial learning rate, {@code >= 0}.
     */
    protected Optimizer(final String kind, final List<Parameter> parameters, final double learningRate)
    {
        this.kind = kind;
        this.parameters = List.copyOf(parameters);
        this.learningRate = Check.nonNegative(kind, "lr", learningRate, "");
        if (parameters.isEmpty())
        {
            throw new ModelException(kind + ": there are no parameters to train");
        }
    }

    /** A state buffer of one kind, one array per parameter, all 0. */
    protected final double[][] buffer(final String name)
    {
        return buffers.computeIfAbsent(name, key ->
        {
            final double[][] arrays = new double[parameters.size()][];
            for (int k = 0; k < arrays.length; k++)
            {
                arrays[k] = new double[parameters.get(k).size()];
            }
            return arrays;
        });
    }

    /** The optimiser's name. */
    public final String kind()
    {
        return kind;
    }

    /** The parameters. */
    public final List<Parameter> parameters()
    {
        return parameters;
    }

    /** The current learning rate. */
    public final double learningRate()
    {
        return learningRate;
    }

    /** Sets the learning rate for the next steps. */
    public final void setLearningRate(final double value)
    {
        learningRate = Check.nonNegative(kind, "lr", value, "");
    }

    /** Steps taken. */
    public final long steps()
    {
        return steps;
    }

    /** One update of every parameter from its gradient. */
    public final void step()
    {
        steps++;
        for (int k = 0; k < parameters.size(); k++)
        {
            final Parameter p = parameters.get(k);
            update(k, p.value(), p.gradient(), steps, learningRate);
        }
    }

    /**
     * Updates one parameter.
     *
     * @param index which parameter (for its buffers).
     * @param w     values, updated in place.
     * @param g     gradient.
     * @param t     the step number, from 1.
     * @param lr    the learning rate.
     */
    protected abstract void update(int index, double[] w, double[] g, long t, double lr);

    /** The state as named arrays: {@code <buffer>.<parameter>} → values, plus {@code steps}. */
    public final Map<String, double[]> state()
    {
        final Map<String, double[]> state = new LinkedHashMap<>();
        state.put("steps", new double[] {steps});
        for (final Map.Entry<String, double[][]> e : buffers.entrySet())
        {
            for (int k = 0; k < parameters.size(); k++)
            {
                state.put(e.getKey() + "." + parameters.get(k).name(), e.getValue()[k].clone());
            }
        }
        return state;
    }

    /** Reloads a state saved by {@link #state()}. */
    public final void restore(final Map<String, double[]> state)
    {
        final double[] count = state.get("steps");
        if (count == null || count.length != 1)
        {
            throw new ModelException(kind + ": the saved state has no step count");
        }
        steps = (long) count[0];
        for (final Map.Entry<String, double[][]> e : buffers.entrySet())
        {
            for (int k = 0; k < parameters.size(); k++)
            {
                final String key = e.getKey() + "." + parameters.get(k).name();
                final double[] saved = state.get(key);
                if (saved == null || saved.length != e.getValue()[k].length)
                {
                    throw new ModelException(kind + ": the saved state has no buffer '" + key + "' of "
                        + e.getValue()[k].length + " values");
                }
                System.arraycopy(saved, 0, e.getValue()[k], 0, saved.length);
            }
        }
    }

    /** Checks {@code 0 <= value < 1} for decay rates. */
    protected static double rate(final String owner, final String name, final double value)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ModelException(owner + ": " + name + " must be in [0, 1), got " + name + "=" + Check.fmt(value));
        }
        return value;
    }

    /** A description with the hyperparameters. */
    public abstract String describe();
}
