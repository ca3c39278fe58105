package org.myelin.io.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.io.ModelFileException;
import org.myelin.io.Suggestions;
import org.myelin.io.YamlNode;

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
    /** Other simulators' names (NEST, PyNN) of the same models, by lower-case name. */
    private final Map<String, T> aliases = new LinkedHashMap<>();

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

    /**
     * Adds a model under another simulator's name (e.g. NEST's {@code iaf_psc_exp} for LIF):
     * files may name it and "did you mean" suggests it, but listings of the known models show
     * the primary names only.
     *
     * @return this registry.
     */
    public Registry<T> registerAlias(final T type)
    {
        final String key = type.name().toLowerCase(Locale.ROOT);
        if (types.containsKey(key) || aliases.containsKey(key))
        {
            throw new IllegalArgumentException(kind + " '" + type.name() + "' is registered twice");
        }
        aliases.put(key, type);
        return this;
    }

    /** The names of other simulators registered with {@link #registerAlias}, in order. */
    public List<String> aliasNames()
    {
        final List<String> out = new ArrayList<>();
        aliases.values().forEach(t -> out.add(t.name()));
        return out;
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

    /** The type of that name or alias (without regard to case), or null. */
    public T get(final String name)
    {
        final String key = name.toLowerCase(Locale.ROOT);
        return types.containsKey(key) ? types.get(key) : aliases.get(key);
    }

    /**
     * The type named by a node's text.
     *
     * @throws ModelFileException at the node, with a "did you mean" hint, when there is none.
     */
    public T lookup(final YamlNode name)
    {
        final String text = name.text().strip();
        final T type = get(text);
        if (type == null)
        {
            final List<String> candidates = new ArrayList<>(names());
            candidates.addAll(aliasNames());
            final String best = Suggestions.closest(text, candidates);
            throw name.error("unknown " + kind + " '" + text + "'" + (best == null ? "" : "; did you mean '" + best
                + "'?") + " known: " + String.join(", ", names()) + (aliases.isEmpty() ? ""
                : " (and NEST/PyNN names: " + String.join(", ", aliasNames()) + ")"));
        }
        return type;
    }
}
