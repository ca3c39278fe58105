package org.myelin.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntToDoubleFunction;


import org.myelin.output.MgBlock;
import org.myelin.plasticity.PresynapticState;
import org.myelin.plasticity.ShortTermDepression;
import org.myelin.plasticity.ShortTermPlasticity;
import org.myelin.plot.PngEncoder;
import org.myelin.plot.TracePlot;
import org.myelin.synapse.DualExponential;
import org.myelin.synapse.DualExponential.Normalization;
import org.myelin.synapse.SynapseKernels;
import org.myelin.synapse.SynapseModel;
import org.myelin.synapse.SynapseModels;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code myelin plot kernels}: the unit response of every synapse model with its default
 * parameters, the Mg block, and the STP/STD factors under a spike train, as one PNG of panels.
 */
@Command(
    name = "kernels",
    mixinStandardHelpOptions = true,
    description = "Draws the unit response of every synapse model and STP/STD under a spike train (PNG).")
final class PlotKernelsCommand implements Callable<Integer>
{
    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 620;
    private static final int PANEL_HEIGHT = 360;
    /** A spike at step 0 arrives at step 1, so responses are drawn from the arrival on. */
    private static final long SPIKE = 0;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "kernels.png",
        description = "PNG to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.1ms",
        description = "Time step (default: ${DEFAULT-VALUE}).")
    private String dt;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        final double dtMs = Units.parse("myelin plot kernels", "--dt", dt, Dimension.TIME);
        if (!(dtMs > 0) || dtMs > 1)
        {
            throw new Main.UsageException("--dt must be in (0, 1] ms, got --dt=" + dt);
        }
        final List<TracePlot> panels = panels(dtMs);
        final int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        final BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, rows * PANEL_HEIGHT,
            BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int k = 0; k < panels.size(); k++)
        {
            g.drawImage(panels.get(k).render(), (k % COLUMNS) * PANEL_WIDTH, (k / COLUMNS) * PANEL_HEIGHT, null);
        }
        g.dispose();
        PngEncoder.write(out, image);
        spec.commandLine().getOut().println("myelin plot kernels: wrote " + out + " (" + panels.size() + " panels)");
        return 0;
    }

    private static double[] times(final double dt, final int steps)
    {
        final double[] t = new double[steps];
        for (int n = 0; n < steps; n++)
        {
            t[n] = (n - SPIKE - 1) * dt;
        }
        return t;
    }

    private static TracePlot.Builder panel(final String title, final String yLabel)
    {
        return TracePlot.builder().title(title).xLabel("time after arrival (ms)").yLabel(yLabel)
            .size(PANEL_WIDTH, PANEL_HEIGHT);
    }

    private static TracePlot kernel(final String name, final String title, final double dt, final double durationMs)
    {
        final SynapseModel model = SynapseModels.create(name);
        final int steps = (int) Math.round(durationMs / dt) + 2;
        final double[] g = SynapseKernels.response(model, dt, steps, 1.0, SPIKE);
        return panel(title, name.equals("Delta") ? "v jump (mV)" : "g (unit weight)")
            .series(model.name(), times(dt, steps), g).xRange(-1, durationMs).build();
    }

    private static List<TracePlot> panels(final double dt)
    {
        final List<TracePlot> panels = new ArrayList<>();
        panels.add(kernel("Delta", "Delta: v jumps by w", dt, 50));
        panels.add(kernel("Expon", "Expon: τ = 8 ms", dt, 50));
        panels.add(kernel("ExpCurrent", "ExpCurrent: Q/τ, τ = 8 ms (∫ = Q)", dt, 50));
        panels.add(kernel("Alpha", "Alpha: (t/τ)·e^(−t/τ), τ = 8 ms", dt, 50));
        panels.add(dualExponential(dt));
        panels.add(kernel("AMPA", "AMPA: two-state kinetics, pulse 0.5 ms", dt, 50));
        panels.add(kernel("GABAa", "GABAa: two-state kinetics, pulse 1 ms", dt, 50));
        panels.add(kernel("NMDA", "NMDA: τd = 100 ms, τr = 2 ms, a = 0.5 /ms", dt, 500));
        panels.add(mgBlock());
        panels.add(shortTermPlasticity(dt));
        panels.add(shortTermDepression(dt));
        panels.add(overlay(dt));
        return panels;
    }

    private static TracePlot dualExponential(final double dt)
    {
        final int steps = (int) Math.round(50 / dt) + 2;
        final double[] t = times(dt, steps);
        final TracePlot.Builder b = panel("DualExpon: τd = 10 ms, τr = 1 ms", "g (unit weight)");
        for (final Normalization n : Normalization.values())
        {
            final DualExponential model = new DualExponential(10, 1, 1, n);
            b.series(n.label(), t, SynapseKernels.response(model, dt, steps, 1.0, SPIKE));
        }
        return b.xRange(-1, 50).build();
    }

    private static TracePlot mgBlock()
    {
        final MgBlock mg = new MgBlock();
        final double[] v = new double[141];
        final double[] b = new double[v.length];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = -100 + i;
            b[i] = mg.block(v[i]);
        }
        return TracePlot.builder().title("Mg block: 1/(1 + [Mg]/β·e^(−αv))").xLabel("v (mV)").yLabel("B(v)")
            .size(PANEL_WIDTH, PANEL_HEIGHT).series("[Mg] = 1.2 mM", v, b).build();
    }

    /**
     * Drives neuron 0 of {@code state} with a 20 Hz train for 500 ms and a probe spike at 1000 ms,
     * and samples each readout after every step's update; returns the times, then one trace per
     * readout.
     */
    private static double[][] underTrain(
        final PresynapticState state, final double dt, final IntToDoubleFunction... readouts)
    {
        state.prepare(1, dt);
        final int steps = (int) Math.round(1200 / dt);
        final long period = Math.round(50 / dt);
        final long trainEnd = Math.round(500 / dt);
        final long probe = Math.round(1000 / dt);
        final double[][] traces = new double[readouts.length + 1][steps];
        for (int n = 0; n < steps; n++)
        {
            if ((n < trainEnd && n % period == 0) || n == probe)
            {
                state.onSpike(0, n);
            }
            traces[0][n] = n * dt;
            for (int k = 0; k < readouts.length; k++)
            {
                traces[k + 1][n] = readouts[k].applyAsDouble(n);
            }
        }
        return traces;
    }

    private static TracePlot shortTermPlasticity(final double dt)
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        final double[][] t = underTrain(stp, dt, n -> stp.u(0, n), n -> stp.x(0, n),
            n -> stp.u(0, n) * stp.x(0, n));
        return panel("STP (U = 0.15, τf = 1.5 s, τd = 200 ms): 20 Hz, probe at 1 s", "")
            .xLabel("time (ms)").series("u", t[0], t[1]).series("x", t[0], t[2]).series("u·x", t[0], t[3]).build();
    }

    private static TracePlot shortTermDepression(final double dt)
    {
        final ShortTermDepression std = new ShortTermDepression();
        final double[][] t = underTrain(std, dt, n -> std.x(0, n));
        return panel("STD (U = 0.07, τ = 200 ms): 20 Hz, probe at 1 s", "x").xLabel("time (ms)")
            .series("x", t[0], t[1]).build();
    }

    private static TracePlot overlay(final double dt)
    {
        final int steps = (int) Math.round(100 / dt) + 2;
        final double[] t = times(dt, steps);
        final TracePlot.Builder b = panel("All kernels, scaled to peak 1", "g / max g");
        for (final String name : SynapseModels.names())
        {
            if (name.equals("Delta"))
            {
                continue;
            }
            final double[] g = SynapseKernels.response(SynapseModels.create(name), dt, steps, 1.0, SPIKE);
            double max = 0;
            for (final double value : g)
            {
                max = Math.max(max, value);
            }
            for (int n = 0; n < g.length; n++)
            {
                g[n] /= max;
            }
            b.series(name, t, g);
        }
        return b.xRange(-1, 100).build();
    }
}
