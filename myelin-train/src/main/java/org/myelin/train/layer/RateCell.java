package org.myelin.train.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.myelin.train.data.Signal;
import org.myelin.train.parameter.Parameter;
import org.myelin.train.weights.BiasGradients;
import org.myelin.train.weights.DenseWeights;
import org.myelin.train.weights.WeightInit;

/**
 * The machinery shared by the rate RNN cells (brainstate's {@code nn} rate RNNs): G blocks of
 * N pre-activations per step,
 * <pre>
 *   a_n = b + W_xᵀ x_n + [W_hᵀ h_{n−1} for the first H blocks] + [W_cᵀ q_n for the last block]
 * </pre>
 * where {@code q_n = gate ⊙ h_{n−1}} for cells whose candidate sees a gated state (GRU, MGU).
 * A cell supplies its nonlinearities as loops over one sample and step: the gates from the
 * first H blocks (and q), then the output; and their backward steps, which write
 * {@code ∂L/∂a} (kept for the weight gradients) and the direct part of {@code ∂L/∂h_{n−1}}.
 *
 * <p>The products over the samples of a block use the register-blocked kernel; a spike input
 * adds one row of {@code W_x} per spike.
 */
public abstract class RateCell extends Layer
{
    /** Blocks of N pre-activations per step. */
    protected final int blocks;
    /** Blocks fed by {@code h_{n−1}} through {@link #stateWeights}. */
    protected final int stateBlocks;
    private final DenseWeights inputWeights;
    private final DenseWeights stateWeights;
    private final DenseWeights candidateWeights;
    private final Parameter bias;
    private final WeightInit init;
    private final WeightInit biasInit;

    /** Rows of the last batch and steps per sample. */
    protected int batch;
    /** Steps per sample. */
    protected int steps;
    /** The output h, {@code [batch][steps][N]}. */
    protected Signal out;
    /** The gated state q (GRU, MGU), {@code [batch][steps][N]}, or null. */
    protected Signal gated;
    /** Per step the cell's activations, {@code [batch][steps][blocks·N]}. */
    protected double[] act;
    /** Per step {@code ∂L/∂a}, {@code [batch][steps][blocks·N]}. */
    protected double[] delta;
    /** {@code ∂L/∂h_n} being assembled, {@code [batch][N]}. */
    protected double[] hBar;
    /** {@code ∂L/∂h_{n−1}} being assembled, {@code [batch][N]}. */
    protected double[] hPrevBar;
    /** {@code ∂L/∂q_n}, {@code [batch][N]}. */
    protected double[] qBar;
    private int[] stateOffsets;
    private int[] actOffsets;
    private int[] candidateOffsets;
    private int[] rowOffsets;
    private int[] inputOffsets;

    /**
     * @param kind        model name.
     * @param name        layer name.
     * @param inputs      input units.
     * @param size        N, units of h.
     * @param blocks      G.
     * @param stateBlocks H, the blocks fed by h directly.
     * @param candidate   whether the last block is fed by {@code q = gate ⊙ h}.
     * @param init        initial weights.
     * @param biasInit    initial bias.
     */
    protected RateCell(final String kind, final String name, final int inputs, final int size, final int blocks,
        final int stateBlocks, final boolean candidate, final WeightInit init, final WeightInit biasInit)
    {
        super(kind, name, inputs, size);
        this.blocks = blocks;
        this.stateBlocks = stateBlocks;
        this.inputWeights = new DenseWeights(name + ".input", inputs, blocks * size);
        this.stateWeights = new DenseWeights(name + ".recurrent", size, stateBlocks * size);
        this.candidateWeights = candidate ? new DenseWeights(name + ".candidate", size, size) : null;
        this.bias = new Parameter(name + ".bias", 1, blocks * size);
        this.init = init;
        this.biasInit = biasInit;
    }

    /** The input weights {@code W_x}, {@code [inputs][blocks·N]}. */
    public DenseWeights inputWeights()
    {
        return inputWeights;
    }

    /** The state weights {@code W_h}, {@code [N][H·N]}. */
    public DenseWeights stateWeights()
    {
        return stateWeights;
    }

    /** The candidate's weights {@code W_c} on the gated state, or null. */
    public DenseWeights candidateWeights()
    {
        return candidateWeights;
    }

    /** The bias, {@code [blocks·N]}. */
    public Parameter bias()
    {
        return bias;
    }

    @Override
    public final List<Parameter> parameters()
    {
        final List<Parameter> list = new ArrayList<>();
        list.add(inputWeights.parameter());
        list.add(stateWeights.parameter());
        if (candidateWeights != null)
        {
            list.add(candidateWeights.parameter());
        }
        list.add(bias);
        return List.copyOf(list);
    }

    @Override
    public final void initialize(final long seed)
    {
        inputWeights.initialize(init, seed);
        stateWeights.initialize(init, seed);
        if (candidateWeights != null)
        {
            candidateWeights.initialize(init, seed);
        }
        biasInit.fill(bias.value(), inputs(), seed, bias.name());
    }

    @Override
    public final void parametersChanged()
    {
        inputWeights.constrain();
        stateWeights.constrain();
        if (candidateWeights != null)
        {
            candidateWeights.constrain();
        }
    }

    @Override
    public final boolean spiking()
    {
        return false;
    }

    @Override
    public final Signal output()
    {
        return out;
    }

    @Override
    public void prepare(final int batchSize, final int stepCount, final double dt, final boolean smooth)
    {
        final int n = outputs();
        if (out == null)
        {
            out = Signal.dense(n);
            gated = candidateWeights == null ? null : Signal.dense(n);
        }
        out.resize(batchSize, stepCount);
        if (gated != null)
        {
            gated.resize(batchSize, stepCount);
        }
        final int rows = batchSize * stepCount;
        if (act == null || act.length < rows * blocks * n)
        {
            act = new double[rows * blocks * n];
            delta = new double[rows * blocks * n];
            rowOffsets = new int[rows];
            inputOffsets = new int[rows];
        }
        if (hBar == null || hBar.length < batchSize * n)
        {
            hBar = new double[batchSize * n];
            hPrevBar = new double[batchSize * n];
            qBar = new double[batchSize * n];
            stateOffsets = new int[batchSize];
            actOffsets = new int[batchSize];
            candidateOffsets = new int[batchSize];
        }
        batch = batchSize;
        steps = stepCount;
    }

    /** Row-major index of sample b at step n in {@code [batch][steps][width]} arrays, in units of width. */
    protected final int row(final int b, final int n)
    {
        return b * steps + n;
    }

    @Override
    public final void forward(final Signal in, final int from, final int to)
    {
        final int n = outputs();
        final int width = blocks * n;
        final double[] h = out.values();
        for (int step = 0; step < steps; step++)
        {
            for (int b = from; b < to; b++)
            {
                final int o = row(b, step) * width;
                System.arraycopy(bias.value(), 0, act, o, width);
                inputWeights.addRows(in, b, step, act, o);
                actOffsets[b] = o;
                stateOffsets[b] = step == 0 ? 0 : row(b, step - 1) * n;
                candidateOffsets[b] = o + stateBlocks * n;
            }
            if (step > 0)
            {
                stateWeights.multiply(h, stateOffsets, act, actOffsets, from, to - from);
            }
            for (int b = from; b < to; b++)
            {
                gates(b, step);
            }
            if (candidateWeights != null)
            {
                for (int b = from; b < to; b++)
                {
                    stateOffsets[b] = row(b, step) * n;
                }
                candidateWeights.multiply(gated.values(), stateOffsets, act, candidateOffsets, from, to - from);
            }
            for (int b = from; b < to; b++)
            {
                output(b, step);
            }
        }
    }

    @Override
    public final void backward(final Signal in, final double[] gradient, final double[] inputGradient, final int from,
        final int to)
    {
        final int n = outputs();
        final int width = blocks * n;
        Arrays.fill(hPrevBar, from * n, to * n, 0.0);
        startBackward(from, to);
        for (int step = steps - 1; step >= 0; step--)
        {
            for (int b = from; b < to; b++)
            {
                final int g = row(b, step) * n;
                for (int k = 0; k < n; k++)
                {
                    hBar[b * n + k] = hPrevBar[b * n + k] + gradient[g + k];
                    hPrevBar[b * n + k] = 0.0;
                }
                backwardOutput(b, step);
                actOffsets[b] = row(b, step) * width;
                candidateOffsets[b] = actOffsets[b] + stateBlocks * n;
                stateOffsets[b] = b * n;
            }
            if (candidateWeights != null)
            {
                Arrays.fill(qBar, from * n, to * n, 0.0);
                candidateWeights.multiplyTransposed(delta, candidateOffsets, qBar, stateOffsets, from, to - from);
                for (int b = from; b < to; b++)
                {
                    backwardGates(b, step);
                }
            }
            if (step > 0)
            {
                stateWeights.multiplyTransposed(delta, actOffsets, hPrevBar, stateOffsets, from, to - from);
            }
        }
        InputGradients.inputGradient(inputWeights, delta, width, inputGradient, rowOffsets, inputOffsets, steps, from,
            to);
    }

    @Override
    public final void accumulateGradients(final Signal in, final double[] gradient, final int part, final int parts)
    {
        final int n = outputs();
        final int width = blocks * n;
        inputWeights.accumulateGradient(in, 0, delta, width, 0, part, parts);
        stateWeights.accumulateGradient(out, 1, delta, width, 0, part, parts);
        if (candidateWeights != null)
        {
            candidateWeights.accumulateGradient(gated, 0, delta, width, stateBlocks * n, part, parts);
        }
        BiasGradients.accumulate(bias, delta, width, 0, batch * steps, part, parts);
    }

    @Override
    public long bufferBytes()
    {
        return act == null ? 0 : 8L * (2L * act.length + out.values().length
            + (gated == null ? 0 : gated.values().length));
    }

    /**
     * {@code h_{n−1}[k]} of sample b, 0 before the first step.
     *
     * @param step n.
     */
    protected final double previous(final int b, final int step, final int k)
    {
        return step == 0 ? 0.0 : out.values()[row(b, step - 1) * outputs() + k];
    }

    /** Called once per block before the backward steps (for extra carried state). */
    protected void startBackward(final int from, final int to)
    {
    }

    /**
     * The gate nonlinearities of sample b at one step, from the pre-activations of the first
     * {@link #stateBlocks} blocks in {@link #act} (in place), and q into {@link #gated}.
     */
    protected abstract void gates(int b, int step);

    /** The remaining nonlinearities and {@code h_n} into {@link #out}. */
    protected abstract void output(int b, int step);

    /**
     * Given {@code ∂L/∂h_n} in {@link #hBar}, writes {@code ∂L/∂a} of the blocks that do not wait
     * for {@code ∂L/∂q} into {@link #delta} and the direct part of {@code ∂L/∂h_{n−1}} into
     * {@link #hPrevBar}.
     */
    protected abstract void backwardOutput(int b, int step);

    /** With {@code ∂L/∂q} in {@link #qBar}: the rest of {@code ∂L/∂a} and of {@code ∂L/∂h_{n−1}}. */
    protected void backwardGates(final int b, final int step)
    {
    }

    /** The logistic function. */
    protected static double sigmoid(final double z)
    {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
