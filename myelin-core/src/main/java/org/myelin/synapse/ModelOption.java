package org.myelin.synapse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.util.ModelException;

/**
 * The non-numeric options of the synapse models ({@code normalization} of {@code DualExpon},
 * {@code target} of {@code Delta}): enum constants written in lower case in model files.
 */
final class ModelOption
{
    private ModelOption()
    {
    }

    /** The lower-case label of a constant, as written in model files. */
    static String label(final Enum<?> value)
    {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The labels of every constant, in declaration order. */
    static List<String> labels(final Enum<?>[] values)
    {
        return Arrays.stream(values).map(ModelOption::label).toList();
    }

    /**
     * The constant whose label is {@code text} (any case, surrounding blanks ignored).
     *
     * @throws ModelException "{@code <model>: <option> must be one of [..], got <option>=<text>}".
     */
    static <E extends Enum<E>> E parse(final String model, final String option, final E[] values, final String text)
    {
        for (final E value : values)
        {
            if (label(value).equalsIgnoreCase(text == null ? "" : text.strip()))
            {
                return value;
            }
        }
        throw new ModelException(model + ": " + option + " must be one of " + labels(values) + ", got " + option
            + "=" + text);
    }
}
