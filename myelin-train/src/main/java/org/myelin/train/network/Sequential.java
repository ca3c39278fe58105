package org.myelin.train.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.LayerSpec;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.Loss;
import org.myelin.train.parameter.Parameter;
import org.myelin.util.ModelException;

/**
 * A stack of layers, each fed by the one before, trained by backpropagation through time.
 *
 * <p>One pass over a batch ({@link #run}):
 * <ol>
 *   <li>forward: blocks of {@value #BLOCK} samples run through every layer and every step, the
 *       blocks in parallel;</li>
 *   <li>loss and regularizers: per sample, then summed in sample order;</li>
 *   <li>backward: the same blocks through the layers in reverse, each layer's hand-derived
 *       backward step per time step;</li>
 *   <li>parameter gradients: each weight row summed over samples and steps by one worker.</li>
 * </ol>
 * Blocks are cut by sample index whatever the thread count, every sample's arithmetic is its
 * own, and every gradient entry is summed in one order: losses, gradients and trained weights
 * are bit-identical for 1, 2 or N threads.
 */
public final class Sequential
{
    /** Samples per block of the forward and backward passes. */
    public static final int BLOCK = 8;

    private final int inputs;
    private final List<Layer> layers;
    private double[][] gradients;
    private double[] sampleLoss = new double[0];
    private int[] predictions = new int[0];

    private Sequential(final int inputs, final List<Layer> layers)
    {
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
        this.gradients = new double[layers.size()][0];
    }

    /** Starts a network whose input has {@code inputs} units per step. */
    public static Builder builder(final int inputs)
    {
        return new Builder(inputs);
    }

    /** Input units per step. */
    public int inputs()
    {
        return inputs;
    }

    /** Output units per step (of the last layer). */
    public int outputs()
    {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The layers, input side first. */
    public List<Layer> layers()
    {
        return layers;
    }

    /** The layer of this name. */
    public Layer layer(final String name)
    {
        for (final Layer layer : layers)
        {
            if (layer.name().equals(name))
            {
                return layer;
            }
        }
        final List<String> names = new ArrayList<>();
        for (final Layer layer : layers)
        {
            names.add(layer.name());
        }
        throw new ModelException("network: no layer '" + name + "'; layers: " + String.join(", ", names));
    }

    /** Every trainable parameter, layer by layer. */
    public List<Parameter> parameters()
    {
        final List<Parameter> all = new ArrayList<>();
        for (final Layer layer : layers)
        {
            all.addAll(layer.parameters());
        }
        return all;
    }

    /** Draws every layer's initial parameters from {@code seed}. */
    public void initialize(final long seed)
    {
        for (final Layer layer : layers)
        {
            layer.initialize(seed);
        }
    }

    /** Re-applies constraints after the parameters changed (after every optimiser step). */
    public void parametersChanged()
    {
        for (final Layer layer : layers)
        {
            layer.parametersChanged();
        }
    }

    /** {@link Layer#holdDetached} for every layer (gradient checks of detached resets). */
    public void holdDetached(final boolean hold)
    {
        for (final Layer layer : layers)
        {
            layer.holdDetached(hold);
        }
    }

    /** Sets every parameter gradient to 0. */
    public void zeroGradients()
    {
        for (final Parameter p : parameters())
        {
            p.zeroGradient();
        }
    }

    /** The output of the last layer after the last pass. */
    public Signal output()
    {
        return layers.get(layers.size() - 1).output();
    }

    /** The prediction of each sample of the last pass (−1 for losses without classes). */
    public int[] predictions()
    {
        return predictions;
    }

    /** Bytes of the trajectory and gradient buffers of the last batch shape. */
    public long bufferBytes()
    {
        long bytes = 0;
        for (int l = 0; l < layers.size(); l++)
        {
            bytes += layers.get(l).bufferBytes() + 8L * gradients[l].length;
        }
        return bytes;
    }

    /** The forward pass alone (no loss), for inspection and export: the layers' outputs hold the result. */
    public void forward(final Signal input, final double dtMs, final Workers workers)
    {
        final int size = input.batch();
        for (final Layer layer : layers)
        {
            layer.prepare(size, input.steps(), dtMs, false);
        }
        workers.run((size + BLOCK - 1) / BLOCK, block -> forwardBlock(input, block * BLOCK,
            Math.min(size, block * BLOCK + BLOCK)));
    }

    /** Samples {@code [from, to)} through every layer. */
    private void forwardBlock(final Signal input, final int from, final int to)
    {
        Signal in = input;
        for (final Layer layer : layers)
        {
            layer.forward(in, from, to);
            in = layer.output();
        }
    }

    /**
     * One pass over a batch; with {@code backward} the parameter gradients are added to (call
     * {@link #zeroGradients()} first).
     */
    public BatchResult run(final Batch batch, final Loss loss, final List<FiringRateRegularizer> regularizers,
        final double dtMs, final boolean backward, final Workers workers)
    {
        return run(batch, loss, regularizers, dtMs, backward, workers, false);
    }

    /**
     * As {@link #run(Batch, Loss, List, double, boolean, Workers)}; with {@code smooth} the spiking
     * layers emit the surrogate's smooth function instead of spikes (for gradient checks).
     */
    public BatchResult run(final Batch batch, final Loss loss, final List<FiringRateRegularizer> regularizers,
        final double dtMs, final boolean backward, final Workers workers, final boolean smooth)
    {
        final Signal input = batch.input();
        if (input.units() != inputs)
        {
            throw new ModelException("network: the input has " + input.units() + " units per step, the network expects "
                + inputs);
        }
        final int size = batch.size();
        final int steps = batch.steps();
        for (int l = 0; l < layers.size(); l++)
        {
            final Layer layer = layers.get(l);
            layer.prepare(size, steps, dtMs, smooth);
            final int cells = size * steps * layer.outputs();
            if (gradients[l].length < cells)
            {
                gradients[l] = new double[cells];
            }
        }
        if (sampleLoss.length < size)
        {
            sampleLoss = new double[size];
            predictions = new int[size];
        }
        final int last = layers.size() - 1;
        final int blocks = (size + BLOCK - 1) / BLOCK;
        workers.run(blocks, block ->
        {
            final int from = block * BLOCK;
            final int to = Math.min(size, from + BLOCK);
            forwardBlock(input, from, to);
            final Signal out = layers.get(last).output();
            for (int b = from; b < to; b++)
            {
                sampleLoss[b] = loss.lossAndGradient(out, batch, b, gradients[last], 1.0 / size);
                predictions[b] = loss.predict(out, b);
            }
        });
        double total = 0;
        int correct = 0;
        for (int b = 0; b < size; b++)
        {
            total += sampleLoss[b];
            if (batch.labels() != null && predictions[b] == batch.labels()[b])
            {
                correct++;
            }
        }
        final int[] regularizerLayer = new int[regularizers.size()];
        final double[][] regularizerGradient = new double[regularizers.size()][];
        double penalty = 0;
        for (int k = 0; k < regularizers.size(); k++)
        {
            final FiringRateRegularizer reg = regularizers.get(k);
            final Layer layer = layer(reg.layer());
            if (!layer.spiking())
            {
                throw new ModelException("firing-rate regularizer: layer '" + reg.layer() + "' (" + layer.kind()
                    + ") does not spike");
            }
            regularizerLayer[k] = layers.indexOf(layer);
            regularizerGradient[k] = new double[layer.outputs()];
            penalty += reg.penalty(layer.output(), dtMs, regularizerGradient[k]);
        }
        if (backward)
        {
            workers.run(blocks, block ->
            {
                final int from = block * BLOCK;
                final int to = Math.min(size, from + BLOCK);
                for (int l = last; l >= 0; l--)
                {
                    for (int k = 0; k < regularizerLayer.length; k++)
                    {
                        if (regularizerLayer[k] == l)
                        {
                            addPerNeuron(gradients[l], regularizerGradient[k], from * steps, to * steps);
                        }
                    }
                    final Signal in = l == 0 ? input : layers.get(l - 1).output();
                    layers.get(l).backward(in, gradients[l], l == 0 ? null : gradients[l - 1], from, to);
                }
            });
            final int parts = workers.threads();
            workers.run(parts, part ->
            {
                for (int l = 0; l <= last; l++)
                {
                    final Signal in = l == 0 ? input : layers.get(l - 1).output();
                    layers.get(l).accumulateGradients(in, gradients[l], part, parts);
                }
            });
        }
        return new BatchResult(total / size, penalty, correct, size);
    }

    private static void addPerNeuron(final double[] gradient, final double[] perNeuron, final int rowFrom,
        final int rowTo)
    {
        final int units = perNeuron.length;
        for (int row = rowFrom; row < rowTo; row++)
        {
            final int o = row * units;
            for (int k = 0; k < units; k++)
            {
                gradient[o + k] += perNeuron[k];
            }
        }
    }

    /** Builds a {@link Sequential}. */
    public static final class Builder
    {
        private final int inputs;
        private final List<Layer> layers = new ArrayList<>();
        private final Set<String> names = new HashSet<>();

        private Builder(final int inputs)
        {
            if (inputs < 1)
            {
                throw new ModelException("network: inputs must be >= 1, got inputs=" + inputs);
            }
            this.inputs = inputs;
        }

        /** Adds a layer fed by the previous one (or by the input). */
        public Builder add(final LayerSpec spec)
        {
            final int in = layers.isEmpty() ? inputs : layers.get(layers.size() - 1).outputs();
            final Layer layer = spec.build(in);
            if (!names.add(layer.name()))
            {
                throw new ModelException("network: two layers are named '" + layer.name() + "'");
            }
            layers.add(layer);
            return this;
        }

        /** The network (its parameters are 0 until {@link Sequential#initialize}). */
        public Sequential build()
        {
            if (layers.isEmpty())
            {
                throw new ModelException("network: add at least one layer");
            }
            return new Sequential(inputs, layers);
        }
    }
}
