package org.myelin.plasticity;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * How a weight change depends on the weight, and the bounds it stays in (NEST's
 * {@code stdp_synapse}, Gütig et al. 2003). With the weight normalised to the range,
 * {@code u = (w − w_min)/(w_max − w_min)}:
 * <pre>
 *   potentiation by a:  w ← min(w_max, w + a·(1 − u)^μ₊)
 *   depression by a:    w ← max(w_min, w − a·u^μ₋)
 * </pre>
 * μ = 0 is additive STDP (Song et al. 2000, hard bounds), μ = 1 multiplicative (van Rossum et al.
 * 2000; NEST's default), 0 &lt; μ &lt; 1 Gütig's power law. The amplitudes a are in weight units:
 * NEST's {@code lambda} and {@code alpha} give a₊ = λ·w_max and a₋ = α·λ·w_max, Brian2's
 * {@code dApre} and {@code −dApost} are a₊ and a₋ directly.
 *
 * @param muPlus  exponent of potentiation, {@code >= 0}.
 * @param muMinus exponent of depression, {@code >= 0}.
 * @param wMin    lower bound, in the projection's weight unit.
 * @param wMax    upper bound, {@code > wMin}.
 */
public record WeightDependence(double muPlus, double muMinus, double wMin, double wMax)
{
    /** Checks the exponents and bounds. */
    public WeightDependence
    {
        Check.nonNegative("weight dependence", "muPlus", muPlus, "");
        Check.nonNegative("weight dependence", "muMinus", muMinus, "");
        Check.finite("weight dependence", "wMin", wMin, "");
        Check.finite("weight dependence", "wMax", wMax, "");
        if (!(wMax > wMin))
        {
            throw new ModelException("weight dependence: wMax must be > wMin, got wMin=" + Check.fmt(wMin)
                + " and wMax=" + Check.fmt(wMax));
        }
    }

    /** Additive changes with hard bounds. */
    public static WeightDependence additive(final double wMin, final double wMax)
    {
        return new WeightDependence(0, 0, wMin, wMax);
    }

    /** Changes proportional to the distance to the bound they move towards. */
    public static WeightDependence multiplicative(final double wMin, final double wMax)
    {
        return new WeightDependence(1, 1, wMin, wMax);
    }

    /** Gütig et al. (2003): {@code (1 − u)^μ} and {@code u^μ}. */
    public static WeightDependence powerLaw(final double mu, final double wMin, final double wMax)
    {
        return new WeightDependence(mu, mu, wMin, wMax);
    }

    /** The weight after potentiation by {@code amount >= 0}. */
    public double potentiate(final double w, final double amount)
    {
        final double scaled = muPlus == 0 ? amount : amount * scale(1 - normalised(w), muPlus);
        return Math.min(wMax, Math.max(wMin, w + scaled));
    }

    /** The weight after depression by {@code amount >= 0}. */
    public double depress(final double w, final double amount)
    {
        final double scaled = muMinus == 0 ? amount : amount * scale(normalised(w), muMinus);
        return Math.max(wMin, Math.min(wMax, w - scaled));
    }

    private double normalised(final double w)
    {
        return (w - wMin) / (wMax - wMin);
    }

    private static double scale(final double u, final double mu)
    {
        final double clamped = Math.max(0, u);
        return mu == 1 ? clamped : Math.pow(clamped, mu);
    }

    /** A description for summaries, e.g. {@code "additive in [0, 0.01]"}. */
    public String describe()
    {
        final String kind = muPlus == 0 && muMinus == 0 ? "additive" : muPlus == 1 && muMinus == 1 ? "multiplicative"
            : "power law mu+=" + Check.fmt(muPlus) + " mu-=" + Check.fmt(muMinus);
        return kind + " in [" + Check.fmt(wMin) + ", " + Check.fmt(wMax) + "]";
    }
}
