package org.myelin.io.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named model types of one kind (neuron models, synapse models, ...), looked up without regard to
 * case; an unknown name is an error at its place in the file with a "did you mean" hint.
 *
 * @param <T> the type description.
 */
public final class Registry<T extends Registry.Named>
{
    /** Something with a name and parameters. */
    public interface Named
    {
        /** The name written in model files. */
        String name();

        /** The parameters it accepts. */
        List<Param> params();
    }

    private final String kind;
    private final Map<String, T> types = new LinkedHashMap<>();

    /** @param kind what the entries are, for messages, e.g. {@code "neuron model"}. */
    public Registry(final String kind)
    {
        this.kind = kind;
    }

    /**
     * Adds a type; its name must be new (without regard to case).
     *
     * @return this registry.
     */
    public Registry<T> register(final T type)
    {
        final String key = type.name().toLowerCase(Locale.ROOT);
        if (types.containsKey(key))
        {
            throw new IllegalArgumentException(kind + " '" + type.name() + "' is registered twice");
        }
        types.put(key, type);
        return this;
    }

    /** The registered names, in order of registration. */
    public List<String> names()
    {
        final List<String> out = new ArrayList<>();
        types.values().forEach(t -> out.add(t.name()));
        return out;
    }

    /** The registered types. */
    public List<T> all()
    {
        return List.copyOf(types.values());
    }

    /** The type of that name (without regard to case), or null. */
    public T get(final String name)
    {
        return types.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The type named by a node's text.
     *
     * @throws ModelFileException at the node, with a "did you mean" hint, when there is none.
     */
    public T lookup(final YamlNode name)
    {
        final String text = name.text().strip();
        final T type = types.get(text.toLowerCase(Locale.ROOT));
        if (type == null)
        {
            throw name.error("unknown " + kind + " '" + text + "'" + Suggestions.hint(text, names()));
        }
        return type;
    }
}
