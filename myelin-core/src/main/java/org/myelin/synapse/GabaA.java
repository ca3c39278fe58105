package org.myelin.synapse;

import org.myelin.output.Output;

/**
 * GABAa receptor ({@code GABAa}): two-state kinetic model with a square transmitter pulse.
 *
 * <pre>
 *   dg/dt = α·[T]·(gMax − g) − β·g
 *   [T] = T·w for tDur after a spike of weight w (dimensionless, 1 per spike), else 0
 *   with COBA: I = g·(E − v), E ≈ −80 mV for GABAa
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>alpha</td><td>0.53</td><td>1/(mM·ms)</td><td>α</td><td>binding rate, &gt; 0</td></tr>
 *   <tr><td>beta</td><td>0.18</td><td>1/ms</td><td>β</td><td>unbinding rate, &gt; 0</td></tr>
 *   <tr><td>T</td><td>1</td><td>mM</td><td>T</td><td>transmitter concentration of a pulse, &gt; 0</td></tr>
 *   <tr><td>tDur</td><td>1</td><td>ms</td><td>T_dur</td><td>pulse duration, &gt; 0 (rounded to whole steps)</td></tr>
 *   <tr><td>gMax</td><td>1</td><td>nS (COBA) / pA (CUBA)</td><td>g_max</td><td>g when every channel is open, &gt; 0</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g} [output unit] and
 * {@code transmitter} [mM]. Pulse bookkeeping, merging of arrivals and the exact step are
 * described in {@link TransmitterPulse}.
 *
 * <p>Sources: brainstate {@code GABAa} (seeds 001/004: α = 0.53 /(mM·ms), β = 0.18 /ms, T = 1 mM,
 * T_dur = 1 ms; there g is the open fraction and g_max the projection weight); Destexhe, Mainen
 * and Sejnowski (1994); Destexhe and Paré (1999), J. Neurophysiol. 81:1531–1547.
 *
 * @param alpha [1/(mM·ms)] binding rate α.
 * @param beta  [1/ms] unbinding rate β.
 * @param t     [mM] transmitter concentration T of a pulse.
 * @param tDur  [ms] pulse duration.
 * @param gMax  [output unit] maximal g.
 * @see Ampa
 */
public record GabaA(double alpha, double beta, double t, double tDur, double gMax) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "GABAa";

    /** Validates the parameters. */
    public GabaA
    {
        TransmitterPulse.check(NAME, alpha, beta, t, tDur, gMax);
    }

    /** brainstate's defaults with gMax = 1. */
    public GabaA()
    {
        this(0.53, 0.18, 1.0, 1.0, 1.0);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new TransmitterPulse(this, output, size, alpha, beta, t, tDur, gMax);
    }
}
