package org.myelin.train.surrogate;

/**
 * A spike function for gradient training: the forward pass is exactly the Heaviside step
 * {@code H(x) = 1 if x > 0 else 0} (strictly greater: {@code H(0) = 0}), the backward pass uses
 * the derivative of a smooth function in place of H's derivative (brainstate {@code surrogate},
 * Neftci, Mostafa and Zenke 2019).
 *
 * <p>{@code x} is the distance to threshold in units of the threshold's scale, e.g.
 * {@code (v − vTh)/(vTh − vReset)} for a LIF neuron. Each surrogate gives its derivative
 * {@link #derivative(double)} and the smooth function {@link #smooth(double)} it is the derivative
 * of ({@code smooth(x) = ∫_{−∞}^{x} derivative}), so that a network whose spikes are replaced by
 * {@code smooth(x)} has exactly the gradient that the surrogate backward pass computes: the
 * gradient checks use that network.
 *
 * <p>The array form {@link #derivatives} runs one loop per call, so a layer makes one call per
 * slice of neurons, not one per neuron.
 */
public sealed interface Surrogate permits Sigmoid, FastSigmoid, Arctan, PiecewiseLinear, Gaussian, MultiGaussian
{
    /** The forward pass: 1 when {@code x > 0}, else 0 (0 at x = 0 and for NaN). */
    static double heaviside(final double x)
    {
        return x > 0 ? 1.0 : 0.0;
    }

    /** The surrogate derivative at {@code x}. */
    double derivative(double x);

    /** The smooth function whose derivative is {@link #derivative(double)}, 0 at −∞. */
    double smooth(double x);

    /** {@code out[outOffset + i] = derivative(x[xOffset + i])} for {@code i < count}. */
    void derivatives(double[] x, int xOffset, double[] out, int outOffset, int count);

    /** The name used in specifications ({@code FastSigmoid}, ...). */
    String name();

    /** The parameters as {@code name=value} pairs, for messages and run files. */
    String describe();
}
