package org.myelin.cli;

import picocli.CommandLine.Command;

/** {@code myelin plot}: pictures of models and of saved results; each kind is a subcommand. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Draws pictures of models and results (PNG, or SVG with --svg for saved results).",
    subcommands = {PlotKernelsCommand.class, PlotFiCommand.class, PlotNeuronCommand.class, PlotKinds.Raster.class,
        PlotKinds.Rates.class, PlotKinds.Traces.class, PlotKinds.Isi.class, PlotKinds.Weights.class})
final class PlotCommand
{
}
