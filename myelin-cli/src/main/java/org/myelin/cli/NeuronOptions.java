package org.myelin.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.base.Integrator;
import org.myelin.neuron.Izhikevich;
import org.myelin.neuron.NeuronModels;
import org.myelin.neuron.PerNeuron;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import picocli.CommandLine.Option;

/** The options shared by the single-neuron plots: the model, its parameters and the time step. */
final class NeuronOptions
{
    @Option(names = "--model", paramLabel = "NAME", required = true,
        description = "Neuron model: lif, if, alif, expif, adex, quaif, adquaif, gif, izhikevich, hh or traubmiles.")
    String model;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "A model parameter with a unit (tauW=144ms, gNa=120mS/cm^2) or a plain number in the model's"
            + " own unit; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--integrator", paramLabel = "METHOD",
        description = "euler, exact, exponential_euler, rk2 or rk4 (default: the model's own).")
    String integrator;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.1ms",
        description = "Time step, with a unit (default: ${DEFAULT-VALUE}; 0.01ms suits hh and traubmiles).")
    String dt;

    /** The model of {@code --model}. */
    NeuronModels.Model<?> model()
    {
        try
        {
            return NeuronModels.get(model);
        }
        catch (final org.myelin.util.ModelException e)
        {
            throw new Main.UsageException("--model: " + e.getMessage());
        }
    }

    /** The parameters: an Izhikevich preset's values (if any), then {@code --param}. */
    Map<String, Double> parameters(final String preset)
    {
        final Map<String, Double> values = new LinkedHashMap<>();
        if (preset != null)
        {
            if (!"izhikevich".equals(model().key()))
            {
                throw new Main.UsageException("--preset applies to --model izhikevich only, got --model " + model);
            }
            values.putAll(PerNeuron.toMap(Izhikevich.Preset.of(preset).parameters()));
        }
        final NeuronModels.Model<?> m = model();
        for (final Map.Entry<String, String> e : parameters.entrySet())
        {
            values.put(e.getKey(), value(m, e.getKey(), e.getValue()));
        }
        return values;
    }

    /** A plain number is in the model's unit; anything else is parsed as a quantity with a unit. */
    private static double value(final NeuronModels.Model<?> model, final String name, final String text)
    {
        try
        {
            final double plain = Double.parseDouble(text.strip());
            model.unit(name);
            return plain;
        }
        catch (final NumberFormatException withUnit)
        {
            return model.parse(name, text);
        }
    }

    /** The integrator of {@code --integrator}, or null for the model's default. */
    Integrator integrator()
    {
        if (integrator == null)
        {
            return null;
        }
        try
        {
            return Integrator.valueOf(integrator.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (final IllegalArgumentException e)
        {
            throw new Main.UsageException("--integrator must be one of " + List.of(Integrator.values()).stream()
                .map(i -> i.name().toLowerCase(Locale.ROOT)).toList() + ", got --integrator=" + integrator);
        }
    }

    /** [ms] the time step. */
    double dtMs(final String command)
    {
        final double value = Units.parse(command, "--dt", dt, Dimension.TIME);
        if (!(value > 0))
        {
            throw new Main.UsageException("--dt must be > 0 ms, got --dt=" + dt);
        }
        return value;
    }

    /** [ms] a positive duration option. */
    static double duration(final String command, final String option, final String text)
    {
        final double value = Units.parse(command, option, text, Dimension.TIME);
        if (!(value > 0))
        {
            throw new Main.UsageException(option + " must be > 0 ms, got " + option + "=" + text);
        }
        return value;
    }
}
