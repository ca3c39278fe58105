package org.myelin.mpi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a Java main class under {@code mpirun}, for tests; they skip where mpirun is not installed. */
public final class MpiRun
{
    private MpiRun()
    {
    }

    /** The output and exit code of a finished mpirun. */
    public record Result(int exitCode, String output)
    {
    }

    /** True when {@code mpirun} is on the PATH. */
    public static boolean available()
    {
        for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        {
            if (new File(dir, "mpirun").canExecute())
            {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, saying why, when {@code mpirun} is missing. */
    public static void assumeAvailable()
    {
        assumeTrue(available(), "mpirun is not installed (Debian: apt-get install openmpi-bin libopenmpi-dev); "
            + "the MPI tests are skipped");
    }

    /**
     * Runs {@code mainClass args...} in {@code processes} JVMs under
     * {@code mpirun --oversubscribe --allow-run-as-root}, with this JVM's class path; stdout and
     * stderr together.
     */
    public static Result java(final int processes, final String mainClass, final String... args)
        throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>(List.of("mpirun", "-np", Integer.toString(processes),
            "--oversubscribe", "--allow-run-as-root", ProcessHandle.current().info().command().orElse("java"),
            "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss4m",
            "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        final Process process = builder.start();
        final byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
            throw new IllegalStateException("mpirun did not end within 5 minutes: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
