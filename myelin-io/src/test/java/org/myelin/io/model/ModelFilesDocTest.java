package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.units.Dimension;

/**
 * docs/MODEL-FILES.md against the loader: every {@code ```yaml} block is a complete model that
 * loads ({@code ```yaml fragment} marks the pieces of a model), and every key, model and
 * parameter the loader reads is named in the reference tables.
 */
class ModelFilesDocTest
{
    static final Path DOC = Path.of("..", "docs", "MODEL-FILES.md");

    /**
     * A fenced block of the doc.
     *
     * @param line the line of its opening fence, from 1.
     * @param info the fence's info string ({@code yaml}, {@code yaml fragment}, ...).
     * @param text its content.
     */
    record Block(int line, String info, String text)
    {
        @Override
        public String toString()
        {
            return "MODEL-FILES.md:" + line;
        }
    }

    static List<Block> blocks() throws IOException
    {
        final List<String> lines = Files.readAllLines(DOC);
        final List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++)
        {
            if (lines.get(k).startsWith("```") && lines.get(k).length() > 3)
            {
                final int start = k;
                final StringBuilder text = new StringBuilder();
                for (k++; !lines.get(k).startsWith("```"); k++)
                {
                    text.append(lines.get(k)).append('\n');
                }
                blocks.add(new Block(start + 1, lines.get(start).substring(3).strip(), text.toString()));
            }
        }
        return blocks;
    }

    static Stream<Block> completeModels() throws IOException
    {
        return blocks().stream().filter(b -> b.info().equals("yaml"));
    }

    private static String doc() throws IOException
    {
        return Files.readString(DOC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completeModels")
    void everyCompleteModelInTheDocLoads(final Block block)
    {
        final ModelFile model = new ModelLoader(Catalog.standard()).load(DOC.toString(), "doc", block.text());
        assertThat(model.network().populations()).as(block.toString()).isNotEmpty();
        assertThat(model.durationMs()).as(block.toString()).isPositive();
    }

    @Test
    void yamlBlocksAreModelsOrMarkedFragments() throws IOException
    {
        final List<Block> yaml = blocks().stream().filter(b -> b.info().startsWith("yaml")).toList();
        assertThat(yaml).allSatisfy(b -> assertThat(b.info()).as(b.toString()).isIn("yaml", "yaml fragment"));
        // the reference's own complete models: the overview, spike sources and inputs, STDP
        assertThat(completeModels().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyKeyTheLoaderReadsIsInTheReference() throws IOException
    {
        final String doc = doc();
        final List<String> keys = new ArrayList<>();
        for (final List<String> group : List.of(ModelLoader.TOP, ModelLoader.POPULATION, ModelLoader.PROJECTION,
            ModelLoader.INPUT_FIELDS, ModelLoader.RECEPTOR, ModelLoader.MONITORS, ModelLoader.RATE_MONITOR,
            ModelLoader.STATE_MONITOR, WeightRecording.KEYS, SpikeTimingRules.RULES,
            List.of(ModelLoader.JUST_IN_TIME, SpikeTimingRules.RULE)))
        {
            keys.addAll(group);
        }
        for (final boolean pair : new boolean[] {true, false})
        {
            for (final Param p : SpikeTimingRules.parameters(pair, Dimension.CONDUCTANCE))
            {
                keys.add(p.name());
                if (p instanceof Param.ChoiceParam c)
                {
                    keys.addAll(c.options());
                }
            }
        }
        final List<String> missing = keys.stream().filter(k -> Stream.of("`" + k + "`", " " + k + " \\|",
            "| " + k + " ", "**" + k + "**").noneMatch(doc::contains)).toList();
        assertThat(missing).as("keys the loader reads that the doc does not name").isEmpty();
    }

    static Stream<Registry<? extends Registry.Named>> registries()
    {
        final Catalog c = Catalog.standard();
        return Stream.of(c.populations(), c.synapses(), c.outputs(), c.connectors(), c.inputs(), c.plasticity());
    }

    @ParameterizedTest
    @MethodSource("registries")
    void everyModelHasARowNamingEachOfItsParameters(final Registry<? extends Registry.Named> registry)
        throws IOException
    {
        final List<String> lines = Files.readAllLines(DOC);
        final List<String> missing = new ArrayList<>();
        for (final Registry.Named type : registry.all())
        {
            final String row = lines.stream().filter(l -> l.startsWith("| `" + type.name() + "` |")).findFirst()
                .orElse(null);
            if (row == null)
            {
                missing.add(type.name() + " (no row | `" + type.name() + "` |)");
                continue;
            }
            for (final Param p : type.params())
            {
                if (!row.contains("`" + p.name() + "`"))
                {
                    missing.add(type.name() + "." + p.name());
                }
                if (p instanceof Param.ChoiceParam c)
                {
                    c.options().stream().filter(o -> !java.util.regex.Pattern.compile("(\\*\\*| )"
                        + java.util.regex.Pattern.quote(o) + "(\\*\\*| |,|$)").matcher(row).find())
                        .forEach(o -> missing.add(type.name() + "." + p.name() + ": " + o));
                }
            }
        }
        assertThat(missing).as("models, parameters and choices the reference tables do not name").isEmpty();
    }

    /** NEST's and PyNN's names of models, and their parameters, are in the doc too. */
    @ParameterizedTest
    @MethodSource("registries")
    void everyOtherSimulatorsNameAndItsParametersAreNamed(final Registry<? extends Registry.Named> registry)
        throws IOException
    {
        final String doc = doc();
        final List<String> missing = new ArrayList<>();
        for (final String alias : registry.aliasNames())
        {
            if (!doc.contains("`" + alias + "`"))
            {
                missing.add(alias);
            }
            registry.get(alias).params().stream().map(Param::name).filter(p -> !doc.contains("`" + p + "`"))
                .forEach(p -> missing.add(alias + "." + p));
        }
        assertThat(missing).as("other simulators' names and parameters the doc does not name").isEmpty();
    }

    /**
     * The model files of examples/ (the training specifications of docs/TRAINING.md aside) are named
     * in the examples table, {@code brunel2000-{A-sr,C-ai}.yaml} for several, and load.
     */
    @Test
    void everyExampleModelIsInTheTableAndLoads() throws IOException
    {
        final String doc = doc();
        final String training = Files.readString(DOC.resolveSibling("TRAINING.md"));
        final java.util.Set<String> named = new java.util.HashSet<>();
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([\\w-]*?)(?:\\{([^}]*)\\})?([\\w-]*)\\.yaml`")
            .matcher(doc);
        while (m.find())
        {
            for (final String part : m.group(2) == null ? List.of("") : List.of(m.group(2).split(",")))
            {
                named.add(m.group(1) + part + m.group(3) + ".yaml");
            }
        }
        final List<Path> examples;
        try (Stream<Path> files = Files.list(ExampleFilesTest.EXAMPLES))
        {
            examples = files.filter(f -> f.toString().endsWith(".yaml"))
                .filter(f -> !training.contains("examples/" + f.getFileName())).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (final Path f : examples)
        {
            assertThat(named).as("docs/MODEL-FILES.md names %s", f.getFileName()).contains(f.getFileName().toString());
            assertThat(ModelLoader.load(f).network().populations()).as(f.toString()).isNotEmpty();
        }
    }
}
