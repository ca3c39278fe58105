package org.myelin.train.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.connect.ExplicitConnections;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Alif;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.PerNeuron;
import org.myelin.base.Population;
import org.myelin.output.Cuba;
import org.myelin.projection.AlignPostProjection;
import org.myelin.projection.Inputs;
import org.myelin.readout.LeakyRateReadout;
import org.myelin.readout.LeakySpikeReadout;
import org.myelin.sim.Network;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikeReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.network.Sequential;
import org.myelin.train.weights.DenseWeights;
import org.myelin.util.ModelException;

/**
 * A trained spiking network as a simulator network ({@link Network}) with explicit
 * connections: the input of one sample becomes a {@link SpikeGeneratorGroup}, each LIF/ALIF layer a
 * {@link Lif}/{@link Alif} population with the same parameter record, each weight matrix an
 * align-post projection of its non-zero entries ({@link ExplicitConnections}; exponential CUBA
 * synapse or delta synapse onto v, no delay), the readouts the simulator's
 * {@link LeakyRateReadout}/{@link LeakySpikeReadout}.
 *
 * <p>The layers' equations are the simulator's, step for step, and input projections are added
 * before recurrent ones, so each target sums its inputs in the training order: the simulation
 * spikes at the same steps as the training forward pass. Per-synapse weights are stored as float
 * in the simulator; {@link #roundWeights} rounds a network's weights the same way first, after
 * which spikes and readout values agree exactly. Layers with reset by subtraction, and rate
 * layers (Linear, RNN cells), have no simulator counterpart and are refused.
 */
public final class SimulatorExport
{
    private SimulatorExport()
    {
    }

    /**
     * The simulator network of a trained network and its monitors.
     *
     * @param network     the network, ready to run {@link #steps} steps.
     * @param input       the input's spike generator.
     * @param populations per layer name, its population.
     * @param spikes      per spiking layer name, a monitor of every spike.
     * @param readouts    per readout layer name, a monitor of its state ({@code r} or {@code v}) of every unit.
     * @param steps       steps of the sample.
     */
    public record Exported(Network network, SpikeGeneratorGroup input, Map<String, Population> populations,
        Map<String, SpikeMonitor> spikes, Map<String, StateMonitor> readouts, int steps)
    {
    }

    /** Rounds the weights of every exportable layer to float, as the simulator stores them. */
    public static void roundWeights(final Sequential trained)
    {
        for (final Layer layer : trained.layers())
        {
            if (layer instanceof SpikingLayer s)
            {
                s.inputWeights().roundToFloat();
                if (s.recurrentWeights() != null)
                {
                    s.recurrentWeights().roundToFloat();
                }
            }
        }
    }

    /** Checks that every layer has a simulator counterpart; the message names the first that has none. */
    public static void checkExportable(final Sequential trained)
    {
        for (final Layer layer : trained.layers())
        {
            if (layer instanceof SpikingLayer s)
            {
                if (s.reset() != SpikingLayer.Reset.TO_VALUE)
                {
                    throw new ModelException("export: layer '" + s.name() + "' resets by subtraction; the simulator's "
                        + s.kind() + " resets to vReset (train with reset: value to export)");
                }
            }
            else if (!(layer instanceof RateReadout) && !(layer instanceof SpikeReadout))
            {
                throw new ModelException("export: layer '" + layer.name() + "' (" + layer.kind() + ") has no simulator "
                    + "model; LIF, ALIF, RateReadout and SpikeReadout layers export");
            }
        }
    }

    /**
     * The simulator network that runs sample {@code sample} of {@code input} through the trained
     * network at time step {@code dtMs}.
     */
    public static Exported toNetwork(final Sequential trained, final Signal input, final int sample, final double dtMs,
        final long seed)
    {
        checkExportable(trained);
        if (!input.isSpikes())
        {
            throw new ModelException("export: the input must be a spike train");
        }
        final Network net = new Network(dtMs, seed);
        final SpikeGeneratorGroup generator = net.add(inputGenerator(input, sample, dtMs));
        final Map<String, Population> populations = new LinkedHashMap<>();
        final Map<String, SpikeMonitor> spikes = new LinkedHashMap<>();
        final Map<String, StateMonitor> readouts = new LinkedHashMap<>();
        Population source = generator;
        for (final Layer layer : trained.layers())
        {
            final Population population;
            if (layer instanceof SpikingLayer s)
            {
                final NeuronGroup group = net.add(neuronGroup(s));
                connect(net, s.name() + ".input", source, group, s, s.inputWeights());
                if (s.recurrentWeights() != null)
                {
                    connect(net, s.name() + ".recurrent", group, group, s, s.recurrentWeights());
                }
                spikes.put(s.name(), net.monitorSpikes(group));
                population = group;
            }
            else if (layer instanceof RateReadout r)
            {
                final LeakyRateReadout readout = new LeakyRateReadout(r.name(), source, r.outputs(), r.tau(),
                    r.weights().parameter().value()).addTo(net);
                readouts.put(r.name(), net.monitorState(readout, "r", all(r.outputs()), 1));
                population = readout;
            }
            else
            {
                final SpikeReadout r = (SpikeReadout) layer;
                final LeakySpikeReadout readout = new LeakySpikeReadout(r.name(), source, r.outputs(), r.tau(), r.vTh(),
                    r.softReset(), r.weights().parameter().value()).addTo(net);
                readouts.put(r.name(), net.monitorState(readout, "v", all(r.outputs()), 1));
                spikes.put(r.name(), net.monitorSpikes(readout));
                population = readout;
            }
            populations.put(layer.name(), population);
            source = population;
        }
        return new Exported(net, generator, populations, spikes, readouts, input.steps());
    }

    /** The spikes of one sample as a spike generator: unit i spiking at step n spikes at n·dt. */
    static SpikeGeneratorGroup inputGenerator(final Signal input, final int sample, final double dtMs)
    {
        final List<Integer> indices = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        for (int n = 0; n < input.steps(); n++)
        {
            for (int e = input.start(sample, n); e < input.end(sample, n); e++)
            {
                indices.add(input.ids()[e]);
                times.add(n * dtMs);
            }
        }
        return new SpikeGeneratorGroup("input", input.units(), indices.stream().mapToInt(Integer::intValue).toArray(),
            times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static NeuronGroup neuronGroup(final SpikingLayer s)
    {
        if (s.lifParameters() != null)
        {
            return new Lif(s.name(), s.outputs(), s.lifParameters());
        }
        PerNeuron<Alif.Parameters> values = PerNeuron.of("ALIF", s.alifParameters());
        final double[] beta = s.beta();
        boolean uniform = true;
        for (final double b : beta)
        {
            uniform &= b == s.alifParameters().beta();
        }
        if (!uniform)
        {
            values = values.with("beta", beta);
        }
        return new Alif(s.name(), s.outputs(), values);
    }

    private static void connect(final Network net, final String name, final Population source, final NeuronGroup target,
        final SpikingLayer layer, final DenseWeights weights)
    {
        final ExplicitConnections connections = ExplicitConnections.fromDense(weights.toMatrix(), null);
        if (layer.synapse() != null)
        {
            net.connect(name, source, target, connections, layer.synapse(), new Cuba(), "g", 1.0, 0.0);
        }
        else
        {
            net.add(new AlignPostProjection(name, source, target, connections, Inputs.delta(target, "v"), 1.0, 0.0));
        }
    }

    private static int[] all(final int n)
    {
        final int[] indices = new int[n];
        for (int k = 0; k < n; k++)
        {
            indices[k] = k;
        }
        return indices;
    }
}
