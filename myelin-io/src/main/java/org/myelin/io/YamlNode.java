package org.myelin.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A node of a YAML document with its place in the file, so every error can say
 * {@code file:line:column}. Values stay text (YAML's composed node tree, not constructed
 * objects): quantities such as {@code 20 ms} are parsed by {@link Units} where their dimension is
 * known.
 */
public final class YamlNode
{
    private static final String MERGE_KEY = "<<";
    /** The largest model file read: model files are small, data goes into the files they name. */
    public static final int MAX_CHARACTERS = 4 << 20;
    /**
     * The longest line: the YAML scanner takes time quadratic in the length of a scalar on one
     * line (2 s for a 1 MB line, 8 s for 2 MB), so long lines are refused before parsing.
     */
    public static final int MAX_LINE = 16 << 10;
    /** The deepest nesting of mappings and lists (a model file needs about 8). */
    public static final int MAX_DEPTH = 64;
    private final String file;
    private final Node node;
    private final String what;

    private YamlNode(final String file, final Node node, final String what)
    {
        this.file = file;
        this.node = node;
        this.what = what;
    }

    /**
     * Parses one YAML document.
     *
     * @param file the file name for messages.
     * @param text the document.
     * @return the root node, a mapping.
     * @throws ModelFileException if the YAML is malformed, empty, or not a mapping at the top.
     */
    public static YamlNode parse(final String file, final String text)
    {
        if (text.length() > MAX_CHARACTERS)
        {
            throw tooLarge(file, text.length(), "characters");
        }
        for (int start = 0, line = 1; start < text.length(); line++)
        {
            final int end = text.indexOf('\n', start);
            final int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_LINE)
            {
                throw new ModelFileException(file, line, MAX_LINE + 1, String.format(java.util.Locale.ROOT,
                    "the line has %,d characters; a line of a model file has at most %,d: give long lists (spike "
                        + "times, values per neuron) in .npy or CSV files that it names", stop - start, MAX_LINE), null);
            }
            start = stop + 1;
        }
        final LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(50).setCodePointLimit(MAX_CHARACTERS + 1).build();
        final Optional<Node> root;
        try
        {
            checkDepth(file, settings, text);
            root = new Compose(settings).composeString(text);
        }
        catch (final MarkedYamlEngineException e)
        {
            final Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            final String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new ModelFileException(file, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), "malformed YAML: " + context + e.getProblem(), e);
        }
        catch (final YamlEngineException e)
        {
            throw new ModelFileException(file, 0, 0, "malformed YAML: " + e.getMessage(), e);
        }
        if (root.isEmpty())
        {
            throw new ModelFileException(file, 0, 0, "the file is empty; a model file is a YAML mapping "
                + "(populations:, projections:, ...)", null);
        }
        final YamlNode node = new YamlNode(file, root.get(), "the model file");
        node.entries();
        return node;
    }

    /**
     * This document with the value at {@code path} replaced by {@code value}, as a command line's
     * {@code --set populations.E.parameters.tauM="15 ms"} asks. The path's keys are separated by
     * dots; a list item is named by its {@code name} key or by its index from 0. The value is read
     * as YAML, so it is read like the file's own values (quantities with units, lists, mappings).
     * Nodes on the path are copied, not changed: a value shared through an anchor elsewhere in the
     * file keeps its old value there, and a key merged in with {@code <<} is overridden only here.
     *
     * @throws ModelException naming the path and the keys that exist where it stops matching.
     */
    public YamlNode with(final String path, final String value)
    {
        return with("--set", path, value);
    }

    /**
     * {@link #with(String, String)} for the command-line option {@code option} (such as
     * {@code --vary}), which the messages name.
     */
    public YamlNode with(final String option, final String path, final String value)
    {
        final String[] keys = path.split("\\.", -1);
        if (path.isBlank() || java.util.Arrays.stream(keys).anyMatch(String::isBlank))
        {
            throw new ModelException(option + " " + path + "=" + value + ": the path must be keys separated by "
                + "dots, such as populations.E.parameters.tauM");
        }
        final LoadSettings settings = LoadSettings.builder().setLabel(option + " " + path).build();
        final Node replacement;
        try
        {
            replacement = new Compose(settings).composeString(value).orElseThrow(() -> new ModelException(option + " "
                + path + "=: the value is empty"));
        }
        catch (final YamlEngineException e)
        {
            throw new ModelException(option + " " + path + "=" + value + ": malformed value (" + e.getMessage()
                .lines().findFirst().orElse("") + ")");
        }
        return new YamlNode(file, replaced(this, keys, 0, replacement, option, path), what);
    }

    private static Node replaced(final YamlNode at, final String[] keys, final int depth, final Node value,
        final String option, final String path)
    {
        if (depth == keys.length)
        {
            return value;
        }
        final String key = keys[depth];
        final String where = depth == 0 ? "the top level" : String.join(".", java.util.Arrays.copyOf(keys, depth));
        if (at.node instanceof MappingNode map)
        {
            final YamlNode child = at.entries().get(key);
            if (child == null)
            {
                throw new ModelException(option + " " + path + ": no key '" + key + "' at " + where + "; keys there: "
                    + String.join(", ", at.entries().keySet()));
            }
            final Node changed = replaced(child, keys, depth + 1, value, option, path);
            final List<NodeTuple> tuples = new ArrayList<>();
            boolean direct = false;
            for (final NodeTuple t : map.getValue())
            {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key))
                {
                    tuples.add(new NodeTuple(t.getKeyNode(), changed));
                    direct = true;
                }
                else
                {
                    tuples.add(t);
                }
            }
            if (!direct)
            {
                // the key came in through a merge ("<<"): a key of the mapping itself wins over it
                tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN),
                    changed));
            }
            return new MappingNode(map.getTag(), true, tuples, map.getFlowStyle(), map.getStartMark(),
                map.getEndMark());
        }
        if (at.node instanceof SequenceNode seq)
        {
            final List<YamlNode> items = at.items();
            int index = -1;
            for (int k = 0; k < items.size() && index < 0; k++)
            {
                final YamlNode name = items.get(k).isMapping() ? items.get(k).get("name") : null;
                if (name != null && name.isScalar() && name.text().equals(key))
                {
                    index = k;
                }
            }
            if (index < 0 && key.matches("\\d{1,9}") && Integer.parseInt(key) < items.size())
            {
                index = Integer.parseInt(key);
            }
            if (index < 0)
            {
                final List<String> names = new ArrayList<>();
                for (int k = 0; k < items.size(); k++)
                {
                    final YamlNode name = items.get(k).isMapping() ? items.get(k).get("name") : null;
                    names.add(name != null && name.isScalar() ? name.text() : Integer.toString(k));
                }
                throw new ModelException(option + " " + path + ": no item '" + key + "' in the list at " + where
                    + "; items there (by name or index from 0): " + String.join(", ", names));
            }
            final List<Node> copy = new ArrayList<>(seq.getValue());
            copy.set(index, replaced(items.get(index), keys, depth + 1, value, option, path));
            return new SequenceNode(seq.getTag(), true, copy, seq.getFlowStyle(), seq.getStartMark(),
                seq.getEndMark());
        }
        throw new ModelException(option + " " + path + ": " + where + " is a single value"
            + (at.isScalar() ? " ('" + at.text() + "')" : "") + ", it has no key '" + key + "'");
    }

    /** The error for a file of more than {@link #MAX_CHARACTERS} characters ({@code amount} {@code unit}). */
    public static ModelFileException tooLarge(final String file, final long amount, final String unit)
    {
        return new ModelFileException(file, 0, 0, String.format(java.util.Locale.ROOT, "the file has %,d %s; "
            + "a model file has at most %,d characters: give large data (synapses, values per neuron, spike times) "
            + "in .npy, .npz or CSV files that it names", amount, unit, MAX_CHARACTERS), null);
    }

    /**
     * Walks the parser's events (a loop, unlike the recursive composer) and refuses nesting deeper
     * than {@link #MAX_DEPTH} at the mapping or list that goes one level too deep.
     */
    private static void checkDepth(final String file, final LoadSettings settings, final String text)
    {
        int depth = 0;
        for (final Event event : new Parse(settings).parseString(text))
        {
            switch (event.getEventId())
            {
                case MappingStart, SequenceStart ->
                {
                    if (++depth > MAX_DEPTH)
                    {
                        final Optional<Mark> mark = event.getStartMark();
                        throw new ModelFileException(file, mark.map(m -> m.getLine() + 1).orElse(0),
                            mark.map(m -> m.getColumn() + 1).orElse(0), "mappings and lists nested more than "
                                + MAX_DEPTH + " levels deep; a model file needs far fewer", null);
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default ->
                {
                    // scalars, aliases, documents
                }
            }
        }
    }

    /** The file name. */
    public String file()
    {
        return file;
    }

    /** What this node is, for messages, e.g. {@code "population 'E'"}. */
    public String what()
    {
        return what;
    }

    /** The same node described as {@code what} in messages. */
    public YamlNode as(final String description)
    {
        return new YamlNode(file, node, description);
    }

    /** 1-based line of the node's start. */
    public int line()
    {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** 1-based column of the node's start. */
    public int column()
    {
        return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    /** An error located at this node. */
    public ModelFileException error(final String message)
    {
        return error(message, null);
    }

    /**
     * An error located at this node, rewording a core error. A value given on the command line
     * ({@link #with}) is located by its option and path, {@code --set populations.E.size: ...},
     * not by a line of the file it is not in.
     */
    public ModelFileException error(final String message, final Throwable cause)
    {
        final String source = node.getStartMark().map(org.snakeyaml.engine.v2.exceptions.Mark::getName).orElse(file);
        if (!source.equals(file) && source.startsWith("--"))
        {
            return new ModelFileException(source, 0, 0, message, cause);
        }
        return new ModelFileException(file, line(), column(), message, cause);
    }

    /** True for a mapping. */
    public boolean isMapping()
    {
        return node instanceof MappingNode;
    }

    /** True for a sequence. */
    public boolean isSequence()
    {
        return node instanceof SequenceNode;
    }

    /** True for a single value (a scalar that is not null). */
    public boolean isScalar()
    {
        return node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag());
    }

    /**
     * The text of a single value.
     *
     * @throws ModelFileException if the node is a mapping, a list or empty.
     */
    public String text()
    {
        if (!isScalar())
        {
            throw error(what + " must be a single value, got " + kind());
        }
        return ((ScalarNode) node).getValue();
    }

    private String kind()
    {
        if (node instanceof MappingNode)
        {
            return "a mapping";
        }
        if (node instanceof SequenceNode)
        {
            return "a list";
        }
        return "nothing";
    }

    /**
     * The items of a list.
     *
     * @throws ModelFileException if the node is not a list.
     */
    public List<YamlNode> items()
    {
        if (!(node instanceof SequenceNode seq))
        {
            throw error(what + " must be a list, got " + (isScalar() ? "'" + text() + "'" : kind()));
        }
        final List<YamlNode> out = new ArrayList<>();
        for (int k = 0; k < seq.getValue().size(); k++)
        {
            out.add(new YamlNode(file, seq.getValue().get(k), what + " item " + (k + 1)));
        }
        return out;
    }

    /**
     * The entries of a mapping in file order, keyed by the key's text.
     *
     * @throws ModelFileException if the node is not a mapping, or a key is repeated or not text.
     */
    public Map<String, YamlNode> entries()
    {
        if (!(node instanceof MappingNode map))
        {
            throw error(what + " must be a mapping (name: value lines), got "
                + (isScalar() ? "'" + text() + "'" : kind()));
        }
        final Map<String, YamlNode> out = new LinkedHashMap<>();
        final List<YamlNode> merged = new ArrayList<>();
        for (final NodeTuple t : map.getValue())
        {
            final YamlNode key = new YamlNode(file, t.getKeyNode(), "a key in " + what);
            final String name = key.text();
            final YamlNode value = new YamlNode(file, t.getValueNode(), name + " of " + what);
            if (MERGE_KEY.equals(name))
            {
                merged.addAll(value.isSequence() ? value.items() : List.of(value));
                continue;
            }
            if (out.containsKey(name))
            {
                throw key.error(what + ": '" + name + "' is given twice");
            }
            out.put(name, value);
        }
        // YAML 1.1 merge keys ("<<: *anchor"), which YAML 1.2 parsers leave to the application:
        // keys written in the mapping itself win over merged ones.
        for (final YamlNode source : merged)
        {
            for (final Map.Entry<String, YamlNode> e : source.as(what).entries().entrySet())
            {
                out.putIfAbsent(e.getKey(), new YamlNode(file, e.getValue().node, e.getKey() + " of " + what));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The node of the key {@code name} of a mapping (for errors about the key itself), or null. */
    public YamlNode keyNode(final String name)
    {
        if (node instanceof MappingNode map)
        {
            for (final NodeTuple t : map.getValue())
            {
                if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(name))
                {
                    return new YamlNode(file, t.getKeyNode(), "'" + name + "' in " + what);
                }
            }
        }
        return entries().get(name);
    }

    /** The value of {@code key}, or null when the mapping has no such key. */
    public YamlNode get(final String key)
    {
        return entries().get(key);
    }

    /**
     * The value of {@code key}.
     *
     * @throws ModelFileException naming the field and the mapping when it is missing.
     */
    public YamlNode require(final String key)
    {
        final YamlNode value = get(key);
        if (value == null)
        {
            throw error(what + ": missing required field '" + key + "'");
        }
        return value;
    }

    /**
     * Checks that every key of the mapping is one of {@code allowed}; an unknown key is an error
     * at the key with a "did you mean" hint.
     */
    public void allowOnly(final Collection<String> allowed)
    {
        for (final String key : entries().keySet())
        {
            if (!allowed.contains(key))
            {
                throw keyNode(key).error(what + ": unknown field '" + key + "'" + Suggestions.hint(key, allowed));
            }
        }
    }

    /**
     * This value as a quantity of the given dimension, in the engine's canonical unit.
     *
     * @param owner     the model or part the value belongs to, e.g. {@code "LIF"}.
     * @param parameter the parameter's name.
     */
    public double quantity(final String owner, final String parameter, final Dimension dimension)
    {
        final String text = text();
        try
        {
            return Units.parse(owner, parameter, text, dimension);
        }
        catch (final ModelException e)
        {
            throw error(e.getMessage(), e);
        }
    }

    /** This value as a whole number in {@code [min, max]}. */
    public long integer(final String owner, final String parameter, final long min, final long max)
    {
        final String text = text().strip().replace("_", "");
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException e)
        {
            throw error(owner + ": " + parameter + " must be a whole number, got '" + text() + "'");
        }
        if (value < min || value > max)
        {
            throw error(owner + ": " + parameter + " must be in [" + min + ", " + max + "], got " + parameter + "="
                + value);
        }
        return value;
    }

    /**
     * The file named by the value of {@code key}, relative to the directory of this YAML file
     * unless it is absolute.
     *
     * @throws ModelFileException if the key is missing or its value is not a usable path.
     */
    public java.nio.file.Path path(final String key)
    {
        final YamlNode value = require(key);
        final String text = value.text().strip();
        final java.nio.file.Path given;
        try
        {
            given = java.nio.file.Path.of(text);
        }
        catch (final java.nio.file.InvalidPathException e)
        {
            throw value.error(what + ": " + key + " must be a file name, got '" + text + "'", e);
        }
        if (text.isEmpty())
        {
            throw value.error(what + ": " + key + " must be a file name, got nothing");
        }
        if (given.isAbsolute())
        {
            return given;
        }
        java.nio.file.Path parent = null;
        try
        {
            parent = java.nio.file.Path.of(file).getParent();
        }
        catch (final java.nio.file.InvalidPathException e)
        {
            // a file name that is no path (text given directly): relative to the working directory
        }
        return parent == null ? given : parent.resolve(given);
    }

    /** This value as a yes/no flag. */
    public boolean flag(final String owner, final String parameter)
    {
        return switch (text().strip().toLowerCase(java.util.Locale.ROOT))
        {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(owner + ": " + parameter + " must be true or false, got '" + text() + "'");
        };
    }
}
