package org.myelin.synapse;

import java.util.Arrays;
import java.util.List;

import org.myelin.output.Output;
import org.myelin.state.StateAccess;

/**
 * The common part of the receptors of {@link Alpha}, {@link DualExponential}, {@link Delta},
 * {@link ExponentialCurrent}, {@link TwoStateKinetic} and {@link Nmda}: named state arrays of
 * length N_post and an arrival array that spike delivery adds weights into.
 *
 * <p>Every subclass does one step of a slice in the same order: absorb the weights that arrived
 * since the last step (they were delivered after the neurons' update, so they act from this step's
 * time t on), add the output current of the state at t, then advance the state to t + dt.
 */
abstract class StateReceptor extends Receptor
{
    /** The array deliveries add weights into: a state array, or pending arrivals. */
    protected final double[] arrivals;
    private final List<String> names;
    private final double[][] arrays;

    /**
     * @param model     the synapse model.
     * @param output    how the state drives the neurons.
     * @param size      neurons in the post-synaptic group.
     * @param input     index of the state variable that receives the weights, or −1 for a
     *                  separate arrival array that the next step absorbs and clears.
     * @param variables names of the state variables, each given an array of length {@code size}.
     */
    StateReceptor(
        final SynapseModel model, final Output output, final int size, final int input, final String... variables)
    {
        super(model, output, size);
        this.names = List.of(variables);
        this.arrays = new double[variables.length][size];
        this.arrivals = input < 0 ? new double[size] : arrays[input];
    }

    /** The array of the {@code k}-th state variable, in constructor order. */
    protected final double[] array(final int k)
    {
        return arrays[k];
    }

    @Override
    public final double[] input()
    {
        return arrivals;
    }

    @Override
    public final List<String> stateVariables()
    {
        return names;
    }

    @Override
    public final double[] state(final String variable)
    {
        final int k = names.indexOf(variable);
        return k < 0 ? super.state(variable) : arrays[k];
    }

    @Override
    public void reset()
    {
        Arrays.fill(arrivals, 0.0);
        for (final double[] a : arrays)
        {
            Arrays.fill(a, 0.0);
        }
    }

    @Override
    public void visitState(final StateAccess state)
    {
        super.visitState(state);
        for (int k = 0; k < names.size(); k++)
        {
            state.doubles(names.get(k), arrays[k]);
        }
        if (!isOneOf(arrivals, arrays))
        {
            state.doubles("arrivals", arrivals);
        }
    }

    private static boolean isOneOf(final double[] array, final double[][] arrays)
    {
        for (final double[] a : arrays)
        {
            if (a == array)
            {
                return true;
            }
        }
        return false;
    }
}
