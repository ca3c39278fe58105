package org.myelin.cli;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;


import org.myelin.input.SectionInput;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.neuron.Izhikevich;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.NeuronModels;
import org.myelin.plot.PngEncoder;
import org.myelin.plot.TracePlot;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin plot neuron}: the membrane potential of one neuron under a step current. With
 * several Izhikevich presets ({@code --preset rs,fs,ib,ch}) each gets its own panel, one above
 * the other, on the same time axis.
 */
@Command(
    name = "neuron",
    mixinStandardHelpOptions = true,
    description = "Draws the voltage trace of one neuron under a step current.",
    footer = {"", "Examples:",
        "  myelin plot neuron --model izhikevich --preset bursting --current 10",
        "  myelin plot neuron --model izhikevich --preset rs,fs,ib,ch --current 10 --out regimes.png",
        "  myelin plot neuron --model hh --dt 0.01ms --current 10 --duration 100ms",
        "  myelin plot neuron --model adex --current 800 --param b=0 --duration 500ms"})
final class PlotNeuronCommand implements Callable<Integer>
{
    private static final String COMMAND = "myelin plot neuron";
    private static final int WIDTH = 1000;
    private static final int PANEL_HEIGHT = 300;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NeuronOptions neuron;

    @Option(names = "--preset", paramLabel = "NAME", split = ",",
        description = "Izhikevich regime(s): regular_spiking (rs), fast_spiking (fs), bursting (ib), chattering (ch);"
            + " several give stacked panels.")
    private List<String> presets;

    @Option(names = "--current", paramLabel = "pA", defaultValue = "0",
        description = "Amplitude of the step current in pA (default: ${DEFAULT-VALUE}).")
    private double current;

    @Option(names = "--start", paramLabel = "TIME", defaultValue = "10ms",
        description = "When the step starts (default: ${DEFAULT-VALUE}); it lasts to the end.")
    private String start;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "200ms",
        description = "Simulated time (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG to write (default: neuron-MODEL[-PRESET].png).")
    private Path out;

    @Override
    public Integer call() throws IOException
    {
        final NeuronModels.Model<?> model = neuron.model();
        final double dtMs = neuron.dtMs(COMMAND);
        final double durationMs = NeuronOptions.duration(COMMAND, "--duration", duration);
        final double startMs = Units.parse(COMMAND, "--start", start, org.myelin.units.Dimension.TIME);
        final List<String> runs = presets == null || presets.isEmpty() ? java.util.Collections.singletonList(null)
            : presets;
        final List<BufferedImage> panels = new ArrayList<>();
        final StringBuilder summary = new StringBuilder();
        for (final String preset : runs)
        {
            final Map<String, Double> parameters = neuron.parameters(preset);
            final Network net = new Network(dtMs, 1);
            final NeuronGroup group = net.add(model.create("neuron", 1, parameters, Map.of(), neuron.integrator()));
            group.addInput(SectionInput.step(current, startMs));
            final StateMonitor v = net.monitorState(group, "v", new int[] {0}, 1);
            final SpikeMonitor spikes = net.monitorSpikes(group);
            new Simulation(net, 1).runSteps(Units.toSteps(COMMAND, "--duration", durationMs, dtMs, true), null);
            final double[] trace = v.trace(0);
            final double[] time = new double[trace.length];
            for (int s = 0; s < time.length; s++)
            {
                time[s] = v.sampleStep(s) * dtMs;
            }
            final String label = preset == null ? model.kind() : Izhikevich.Preset.of(preset).key().replace('_', ' ');
            final String title = model.kind() + (preset == null ? "" : ", " + label) + ": step of "
                + Units.format(current) + " pA from " + Units.format(startMs) + " ms, " + spikes.size() + " spikes";
            final int height = runs.size() == 1 ? TracePlot.DEFAULT_HEIGHT : PANEL_HEIGHT;
            panels.add(TracePlot.builder().title(title).xLabel("time (ms)").yLabel("v (mV)")
                .series("v", time, trace).size(WIDTH, height).xRange(0, durationMs).build().render());
            summary.append(String.format(Locale.ROOT, " %s: %d spikes;", label, spikes.size()));
        }
        final Path target = out != null ? out : Path.of("neuron-" + model.key()
            + (presets == null || presets.isEmpty() ? "" : "-" + String.join("-", presets)) + ".png");
        final BufferedImage image = stack(panels);
        PngEncoder.write(target, image);
        spec.commandLine().getOut().println(COMMAND + ": wrote " + target + " (" + summary.substring(1) + ")");
        return 0;
    }

    /** The panels one above the other. */
    private static BufferedImage stack(final List<BufferedImage> panels)
    {
        if (panels.size() == 1)
        {
            return panels.get(0);
        }
        int height = 0;
        for (final BufferedImage p : panels)
        {
            height += p.getHeight();
        }
        final BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try
        {
            int y = 0;
            for (final BufferedImage p : panels)
            {
                g.drawImage(p, 0, y, null);
                y += p.getHeight();
            }
        }
        finally
        {
            g.dispose();
        }
        return image;
    }
}
