package org.myelin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code myelin} in a JVM of its own, with the test JVM's class path. Options given through
 * {@code JAVA_TOOL_OPTIONS} (e.g. {@code -XX:UseAVX=2}, to run the suite at another vector width)
 * are passed on the command line instead, so the child runs with them but does not print the
 * JVM's "Picked up JAVA_TOOL_OPTIONS" line into the stderr that the tests compare.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    /** A process builder for {@code myelin ARGS...}. */
    static ProcessBuilder myelin(final String... args)
    {
        return command(new ArrayList<>(), args);
    }

    /**
     * A process builder for {@code myelin ARGS...} in {@code ranks} processes under
     * {@code mpirun --oversubscribe --allow-run-as-root}.
     */
    static ProcessBuilder mpirun(final int ranks, final String... args)
    {
        return command(new ArrayList<>(List.of("mpirun", "-np", Integer.toString(ranks), "--oversubscribe",
            "--allow-run-as-root")), args);
    }

    private static ProcessBuilder command(final List<String> command, final String... args)
    {
        command.add(ProcessHandle.current().info().command().orElse("java"));
        final String tool = System.getenv("JAVA_TOOL_OPTIONS");
        if (tool != null && !tool.isBlank())
        {
            command.addAll(Arrays.asList(tool.strip().split("\\s+")));
        }
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), "org.myelin.cli.Main"));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }
}
