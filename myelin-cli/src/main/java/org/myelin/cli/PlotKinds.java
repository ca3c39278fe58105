package org.myelin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.myelin.io.RunInfo;
import org.myelin.io.SavedRun;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code myelin plot} kinds that draw saved results; each prints the file it wrote. */
final class PlotKinds
{
    private PlotKinds()
    {
    }

    /** Shared: read the run, draw, say where. */
    abstract static class Kind implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Mixin
        PlotOptions options;

        abstract String kind();

        /** Draws from the saved run in {@code dir}, reading what this kind needs. */
        void draw(final Path target, final Path dir) throws IOException
        {
            draw(target, SavedRun.read(dir));
        }

        /** Draws from the spikes and recordings read into memory. */
        void draw(final Path target, final SavedRun run) throws IOException
        {
            throw new UnsupportedOperationException(kind());
        }

        @Override
        public Integer call() throws IOException
        {
            final Path target = options.target(kind());
            draw(target, options.dir);
            final PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + target);
            out.flush();
            return 0;
        }
    }

    /** {@code myelin plot raster OUTDIR}. */
    @Command(name = "raster", mixinStandardHelpOptions = true,
        description = "Spike raster with the population rate under it.")
    static final class Raster extends Kind
    {
        @Override
        String kind()
        {
            return "raster";
        }

        @Override
        void draw(final Path target, final Path dir) throws IOException
        {
            // streamed from the files, so a raster of any number of spikes fits in memory
            final RunInfo info = RunInfo.read(dir);
            Pictures.raster(target, info, Pictures.spikes(() -> SavedRun.spikes(dir, info)));
        }
    }

    /** {@code myelin plot rates OUTDIR}. */
    @Command(name = "rates", mixinStandardHelpOptions = true, description = "Each population's rate over time.")
    static final class Rates extends Kind
    {
        @Option(names = "--bin", paramLabel = "TIME", defaultValue = "5ms",
            description = "Bin width, with a unit (default: ${DEFAULT-VALUE}).")
        String bin;

        @Override
        String kind()
        {
            return "rates";
        }

        @Override
        void draw(final Path target, final SavedRun run) throws IOException
        {
            final double binMs = Units.parse("myelin plot rates", "--bin", bin, Dimension.TIME);
            if (!(binMs > 0))
            {
                throw new Main.UsageException("--bin must be > 0 ms, got --bin=" + bin);
            }
            Pictures.rates(target, run, binMs);
        }
    }

    /** {@code myelin plot traces OUTDIR}. */
    @Command(name = "traces", mixinStandardHelpOptions = true,
        description = "Recorded traces (e.g. v) of chosen neurons.")
    static final class Traces extends Kind
    {
        @Option(names = "--population", paramLabel = "NAME", description = "Population (default: the first recorded).")
        String population;

        @Option(names = "--variable", paramLabel = "NAME", description = "Variable (default: the first recorded).")
        String variable;

        @Option(names = "--neurons", paramLabel = "i", split = ",",
            description = "Neurons to draw (default: the first five recorded).")
        List<Integer> neurons;

        @Override
        String kind()
        {
            return "traces";
        }

        @Override
        void draw(final Path target, final SavedRun run) throws IOException
        {
            Pictures.traces(target, run, population, variable, neurons);
        }
    }

    /** {@code myelin plot isi OUTDIR}. */
    @Command(name = "isi", mixinStandardHelpOptions = true,
        description = "Histograms of inter-spike intervals and of their coefficient of variation.")
    static final class Isi extends Kind
    {
        @Override
        String kind()
        {
            return "isi";
        }

        @Override
        void draw(final Path target, final SavedRun run) throws IOException
        {
            Pictures.isi(target, run);
        }
    }

    /** {@code myelin plot weights OUTDIR}. */
    @Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Histogram of a plastic projection's final weights (w/wMax) and the monitored weights over time.")
    static final class Weights extends Kind
    {
        @Option(names = "--projection", paramLabel = "NAME", description = "Projection (default: the first plastic one).")
        String projection;

        @Override
        String kind()
        {
            return "weights";
        }

        @Override
        void draw(final Path target, final Path dir) throws IOException
        {
            Pictures.weights(target, dir, projection);
        }
    }
}
