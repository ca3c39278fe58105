package org.myelin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.myelin.io.load.Models;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin validate}: reads a model file and builds its network without connectivity or a
 * run, then prints what it holds and what it will cost; an error gives {@code file:line:column}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks a model file without running it and prints a summary: neurons, expected synapses, "
        + "memory estimate.",
    footer = {"", "Example:", "  myelin validate examples/coba.yaml"})
final class ValidateCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (.yaml) or NeuroML 2 network (.nml).")
    private Path modelFile;

    @Override
    public Integer call()
    {
        final ModelFile model = Models.load(modelFile, ModelLoader.Overrides.NONE);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(summary(modelFile.toString(), model));
        out.flush();
        return 0;
    }

    /** The report for a valid file. */
    static String summary(final String file, final ModelFile model)
    {
        final StringBuilder s = new StringBuilder();
        s.append(file).append(": valid\n");
        final double dt = model.network().dt();
        line(s, "model", model.name());
        line(s, "populations", model.network().populations().stream()
            .map(p -> String.format(Locale.ROOT, "%s (%s, %,d)", p.name(), p.kind(), p.size()))
            .collect(Collectors.joining(", ")));
        line(s, "neurons", String.format(Locale.ROOT, "%,d", model.estimate().neurons()));
        line(s, "projections", Integer.toString(model.network().projections().size()));
        line(s, "synapses", String.format(Locale.ROOT, "%,.0f expected", model.estimate().synapses()));
        line(s, "memory", String.format(Locale.ROOT, "%.1f MiB estimated (states, connectivity, recordings)",
            model.estimate().bytes() / 1048576.0));
        line(s, "run", String.format(Locale.ROOT, "%s ms at dt = %s ms (%,d steps), seed %d%s",
            Units.format(model.durationMs()), Units.format(dt), Math.round(model.durationMs() / dt),
            model.network().seed(), model.threads() == null ? "" : ", " + model.threads() + " threads"));
        line(s, "recordings", model.spikeMonitors().size() + " spike monitor(s), " + model.stateMonitors().size()
            + " state monitor(s)");
        return s.toString();
    }

    private static void line(final StringBuilder s, final String label, final String value)
    {
        s.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
    }
}
