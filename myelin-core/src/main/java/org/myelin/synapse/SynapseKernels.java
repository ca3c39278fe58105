package org.myelin.synapse;

import org.myelin.output.Cuba;

/**
 * Drives one receptor of a synapse model by itself, without neurons: the response of its output
 * variable to a spike train. Used by the tests, {@code myelin plot kernels} and the Brian2
 * validation driver.
 *
 * <p>The timing is the network's: a spike of step s is delivered after step s's update, so it
 * first shows in the output sampled at step s + 1 (time (s + 1)·dt).
 */
public final class SynapseKernels
{
    private SynapseKernels()
    {
    }

    /**
     * The output variable at steps {@code 0 .. steps−1} (the value that drives the neuron during
     * each step), with CUBA output and a membrane potential held at 0 mV, for spikes of weight
     * {@code weight} at {@code spikeSteps}. For {@link Delta} with target voltage it is the
     * accumulated jump of {@code v} instead.
     *
     * @param model      the synapse model.
     * @param dt         [ms] time step.
     * @param steps      number of samples.
     * @param weight     the weight of each spike.
     * @param spikeSteps steps at which the presynaptic neuron spikes.
     * @return one sample per step.
     */
    public static double[] response(
        final SynapseModel model, final double dt, final int steps, final double weight, final long... spikeSteps)
    {
        final Receptor receptor = model.newReceptor(1, new Cuba());
        receptor.prepare(dt, 1.0);
        receptor.reset();
        final boolean jump = model instanceof Delta d && d.target() == Delta.Target.VOLTAGE;
        final double[] v = new double[1];
        final double[] conductance = new double[1];
        final double[] current = new double[1];
        final double[] out = new double[steps];
        for (int n = 0; n < steps; n++)
        {
            conductance[0] = 0.0;
            current[0] = 0.0;
            receptor.contribute(0, 1, v, conductance, current);
            out[n] = jump ? v[0] : current[0];
            for (final long s : spikeSteps)
            {
                if (s == n)
                {
                    receptor.input()[0] += weight * receptor.inputScale();
                }
            }
        }
        return out;
    }
}
