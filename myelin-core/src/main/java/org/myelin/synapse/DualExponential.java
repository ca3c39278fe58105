package org.myelin.synapse;

import org.myelin.base.Integrator;
import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Dual-exponential synapse ({@code DualExpon}): a finite rise followed by a slower decay.
 *
 * <pre>
 *   d(rise)/dt  = −rise / τr            rise  ← rise  + w   on a spike of weight w
 *   d(decay)/dt = −decay / τd           decay ← decay + w
 *   g = A · (decay − rise)
 *
 *   unit response (w = 1 at t = 0):  g(t) = A · (e^{−t/τd} − e^{−t/τr})
 *
 *   A = amplitude · τd/(τd − τr) · (τr/τd)^{τr/(τr − τd)}   normalization = peak   (peak g = amplitude)
 *   A = amplitude / (τd − τr)                                 normalization = charge (∫ g dt = amplitude · w)
 *   A = amplitude                                             normalization = none
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>tauDecay</td><td>10</td><td>ms</td><td>τd</td><td>decay time constant, &gt; 0</td></tr>
 *   <tr><td>tauRise</td><td>1</td><td>ms</td><td>τr</td>
 *       <td>rise time constant, &gt; 0; ≠ τd unless normalization = none</td></tr>
 *   <tr><td>amplitude</td><td>1</td><td>1</td><td></td><td>factor on the normalised response</td></tr>
 *   <tr><td>normalization</td><td>peak</td><td></td><td></td><td>{@code peak}, {@code charge} or {@code none}</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): the output {@code g} = A·(decay − rise) and
 * {@code decay}, in the unit of the output (nS for COBA, pA for CUBA; with {@code charge} the
 * weight is a charge, pA·ms = fC, for CUBA). A spike adds w to both rise and decay, which leaves
 * their difference unchanged, so it adds w to {@code decay} only and {@code rise} is implied.
 *
 * <p>Update of a step: output {@code g} at t, then advance both with the precomputed factors
 * {@code e_d}, {@code e_r} of the two linear decays: {@code g ← A·decay·(e_d − e_r) + g·e_r},
 * {@code decay ← decay·e_d}. With {@code exact} (the default) and {@code exponential_euler}
 * (the same for these decoupled linear equations) {@code e_d = e^{−dt/τd}}, {@code e_r =
 * e^{−dt/τr}}; with {@code euler}, {@code rk2} and {@code rk4} their Taylor polynomials
 * ({@link Integrator#linearFactor}).
 *
 * <p>Sources: brainstate {@code DualExpon} ({@code normalize=True} is {@code peak}, the default;
 * {@code normalize=False} is {@code none}); inferno {@code DoubleExponentialCurrent} for
 * {@code charge} (spike charge Q/(τd − τr) added to both currents); Roth and van Rossum (2009),
 * Modeling synapses, in Computational Modeling Methods for Neuroscientists.
 *
 * @param tauDecay      [ms] decay time constant τd.
 * @param tauRise       [ms] rise time constant τr.
 * @param amplitude     [1] factor on the normalised response.
 * @param normalization how the response to a unit weight is scaled.
 * @param integrator    how the two decays are stepped.
 * @see Alpha
 * @see Exponential
 */
public record DualExponential(double tauDecay, double tauRise, double amplitude, Normalization normalization,
    Integrator integrator) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "DualExpon";
    /** brainstate's default decay time constant [ms]. */
    public static final double DEFAULT_TAU_DECAY = 10.0;
    /** brainstate's default rise time constant [ms]. */
    public static final double DEFAULT_TAU_RISE = 1.0;

    /** How the unit response of a {@link DualExponential} is scaled. */
    public enum Normalization
    {
        /** The response to a unit weight peaks at exactly {@code amplitude} (brainstate). */
        PEAK,
        /** The time integral of the response to weight Q is {@code amplitude · Q} (inferno). */
        CHARGE,
        /** The raw difference of exponentials times {@code amplitude}. */
        NONE;

        /** The lower-case name used in model files. */
        public String label()
        {
            return ModelOption.label(this);
        }

        /**
         * Parses {@code peak}, {@code charge} or {@code none} (any case).
         *
         * @throws org.myelin.util.ModelException naming the model, the option and the allowed values.
         */
        public static Normalization parse(final String text)
        {
            return ModelOption.parse(NAME, "normalization", values(), text);
        }
    }

    /** Validates the parameters; the messages name the model, the parameter and the allowed range. */
    public DualExponential
    {
        Check.positive(NAME, "tauDecay", tauDecay, "ms");
        Check.positive(NAME, "tauRise", tauRise, "ms");
        Check.finite(NAME, "amplitude", amplitude, "");
        Check.that(normalization != null, NAME,
            "normalization must be one of " + ModelOption.labels(Normalization.values()) + ", got normalization=null");
        Check.that(normalization == Normalization.NONE || tauRise != tauDecay, NAME,
            "tauRise must differ from tauDecay with normalization=" + normalization.label() + ", got tauRise="
                + Check.fmt(tauRise) + " ms, tauDecay=" + Check.fmt(tauDecay)
                + " ms; use Alpha for equal time constants or normalization=none");
        Integrator.require(NAME, integrator, Integrator.values());
    }

    /** Exact decays. */
    public DualExponential(final double tauDecay, final double tauRise, final double amplitude,
        final Normalization normalization)
    {
        this(tauDecay, tauRise, amplitude, normalization, Integrator.EXACT);
    }

    /** brainstate's defaults: τd = 10 ms, τr = 1 ms, amplitude 1, peak normalisation. */
    public DualExponential()
    {
        this(DEFAULT_TAU_DECAY, DEFAULT_TAU_RISE, 1.0, Normalization.PEAK);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    /** The factor A on {@code decay − rise}; see the class documentation. */
    public double scale()
    {
        return switch (normalization)
        {
            case PEAK -> amplitude * tauDecay / (tauDecay - tauRise)
                * Math.pow(tauRise / tauDecay, tauRise / (tauRise - tauDecay));
            case CHARGE -> amplitude / (tauDecay - tauRise);
            case NONE -> amplitude;
        };
    }

    /** [ms] Time of the peak of the unit response, {@code τdτr/(τd − τr)·ln(τd/τr)} (τr ≠ τd). */
    public double peakTime()
    {
        return tauDecay * tauRise / (tauDecay - tauRise) * Math.log(tauDecay / tauRise);
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new State(this, output, size);
    }

    /** The output {@code g} and the decay array. */
    private static final class State extends StateReceptor
    {
        private final double tauDecay;
        private final double tauRise;
        private final double scale;
        private final Integrator integrator;
        private double riseFactor = Double.NaN;
        private double decayFactor = Double.NaN;

        State(final DualExponential model, final Output output, final int size)
        {
            super(model, output, size, 1, "g", "decay");
            this.tauDecay = model.tauDecay();
            this.tauRise = model.tauRise();
            this.scale = model.scale();
            this.integrator = model.integrator();
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            riseFactor = integrator.linearFactor(-dt / tauRise);
            decayFactor = integrator.linearFactor(-dt / tauDecay);
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] g = array(0);
            final double[] decay = array(1);
            output().addCurrent(g, from, to, v, conductance, current, 1.0);
            final double fr = riseFactor;
            final double fd = decayFactor;
            final double jump = scale * (fd - fr);
            for (int i = from; i < to; i++)
            {
                g[i] = jump * decay[i] + g[i] * fr;
                decay[i] *= fd;
            }
        }
    }
}
