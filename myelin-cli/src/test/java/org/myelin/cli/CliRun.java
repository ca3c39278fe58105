package org.myelin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in the test's JVM, with what it printed.
 *
 * @param code the exit code.
 * @param out  what it printed on standard output.
 * @param err  what it printed on standard error.
 */
record CliRun(int code, String out, String err)
{
    /** Runs {@code myelin args...}. */
    static CliRun of(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code myelin args...} and checks that it succeeded, showing its standard error if not. */
    static CliRun ok(final String... args)
    {
        final CliRun r = of(args);
        org.assertj.core.api.Assertions.assertThat(r.code()).as(r.err()).isZero();
        return r;
    }
}
