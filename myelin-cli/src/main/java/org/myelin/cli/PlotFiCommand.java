package org.myelin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.NeuronModels;
import org.myelin.plot.TracePlot;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin plot fi}: the f–I curve of a neuron model, the firing rate under constant
 * currents. One neuron per current, all in one run; the rate is counted over the second half of
 * the run so that adaptation has settled.
 */
@Command(
    name = "fi",
    mixinStandardHelpOptions = true,
    description = "Draws the f-I curve (firing rate against constant current) of a neuron model.",
    footer = {"", "Examples:",
        "  myelin plot fi --model adex",
        "  myelin plot fi --model hh --dt 0.01ms --max 20",
        "  myelin plot fi --model lif --param tRef=2 --max 100 --points 41 --out lif-fi.png"})
final class PlotFiCommand implements Callable<Integer>
{
    private static final String COMMAND = "myelin plot fi";
    /** [pA] a default upper current that spans each model's rheobase and a good part of its curve. */
    private static final Map<String, Double> DEFAULT_MAX = Map.ofEntries(Map.entry("lif", 50.0),
        Map.entry("if", 500.0), Map.entry("alif", 50.0), Map.entry("expif", 40.0), Map.entry("adex", 1500.0),
        Map.entry("quaif", 40.0), Map.entry("adquaif", 100.0), Map.entry("gif", 3000.0), Map.entry("izhikevich", 30.0),
        Map.entry("hh", 20.0), Map.entry("traubmiles", 1000.0));

    @Spec
    private CommandSpec spec;

    @Mixin
    private NeuronOptions neuron;

    @Option(names = "--min", paramLabel = "pA", defaultValue = "0",
        description = "Smallest current in pA (default: ${DEFAULT-VALUE}).")
    private double min;

    @Option(names = "--max", paramLabel = "pA", description = "Largest current in pA (default: depends on the model).")
    private Double max;

    @Option(names = "--points", paramLabel = "n", defaultValue = "31",
        description = "Number of currents (default: ${DEFAULT-VALUE}).")
    private int points;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "1s",
        description = "Simulated time per current (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG to write (default: fi-MODEL.png).")
    private Path out;

    @Override
    public Integer call() throws IOException
    {
        final NeuronModels.Model<?> model = neuron.model();
        final double dtMs = neuron.dtMs(COMMAND);
        final double durationMs = NeuronOptions.duration(COMMAND, "--duration", duration);
        final double upper = max != null ? max : DEFAULT_MAX.getOrDefault(model.key(), 100.0);
        if (points < 2 || points > 1000)
        {
            throw new Main.UsageException("--points must be in [2, 1000], got --points=" + points);
        }
        if (!(upper > min))
        {
            throw new Main.UsageException("--max must be > --min, got --min=" + min + ", --max=" + upper);
        }
        final double[] currents = new double[points];
        final double[] rates = new double[points];
        final Network net = new Network(dtMs, 1);
        final SpikeMonitor[] monitors = new SpikeMonitor[points];
        final Map<String, Double> parameters = neuron.parameters(null);
        for (int k = 0; k < points; k++)
        {
            currents[k] = min + (upper - min) * k / (points - 1);
            final Map<String, Double> values = new java.util.LinkedHashMap<>(parameters);
            values.put("iExt", currents[k] + parameters.getOrDefault("iExt", 0.0));
            final NeuronGroup group = net.add(model.create("I" + k, 1, values, Map.of(), neuron.integrator()));
            monitors[k] = net.monitorSpikes(group);
        }
        final Simulation sim = new Simulation(net, 1);
        final long steps = org.myelin.units.Units.toSteps(COMMAND, "--duration", durationMs, dtMs, true);
        sim.runSteps(steps, null);
        final long half = steps / 2;
        for (int k = 0; k < points; k++)
        {
            long count = 0;
            for (final long s : monitors[k].spikeSteps(0))
            {
                if (s >= half)
                {
                    count++;
                }
            }
            rates[k] = count / ((steps - half) * dtMs / 1000.0);
        }
        final Path target = out != null ? out : Path.of("fi-" + model.key() + ".png");
        TracePlot.builder()
            .title(model.kind() + " f-I curve (rate over the second half of " + org.myelin.units.Units.format(durationMs)
                + " ms, dt = " + org.myelin.units.Units.format(dtMs) + " ms)")
            .xLabel("current (pA)")
            .yLabel("rate (Hz)")
            .series(model.kind(), currents, rates)
            .build()
            .write(target);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: wrote %s (%d currents, %.4g to %.4g pA, max rate %.4g Hz)%n",
            COMMAND, target, points, min, upper, java.util.Arrays.stream(rates).max().orElse(0));
        return 0;
    }
}
