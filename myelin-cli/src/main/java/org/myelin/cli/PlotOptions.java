package org.myelin.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every {@code myelin plot} kind shares: the results folder and where to write. */
final class PlotOptions
{
    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The output folder of a 'myelin run'.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Picture to write; .svg gives SVG (default: OUTDIR/<kind>.png, or .svg with --svg).")
    Path out;

    @Option(names = "--svg", description = "Write SVG instead of PNG.")
    boolean svg;

    /** The file to write for a plot {@code kind}. */
    Path target(final String kind)
    {
        if (out != null)
        {
            return out;
        }
        return dir.resolve(kind + (svg ? ".svg" : ".png"));
    }
}
