package org.myelin.train.layer;

import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.util.Check;

/**
 * One layer of a trainable network: it maps an input sequence to an output sequence for a batch
 * of samples, records what its backward step needs, and computes the gradients by a
 * hand-derived backward pass through time (BPTT).
 *
 * <p>A network calls, for each batch:
 * <ol>
 *   <li>{@link #prepare} once (buffers sized for the batch, reused between batches);</li>
 *   <li>{@link #forward} for blocks of samples, in parallel: each block's samples are independent;</li>
 *   <li>{@link #backward} for the same blocks, in reverse layer order: given {@code ∂L/∂output}
 *       it writes {@code ∂L/∂input} and keeps in the gradient buffer what its parameter
 *       gradients need (the derivative with respect to its weighted input sums);</li>
 *   <li>{@link #accumulateGradients} for parts of its weight rows, in parallel: each entry of a
 *       parameter's gradient is summed by one part in one fixed order, so gradients are the same
 *       for any thread count.</li>
 * </ol>
 * The buffers are indexed by sample, so blocks never share memory.
 *
 * <p>In smooth mode ({@link #prepare}'s {@code smooth}) spiking layers emit the surrogate's
 * smooth function of the membrane instead of Heaviside spikes: the network is then a smooth
 * function of its parameters whose exact gradient is what the backward pass computes, which is
 * what the finite-difference checks compare against.
 */
public abstract class Layer
{
    private final String kind;
    private final String name;
    private final int inputs;
    private final int outputs;

    /**
     * @param kind    model name for messages, e.g. {@code LIF}.
     * @param name    the layer's name, unique in its network.
     * @param inputs  input units per step.
     * @param outputs output units per step.
     */
    protected Layer(final String kind, final String name, final int inputs, final int outputs)
    {
        this.kind = kind;
        this.name = name;
        this.inputs = Check.atLeast(kind + " layer '" + name + "'", "inputs", inputs, 1);
        this.outputs = Check.atLeast(kind + " layer '" + name + "'", "size", outputs, 1);
    }

    /** The model name, e.g. {@code LIF}, {@code GRU}. */
    public final String kind()
    {
        return kind;
    }

    /** The layer's name. */
    public final String name()
    {
        return name;
    }

    /** Input units per step. */
    public final int inputs()
    {
        return inputs;
    }

    /** Output units per step. */
    public final int outputs()
    {
        return outputs;
    }

    /** The trainable parameters, in a fixed order. */
    public abstract List<Parameter> parameters();

    /** Draws the initial parameters from {@code seed} (and the parameter names). */
    public abstract void initialize(long seed);

    /** Re-applies masks and sign constraints and refreshes derived copies after the parameters changed. */
    public abstract void parametersChanged();

    /** True when the output is a spike train. */
    public abstract boolean spiking();

    /**
     * Sizes the buffers for {@code batch} samples of {@code steps} steps of {@code dt} ms.
     *
     * @param smooth replace spikes by the surrogate's smooth function (gradient checks only).
     */
    public abstract void prepare(int batch, int steps, double dt, boolean smooth);

    /** The output of the last forward pass. */
    public abstract Signal output();

    /** Runs samples {@code [from, to)} of {@code input} through all steps. */
    public abstract void forward(Signal input, int from, int to);

    /**
     * Backward pass of samples {@code [from, to)}.
     *
     * @param input         the input of the forward pass.
     * @param gradient      {@code ∂L/∂output} ({@code [batch][steps][outputs]}); the layer may
     *                      overwrite it with what {@link #accumulateGradients} needs.
     * @param inputGradient where to write {@code ∂L/∂input} ({@code [batch][steps][inputs]}), or
     *                      null when the input is data.
     */
    public abstract void backward(Signal input, double[] gradient, double[] inputGradient, int from, int to);

    /**
     * Adds this batch's contribution to the parameter gradients, for part {@code part} of
     * {@code parts} (rows of each weight matrix, biases in the last part).
     */
    public abstract void accumulateGradients(Signal input, double[] gradient, int part, int parts);

    /**
     * In smooth mode, with {@code hold} the values this layer detaches from the gradient (the
     * spikes of a detached reset) keep what the last run without hold computed, so that finite
     * differences see them as constants, as the backward pass does ({@code stop_gradient}).
     * Layers that detach nothing ignore it.
     */
    public void holdDetached(final boolean hold)
    {
    }

    /** Bytes of the buffers allocated for the current batch shape (for memory reports). */
    public abstract long bufferBytes();

    @Override
    public String toString()
    {
        return kind + " '" + name + "' (" + inputs + " → " + outputs + ")";
    }
}
