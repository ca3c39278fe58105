package org.myelin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package graph of Java sources under {@code org.myelin}: an edge from package A to package B
 * for every import of a B type in a file of A, and for every fully qualified {@code org.myelin}
 * type named in A's code (comments and string literals do not count). Each edge keeps the first
 * file and reference that made it, so messages can name the offending import.
 */
final class PackageGraph
{
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:static\\s+)?(org\\.myelin(?:\\.\\w+)+)\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.myelin(?:\\.[a-z_]\\w*)*\\.[A-Z]\\w*");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");

    /** One reference from a package to another: the file it is in and the type it names. */
    record Edge(String from, String to, String file, String reference)
    {
        @Override
        public String toString()
        {
            return file + " imports " + reference;
        }
    }

    /** Per package, per package it uses, the first reference that made the edge. */
    private final Map<String, Map<String, Edge>> edges = new TreeMap<>();

    /** The graph of every {@code .java} file under the given source roots. */
    static PackageGraph read(final List<Path> roots)
    {
        final PackageGraph graph = new PackageGraph();
        for (final Path root : roots)
        {
            try (Stream<Path> files = Files.walk(root))
            {
                for (final Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList())
                {
                    graph.add(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                }
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    /** Adds the references of one source file. */
    void add(final String file, final String source)
    {
        final String code = codeOnly(source);
        final Matcher pkg = PACKAGE.matcher(code);
        if (!pkg.find())
        {
            return;
        }
        final String from = pkg.group(1);
        final Map<String, Edge> out = edges.computeIfAbsent(from, k -> new TreeMap<>());
        final List<String> references = new ArrayList<>();
        final Matcher imports = IMPORT.matcher(code);
        while (imports.find())
        {
            references.add(imports.group(1));
        }
        final Matcher qualified = QUALIFIED.matcher(code.replaceAll("\\bimport\\s+[^;]*;", ""));
        while (qualified.find())
        {
            references.add(qualified.group());
        }
        for (final String reference : references)
        {
            final String to = packageOf(reference);
            if (!to.equals(from))
            {
                out.putIfAbsent(to, new Edge(from, to, file, reference));
            }
        }
    }

    /** The package part of a reference: the segments before the first capitalised one. */
    static String packageOf(final String reference)
    {
        final StringBuilder pkg = new StringBuilder();
        for (final String segment : reference.split("\\."))
        {
            if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0)))
            {
                break;
            }
            if (!pkg.isEmpty())
            {
                pkg.append('.');
            }
            pkg.append(segment);
        }
        return pkg.toString();
    }

    /** The packages that have sources. */
    List<String> packages()
    {
        return List.copyOf(edges.keySet());
    }

    /** The edges out of {@code pkg}, by target package. */
    Map<String, Edge> uses(final String pkg)
    {
        return edges.getOrDefault(pkg, Map.of());
    }

    /**
     * Every cycle of packages, one per strongly connected component of more than one package: the
     * component, then a shortest cycle through its first package with the import of each edge,
     * {@code "cycle among [a, b]: a -> b -> a (a/X.java imports org.myelin.b.Y; b/Z.java imports
     * org.myelin.a.W)"}.
     */
    List<String> cycles()
    {
        final List<String> found = new ArrayList<>();
        for (final List<String> component : stronglyConnected())
        {
            if (component.size() > 1)
            {
                found.add("cycle among " + component + ": " + describe(cycleThrough(component)));
            }
        }
        return found;
    }

    /**
     * Every edge of the packages under {@code prefix} (e.g. {@code "org.myelin."}, one segment
     * each) that goes to a package of the same or a higher layer: layers list short package names
     * from the bottom up. A package with sources under the prefix that is in no layer is reported
     * too.
     */
    List<String> layeringViolations(final String prefix, final List<List<String>> layers)
    {
        final Map<String, Integer> layerOf = new HashMap<>();
        for (int k = 0; k < layers.size(); k++)
        {
            for (final String p : layers.get(k))
            {
                layerOf.put(prefix + p, k);
            }
        }
        final List<String> found = new ArrayList<>();
        for (final String from : edges.keySet())
        {
            if (!isDirectlyUnder(prefix, from))
            {
                continue;
            }
            final Integer fromLayer = layerOf.get(from);
            if (fromLayer == null)
            {
                found.add("package " + from + " is in no layer; add it to the layer list of the package graph test");
                continue;
            }
            for (final Edge e : uses(from).values())
            {
                final Integer toLayer = layerOf.get(e.to());
                if (toLayer != null && toLayer >= fromLayer)
                {
                    found.add(e + ": " + shortName(prefix, from) + " (layer " + fromLayer + ") may not depend on "
                        + shortName(prefix, e.to()) + " (layer " + toLayer + ")");
                }
            }
        }
        return found;
    }

    private static boolean isDirectlyUnder(final String prefix, final String pkg)
    {
        return pkg.startsWith(prefix) && pkg.indexOf('.', prefix.length()) < 0;
    }

    private static String shortName(final String prefix, final String pkg)
    {
        return pkg.substring(prefix.length());
    }

    /** Tarjan's algorithm, iterative, over packages in sorted order (so messages are stable). */
    private List<List<String>> stronglyConnected()
    {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final TreeSet<String> onStack = new TreeSet<>();
        final List<List<String>> components = new ArrayList<>();
        final int[] counter = {0};
        for (final String start : edges.keySet())
        {
            if (!index.containsKey(start))
            {
                connect(start, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private void connect(
        final String start, final Map<String, Integer> index, final Map<String, Integer> low, final Deque<String> stack,
        final TreeSet<String> onStack, final List<List<String>> components, final int[] counter)
    {
        final Deque<Object[]> frames = new ArrayDeque<>(); // {package, iterator over its targets}
        visit(start, index, low, stack, onStack, counter);
        frames.push(new Object[] {start, uses(start).keySet().iterator()});
        while (!frames.isEmpty())
        {
            final Object[] frame = frames.peek();
            final String v = (String) frame[0];
            @SuppressWarnings("unchecked")
            final java.util.Iterator<String> next = (java.util.Iterator<String>) frame[1];
            if (next.hasNext())
            {
                final String w = next.next();
                if (!index.containsKey(w))
                {
                    visit(w, index, low, stack, onStack, counter);
                    frames.push(new Object[] {w, uses(w).keySet().iterator()});
                }
                else if (onStack.contains(w))
                {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
                continue;
            }
            frames.pop();
            if (!frames.isEmpty())
            {
                final String parent = (String) frames.peek()[0];
                low.put(parent, Math.min(low.get(parent), low.get(v)));
            }
            if (low.get(v).equals(index.get(v)))
            {
                final List<String> component = new ArrayList<>();
                String w;
                do
                {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                }
                while (!w.equals(v));
                component.sort(null);
                components.add(component);
            }
        }
    }

    private static void visit(
        final String v, final Map<String, Integer> index, final Map<String, Integer> low, final Deque<String> stack,
        final TreeSet<String> onStack, final int[] counter)
    {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
    }

    /** A shortest cycle through the first package of a component, by breadth-first search. */
    private List<Edge> cycleThrough(final List<String> component)
    {
        final String start = component.getFirst();
        final Map<String, Edge> reachedBy = new HashMap<>();
        final Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty())
        {
            final String v = queue.poll();
            for (final Edge e : uses(v).values())
            {
                if (!component.contains(e.to()))
                {
                    continue;
                }
                if (e.to().equals(start))
                {
                    final List<Edge> cycle = new ArrayList<>(List.of(e));
                    for (String at = v; !at.equals(start); at = reachedBy.get(at).from())
                    {
                        cycle.addFirst(reachedBy.get(at));
                    }
                    return cycle;
                }
                if (!reachedBy.containsKey(e.to()))
                {
                    reachedBy.put(e.to(), e);
                    queue.add(e.to());
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private static String describe(final List<Edge> cycle)
    {
        final StringBuilder path = new StringBuilder(cycle.getFirst().from());
        final List<String> why = new ArrayList<>();
        for (final Edge e : cycle)
        {
            path.append(" -> ").append(e.to());
            why.add(e.toString());
        }
        return path + " (" + String.join("; ", why) + ")";
    }

    /**
     * The source with comments, string and character literals and text blocks blanked out, so
     * that names in Javadoc or messages do not count as references.
     */
    static String codeOnly(final String source)
    {
        final StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        final int n = source.length();
        while (i < n)
        {
            final char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/')
            {
                while (i < n && source.charAt(i) != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*')
            {
                final int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            }
            else if (source.startsWith("\"\"\"", i))
            {
                final int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < n && source.charAt(i) != c)
                {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            }
            else
            {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
