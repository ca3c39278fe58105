package org.myelin.neuron;

import java.util.Locale;

import org.myelin.util.ModelException;

/**
 * A neuron model's parameter record, changed by name and with units on top of its defaults:
 *
 * <pre>
 *   Lif.Parameters p = Lif.Parameters.defaults()
 *       .with("tauM", "10 ms")           // any unit of the right dimension: "0.01 s" is the same
 *       .with("tRef", "2 ms")
 *       .with("integrator", "euler");
 * </pre>
 *
 * <p>Each call returns a new record, validated by its constructor as a positional call would be;
 * the message of an unknown name lists the known ones, that of a wrong unit names the parameter,
 * the unit given and the dimension expected. Parameter names and units are those of the model's
 * table ({@link NeuronModels#catalogue()}, docs/NEURON_MODELS.md).
 *
 * @param <P> the record type itself.
 */
public interface NamedParameters<P extends Record & NamedParameters<P>>
{
    /**
     * A copy with one parameter set from text: a quantity with its unit for a number
     * ({@code "10 ms"}, {@code "-55 mV"}, {@code "1.5"} for a plain number) or the name of an
     * integrator ({@code "rk4"}, any case).
     *
     * @throws ModelException                  for an unknown parameter or integrator, or a value
     *                                         out of the parameter's range.
     * @throws org.myelin.units.UnitException for a malformed quantity, an unknown unit or one of
     *                                         another dimension.
     */
    default P with(final String name, final String value)
    {
        final NeuronModels.Model<?> model = NeuronModels.of(self().getClass());
        if ("integrator".equals(name))
        {
            return with(integrator(model.kind(), value));
        }
        return with(name, model.parse(name, value));
    }

    /**
     * A copy with one number-valued parameter set, in the unit of the model's table
     * ({@link ParameterUnit}: mV, ms, pA, nS, pF, GΩ, ...).
     *
     * @throws ModelException for an unknown parameter or a value out of its range.
     */
    default P with(final String name, final double value)
    {
        NeuronModels.of(self().getClass()).unit(name);
        return PerNeuron.with(self(), name, value);
    }

    /**
     * A copy with another integration method.
     *
     * @throws ModelException for a method the model does not accept.
     */
    default P with(final Integrator integrator)
    {
        return PerNeuron.with(self(), "integrator", integrator);
    }

    /** This record as its own type. */
    @SuppressWarnings("unchecked")
    private P self()
    {
        return (P) this;
    }

    private static Integrator integrator(final String kind, final String text)
    {
        for (final Integrator integrator : Integrator.values())
        {
            if (integrator.name().equalsIgnoreCase(text.strip()))
            {
                return integrator;
            }
        }
        final StringBuilder known = new StringBuilder();
        for (final Integrator integrator : Integrator.values())
        {
            known.append(known.isEmpty() ? "" : ", ").append(integrator.name().toLowerCase(Locale.ROOT));
        }
        throw new ModelException(kind + ": unknown integrator '" + text + "'; known: " + known);
    }
}
