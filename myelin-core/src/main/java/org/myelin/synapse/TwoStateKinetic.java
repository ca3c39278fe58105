package org.myelin.synapse;

import org.myelin.base.Integrator;
import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * AMPA and GABAa receptors ({@code AMPA}, {@code GABAa}): two-state kinetic model of channels
 * opened by a square pulse of transmitter.
 *
 * <pre>
 *   dg/dt = α·[T]·(gMax − g) − β·g          (g = gMax·s, s the open fraction)
 *   [T] = T·w for tDur after a spike of weight w (dimensionless, 1 per spike), else 0
 *   with COBA: I = g·(E − v), E = 0 mV for AMPA, E ≈ −80 mV for GABAa
 * </pre>
 *
 * <table>
 *   <caption>Parameters (defaults AMPA / GABAa)</caption>
 *   <tr><th>name</th><th>AMPA</th><th>GABAa</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>alpha</td><td>0.98</td><td>0.53</td><td>1/(mM·ms)</td><td>α</td><td>binding rate, &gt; 0</td></tr>
 *   <tr><td>beta</td><td>0.18</td><td>0.18</td><td>1/ms</td><td>β</td><td>unbinding rate, &gt; 0</td></tr>
 *   <tr><td>T</td><td>0.5</td><td>1</td><td>mM</td><td>T</td><td>transmitter concentration of a pulse, &gt; 0</td></tr>
 *   <tr><td>tDur</td><td>0.5</td><td>1</td><td>ms</td><td>T_dur</td>
 *       <td>pulse duration, &gt; 0 (rounded to whole steps)</td></tr>
 *   <tr><td>gMax</td><td>1</td><td>1</td><td>nS (COBA) / pA (CUBA)</td><td>g_max</td>
 *       <td>g when every channel is open, &gt; 0</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g} [output unit] and
 * {@code transmitter} [mM]. Pulse bookkeeping (arrivals during a pulse restart it with the larger
 * concentration) and the exact step are described in {@link TransmitterPulse}.
 *
 * <p>Sources: brainstate {@code AMPA} and {@code GABAa} (seeds 001/004; there g is the open
 * fraction and g_max the projection weight); Destexhe, Mainen and Sejnowski (1994), J. Comput.
 * Neurosci. 1:195–230; Destexhe and Paré (1999), J. Neurophysiol. 81:1531–1547.
 *
 * @param kind  which receptor: its name and defaults.
 * @param alpha [1/(mM·ms)] binding rate α.
 * @param beta  [1/ms] unbinding rate β.
 * @param t     [mM] transmitter concentration T of a pulse.
 * @param tDur  [ms] pulse duration.
 * @param gMax  [output unit] maximal g.
 * @param integrator how g is stepped (default {@code exact}; see {@link TransmitterPulse}).
 */
public record TwoStateKinetic(Kind kind, double alpha, double beta, double t, double tDur, double gMax,
    Integrator integrator) implements SynapseModel
{
    /** The receptors of this model, with brainstate's defaults. */
    public enum Kind
    {
        /** Fast excitatory glutamate receptor. */
        AMPA("AMPA", 0.98, 0.18, 0.5, 0.5),
        /** Fast inhibitory GABA receptor. */
        GABA_A("GABAa", 0.53, 0.18, 1.0, 1.0);

        private final String label;
        private final double alpha;
        private final double beta;
        private final double t;
        private final double tDur;

        Kind(final String label, final double alpha, final double beta, final double t, final double tDur)
        {
            this.label = label;
            this.alpha = alpha;
            this.beta = beta;
            this.t = t;
            this.tDur = tDur;
        }

        /** The model name, {@code "AMPA"} or {@code "GABAa"}. */
        public String label()
        {
            return label;
        }

        /** The model with this receptor's defaults and gMax = 1. */
        public TwoStateKinetic defaults()
        {
            return new TwoStateKinetic(this, alpha, beta, t, tDur, 1.0);
        }
    }

    /** Validates the parameters; the messages name the model, the parameter and the allowed range. */
    public TwoStateKinetic
    {
        Check.that(kind != null, "TwoStateKinetic", "kind must be one of [AMPA, GABAa], got kind=null");
        TransmitterPulse.check(kind.label(), alpha, beta, t, tDur, gMax);
        Integrator.require(kind.label(), integrator, Integrator.values());
    }

    /** The receptor with exact kinetics. */
    public TwoStateKinetic(final Kind kind, final double alpha, final double beta, final double t,
        final double tDur, final double gMax)
    {
        this(kind, alpha, beta, t, tDur, gMax, Integrator.EXACT);
    }

    /** AMPA with brainstate's defaults (α = 0.98 /(mM·ms), β = 0.18 /ms, T = 0.5 mM, T_dur = 0.5 ms), gMax = 1. */
    public static TwoStateKinetic ampa()
    {
        return Kind.AMPA.defaults();
    }

    /** GABAa with brainstate's defaults (α = 0.53 /(mM·ms), β = 0.18 /ms, T = 1 mM, T_dur = 1 ms), gMax = 1. */
    public static TwoStateKinetic gabaA()
    {
        return Kind.GABA_A.defaults();
    }

    @Override
    public String name()
    {
        return kind.label();
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new TransmitterPulse(this, output, size, alpha, beta, t, tDur, gMax, integrator);
    }
}
