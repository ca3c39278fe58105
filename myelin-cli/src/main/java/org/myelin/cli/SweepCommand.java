package org.myelin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.io.RunInfo;
import org.myelin.io.SavedRun;
import org.myelin.io.YamlNode;
import org.myelin.io.model.ModelLoader;
import org.myelin.util.AtomicFiles;
import org.myelin.util.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code myelin sweep}: runs a model file at every point of a grid of values, the cartesian
 * product of the {@code --vary} axes (the first axis varies slowest, the seeds fastest). Each
 * point is a {@code myelin run} with {@code --set PATH=VALUE} for its values, one thread, no
 * plot and no progress bar, into {@code DIR/point-0001}, ...; points run several at a time in
 * this process. At the end {@code DIR/sweep.csv} has one row per point (its values, seed, spikes,
 * mean rate and mean CV of the inter-spike intervals per population, seconds of simulation) and
 * {@code DIR/sweep.yaml} describes the grid. A point that fails is reported with its values and
 * reason; the others still run, and the exit code is 1.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a model file (YAML) at every point of a grid of values, several points",
        "at a time, each as 'myelin run MODEL --set PATH=VALUE ... --threads 1",
        "--no-plot' into DIR/point-0001, ..., then writes DIR/sweep.csv (a row per",
        "point: values, seed, spikes, rate and CV of the ISI per population, run",
        "seconds) and DIR/sweep.yaml (the grid)."},
    footer = {"", "Values of --vary PATH=VALUES:",
        "  V1,V2,V3       the values, read as the file's (no split inside [..] {..})",
        "  lin(a, b, n)   n values from a to b, evenly spaced: lin(0.2 nS, 1 nS, 5)",
        "  log(a, b, n)   n values evenly spaced in log: log(1 Hz, 100 Hz, 3)",
        "  P1,P2=VALUES   the paths P1 and P2 take the same value (one axis)",
        "", "Examples:",
        "  myelin sweep examples/brunel2000-C-ai.yaml --duration 200ms \\",
        "    --vary 'projections.I->E.weight,projections.I->I.weight=-0.3 mV,-0.5 mV' \\",
        "    --vary 'inputs.ext-E.rate,inputs.ext-I.rate=lin(10 Hz, 40 Hz, 4)' \\",
        "    --out sweeps/brunel",
        "  myelin sweep model.yaml --vary populations.E.parameters.tauM=10ms,20ms \\",
        "    --repeat-seeds 5 --out sweeps/tau"})
final class SweepCommand implements Callable<Integer>
{
    /** The most points a sweep may have. */
    static final int MAX_POINTS = 100_000;
    /** Significant digits of the values lin() and log() make and of the figures in sweep.csv. */
    private static final MathContext DIGITS = new MathContext(10);
    private static final Pattern RANGE = Pattern.compile("(lin|log)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern QUANTITY = Pattern.compile(
        "([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)", Pattern.DOTALL);
    private static final String VARY_FORM = "--vary takes PATH=V1,V2,... or PATH=lin(a, b, n) or PATH=log(a, b, n), "
        + "such as --vary populations.E.parameters.tauM=10ms,20ms";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.yaml).")
    private Path modelFile;

    @Option(names = "--vary", paramLabel = "PATH=VALUES",
        description = "An axis of the grid: the values PATH takes (below). Repeatable; the grid is every "
            + "combination.")
    private List<String> vary;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = "Replaces a value of the model file at every point, as 'myelin run --set'; with several "
            + "values (V1,V2,... or lin/log) it is an axis, as --vary. Repeatable.")
    private List<String> settings;

    @Option(names = "--repeat-seeds", paramLabel = "n", defaultValue = "1",
        description = "Runs each combination with n seeds: --seed, --seed + 1, ... (default: ${DEFAULT-VALUE}, "
            + "the file's seed).")
    private int repeatSeeds;

    @Option(names = "--seed", paramLabel = "s",
        description = "The first seed (default: the file's, else 42).")
    private Long seed;

    @Option(names = "--duration", paramLabel = "TIME", description = "Biological time of each run (default: the file's).")
    private String duration;

    @Option(names = "--dt", paramLabel = "TIME", description = "Time step (default: the file's).")
    private String dt;

    @Option(names = "--record", paramLabel = "WHAT",
        description = "What each point keeps, as 'myelin run --record' (default: the file's monitors); the CV "
            + "column needs the spikes.")
    private String record;

    @Option(names = "--parallel", paramLabel = "k",
        description = "Points run at the same time, one thread each (default: the number of processors).")
    private Integer parallel;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Output folder of the sweep, created if needed.")
    private Path out;

    @Option(names = "--no-progress", description = "Do not show the count of finished points.")
    private boolean noProgress;

    /**
     * One axis of the grid.
     *
     * @param label  the paths as given, the axis's column in sweep.csv.
     * @param paths  the paths that take each value.
     * @param values the values, as YAML text.
     */
    record Axis(String label, List<String> paths, List<String> values)
    {
    }

    /**
     * One point of the grid.
     *
     * @param index  its number, from 1.
     * @param values the value of each axis.
     * @param seed   its seed, null for the file's.
     */
    record Point(int index, List<String> values, Long seed)
    {
    }

    /**
     * What a point gave.
     *
     * @param point       the point.
     * @param seed        the seed it ran with.
     * @param populations each population's name, rate [Hz] and mean CV of the ISI (NaN if not known).
     * @param spikes      spikes of every population.
     * @param runSeconds  wall time of the simulation loop.
     * @param error       why it failed, null if it did not.
     */
    record Outcome(Point point, long seed, List<PopulationFigures> populations, long spikes, double runSeconds,
        String error)
    {
    }

    /**
     * @param name   population name.
     * @param rateHz [Hz] mean rate.
     * @param cv     mean over its neurons (with three spikes or more) of the CV of their intervals; NaN if none.
     */
    record PopulationFigures(String name, double rateHz, double cv)
    {
    }

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final long t0 = System.nanoTime();
        final Map<String, String> fixed = new java.util.LinkedHashMap<>();
        final List<Axis> axes = new ArrayList<>();
        for (final String a : vary == null ? List.<String>of() : vary)
        {
            axes.add(axis(a));
        }
        // a --set of several values is an axis, as the same --vary: one value would be the same at
        // every point, and a list of values written for a sweep is meant as its points
        for (final Map.Entry<String, String> s : RunCommand.settings(settings).entrySet())
        {
            if (severalValues(s.getValue()))
            {
                axes.add(setAxis(s.getKey(), s.getValue()));
            }
            else
            {
                fixed.put(s.getKey(), s.getValue());
            }
        }
        if (axes.isEmpty())
        {
            throw new Main.UsageException("the grid is empty: give at least one --vary PATH=V1,V2,... (or --set "
                + "PATH=V1,V2,...)");
        }
        checkDistinct(axes, fixed.keySet());
        for (final String option : List.of("--duration", "--dt"))
        {
            checkTime(option, "--duration".equals(option) ? duration : dt);
        }
        if (repeatSeeds < 1 || repeatSeeds > MAX_POINTS)
        {
            throw new Main.UsageException("--repeat-seeds must be in [1, " + MAX_POINTS + "], got --repeat-seeds="
                + repeatSeeds);
        }
        final int workers = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (workers < 1 || workers > 1024)
        {
            throw new Main.UsageException("--parallel must be in [1, 1024], got --parallel=" + workers);
        }
        final boolean seedVaried = axes.stream().anyMatch(a -> a.paths().contains("seed"));
        if (seedVaried && (seed != null || repeatSeeds > 1))
        {
            throw new Main.UsageException("--vary seed=... gives the seeds; it cannot be combined with --seed or "
                + "--repeat-seeds");
        }
        final YamlNode tree = checkedTree(axes, fixed);
        final List<Long> seeds = new ArrayList<>();
        if (seed == null && repeatSeeds == 1)
        {
            seeds.add(null);
        }
        else
        {
            final long first = seed != null ? seed : fileSeed(tree);
            for (int k = 0; k < repeatSeeds; k++)
            {
                seeds.add(first + k);
            }
        }
        final List<Point> points = points(axes, seeds);
        if (Files.exists(out) && !Files.isDirectory(out))
        {
            throw new Main.UsageException("--out '" + out + "' is a file, not a folder");
        }
        Files.createDirectories(out);

        final PrintWriter err = spec.commandLine().getErr();
        final PrintStream terminal = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
            StandardCharsets.UTF_8);
        final List<Outcome> outcomes = new ArrayList<>();
        final int threads = Math.min(workers, points.size());
        try (SweepProgress progress = new SweepProgress(terminal, !noProgress && Progress.stderrIsTerminal(),
            System::nanoTime, points.size()); Interruption stop = Interruption.onSignal(s ->
            {
                progress.close();
                err.println("myelin sweep: stopped by SIG" + s.getName() + "; " + progress.done() + " of "
                    + points.size() + " points finished in '" + out + "', no sweep.csv written (an unfinished point is "
                    + "cleaned by the next run into its folder)");
                err.flush();
                Interruption.halt(s);
            }); ExecutorService pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("myelin-sweep-", 1).daemon().factory()))
        {
            progress.begin();
            final List<Future<Outcome>> futures = new ArrayList<>();
            for (final Point p : points)
            {
                futures.add(pool.submit(() ->
                {
                    final Outcome o = run(p, axes, fixed, points.size());
                    if (o.error() != null)
                    {
                        progress.message("myelin sweep: point " + p.index() + " (" + describe(p, axes) + ") failed: "
                            + o.error(), err);
                    }
                    progress.finished(o.error() == null);
                    return o;
                }));
            }
            for (final Future<Outcome> f : futures)
            {
                try
                {
                    outcomes.add(f.get());
                }
                catch (final ExecutionException e)
                {
                    throw new IllegalStateException("a point's run failed outside its own checks", e.getCause());
                }
            }
        }
        final Path csv = out.resolve("sweep.csv");
        final String table = csv(axes, outcomes);
        AtomicFiles.write(csv, o -> o.write(table.getBytes(StandardCharsets.UTF_8)));
        final Path yaml = out.resolve("sweep.yaml");
        final String grid = gridYaml(axes, fixed, seedVaried ? null : seeds, tree, points.size(), threads);
        AtomicFiles.write(yaml, o -> o.write(grid.getBytes(StandardCharsets.UTF_8)));

        final List<Integer> failed = outcomes.stream().filter(o -> o.error() != null).map(o -> o.point().index())
            .toList();
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "myelin sweep: %d point%s of %s (%s), %d at a time, %s%n", points.size(),
            points.size() == 1 ? "" : "s", modelFile, shape(axes, seeds.size()), threads,
            Progress.clockTime((System.nanoTime() - t0) / 1e9));
        stdout.printf(Locale.ROOT, "  %d finished, %d failed%n", points.size() - failed.size(), failed.size());
        stdout.printf(Locale.ROOT, "  %s, %s, %s .. %s%n", csv, yaml, out.resolve(folder(1, points.size())),
            out.resolve(folder(points.size(), points.size())));
        stdout.flush();
        if (!failed.isEmpty())
        {
            err.println("myelin sweep: " + failed.size() + " of " + points.size() + " points failed (point"
                + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed.stream().limit(10).map(String::valueOf)
                    .toList()) + (failed.size() > 10 ? ", ..." : "") + "); the error column of " + csv + " says why");
            err.flush();
            return Main.EXIT_FAILURE;
        }
        return 0;
    }

    /** Whether {@code text} is several values (V1,V2,... or a lin() / log() range) rather than one. */
    static boolean severalValues(final String text)
    {
        return RANGE.matcher(text.strip()).matches() || splitTopLevel(text).size() > 1;
    }

    /** Parses one {@code --vary} argument. */
    static Axis axis(final String argument)
    {
        final int eq = argument.indexOf('=');
        if (eq <= 0)
        {
            throw new Main.UsageException(VARY_FORM + ", got --vary " + argument);
        }
        final String label = argument.substring(0, eq).strip();
        final List<String> paths = new ArrayList<>();
        for (final String p : label.split(",", -1))
        {
            if (p.isBlank())
            {
                throw new Main.UsageException(VARY_FORM + ", got --vary " + argument + " (an empty path)");
            }
            paths.add(p.strip());
        }
        return new Axis(label, List.copyOf(paths), values("--vary " + argument, argument.substring(eq + 1)));
    }

    /** A {@code --set PATH=VALUES} of several values, as an axis; its errors name the {@code --set}. */
    private static Axis setAxis(final String path, final String text)
    {
        final Axis a = axis(path + "=[]");
        return new Axis(a.label(), a.paths(), values("--set " + path + "=" + text, text));
    }

    /** The values of {@code text}: a list or a lin() / log() range. */
    static List<String> values(final String option, final String text)
    {
        final String where = option + ": ";
        if (text.isBlank())
        {
            throw new Main.UsageException(where + "no values; give V1,V2,... or lin(a, b, n) or log(a, b, n)");
        }
        final Matcher range = RANGE.matcher(text.strip());
        if (range.matches())
        {
            return range(where, range.group(1), range.group(2));
        }
        final List<String> values = new ArrayList<>();
        for (final String v : splitTopLevel(text))
        {
            if (v.isBlank())
            {
                throw new Main.UsageException(where + "an empty value between commas");
            }
            values.add(v.strip());
        }
        return List.copyOf(values);
    }

    /** {@code lin(a, b, n)} or {@code log(a, b, n)}: n values from a to b, a and b numbers with one unit. */
    private static List<String> range(final String where, final String kind, final String arguments)
    {
        final String form = kind + "(a, b, n) takes two numbers with the same unit and a count n >= 2, such as "
            + kind + "(1 Hz, 100 Hz, 3)";
        final List<String> parts = splitTopLevel(arguments);
        if (parts.size() != 3)
        {
            throw new Main.UsageException(where + form);
        }
        final Matcher a = QUANTITY.matcher(parts.get(0).strip());
        final Matcher b = QUANTITY.matcher(parts.get(1).strip());
        if (!a.matches() || !b.matches() || !parts.get(2).strip().matches("\\d{1,9}"))
        {
            throw new Main.UsageException(where + form);
        }
        final String unitA = a.group(2).strip();
        final String unitB = b.group(2).strip();
        if (!unitA.isEmpty() && !unitB.isEmpty() && !unitA.equals(unitB))
        {
            throw new Main.UsageException(where + form + "; got units '" + unitA + "' and '" + unitB + "'");
        }
        final int n = Integer.parseInt(parts.get(2).strip());
        if (n < 2 || n > MAX_POINTS)
        {
            throw new Main.UsageException(where + form + " (n at most " + MAX_POINTS + "), got n = " + n);
        }
        final double low = Double.parseDouble(a.group(1));
        final double high = Double.parseDouble(b.group(1));
        final boolean log = "log".equals(kind);
        if (log && !(low * high > 0))
        {
            throw new Main.UsageException(where + "log(a, b, n) needs a and b of the same sign and not 0, got a = "
                + a.group(1) + ", b = " + b.group(1));
        }
        final String unit = unitA.isEmpty() ? unitB : unitA;
        final List<String> values = new ArrayList<>();
        for (int k = 0; k < n; k++)
        {
            final double f = k / (double) (n - 1);
            final double v = k == 0 ? low : k == n - 1 ? high : log ? low * Math.pow(high / low, f)
                : low + (high - low) * f;
            values.add(number(v) + (unit.isEmpty() ? "" : " " + unit));
        }
        return List.copyOf(values);
    }

    /** {@code v} with at most ten significant digits and no trailing zeros: 0.3, not 0.30000000000000004. */
    static String number(final double v)
    {
        if (!Double.isFinite(v))
        {
            return Double.toString(v);
        }
        final String plain = new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /** Splits at the commas that are not inside brackets, braces, parentheses or quotes. */
    static List<String> splitTopLevel(final String text)
    {
        final List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int k = 0; k < text.length(); k++)
        {
            final char c = text.charAt(k);
            if (quote != 0)
            {
                quote = c == quote ? 0 : quote;
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '[' || c == '{' || c == '(')
            {
                depth++;
            }
            else if (c == ']' || c == '}' || c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.add(text.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static void checkDistinct(final List<Axis> axes, final java.util.Set<String> fixed)
    {
        final java.util.Set<String> seen = new java.util.HashSet<>();
        for (final Axis a : axes)
        {
            for (final String p : a.paths())
            {
                if (!seen.add(p))
                {
                    throw new Main.UsageException("--vary " + p + " is given twice");
                }
                if (fixed.contains(p))
                {
                    throw new Main.UsageException(p + " is given to both --set and --vary");
                }
            }
        }
    }

    private static void checkTime(final String option, final String text)
    {
        if (text == null)
        {
            return;
        }
        RunCommand.positiveTime("myelin sweep", option, text);
    }

    /**
     * The model file's tree with the fixed settings, after checking that every path of every axis
     * exists and takes each of its values as YAML: a wrong path fails here, before any run.
     */
    private YamlNode checkedTree(final List<Axis> axes, final Map<String, String> fixed)
    {
        final String name = modelFile.getFileName() == null ? "" : modelFile.getFileName().toString()
            .toLowerCase(Locale.ROOT);
        if (name.endsWith(".nml") || name.endsWith(".xml"))
        {
            throw new ModelException(modelFile + ": myelin sweep varies values of YAML model files; this is a NeuroML"
                + " or LEMS file");
        }
        final String text;
        try
        {
            text = Files.readString(modelFile);
        }
        catch (final IOException e)
        {
            throw new ModelException(modelFile + ": cannot read the file (" + (e instanceof java.nio.file
                .NoSuchFileException ? "no such file" : e.toString()) + ")", e);
        }
        YamlNode tree = YamlNode.parse(modelFile.toString(), text);
        for (final Map.Entry<String, String> s : fixed.entrySet())
        {
            tree = tree.with(s.getKey(), s.getValue());
        }
        for (final Axis a : axes)
        {
            for (final String p : a.paths())
            {
                for (final String v : a.values())
                {
                    tree.with("--vary", p, v);
                }
            }
        }
        return tree;
    }

    private static long fileSeed(final YamlNode tree)
    {
        final YamlNode s = tree.get("seed");
        return s == null ? ModelLoader.DEFAULT_SEED : s.integer("model", "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The grid in order: the first axis slowest, the seeds fastest. */
    static List<Point> points(final List<Axis> axes, final List<Long> seeds)
    {
        long count = seeds.size();
        for (final Axis a : axes)
        {
            count *= a.values().size();
            if (count > MAX_POINTS)
            {
                throw new Main.UsageException("the grid has more than " + MAX_POINTS + " points (" + shape(axes,
                    seeds.size()) + "); vary fewer values");
            }
        }
        final List<Point> points = new ArrayList<>();
        final int[] at = new int[axes.size()];
        for (int k = 0; k < count / seeds.size(); k++)
        {
            final List<String> values = new ArrayList<>();
            for (int d = 0; d < axes.size(); d++)
            {
                values.add(axes.get(d).values().get(at[d]));
            }
            for (final Long s : seeds)
            {
                points.add(new Point(points.size() + 1, List.copyOf(values), s));
            }
            for (int d = axes.size() - 1; d >= 0 && ++at[d] == axes.get(d).values().size(); d--)
            {
                at[d] = 0;
            }
        }
        return points;
    }

    private static String shape(final List<Axis> axes, final int seeds)
    {
        final List<String> sizes = new ArrayList<>(axes.stream().map(a -> Integer.toString(a.values().size()))
            .toList());
        return String.join(" x ", sizes) + (seeds > 1 ? " values x " + seeds + " seeds" : " values");
    }

    /** {@code point-0001}: four digits, more for a grid of more than 9999 points. */
    static String folder(final int index, final int total)
    {
        return String.format(Locale.ROOT, "point-%0" + Math.max(4, Integer.toString(total).length()) + "d", index);
    }

    private static String describe(final Point p, final List<Axis> axes)
    {
        final List<String> parts = new ArrayList<>();
        for (int d = 0; d < axes.size(); d++)
        {
            parts.add(axes.get(d).label() + "=" + p.values().get(d));
        }
        if (p.seed() != null)
        {
            parts.add("seed " + p.seed());
        }
        return String.join(", ", parts);
    }

    /** The arguments of the point's {@code myelin run}. */
    private List<String> runArguments(final Point p, final List<Axis> axes, final Map<String, String> fixed,
        final Path folder)
    {
        final List<String> args = new ArrayList<>(List.of(modelFile.toString(), "--out", folder.toString(),
            "--threads", "1", "--no-plot", "--no-progress"));
        if (duration != null)
        {
            args.addAll(List.of("--duration", duration));
        }
        if (dt != null)
        {
            args.addAll(List.of("--dt", dt));
        }
        if (p.seed() != null)
        {
            args.addAll(List.of("--seed", Long.toString(p.seed())));
        }
        if (record != null)
        {
            args.addAll(List.of("--record", record));
        }
        for (final Map.Entry<String, String> s : fixed.entrySet())
        {
            args.addAll(List.of("--set", s.getKey() + "=" + s.getValue()));
        }
        for (int d = 0; d < axes.size(); d++)
        {
            for (final String path : axes.get(d).paths())
            {
                args.addAll(List.of("--set", path + "=" + p.values().get(d)));
            }
        }
        return args;
    }

    /** Runs one point as {@code myelin run} does, without its signal handlers, and reads its figures. */
    private Outcome run(final Point p, final List<Axis> axes, final Map<String, String> fixed, final int total)
    {
        final Path folder = out.resolve(folder(p.index(), total));
        final RunCommand run = new RunCommand(false);
        final CommandLine cli = new CommandLine(run);
        final StringWriter messages = new StringWriter();
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        cli.setErr(new PrintWriter(messages, true));
        final long seedUsed = p.seed() == null ? -1 : p.seed();
        try
        {
            cli.parseArgs(runArguments(p, axes, fixed, folder).toArray(String[]::new));
            final int code = run.call();
            final RunSummary summary = run.summary();
            if (code != 0 || summary == null)
            {
                final String said = messages.toString().lines().reduce((a, b) -> b).orElse("exit code " + code);
                return failed(p, seedUsed, said.replaceFirst("^myelin run: ", ""));
            }
            return figures(p, summary, SavedRun.read(folder));
        }
        catch (final ModelException | Main.UsageException | CommandLine.ParameterException e)
        {
            return failed(p, seedUsed, e.getMessage());
        }
        catch (final IOException | RuntimeException e)
        {
            return failed(p, seedUsed, e.toString());
        }
    }

    private static Outcome failed(final Point p, final long seed, final String why)
    {
        return new Outcome(p, seed, List.of(), 0, Double.NaN, why.strip().isEmpty() ? "failed" : why.strip());
    }

    /** Rates from the engine's counts (every population); CVs from the recorded spikes. */
    static Outcome figures(final Point p, final RunSummary summary, final SavedRun saved)
    {
        final RunInfo info = saved.info();
        final double[] cv = SpikeStatistics.coefficientOfVariationPerNeuron(saved.steps(), saved.neurons(),
            info.neuronCount());
        final List<PopulationFigures> figures = new ArrayList<>();
        for (int k = 0; k < summary.populations().size(); k++)
        {
            final RunSummary.PopulationCount c = summary.populations().get(k);
            final RunInfo.Population recorded = info.populations().get(k);
            figures.add(new PopulationFigures(c.name(), c.spikes() / (double) c.size() / (summary.durationMs()
                / 1000.0), recorded.recorded() ? SpikeStatistics.meanOver(cv, recorded.first(), recorded.size())
                    : Double.NaN));
        }
        return new Outcome(p, summary.seed(), List.copyOf(figures), summary.spikes(), summary.runSeconds(), null);
    }

    /** The table of sweep.csv: a header, then one row per point in point order. */
    static String csv(final List<Axis> axes, final List<Outcome> outcomes)
    {
        final LinkedHashSet<String> populations = new LinkedHashSet<>();
        for (final Outcome o : outcomes)
        {
            o.populations().forEach(f -> populations.add(f.name()));
        }
        final List<String> header = new ArrayList<>(List.of("point"));
        axes.forEach(a -> header.add(a.label()));
        header.addAll(List.of("seed", "spikes"));
        for (final String name : populations)
        {
            header.addAll(List.of("rate_" + name + "_Hz", "cv_isi_" + name));
        }
        header.addAll(List.of("run_s", "error"));
        final StringBuilder s = new StringBuilder();
        row(s, header);
        for (final Outcome o : outcomes)
        {
            final List<String> cells = new ArrayList<>(List.of(Integer.toString(o.point().index())));
            cells.addAll(o.point().values());
            final boolean ok = o.error() == null;
            cells.add(ok || o.point().seed() != null ? Long.toString(ok ? o.seed() : o.point().seed()) : "");
            cells.add(ok ? Long.toString(o.spikes()) : "");
            final Map<String, PopulationFigures> byName = new LinkedHashMap<>();
            o.populations().forEach(f -> byName.put(f.name(), f));
            for (final String name : populations)
            {
                final PopulationFigures f = byName.get(name);
                cells.add(f == null ? "" : figure(f.rateHz()));
                cells.add(f == null ? "" : figure(f.cv()));
            }
            cells.add(ok ? String.format(Locale.ROOT, "%.3f", o.runSeconds()) : "");
            cells.add(ok ? "" : o.error());
            row(s, cells);
        }
        return s.toString();
    }

    private static String figure(final double v)
    {
        return Double.isNaN(v) ? "" : number(v);
    }

    private static void row(final StringBuilder s, final List<String> cells)
    {
        for (int k = 0; k < cells.size(); k++)
        {
            final String c = cells.get(k);
            s.append(k == 0 ? "" : ",");
            s.append(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\""
                : c);
        }
        s.append('\n');
    }

    /** sweep.yaml: what the grid was, so that a table can be told from another. */
    private String gridYaml(final List<Axis> axes, final Map<String, String> fixed, final List<Long> seeds,
        final YamlNode tree, final int points, final int threads)
    {
        final StringBuilder s = new StringBuilder("# The grid of sweep.csv (myelin sweep): point k ran in point-k with"
            + " the k-th combination,\n# the first axis varying slowest and the seeds fastest.\n");
        s.append("model: ").append(quote(modelFile.toString())).append('\n');
        s.append("points: ").append(points).append('\n');
        s.append("parallel: ").append(threads).append('\n');
        s.append("vary:\n");
        for (final Axis a : axes)
        {
            s.append("  - paths: [").append(String.join(", ", a.paths().stream().map(SweepCommand::quote).toList()))
                .append("]\n");
            s.append("    values: [").append(String.join(", ", a.values().stream().map(SweepCommand::quote)
                .toList())).append("]\n");
        }
        if (seeds != null)
        {
            final List<Long> actual = seeds.get(0) == null ? List.of(fileSeed(tree)) : seeds;
            s.append("seeds: [").append(String.join(", ", actual.stream().map(String::valueOf).toList()))
                .append("]\n");
        }
        if (!fixed.isEmpty())
        {
            s.append("set:\n");
            fixed.forEach((k, v) -> s.append("  ").append(quote(k)).append(": ").append(quote(v)).append('\n'));
        }
        if (duration != null)
        {
            s.append("duration: ").append(quote(duration)).append('\n');
        }
        if (dt != null)
        {
            s.append("dt: ").append(quote(dt)).append('\n');
        }
        if (record != null)
        {
            s.append("record: ").append(quote(record)).append('\n');
        }
        return s.toString();
    }

    /** A YAML double-quoted string. */
    static String quote(final String text)
    {
        final StringBuilder s = new StringBuilder("\"");
        for (final char c : text.toCharArray())
        {
            switch (c)
            {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> s.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }
}
