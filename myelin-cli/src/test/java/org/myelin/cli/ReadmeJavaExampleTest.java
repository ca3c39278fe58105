package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example is the file {@code examples/java/CobaNetwork.java}, and it runs with the
 * command the README gives (the jar there is the runnable jar; here the same classes come from the
 * test's class path).
 */
class ReadmeJavaExampleTest
{
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String COMMAND =
        "java --add-modules jdk.incubator.vector -cp myelin-cli/target/myelin.jar examples/java/CobaNetwork.java";

    @Test
    void readmeExampleShouldBeTheExampleFileAndRunWithTheReadmeCommand(@TempDir final Path work)
        throws IOException, InterruptedException
    {
        final String readme = Files.readString(ROOT.resolve("README.md"));
        final String section = readme.substring(readme.indexOf("## Java API"));
        final int start = section.indexOf("```java\n") + "```java\n".length();
        final String snippet = section.substring(start, section.indexOf("```\n", start));
        final Path example = ROOT.resolve("examples/java/CobaNetwork.java");

        assertThat(Files.readString(example)).isEqualTo(snippet);
        assertThat(section).contains(COMMAND);

        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process process = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
            "-cp", System.getProperty("java.class.path"), example.toString())
            .directory(work.toFile()).redirectErrorStream(true).start();
        final boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        final String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("ended within 120 s").isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("(?m)^E \\d+\\.\\d Hz, I \\d+\\.\\d Hz$");
        for (final String file : List.of("spikes_step.npy", "spikes_neuron.npy", "spikes.csv"))
        {
            assertThat(work.resolve("out-java").resolve(file)).isNotEmptyFile();
        }
    }
}
