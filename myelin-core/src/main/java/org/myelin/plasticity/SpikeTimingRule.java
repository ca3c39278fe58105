package org.myelin.plasticity;

/**
 * A rule that changes plastic weights at the times pre- and postsynaptic spikes reach the synapse
 * (spike-timing-dependent plasticity). A rule holds parameters only: the traces it reads live in
 * {@link NeuronTraces} made by {@link #preTraces} and {@link #postTraces}, the weights in
 * {@link SynapseSlice}s.
 *
 * <p>Events of one step are handled as Brian2 schedules its {@code on_pre} and {@code on_post}
 * pathways: first every presynaptic spike that reaches its synapses at step n (the synapse
 * transmits its weight, then the rule updates it from the postsynaptic traces as they stand before
 * step n's postsynaptic spikes, then the presynaptic traces count the spike), then every
 * postsynaptic spike of step n (the rule reads presynaptic traces that include step n's
 * presynaptic spikes, then the postsynaptic traces count the spike). A pre and a post spike at
 * the same step therefore pair as pre before post.
 *
 * <p>Each method handles one spike and all its synapses in one slice, so there is one call per
 * spike, not per synapse.
 */
public abstract sealed class SpikeTimingRule permits PairStdp, TripletStdp, DopamineStdp
{
    /** The weight dependence and bounds. */
    protected final WeightDependence dependence;

    protected SpikeTimingRule(final WeightDependence dependence)
    {
        this.dependence = dependence;
    }

    /** The weight dependence and bounds. */
    public WeightDependence dependence()
    {
        return dependence;
    }

    /** A description for summaries. */
    public abstract String describe();

    /** Per-synapse state variables beside the weight (4 bytes each). */
    public int synapseStates()
    {
        return 0;
    }

    /** The presynaptic traces of {@code size} neurons for time step {@code dt}. */
    public abstract NeuronTraces preTraces(int size, double dt);

    /** The postsynaptic traces of {@code size} neurons for time step {@code dt}. */
    public abstract NeuronTraces postTraces(int size, double dt);

    /**
     * Presynaptic neuron {@code source}'s spike reaches its synapses of {@code slice} at step
     * {@code step}: updates their weights (after they transmitted) and per-synapse state.
     */
    public abstract void onPre(SynapseSlice slice, int source, long step, NeuronTraces pre, NeuronTraces post);

    /**
     * Presynaptic neuron {@code source}'s spike reaches its synapses of {@code slice}: each adds
     * {@code scale · w} to its target's {@code input}, then {@link #onPre} updates it. Rules that
     * can do both in one pass over the row (one read of each weight) override this.
     */
    public void transmitThenPre(final SynapseSlice slice, final int source, final long step, final NeuronTraces pre,
        final NeuronTraces post, final double[] input, final double scale)
    {
        slice.transmit(source, input, scale);
        onPre(slice, source, step, pre, post);
    }

    /** Counts presynaptic neuron {@code source}'s spike in its traces, after {@link #onPre}. */
    public abstract void countPre(NeuronTraces pre, int source, long step);

    /** Postsynaptic neuron {@code target}'s spike reaches its synapses at {@code step}: updates their weights. */
    public abstract void onPost(SynapseSlice slice, int target, long step, NeuronTraces pre, NeuronTraces post);

    /** Counts postsynaptic neuron {@code target}'s spike in its traces, after {@link #onPost}. */
    public abstract void countPost(NeuronTraces post, int target, long step);
}
