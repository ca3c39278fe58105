package org.myelin.train.layer;

import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;

/**
 * A layer fed through one dense weight matrix {@code W[input][output]} whose output is dense
 * (readouts, Linear): the weights, their initialisation and constraints, the output buffer,
 * the input gradient {@code ∂x_n = W·δ_n} and the weight gradient {@code ∂W += x_n δ_nᵀ} from
 * the δ a subclass leaves in the gradient buffer.
 */
abstract class WeightedLayer extends Layer
{
    /** The weights. */
    protected final DenseWeights weights;
    private final WeightInit init;
    /** Samples of the current batch. */
    protected int batch;
    /** Steps per sample. */
    protected int steps;
    /** The output, {@code [batch][steps][outputs]}. */
    protected Signal out;
    private int[] deltaOffsets;
    private int[] inputOffsets;

    WeightedLayer(final String kind, final String name, final int inputs, final int outputs, final WeightInit init)
    {
        super(kind, name, inputs, outputs);
        this.weights = new DenseWeights(name + ".weights", inputs, outputs);
        this.init = init;
    }

    /** The weights. */
    public final DenseWeights weights()
    {
        return weights;
    }

    @Override
    public List<Parameter> parameters()
    {
        return List.of(weights.parameter());
    }

    @Override
    public void initialize(final long seed)
    {
        weights.initialize(init, seed);
    }

    @Override
    public final void parametersChanged()
    {
        weights.constrain();
    }

    @Override
    public final Signal output()
    {
        return out;
    }

    @Override
    public void prepare(final int batchSize, final int stepCount, final double dt, final boolean smooth)
    {
        if (out == null)
        {
            out = Signal.dense(outputs());
        }
        out.resize(batchSize, stepCount);
        batch = batchSize;
        steps = stepCount;
        if (deltaOffsets == null || deltaOffsets.length < batchSize * stepCount)
        {
            deltaOffsets = new int[batchSize * stepCount];
            inputOffsets = new int[batchSize * stepCount];
        }
    }

    /** {@code ∂x = W·δ} for samples {@code [from, to)}, δ in {@code gradient}. */
    protected final void inputGradient(final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        InputGradients.inputGradient(weights, gradient, inputGradient, deltaOffsets, inputOffsets, steps, from, to);
    }

    @Override
    public void accumulateGradients(final Signal in, final double[] gradient, final int part, final int parts)
    {
        weights.accumulateGradient(in, 0, gradient, outputs(), 0, part, parts);
    }

    @Override
    public long bufferBytes()
    {
        return out == null ? 0 : 8L * out.values().length;
    }
}
