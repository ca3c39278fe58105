package org.myelin.train.export;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.myelin.base.Integrator;
import org.myelin.io.Npy;
import org.myelin.neuron.ParameterUnit;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.Layer;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.weights.DenseWeights;
import org.myelin.util.ModelException;

/**
 * A trained spiking network as a model file that {@code myelin run} simulates: one sample's input
 * spikes as a {@code SpikeGeneratorGroup} read from a CSV file, each LIF/ALIF layer a population with
 * the layer's parameter record, each weight matrix an {@code Explicit} projection of its non-zero
 * entries in {@code .npy} files ({@code i}, {@code j}, float32 {@code weight}), and the spikes of the
 * training forward pass beside it for comparison.
 *
 * <p>The model is the one {@link SimulatorExport#toNetwork} builds in Java, written out: the same
 * populations, projections in the same order (a layer's input before its recurrent weights, so each
 * target sums its inputs in the training order), the synapses in the order of the weight matrix (by
 * source, then target). The weights are first rounded to float ({@link SimulatorExport#roundWeights}),
 * as synapses store them, so that {@code myelin run model.yaml} spikes at exactly the steps of the
 * training forward pass of the written weights. Readouts have no population in a model file and are
 * left out (their weights are in the run's parameter files); a spiking layer fed by a readout cannot
 * be written and is refused by name, as are the layers {@link SimulatorExport#checkExportable} refuses.
 *
 * <table>
 *   <caption>Files</caption>
 *   <tr><th>file</th><th>content</th></tr>
 *   <tr><td>{@code model.yaml}</td><td>the model file</td></tr>
 *   <tr><td>{@code input-spikes.csv}</td><td>{@code i,t}: input unit and time [ms] of each input spike of the sample</td></tr>
 *   <tr><td>{@code <layer>.input_i.npy}, {@code _j.npy}, {@code _weight.npy} (and {@code .recurrent_})</td>
 *       <td>int32 source, int32 target, float32 weight (pA through the exponential synapse, mV for a delta synapse)</td></tr>
 *   <tr><td>{@code <layer>.beta.npy}</td><td>an ALIF layer's adaptation strength per neuron [mV], when it differs between neurons</td></tr>
 *   <tr><td>{@code expected-spikes.csv}</td><td>{@code step,neuron,population}: the training forward pass's
 *       spikes, with the neuron numbered as {@code myelin run} numbers it (the input population first)</td></tr>
 * </table>
 */
public final class ModelFileExport
{
    /** The model file. */
    public static final String MODEL = "model.yaml";
    /** The sample's input spikes. */
    public static final String INPUT_SPIKES = "input-spikes.csv";
    /** The spikes of the training forward pass. */
    public static final String EXPECTED_SPIKES = "expected-spikes.csv";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private ModelFileExport()
    {
    }

    /**
     * What was written.
     *
     * @param populations the model's populations in numbering order, the input first.
     * @param synapses    synapses over all projections.
     * @param spikes      spikes of the spiking layers in the training forward pass.
     * @param leftOut     the readout layers, which a model file does not hold.
     */
    public record Written(List<String> populations, long synapses, long spikes, List<String> leftOut)
    {
    }

    /**
     * Rounds the network's weights to float, runs sample {@code sample} of {@code input} through it and
     * writes the model file, its data files and the forward pass's spikes into {@code dir} (an
     * existing directory; callers that need the files to appear together write into a fresh
     * directory and rename it).
     *
     * @param name the model's name.
     * @throws ModelException naming the first layer that cannot be written.
     */
    public static Written write(final Sequential trained, final Signal input, final int sample, final double dtMs,
        final String name, final Path dir) throws IOException
    {
        return write(trained, input, sample, dtMs, name, null, dir);
    }

    /**
     * As {@link #write(Sequential, Signal, int, double, String, Path)}, with {@code origin} (e.g.
     * which sample and epoch, or null) in the model file's header comment.
     */
    public static Written write(final Sequential trained, final Signal input, final int sample, final double dtMs,
        final String name, final String origin, final Path dir) throws IOException
    {
        final List<SpikingLayer> layers = spikingLayers(trained);
        if (!input.isSpikes())
        {
            throw new ModelException("export: the input must be a spike train");
        }
        if (sample < 0 || sample >= input.batch())
        {
            throw new ModelException("export: sample " + sample + " is not in [0, " + input.batch() + ")");
        }
        SimulatorExport.roundWeights(trained);
        try (Workers workers = new Workers(1))
        {
            trained.forward(input, dtMs, workers);
        }
        final String inputName = inputName(layers);
        final List<String> populations = new ArrayList<>();
        populations.add(inputName);
        final StringBuilder yaml = new StringBuilder();
        yaml.append("# ").append(name).append(": a trained network").append(origin == null ? "" : ", " + origin)
            .append(", exported by myelin-train; run it with\n")
            .append("#   myelin run ").append(MODEL).append(" --out DIR\n")
            .append("# and compare DIR/spikes.csv with ").append(EXPECTED_SPIKES)
            .append(" (the training forward pass of these weights).\n");
        final List<String> leftOut = new ArrayList<>();
        for (final Layer layer : trained.layers())
        {
            if (!(layer instanceof SpikingLayer))
            {
                leftOut.add(layer.name());
            }
        }
        if (!leftOut.isEmpty())
        {
            yaml.append("# Readouts are not part of a model file and are left out: ").append(String.join(", ", leftOut))
                .append(".\n");
        }
        yaml.append("name: ").append(quote(name)).append('\n')
            .append("dt: ").append(number(dtMs)).append(" ms\n")
            .append("duration: ").append(number(input.steps() * dtMs)).append(" ms\n")
            .append("populations:\n")
            .append("  ").append(quote(inputName)).append(": {model: SpikeGeneratorGroup, size: ").append(input.units())
            .append(", parameters: {file: ").append(INPUT_SPIKES).append("}}\n");
        for (final SpikingLayer s : layers)
        {
            populations.add(s.name());
            yaml.append("  ").append(quote(s.name())).append(":\n")
                .append("    model: ").append(s.kind()).append('\n')
                .append("    size: ").append(s.outputs()).append('\n')
                .append("    parameters: {").append(parameters(s, dir)).append("}\n");
        }
        yaml.append("projections:\n");
        long synapses = 0;
        String source = inputName;
        for (final SpikingLayer s : layers)
        {
            synapses += projection(yaml, dir, s.name() + ".input", source, s, s.inputWeights());
            if (s.recurrentWeights() != null)
            {
                synapses += projection(yaml, dir, s.name() + ".recurrent", s.name(), s, s.recurrentWeights());
            }
            source = s.name();
        }
        if (synapses == 0)
        {
            yaml.setLength(yaml.length() - "projections:\n".length());
        }
        yaml.append("monitors:\n  spikes: [");
        for (int k = 0; k < layers.size(); k++)
        {
            yaml.append(k == 0 ? "" : ", ").append(quote(layers.get(k).name()));
        }
        yaml.append("]\n");
        writeInput(dir.resolve(INPUT_SPIKES), input, sample, dtMs);
        final long spikes = writeExpected(dir.resolve(EXPECTED_SPIKES), layers, input.units(), sample);
        Files.writeString(dir.resolve(MODEL), yaml, StandardCharsets.UTF_8);
        return new Written(List.copyOf(populations), synapses, spikes, List.copyOf(leftOut));
    }

    /**
     * Checks that a model file can hold the network.
     *
     * @throws ModelException naming the first layer that it cannot hold.
     */
    public static void check(final Sequential trained)
    {
        spikingLayers(trained);
    }

    /** The spiking layers; refuses layers without a simulator model and spiking layers fed by a readout. */
    static List<SpikingLayer> spikingLayers(final Sequential trained)
    {
        SimulatorExport.checkExportable(trained);
        final List<SpikingLayer> layers = new ArrayList<>();
        Layer previous = null;
        for (final Layer layer : trained.layers())
        {
            if (layer instanceof SpikingLayer s)
            {
                if (previous != null && !(previous instanceof SpikingLayer))
                {
                    throw new ModelException("export: layer '" + s.name() + "' is fed by readout '" + previous.name()
                        + "', which a model file cannot hold; only readouts after the last spiking layer export");
                }
                layers.add(s);
            }
            previous = layer;
        }
        if (layers.isEmpty())
        {
            throw new ModelException("export: the network has no LIF or ALIF layer to write as a model file");
        }
        return layers;
    }

    /** {@code input}, or {@code input_spikes}, ... if a layer has that name. */
    private static String inputName(final List<SpikingLayer> layers)
    {
        final Set<String> taken = new HashSet<>();
        layers.forEach(s -> taken.add(s.name()));
        String name = "input";
        while (taken.contains(name))
        {
            name = name + "_spikes";
        }
        return name;
    }

    /** The layer's parameter record as {@code key: value unit, ...}; a per-neuron ALIF beta goes to a file. */
    private static String parameters(final SpikingLayer s, final Path dir) throws IOException
    {
        final Record record = s.lifParameters() != null ? s.lifParameters() : s.alifParameters();
        final StringBuilder text = new StringBuilder();
        for (final RecordComponent c : record.getClass().getRecordComponents())
        {
            final Object value;
            try
            {
                value = c.getAccessor().invoke(record);
            }
            catch (final IllegalAccessException | InvocationTargetException e)
            {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
            }
            text.append(text.isEmpty() ? "" : ", ").append(c.getName()).append(": ");
            if (value instanceof Integrator integrator)
            {
                text.append(integrator.name().toLowerCase(Locale.ROOT));
                continue;
            }
            final String unit = unit(c);
            if (c.getName().equals("beta") && s.lifParameters() == null)
            {
                final double[] beta = s.beta();
                if (uniform(beta))
                {
                    text.append(number(beta[0])).append(' ').append(unit);
                    continue;
                }
                final String file = s.name() + ".beta.npy";
                Npy.write(dir.resolve(file), beta, beta.length);
                text.append("{file: ").append(quote(file)).append(", unit: ").append(unit).append('}');
                continue;
            }
            text.append(number((Double) value)).append(' ').append(unit);
        }
        return text.toString();
    }

    private static String unit(final RecordComponent c)
    {
        final ParameterUnit unit = c.getAnnotation(ParameterUnit.class);
        if (unit == null)
        {
            throw new IllegalStateException(c.getDeclaringRecord().getName() + "." + c.getName() + " has no unit");
        }
        return unit.value();
    }

    private static boolean uniform(final double[] values)
    {
        for (final double v : values)
        {
            if (v != values[0])
            {
                return false;
            }
        }
        return true;
    }

    /** Writes one weight matrix's non-zero entries as an Explicit projection; returns its synapse count. */
    private static long projection(final StringBuilder yaml, final Path dir, final String name, final String source,
        final SpikingLayer target, final DenseWeights weights) throws IOException
    {
        final double[][] w = weights.toMatrix();
        int count = 0;
        for (final double[] row : w)
        {
            for (final double v : row)
            {
                count += v != 0 ? 1 : 0;
            }
        }
        if (count == 0)
        {
            return 0;
        }
        final int[] pre = new int[count];
        final int[] post = new int[count];
        final float[] value = new float[count];
        int k = 0;
        for (int i = 0; i < w.length; i++)
        {
            for (int j = 0; j < w[i].length; j++)
            {
                if (w[i][j] != 0)
                {
                    pre[k] = i;
                    post[k] = j;
                    value[k++] = (float) w[i][j];
                }
            }
        }
        Npy.write(dir.resolve(name + "_i.npy"), pre);
        Npy.write(dir.resolve(name + "_j.npy"), post);
        Npy.write(dir.resolve(name + "_weight.npy"), value, count);
        yaml.append("  - name: ").append(quote(name)).append('\n')
            .append("    source: ").append(quote(source)).append('\n')
            .append("    target: ").append(quote(target.name())).append('\n')
            .append("    connectivity: {model: Explicit, i: ").append(quote(name + "_i.npy")).append(", j: ")
            .append(quote(name + "_j.npy")).append(", weight: ").append(quote(name + "_weight.npy")).append("}\n");
        if (target.synapse() != null)
        {
            yaml.append("    synapse: {model: Exponential, tau: ").append(number(target.synapse().tau()))
                .append(" ms, integrator: ").append(target.synapse().integrator().name().toLowerCase(Locale.ROOT))
                .append("}\n")
                .append("    output: CUBA\n")
                .append("    weight: 1 pA\n");
        }
        else
        {
            yaml.append("    synapse: Delta\n")
                .append("    weight: 1 mV\n");
        }
        return count;
    }

    private static void writeInput(final Path file, final Signal input, final int sample, final double dtMs)
        throws IOException
    {
        final StringBuilder csv = new StringBuilder("i,t\n");
        for (int n = 0; n < input.steps(); n++)
        {
            for (int e = input.start(sample, n); e < input.end(sample, n); e++)
            {
                csv.append(input.ids()[e]).append(',').append(Double.toString(n * dtMs)).append('\n');
            }
        }
        Files.writeString(file, csv, StandardCharsets.US_ASCII);
    }

    private static long writeExpected(final Path file, final List<SpikingLayer> layers, final int inputs,
        final int sample) throws IOException
    {
        final StringBuilder csv = new StringBuilder("step,neuron,population\n");
        final int steps = layers.getFirst().output().steps();
        long spikes = 0;
        for (int n = 0; n < steps; n++)
        {
            int offset = inputs;
            for (final SpikingLayer s : layers)
            {
                final Signal out = s.output();
                for (int e = out.start(sample, n); e < out.end(sample, n); e++)
                {
                    csv.append(n).append(',').append(offset + out.ids()[e]).append(',').append(s.name()).append('\n');
                    spikes++;
                }
                offset += s.outputs();
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return spikes;
    }

    /** The double as a decimal that reads back as the same double, without an exponent. */
    private static String number(final double value)
    {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String quote(final String text)
    {
        if (PLAIN_NAME.matcher(text).matches())
        {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
