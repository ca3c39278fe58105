package org.myelin.io.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.base.Population;
import org.myelin.connect.AllToAll;
import org.myelin.connect.Connector;
import org.myelin.connect.FixedInDegree;
import org.myelin.connect.FixedOutDegree;
import org.myelin.connect.FixedTotalNumber;
import org.myelin.connect.FixedProbability;
import org.myelin.connect.OneToOne;
import org.myelin.input.ConstantCurrent;
import org.myelin.input.OrnsteinUhlenbeckCurrent;
import org.myelin.input.PoissonGroup;
import org.myelin.input.PoissonInput;
import org.myelin.input.RampCurrent;
import org.myelin.input.SectionInput;
import org.myelin.input.SinusoidalCurrent;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.io.ConnectionFiles;
import org.myelin.io.SpikeTimes;
import org.myelin.io.Suggestions;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.NeuronGroup;
import org.myelin.neuron.NeuronModels;
import org.myelin.neuron.OdeNeuronGroup;
import org.myelin.output.Coba;
import org.myelin.output.Cuba;
import org.myelin.output.MgBlock;
import org.myelin.plasticity.ShortTermDepression;
import org.myelin.plasticity.ShortTermPlasticity;
import org.myelin.projection.Inputs;
import org.myelin.random.Initializer;
import org.myelin.synapse.Alpha;
import org.myelin.synapse.Delta;
import org.myelin.synapse.DualExponential;
import org.myelin.synapse.Exponential;
import org.myelin.synapse.ExponentialCurrent;
import org.myelin.synapse.Nmda;
import org.myelin.synapse.SynapseModels;
import org.myelin.synapse.TwoStateKinetic;
import org.myelin.units.Dimension;
import org.myelin.units.Unit;
import org.myelin.units.Units;
import org.myelin.util.ModelException;

/**
 * Every model a model file can name, by kind. {@link #standard()} registers the built-in ones:
 * a new model becomes usable in files (and in {@code myelin validate}) by one {@code register}
 * call here, with its parameters, their dimensions and defaults, and a factory.
 */
public final class Catalog
{
    /** 1/ms in Hz, the engine's unit of frequency. */
    private static final double HZ_PER_PER_MS = 1000.0;
    /** The {@code preset} word that means the model's defaults. */
    private static final String NO_PRESET = "none";
    private static final Dimension PER_MS_VOLTAGE = Dimension.VOLTAGE.divide(Dimension.TIME);
    /**
     * The state variables of each catalogue model with their dimension (the models' state
     * tables), the variables {@code initial:} may set; a test checks them against the models.
     */
    static final Map<String, Map<String, Dimension>> STATES = Map.ofEntries(
        Map.entry("LIF", states("v", Dimension.VOLTAGE)),
        Map.entry("IF", states("v", Dimension.VOLTAGE)),
        Map.entry("ALIF", states("v", Dimension.VOLTAGE, "a", Dimension.DIMENSIONLESS)),
        Map.entry("ExpIF", states("v", Dimension.VOLTAGE)),
        Map.entry("AdEx", states("v", Dimension.VOLTAGE, "w", Dimension.CURRENT)),
        Map.entry("QuaIF", states("v", Dimension.VOLTAGE)),
        Map.entry("AdQuaIF", states("v", Dimension.VOLTAGE, "w", Dimension.CURRENT)),
        Map.entry("GIF", states("v", Dimension.VOLTAGE, "i1", Dimension.CURRENT, "i2", Dimension.CURRENT,
            "theta", Dimension.VOLTAGE)),
        Map.entry("Izhikevich", states("v", Dimension.VOLTAGE, "u", PER_MS_VOLTAGE)),
        Map.entry("HH", states("v", Dimension.VOLTAGE, "m", Dimension.DIMENSIONLESS, "h", Dimension.DIMENSIONLESS,
            "n", Dimension.DIMENSIONLESS)),
        Map.entry("TraubMiles", states("v", Dimension.VOLTAGE, "m", Dimension.DIMENSIONLESS, "h",
            Dimension.DIMENSIONLESS, "n", Dimension.DIMENSIONLESS)));

    private final Registry<PopulationType> populations = new Registry<>("neuron model");
    private final Registry<SynapseType> synapses = new Registry<>("synapse model");
    private final Registry<OutputType> outputs = new Registry<>("output");
    private final Registry<ConnectorType> connectors = new Registry<>("connectivity rule");
    private final Registry<InputType> inputs = new Registry<>("input model");
    private final Registry<PlasticityType> plasticity = new Registry<>("plasticity rule");

    /** An empty catalog. */
    public Catalog()
    {
    }

    /** Neuron models and spike sources ({@code populations: {E: {model: LIF, ...}}}). */
    public Registry<PopulationType> populations()
    {
        return populations;
    }

    /** Synapse models. */
    public Registry<SynapseType> synapses()
    {
        return synapses;
    }

    /** Outputs (CUBA, COBA, ...). */
    public Registry<OutputType> outputs()
    {
        return outputs;
    }

    /** Connection rules. */
    public Registry<ConnectorType> connectors()
    {
        return connectors;
    }

    /** External inputs. */
    public Registry<InputType> inputs()
    {
        return inputs;
    }

    /** Plasticity rules of projections. */
    public Registry<PlasticityType> plasticity()
    {
        return plasticity;
    }

    /** A catalog with every built-in model. */
    public static Catalog standard()
    {
        final Catalog c = new Catalog();
        registerNeurons(c);
        registerSynapses(c);
        registerConnectors(c);
        SimulatorNames.registerConnectors(c);
        SimulatorNames.registerNeurons(c);
        registerInputs(c);
        registerPlasticity(c);
        return c;
    }

    private static void registerNeurons(final Catalog c)
    {
        final Lif.Parameters d = Lif.Parameters.defaults();
        // LIF: the vectorised Lif for scalar values (the memory estimate is its own); with values
        // per neuron the catalogue model "lif", which builds the general HeterogeneousLif
        final PopulationType perNeuronLif = neuronModel(NeuronModels.get("lif"));
        c.populations.register(new PopulationType("LIF", List.of(
            Param.perNeuron("vRest", Dimension.VOLTAGE, d.vRest()),
            Param.perNeuron("vTh", Dimension.VOLTAGE, d.vTh()),
            Param.perNeuron("vReset", Dimension.VOLTAGE, d.vReset()),
            Param.perNeuron("tauM", Dimension.TIME, d.tauM()),
            Param.perNeuron("r", Dimension.RESISTANCE, d.r()),
            Param.perNeuron("tRef", Dimension.TIME, d.tRef()),
            Param.perNeuron("iExt", Dimension.CURRENT, d.iExt()),
            Param.choice("integrator", "exact", "exact", "euler", "exponential_euler", "rk2", "rk4")),
            STATES.get("LIF"), 48,
            (name, size, p, initial) ->
            {
                if (!p.sampled().isEmpty() || !Lif.vectorised(integrator(p)))
                {
                    return perNeuronLif.factory().create(name, size, p, initial);
                }
                final Lif.Parameters lif = new Lif.Parameters(p.get("vRest"), p.get("vTh"), p.get("vReset"),
                    p.get("tauM"), p.get("r"), p.get("tRef"), p.get("iExt"),
                    integrator(p));
                return new Lif(name, size, lif, initial.getOrDefault("v", Initializer.constant(lif.vRest())));
            }));
        for (final String key : NeuronModels.names())
        {
            if (!"lif".equals(key))
            {
                c.populations.register(neuronModel(NeuronModels.get(key)));
            }
        }
        c.populations.register(new PopulationType("PoissonGroup", List.of(
            Param.timeFunction("rate", Dimension.FREQUENCY)), Map.of(), 16,
            (name, size, p, initial) ->
            {
                final TimeFunction rate = p.timeFunction("rate");
                return rate.isConstant() ? new PoissonGroup(name, size, rate.at(0))
                    : new PoissonGroup(name, size, t -> Math.max(0.0, rate.at(t)));
            }));
        c.populations.register(new PopulationType("SinusoidalPoissonGroup", List.of(
            Param.quantity("offset", Dimension.FREQUENCY),
            Param.quantity("amplitude", Dimension.FREQUENCY),
            Param.quantity("frequency", Dimension.FREQUENCY)), Map.of(), 16,
            (name, size, p, initial) ->
            {
                final double offset = p.get("offset");
                final double amplitude = p.get("amplitude");
                final double omega = 2.0 * Math.PI * p.get("frequency") / HZ_PER_PER_MS;
                return new PoissonGroup(name, size, t -> Math.max(0.0, offset + amplitude * Math.sin(omega * t)));
            }));
        c.populations.register(new PopulationType("SpikeGeneratorGroup", List.of(
            Param.optionalList("indices", Dimension.DIMENSIONLESS),
            Param.optionalList("times", Dimension.TIME),
            Param.file("file", false)), Map.of(), 16, Catalog::spikeGenerator));
    }

    /** Spikes listed in {@code indices} and {@code times}, or in a file of spike times. */
    private static Population spikeGenerator(final String name, final int size, final ParamValues p,
        final Map<String, Initializer> initial)
    {
        final boolean lists = p.hasList("indices") || p.hasList("times");
        if (lists == (p.path("file") != null))
        {
            throw new ModelException("SpikeGeneratorGroup: give either indices: and times: (lists) or file: (a .csv "
                + "or .npz table of i and t [ms])" + (lists ? ", not both" : ""));
        }
        if (!lists)
        {
            try
            {
                final SpikeTimes.Trains trains = SpikeTimes.read(p.path("file"), size);
                return new SpikeGeneratorGroup(name, size, trains.indices(), trains.timesMs());
            }
            catch (final org.myelin.io.DataFileException e)
            {
                throw new ModelException("SpikeGeneratorGroup: file: " + e.getMessage(), e);
            }
            catch (final java.nio.file.NoSuchFileException e)
            {
                throw new ModelException("SpikeGeneratorGroup: file: cannot read " + e.getFile() + " (no such file)", e);
            }
            catch (final IOException e)
            {
                throw new ModelException("SpikeGeneratorGroup: file: cannot read " + p.path("file") + " ("
                    + e.getMessage() + ")", e);
            }
        }
        if (!p.hasList("indices") || !p.hasList("times"))
        {
            throw new ModelException("SpikeGeneratorGroup: " + (p.hasList("indices") ? "times" : "indices")
                + " is missing; indices: and times: go together");
        }
        final double[] indices = p.list("indices");
        final int[] whole = new int[indices.length];
        for (int k = 0; k < whole.length; k++)
        {
            whole[k] = (int) indices[k];
            if (whole[k] != indices[k])
            {
                throw new ModelException("SpikeGeneratorGroup: indices must be whole numbers, got indices="
                    + Units.format(indices[k]));
            }
        }
        return new SpikeGeneratorGroup(name, size, whole, p.list("times"));
    }

    /**
     * A model of {@link NeuronModels} as a file type: its parameters, units and defaults come from
     * the model's parameter record ({@code @ParameterUnit}), every parameter may be given per
     * neuron, a model with presets takes {@code preset:} (the given parameters override it), and
     * {@code initial:} replaces the model's initial values of the variables it names (others keep
     * theirs).
     */
    private static PopulationType neuronModel(final NeuronModels.Model<?> model)
    {
        final Map<String, Unit> units = new LinkedHashMap<>();
        final List<Param> params = new ArrayList<>();
        for (final Map.Entry<String, Double> e : model.defaults().entrySet())
        {
            final Unit unit = Unit.parse(model.unit(e.getKey()));
            units.put(e.getKey(), unit);
            params.add(Param.perNeuron(e.getKey(), unit.dimension(), unit.toCanonical(e.getValue())));
        }
        final List<String> integrators = model.integrators();
        params.add(Param.choice("integrator", model.defaultIntegrator().name().toLowerCase(Locale.ROOT),
            integrators.toArray(String[]::new)));
        final Map<String, Map<String, Double>> presets = model.presets();
        if (!presets.isEmpty())
        {
            final List<String> names = new ArrayList<>(List.of(NO_PRESET));
            names.addAll(presets.keySet());
            params.add(Param.choice("preset", NO_PRESET, names.toArray(String[]::new)));
        }
        return new PopulationType(model.kind(), List.copyOf(params), STATES.get(model.kind()),
            8L * (units.size() + 4),
            (name, size, p, initial) ->
            {
                final String preset = presets.isEmpty() ? NO_PRESET : p.choice("preset");
                final Map<String, Double> scalars = new LinkedHashMap<>();
                if (!NO_PRESET.equals(preset))
                {
                    scalars.putAll(presets.get(preset));
                }
                final Map<String, double[]> perNeuron = new LinkedHashMap<>();
                units.forEach((param, unit) ->
                {
                    if (NO_PRESET.equals(preset) || p.node(param) != null)
                    {
                        scalars.put(param, unit.fromCanonical(p.get(param)));
                    }
                    final double[] values = p.sampled().get(param);
                    if (values != null)
                    {
                        scalars.remove(param);
                        final double[] own = new double[values.length];
                        for (int k = 0; k < own.length; k++)
                        {
                            own[k] = unit.fromCanonical(values[k]);
                        }
                        perNeuron.put(param, own);
                    }
                });
                final NeuronGroup group = model.create(name, size, scalars, perNeuron,
                    Integrator.valueOf(p.choice("integrator").toUpperCase(Locale.ROOT)));
                if (group instanceof OdeNeuronGroup<?> ode)
                {
                    initial.forEach(ode::initial);
                }
                return group;
            });
    }

    private static void registerSynapses(final Catalog c)
    {
        // integrator: how the kinetics are stepped, exact by default (Brian2's euler steps g by g·(1 − dt/τ))
        final Param integrator = Param.choice("integrator", "exact", "exact", "exponential_euler", "euler", "rk2",
            "rk4");
        c.synapses.register(new SynapseType("Exponential", List.of(
            Param.quantity("tau", Dimension.TIME, Exponential.DEFAULT_TAU), integrator), null,
            p -> new Exponential(p.get("tau"), integrator(p))));
        // a jump of v: through CUBA the weight is the jump in mV; through COBA/MgBlock v += w·(E − v), w without unit
        // variable: another state variable jumps by the weight at once (Brian2's on_pre: 'w += b'), no output
        c.synapses.register(new SynapseType("Delta", List.of(Param.choice("target", "voltage", "voltage", "current"),
            Param.text("variable", "v")),
            (p, output) -> !"voltage".equals(p.choice("target")) ? null
                : output.weightDimension().equals(Dimension.CURRENT) ? Dimension.VOLTAGE : Dimension.DIMENSIONLESS,
            p -> new Delta(Delta.Target.parse(p.choice("target"))),
            (p, target, states) ->
            {
                final String variable = p.choice("variable");
                if ("v".equals(variable))
                {
                    return null;
                }
                if (!states.containsKey(variable))
                {
                    throw new ModelException("Delta: variable must be a state variable of '" + target.name() + "', got "
                        + "variable=" + variable + Suggestions.hint(variable, states.keySet()));
                }
                return new SynapseType.Target(Inputs.delta(target, variable), states.get(variable));
            }));
        // a current for one step (brainstate's current input of a spike): the weight in pA
        c.synapses.register(new SynapseType("CurrentPulse", List.of(), null, p ->
        {
            throw new IllegalStateException("CurrentPulse has no receptor");
        }, (p, target, states) -> new SynapseType.Target(Inputs.current(target), Dimension.CURRENT)));
        final DualExponential dual = new DualExponential();
        c.synapses.register(new SynapseType(DualExponential.NAME, List.of(
            Param.quantity("tauDecay", Dimension.TIME, dual.tauDecay()),
            Param.quantity("tauRise", Dimension.TIME, dual.tauRise()),
            Param.quantity("amplitude", Dimension.DIMENSIONLESS, dual.amplitude()),
            Param.choice("normalization", dual.normalization().label(), "peak", "charge", "none"), integrator), null,
            p -> SynapseModels.create(DualExponential.NAME, p.numbers(),
                Map.of("normalization", p.choice("normalization"), SynapseModels.INTEGRATOR, p.choice("integrator")))));
        c.synapses.register(new SynapseType(Alpha.NAME, List.of(
            Param.quantity("tau", Dimension.TIME, Alpha.DEFAULT_TAU), integrator), null,
            p -> new Alpha(p.get("tau"), integrator(p))));
        c.synapses.register(new SynapseType(ExponentialCurrent.NAME, List.of(
            Param.quantity("tau", Dimension.TIME, ExponentialCurrent.DEFAULT_TAU), integrator), null,
            p -> new ExponentialCurrent(p.get("tau"), integrator(p))));
        // kinetic models: rates per ms are written with units (0.18 /ms); the engine's frequency unit is
        // Hz, so they are divided by 1000. gMax is a scale: the weight carries the unit.
        final Dimension perMmPerMs = Dimension.CONCENTRATION.pow(-1).divide(Dimension.TIME);
        for (final TwoStateKinetic.Kind kind : TwoStateKinetic.Kind.values())
        {
            final TwoStateKinetic d = kind.defaults();
            c.synapses.register(new SynapseType(kind.label(), List.of(
                Param.quantity("alpha", perMmPerMs, d.alpha()),
                Param.quantity("beta", Dimension.FREQUENCY, d.beta() * HZ_PER_PER_MS),
                Param.quantity("T", Dimension.CONCENTRATION, d.t()),
                Param.quantity("tDur", Dimension.TIME, d.tDur()),
                Param.quantity("gMax", Dimension.DIMENSIONLESS, d.gMax()), integrator), null,
                p -> new TwoStateKinetic(kind, p.get("alpha"), p.get("beta") / HZ_PER_PER_MS, p.get("T"),
                    p.get("tDur"), p.get("gMax"), integrator(p))));
        }
        final Nmda nmda = new Nmda();
        c.synapses.register(new SynapseType(Nmda.NAME, List.of(
            Param.quantity("tauDecay", Dimension.TIME, nmda.tauDecay()),
            Param.quantity("tauRise", Dimension.TIME, nmda.tauRise()),
            Param.quantity("a", Dimension.FREQUENCY, nmda.a() * HZ_PER_PER_MS),
            Param.quantity("gMax", Dimension.DIMENSIONLESS, nmda.gMax()), integrator), null,
            p -> new Nmda(p.get("tauDecay"), p.get("tauRise"), p.get("a") / HZ_PER_PER_MS, p.get("gMax"),
                integrator(p))));
        c.outputs.register(new OutputType("CUBA", List.of(), Dimension.CURRENT, p -> new Cuba()));
        c.outputs.register(new OutputType("COBA", List.of(
            Param.quantity("eRev", Dimension.VOLTAGE)), Dimension.CONDUCTANCE, p -> new Coba(p.get("eRev"))));
        final MgBlock mg = new MgBlock();
        c.outputs.register(new OutputType("MgBlock", List.of(
            Param.quantity("eRev", Dimension.VOLTAGE, mg.eRev()),
            Param.quantity("cMg", Dimension.CONCENTRATION, mg.cMg()),
            Param.quantity("alpha", Dimension.VOLTAGE.pow(-1), mg.alpha()),
            Param.quantity("beta", Dimension.CONCENTRATION, mg.beta())), Dimension.CONDUCTANCE,
            p -> new MgBlock(p.get("eRev"), p.get("cMg"), p.get("alpha"), p.get("beta"))));
    }

    /** The {@code integrator} choice of a model. */
    private static Integrator integrator(final ParamValues p)
    {
        return Integrator.valueOf(p.choice("integrator").toUpperCase(Locale.ROOT));
    }

    private static void registerConnectors(final Catalog c)
    {
        final Param self = Param.choice("selfConnections", "true", "true", "false");
        final Param multapses = Param.choice("multapses", "true", "true", "false");
        c.connectors.register(new ConnectorType("AllToAll", List.of(self),
            (p, sides) -> new AllToAll(flag(p, "selfConnections"))));
        c.connectors.register(new ConnectorType("OneToOne", List.of(),
            (p, sides) ->
            {
                if (sides.sourceSize() != sides.targetSize())
                {
                    throw new ModelException("OneToOne: source and target must have the same size, got "
                        + sides.sourceSize() + " and " + sides.targetSize());
                }
                return new OneToOne();
            }));
        c.connectors.register(new ConnectorType("FixedProbability", List.of(
            Param.quantity("p", Dimension.DIMENSIONLESS), self),
            (p, sides) -> new FixedProbability(p.get("p"), flag(p, "selfConnections"))));
        final Param k = Param.count("k", 0, Integer.MAX_VALUE, null);
        c.connectors.register(new ConnectorType("FixedInDegree", List.of(k, self, multapses),
            (p, sides) -> new FixedInDegree(degree(p, "FixedInDegree", sides.sourceSize(), sides),
                flag(p, "selfConnections"), flag(p, "multapses"))));
        c.connectors.register(new ConnectorType("FixedOutDegree", List.of(k, self, multapses),
            (p, sides) -> new FixedOutDegree(degree(p, "FixedOutDegree", sides.targetSize(), sides),
                flag(p, "selfConnections"), flag(p, "multapses"))));
        c.connectors.register(new ConnectorType("FixedTotalNumber", List.of(
            Param.count("n", 0, Integer.MAX_VALUE - 8, null), self),
            (p, sides) -> new FixedTotalNumber(p.count("n"), flag(p, "selfConnections"))));
        c.connectors.register(new ConnectorType("Explicit", List.of(Param.file("file", false), Param.file("i", false),
            Param.file("j", false), Param.file("weight", false), Param.file("delay", false)),
            Catalog::explicit));
        c.connectors.register(new ConnectorType("DenseMatrix", List.of(Param.file("weights", true),
            Param.file("delays", false)),
            (p, sides) -> ConnectionFiles.fromDense(p.path("weights"), p.path("delays"), sides.sourceSize(),
                sides.targetSize())));
    }

    /** State variables in the model's order ({@code v} first): name, dimension, name, dimension, ... */
    private static Map<String, Dimension> states(final Object... nameDimension)
    {
        final Map<String, Dimension> out = new LinkedHashMap<>();
        for (int k = 0; k < nameDimension.length; k += 2)
        {
            out.put((String) nameDimension[k], (Dimension) nameDimension[k + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A yes/no choice. */
    static boolean flag(final ParamValues p, final String name)
    {
        return "true".equals(p.choice(name));
    }

    /** The degree k of a fixed in- or out-degree rule, checked against the neurons it draws from. */
    private static int degree(final ParamValues p, final String owner, final int candidates,
        final ConnectorType.Sides sides)
    {
        final int k = p.count("k");
        final int available = sides.sameGroup() && !flag(p, "selfConnections") ? candidates - 1 : candidates;
        if (!flag(p, "multapses") && k > available || k > 0 && available <= 0)
        {
            throw new ModelException(owner + ": k=" + k + " needs at least " + k + (flag(p, "multapses") ? ""
                : " distinct") + " neurons to draw from, got " + available + (flag(p, "multapses") ? ""
                : "; set multapses: true or choose a smaller k"));
        }
        return k;
    }

    /** Synapses listed in a table ({@code file:}) or in {@code .npy} arrays ({@code i:}, {@code j:}, ...). */
    private static Connector explicit(final ParamValues p, final ConnectorType.Sides sides) throws IOException
    {
        final boolean table = p.path("file") != null;
        final boolean arrays = p.path("i") != null || p.path("j") != null || p.path("weight") != null
            || p.path("delay") != null;
        if (table == arrays)
        {
            throw new ModelException("Explicit: give either file: (a .csv or .npz table of i, j[, weight][, delay]) or "
                + "i: and j: (.npy arrays, with weight: and delay: optional)" + (table ? ", not both" : ""));
        }
        if (table)
        {
            return ConnectionFiles.read(p.path("file"), sides.sourceSize(), sides.targetSize());
        }
        if (p.path("i") == null || p.path("j") == null)
        {
            throw new ModelException("Explicit: " + (p.path("i") == null ? "i" : "j") + " is missing; the arrays i "
                + "and j are both required");
        }
        return ConnectionFiles.fromNpy(p.path("i"), p.path("j"), p.path("weight"), p.path("delay"), sides.sourceSize(),
            sides.targetSize());
    }

    private static void registerInputs(final Catalog c)
    {
        c.inputs.register(new InputType("PoissonInput", List.of(
            Param.count("sources", 1, Integer.MAX_VALUE, null),
            Param.quantity("rate", Dimension.FREQUENCY)), true,
            (network, s) -> network.add(new PoissonInput(s.name(), s.target(), s.values().count("sources"),
                s.values().get("rate"), s.receptor().model(), s.receptor().output(), s.receptor().label(),
                s.receptor().weight()))));
        c.inputs.register(new InputType("ConstantCurrent", List.of(
            Param.quantity("amplitude", Dimension.CURRENT)), false,
            (network, s) -> s.target().addInput(new ConstantCurrent(s.values().get("amplitude")))));
        c.inputs.register(new InputType("StepCurrent", List.of(
            Param.quantity("amplitude", Dimension.CURRENT),
            Param.quantity("start", Dimension.TIME, 0.0),
            Param.quantity("stop", Dimension.TIME, Double.POSITIVE_INFINITY)), false,
            (network, s) -> s.target().addInput(Double.isInfinite(s.values().get("stop"))
                ? SectionInput.step(s.values().get("amplitude"), s.values().get("start"))
                : SectionInput.step(s.values().get("amplitude"), s.values().get("start"), s.values().get("stop")))));
        c.inputs.register(new InputType("SectionInput", List.of(
            Param.list("values", Dimension.CURRENT),
            Param.list("durations", Dimension.TIME)), false,
            (network, s) -> s.target().addInput(new SectionInput(s.values().list("values"),
                s.values().list("durations")))));
        c.inputs.register(new InputType("RampCurrent", List.of(
            Param.quantity("startAmplitude", Dimension.CURRENT),
            Param.quantity("endAmplitude", Dimension.CURRENT),
            Param.quantity("start", Dimension.TIME),
            Param.quantity("stop", Dimension.TIME)), false,
            (network, s) -> s.target().addInput(new RampCurrent(s.values().get("startAmplitude"),
                s.values().get("endAmplitude"), s.values().get("start"), s.values().get("stop")))));
        c.inputs.register(new InputType("SinusoidalCurrent", List.of(
            Param.quantity("amplitude", Dimension.CURRENT),
            Param.quantity("frequency", Dimension.FREQUENCY),
            Param.quantity("offset", Dimension.CURRENT, 0.0),
            Param.quantity("start", Dimension.TIME, 0.0),
            Param.quantity("stop", Dimension.TIME, Double.POSITIVE_INFINITY)), false,
            (network, s) -> s.target().addInput(new SinusoidalCurrent(s.values().get("amplitude"),
                s.values().get("frequency"), s.values().get("offset"), s.values().get("start"),
                s.values().get("stop")))));
        c.inputs.register(new InputType("OUCurrent", List.of(
            Param.quantity("mean", Dimension.CURRENT),
            Param.quantity("sigma", Dimension.CURRENT),
            Param.quantity("tau", Dimension.TIME)), false,
            (network, s) -> s.target().addInput(new OrnsteinUhlenbeckCurrent(s.name(), s.target().size(),
                s.values().get("mean"), s.values().get("sigma"), s.values().get("tau")))));
    }

    private static void registerPlasticity(final Catalog c)
    {
        final ShortTermPlasticity stp = new ShortTermPlasticity();
        c.plasticity.register(new PlasticityType("STP", List.of(
            Param.quantity("U", Dimension.DIMENSIONLESS, stp.bigU()),
            Param.quantity("tauF", Dimension.TIME, stp.tauF()),
            Param.quantity("tauD", Dimension.TIME, stp.tauD()),
            Param.choice("order", "brainstate", "brainstate", "neuroml", "nest")),
            p -> new ShortTermPlasticity(p.get("U"), p.get("tauF"), p.get("tauD"),
                ShortTermPlasticity.EventOrder.valueOf(p.choice("order").toUpperCase(Locale.ROOT)))));
        final ShortTermDepression std = new ShortTermDepression();
        c.plasticity.register(new PlasticityType("STD", List.of(
            Param.quantity("tau", Dimension.TIME, std.tau()),
            Param.quantity("U", Dimension.DIMENSIONLESS, std.bigU())),
            p -> new ShortTermDepression(p.get("tau"), p.get("U"))));
    }
}
