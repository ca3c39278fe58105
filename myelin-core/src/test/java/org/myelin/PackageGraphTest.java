package org.myelin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the package graph one-way: no package cycle in any module's main sources, and every
 * package of the core depends only on packages of lower layers.
 */
class PackageGraphTest
{
    /**
     * The core's layers, bottom up: a package may use the packages of lower layers only. {@code base}
     * is the simulation loop's contract ({@code Population}, {@code Delivery}, {@code InputPort},
     * {@code DelayRing}, ...), which models, connectivity and projections build on.
     */
    static final List<List<String>> CORE_LAYERS = List.of(
        List.of("util"),
        List.of("units", "random", "output", "state", "mpi"),
        List.of("base"),
        List.of("delay", "synapse", "plasticity", "monitor"),
        List.of("neuron"),
        List.of("input", "connect"),
        List.of("projection"),
        List.of("sim"),
        List.of("readout"));

    private static final Path CORE_SOURCES = Path.of("src/main/java");

    @Test
    void shouldKeepEveryCorePackageBelowThePackagesThatUseIt()
    {
        final PackageGraph graph = PackageGraph.read(List.of(CORE_SOURCES));

        assertThat(graph.packages()).contains("org.myelin.base", "org.myelin.sim", "org.myelin.projection");
        assertThat(graph.layeringViolations("org.myelin.", CORE_LAYERS)).isEmpty();
    }

    @Test
    void shouldFindNoPackageCycleInTheMainSourcesOfAnyModule() throws IOException
    {
        final List<Path> roots = mainSourceRoots();
        final PackageGraph graph = PackageGraph.read(roots);

        assertThat(roots).hasSizeGreaterThanOrEqualTo(4);
        assertThat(graph.packages()).contains("org.myelin.io", "org.myelin.plot", "org.myelin.cli");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void shouldNameTheImportsThatCloseACycle(@TempDir final Path dir) throws IOException
    {
        write(dir, "org/myelin/a/A.java", "package org.myelin.a;\nimport org.myelin.b.B;\nclass A {}\n");
        write(dir, "org/myelin/b/B.java", "package org.myelin.b;\nclass B { org.myelin.c.C c; }\n");
        write(dir, "org/myelin/c/C.java", "package org.myelin.c;\nimport static org.myelin.a.A.f;\nclass C {}\n");

        assertThat(PackageGraph.read(List.of(dir)).cycles()).containsExactly(
            "cycle among [org.myelin.a, org.myelin.b, org.myelin.c]: org.myelin.a -> org.myelin.b -> org.myelin.c -> org.myelin.a (org/myelin/a/A.java imports org.myelin.b.B; "
                + "org/myelin/b/B.java imports org.myelin.c.C; org/myelin/c/C.java imports org.myelin.a.A.f)");
    }

    @Test
    void shouldNameAnImportIntoTheSameOrAHigherLayer(@TempDir final Path dir) throws IOException
    {
        write(dir, "org/myelin/synapse/Receptor.java",
            "package org.myelin.synapse;\nimport org.myelin.projection.InputPort;\nclass Receptor {}\n");
        write(dir, "org/myelin/projection/P.java", "package org.myelin.projection;\nclass P {}\n");
        write(dir, "org/myelin/delay/D.java", "package org.myelin.delay;\nclass D { org.myelin.synapse.Receptor r; }\n");
        write(dir, "org/myelin/extra/E.java", "package org.myelin.extra;\nclass E {}\n");

        assertThat(PackageGraph.read(List.of(dir)).layeringViolations("org.myelin.", CORE_LAYERS)).containsExactly(
            "org/myelin/delay/D.java imports org.myelin.synapse.Receptor: delay (layer 3) may not depend on synapse "
                + "(layer 3)",
            "package org.myelin.extra is in no layer; add it to the layer list of the package graph test",
            "org/myelin/synapse/Receptor.java imports org.myelin.projection.InputPort: synapse (layer 3) may not "
                + "depend on projection (layer 6)");
    }

    @Test
    void shouldCountQualifiedNamesInCodeButNotInCommentsOrStrings(@TempDir final Path dir) throws IOException
    {
        write(dir, "org/myelin/a/A.java", """
            package org.myelin.a;
            /** See {@link org.myelin.b.B}. */
            class A
            {
                // org.myelin.c.C
                String s = "org.myelin.d.D";
                void f(final org.myelin.e.E e) { }
            }
            """);

        assertThat(PackageGraph.read(List.of(dir)).uses("org.myelin.a")).containsOnlyKeys("org.myelin.e");
    }

    @Test
    void shouldTakeThePackageOfANestedTypeOrStaticMember()
    {
        assertThat(PackageGraph.packageOf("org.myelin.io.model.Catalog.Entry")).isEqualTo("org.myelin.io.model");
        assertThat(PackageGraph.packageOf("org.myelin.base.Delivery")).isEqualTo("org.myelin.base");
    }

    /** The main source roots of every module beside this one, this one included. */
    private static List<Path> mainSourceRoots() throws IOException
    {
        final List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of("..")))
        {
            for (final Path module : modules.sorted().toList())
            {
                final Path sources = module.resolve("src/main/java");
                if (Files.isRegularFile(module.resolve("pom.xml")) && Files.isDirectory(sources))
                {
                    roots.add(sources);
                }
            }
        }
        return roots;
    }

    private static void write(final Path dir, final String file, final String text) throws IOException
    {
        final Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
