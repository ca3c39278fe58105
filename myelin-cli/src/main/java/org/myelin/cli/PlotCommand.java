package org.myelin.cli;

import picocli.CommandLine.Command;

/** {@code myelin plot}: pictures of models and of saved results; each kind is a subcommand. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Draws pictures of models and results (PNG).",
    subcommands = {PlotKernelsCommand.class, PlotFiCommand.class, PlotNeuronCommand.class})
final class PlotCommand
{
}
