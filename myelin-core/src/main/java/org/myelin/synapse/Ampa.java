package org.myelin.synapse;

import org.myelin.output.Output;

/**
 * AMPA receptor ({@code AMPA}): two-state kinetic model with a square transmitter pulse.
 *
 * <pre>
 *   dg/dt = α·[T]·(gMax − g) − β·g
 *   [T] = T·w for tDur after a spike of weight w (dimensionless, 1 per spike), else 0
 *   with COBA: I = g·(E − v), E = 0 mV for AMPA
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>symbol</th><th>meaning</th></tr>
 *   <tr><td>alpha</td><td>0.98</td><td>1/(mM·ms)</td><td>α</td><td>binding rate, &gt; 0</td></tr>
 *   <tr><td>beta</td><td>0.18</td><td>1/ms</td><td>β</td><td>unbinding rate, &gt; 0</td></tr>
 *   <tr><td>T</td><td>0.5</td><td>mM</td><td>T</td><td>transmitter concentration of a pulse, &gt; 0</td></tr>
 *   <tr><td>tDur</td><td>0.5</td><td>ms</td><td>T_dur</td><td>pulse duration, &gt; 0 (rounded to whole steps)</td></tr>
 *   <tr><td>gMax</td><td>1</td><td>nS (COBA) / pA (CUBA)</td><td>g_max</td><td>g when every channel is open, &gt; 0</td></tr>
 * </table>
 *
 * <p>State (per post-synaptic neuron, initial 0): {@code g} [output unit] and
 * {@code transmitter} [mM]. Pulse bookkeeping, merging of arrivals and the exact step are
 * described in {@link TransmitterPulse}.
 *
 * <p>Sources: brainstate {@code AMPA} (seeds 001/004: α = 0.98 /(mM·ms), β = 0.18 /ms, T = 0.5 mM,
 * T_dur = 0.5 ms; there g is the open fraction and g_max the projection weight); Destexhe, Mainen
 * and Sejnowski (1994), J. Comput. Neurosci. 1:195–230.
 *
 * @param alpha [1/(mM·ms)] binding rate α.
 * @param beta  [1/ms] unbinding rate β.
 * @param t     [mM] transmitter concentration T of a pulse.
 * @param tDur  [ms] pulse duration.
 * @param gMax  [output unit] maximal g.
 * @see GabaA
 */
public record Ampa(double alpha, double beta, double t, double tDur, double gMax) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "AMPA";

    /** Validates the parameters. */
    public Ampa
    {
        TransmitterPulse.check(NAME, alpha, beta, t, tDur, gMax);
    }

    /** brainstate's defaults with gMax = 1. */
    public Ampa()
    {
        this(0.98, 0.18, 0.5, 0.5, 1.0);
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
