package org.myelin.io.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.myelin.io.YamlNode;
import org.myelin.plasticity.DopamineStdp;
import org.myelin.plasticity.PairStdp;
import org.myelin.plasticity.SpikeTimingRule;
import org.myelin.plasticity.TripletStdp;
import org.myelin.plasticity.WeightDependence;
import org.myelin.units.Dimension;
import org.myelin.util.ModelException;

/**
 * Reads the spike-timing rule of a projection's {@code plasticity:} mapping when it names a
 * {@code rule:} (the short-term models name a {@code model:} instead):
 *
 * <pre>
 * plasticity: {rule: stdp, pairing: all-to-all, tauPlus: 20 ms, tauMinus: 20 ms, aPlus: 0.0001 nS,
 *              aMinus: 0.000105 nS, weightDependence: additive, wMin: 0 nS, wMax: 0.01 nS, dendriticDelay: 0 ms}
 * plasticity: {rule: triplet, preset: visual-cortex, nearest: false, wMax: 1 nS}
 * plasticity: {rule: dopamine, neuromodulator: DA, aPlus: 1 pA, aMinus: 1.5 pA, tauC: 1000 ms, tauN: 200 ms,
 *              b: 0 Hz, wMax: 200 pA}
 * </pre>
 *
 * Amplitudes and bounds are in the projection's weight unit (nS through COBA, pA through CUBA,
 * mV for Delta); a triplet preset's amplitudes (Pfister &amp; Gerstner 2006, Table 2, fitted for
 * weights relative to their range) are taken in that unit; without a preset all eight time
 * constants and amplitudes are given, with one they default to the preset's and any given one
 * overrides it. Dopamine STDP (NEST's {@code stdp_dopamine_synapse}, its defaults)
 * names the population whose spikes are the dopamine signal; its weight dependence is additive.
 */
final class SpikeTimingRules
{
    static final String RULE = "rule";
    static final List<String> RULES = List.of("stdp", "triplet", "dopamine");
    private static final List<String> PAIRINGS = List.of("all-to-all", "nearest-symmetric", "nearest-pre-centered",
        "nearest-restricted");
    private static final List<String> DEPENDENCES = List.of("additive", "multiplicative", "power-law");
    private static final List<String> PRESETS = List.of("visual-cortex", "hippocampal");
    private static final List<String> TRIPLET_VALUES = List.of("tauPlus", "tauMinus", "tauX", "tauY", "a2Plus",
        "a3Plus", "a2Minus", "a3Minus");
    /** Marks an optional quantity that was not given. */
    private static final double NOT_GIVEN = Double.NaN;

    /**
     * A rule and where on the dendrite its delay lies.
     *
     * @param rule             the rule.
     * @param dendriticDelayMs [ms] the dendritic part of the projection's delay.
     * @param dendriticNode    the node that gave it, or null (then 0).
     * @param neuromodulator   the population of dopamine spikes, or null for a rule without one.
     * @param neuromodulatorNode the node that named it, or null.
     */
    record Read(SpikeTimingRule rule, double dendriticDelayMs, YamlNode dendriticNode, String neuromodulator,
        YamlNode neuromodulatorNode)
    {
    }

    private SpikeTimingRules()
    {
    }

    /** Whether a {@code plasticity:} mapping names a spike-timing rule. */
    static boolean names(final YamlNode plasticity)
    {
        return plasticity.isMapping() && plasticity.get(RULE) != null;
    }

    /**
     * Reads the rule.
     *
     * @param node   the {@code plasticity:} mapping.
     * @param weight the dimension of the projection's weights.
     */
    static Read read(final YamlNode node, final Dimension weight)
    {
        final ParamValues kind = ParamValues.read("plasticity", List.of(Param.choice(RULE, null,
            RULES.toArray(String[]::new))), node, node, allBut(node, RULE));
        if ("dopamine".equals(kind.choice(RULE)))
        {
            return dopamine(node, weight);
        }
        final boolean pair = "stdp".equals(kind.choice(RULE));
        final String owner = pair ? "pair STDP" : "triplet STDP";
        final List<Param> specs = parameters(pair, weight);
        final ParamValues values = ParamValues.read(owner, specs, node, node, Set.of(RULE));
        try
        {
            final WeightDependence dependence = dependence(values);
            final SpikeTimingRule rule = pair ? pair(values, dependence) : triplet(values, dependence);
            return new Read(rule, values.get("dendriticDelay"), values.node("dendriticDelay"), null, null);
        }
        catch (final ModelException e)
        {
            throw values.wrap(e);
        }
    }

    /** The parameters of pair STDP ({@code pair}) or of the triplet rule, besides {@code rule:}. */
    static List<Param> parameters(final boolean pair, final Dimension weight)
    {
        final List<Param> specs = new ArrayList<>(List.of(
            Param.choice("weightDependence", "additive", DEPENDENCES.toArray(String[]::new)),
            Param.quantity("mu", Dimension.DIMENSIONLESS, NOT_GIVEN),
            Param.quantity("muPlus", Dimension.DIMENSIONLESS, NOT_GIVEN),
            Param.quantity("muMinus", Dimension.DIMENSIONLESS, NOT_GIVEN),
            Param.quantity("wMin", weight, 0.0),
            Param.quantity("wMax", weight),
            Param.quantity("dendriticDelay", Dimension.TIME, 0.0)));
        if (pair)
        {
            specs.addAll(List.of(Param.choice("pairing", "all-to-all", PAIRINGS.toArray(String[]::new)),
                Param.quantity("tauPlus", Dimension.TIME, 20.0), Param.quantity("tauMinus", Dimension.TIME, 20.0),
                Param.quantity("aPlus", weight), Param.quantity("aMinus", weight)));
        }
        else
        {
            specs.add(Param.choice("preset", "none", "none", PRESETS.get(0), PRESETS.get(1)));
            specs.add(Param.choice("nearest", "false", "true", "false"));
            for (final String name : TRIPLET_VALUES)
            {
                specs.add(Param.quantity(name, name.startsWith("tau") ? Dimension.TIME : weight, NOT_GIVEN));
            }
        }
        return specs;
    }

    /** NEST's {@code stdp_dopamine_synapse}, with its defaults; b is read in Hz and kept in 1/ms. */
    private static Read dopamine(final YamlNode node, final Dimension weight)
    {
        final DopamineStdp nest = DopamineStdp.nest();
        final ParamValues v = ParamValues.read("dopamine STDP", List.of(
            Param.text("neuromodulator", null),
            Param.quantity("aPlus", weight, nest.aPlus()),
            Param.quantity("aMinus", weight, nest.aMinus()),
            Param.quantity("tauPlus", Dimension.TIME, nest.tauPlus()),
            Param.quantity("tauMinus", Dimension.TIME, nest.tauMinus()),
            Param.quantity("tauC", Dimension.TIME, nest.tauC()),
            Param.quantity("tauN", Dimension.TIME, nest.tauN()),
            Param.quantity("b", Dimension.FREQUENCY, 0.0),
            Param.quantity("wMin", weight, 0.0),
            Param.quantity("wMax", weight),
            Param.quantity("dendriticDelay", Dimension.TIME, 0.0)), node, node, Set.of(RULE));
        final String population = v.node("neuromodulator") == null ? "" : v.choice("neuromodulator");
        if (population.isEmpty())
        {
            throw v.where().error("dopamine STDP: missing required parameter 'neuromodulator' (the population whose "
                + "spikes release dopamine)");
        }
        try
        {
            final DopamineStdp rule = new DopamineStdp(v.get("aPlus"), v.get("aMinus"), v.get("tauPlus"),
                v.get("tauMinus"), v.get("tauC"), v.get("tauN"), v.get("b") / 1000.0, v.get("wMin"), v.get("wMax"));
            return new Read(rule, v.get("dendriticDelay"), v.node("dendriticDelay"), population,
                v.node("neuromodulator"));
        }
        catch (final ModelException e)
        {
            throw v.wrap(e);
        }
    }

    private static Set<String> allBut(final YamlNode node, final String key)
    {
        final Set<String> keys = new java.util.HashSet<>(node.entries().keySet());
        keys.remove(key);
        return keys;
    }

    private static WeightDependence dependence(final ParamValues v)
    {
        final String kind = v.choice("weightDependence");
        final boolean anyMu = given(v, "mu") || given(v, "muPlus") || given(v, "muMinus");
        if (!"power-law".equals(kind) && anyMu)
        {
            final String which = given(v, "mu") ? "mu" : given(v, "muPlus") ? "muPlus" : "muMinus";
            throw v.node(which).error(v.owner() + ": " + which + " applies to weightDependence: power-law only, got "
                + "weightDependence: " + kind);
        }
        final double wMin = v.get("wMin");
        final double wMax = v.get("wMax");
        return switch (kind)
        {
            case "additive" -> WeightDependence.additive(wMin, wMax);
            case "multiplicative" -> WeightDependence.multiplicative(wMin, wMax);
            default ->
            {
                final double mu = v.get("mu");
                final double plus = given(v, "muPlus") ? v.get("muPlus") : mu;
                final double minus = given(v, "muMinus") ? v.get("muMinus") : mu;
                if (Double.isNaN(plus) || Double.isNaN(minus))
                {
                    throw v.where().error(v.owner() + ": weightDependence: power-law needs mu (or muPlus and "
                        + "muMinus), the exponent in [0, 1]");
                }
                yield new WeightDependence(plus, minus, wMin, wMax);
            }
        };
    }

    private static boolean given(final ParamValues v, final String name)
    {
        return v.node(name) != null;
    }

    private static PairStdp pair(final ParamValues v, final WeightDependence dependence)
    {
        final PairStdp.Pairing pairing = PairStdp.Pairing.valueOf(v.choice("pairing").toUpperCase(
            java.util.Locale.ROOT).replace('-', '_'));
        return new PairStdp(v.get("tauPlus"), v.get("tauMinus"), v.get("aPlus"), v.get("aMinus"), pairing, dependence);
    }

    private static TripletStdp triplet(final ParamValues v, final WeightDependence dependence)
    {
        final boolean nearest = "true".equals(v.choice("nearest"));
        final String preset = v.choice("preset");
        final double[] defaults = switch (preset)
        {
            case "visual-cortex" -> TripletStdp.visualCortex(nearest, dependence).parameterValues();
            case "hippocampal" -> TripletStdp.hippocampal(nearest, dependence).parameterValues();
            default -> null;
        };
        final double[] values = new double[TRIPLET_VALUES.size()];
        for (int k = 0; k < values.length; k++)
        {
            final String name = TRIPLET_VALUES.get(k);
            if (given(v, name))
            {
                values[k] = v.get(name);
            }
            else if (defaults != null)
            {
                values[k] = defaults[k];
            }
            else
            {
                throw v.where().error(v.owner() + ": missing required parameter '" + name + "' (give all of "
                    + TRIPLET_VALUES + ", or preset: one of " + PRESETS + ")");
            }
        }
        return new TripletStdp(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
            nearest, dependence);
    }
}
