package org.myelin.synapse;

import java.util.Arrays;

import org.myelin.output.Output;
import org.myelin.util.Check;

/**
 * Delta synapse ({@code Delta}): no kinetics, the weight acts on the target at once.
 *
 * <pre>
 *   target = voltage:  v ← v + I_out(w, v)       e.g. CUBA: v ← v + w;  COBA: v ← v + w·(E − v)
 *   target = current:  g = w for one step, then 0 (a current or conductance pulse of one dt)
 * </pre>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>default</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>target</td><td>voltage</td><td></td><td>{@code voltage} (jump of v) or {@code current}</td></tr>
 * </table>
 *
 * <p>With {@code target = voltage} the weight is in mV for CUBA (R·I with R = 1) and dimensionless
 * for COBA and Mg block; with {@code target = current} it is in the output's unit (pA or nS).
 *
 * <p>Timing: a spike delivered at step n (after the neurons' update) jumps {@code v} at the start of
 * step n + 1, before the neurons integrate: the same trajectory as Brian2's {@code on_pre: v += w}
 * at step n, except that a state monitor sampling at step n + 1 sees {@code v} before the jump.
 * The jump also applies to refractory neurons, which keep it (Brian2's {@code unless refractory}
 * stops integration, not synaptic jumps). Receptors of a group run in creation order, so a
 * receptor that reads {@code v} (Mg block) sees this jump only when it was created after it.
 *
 * <p>Sources: BrainPy {@code Delta} (seed 002, "voltage jump synapse", output CUBA on V);
 * brainstate's delta inputs ({@code add_delta_input}).
 *
 * @param target what the weight jumps.
 */
public record Delta(Target target) implements SynapseModel
{
    /** The model name. */
    public static final String NAME = "Delta";

    /** What a {@link Delta} synapse's weight acts on. */
    public enum Target
    {
        /** The membrane potential jumps by the output's current for {@code g = w}. */
        VOLTAGE,
        /** The output variable is {@code w} for one step. */
        CURRENT;

        /** The lower-case name used in model files. */
        public String label()
        {
            return ModelOption.label(this);
        }

        /**
         * Parses {@code voltage} or {@code current} (any case).
         *
         * @throws org.myelin.util.ModelException naming the model, the option and the allowed values.
         */
        public static Target parse(final String text)
        {
            return ModelOption.parse(NAME, "target", values(), text);
        }
    }

    /** Validates the target. */
    public Delta
    {
        Check.that(target != null, NAME,
            "target must be one of " + ModelOption.labels(Target.values()) + ", got target=null");
    }

    /** A voltage jump. */
    public Delta()
    {
        this(Target.VOLTAGE);
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Receptor newReceptor(final int size, final Output output)
    {
        return new State(this, output, size);
    }

    /** The arrived weights, turned into a jump of v or a one-step output. */
    private static final class State extends StateReceptor
    {
        private final boolean voltage;
        private final double[] jumpConductance;
        private final double[] jumpCurrent;

        State(final Delta model, final Output output, final int size)
        {
            super(model, output, size, -1, "g");
            this.voltage = model.target() == Target.VOLTAGE;
            this.jumpConductance = voltage ? new double[size] : null;
            this.jumpCurrent = voltage ? new double[size] : null;
        }

        @Override
        public void prepare(final double dt, final double currentWeight)
        {
            // no constants
        }

        @Override
        public void contribute(
            final int from, final int to, final double[] v, final double[] conductance, final double[] current)
        {
            final double[] in = arrivals;
            final double[] g = array(0);
            System.arraycopy(in, from, g, from, to - from);
            Arrays.fill(in, from, to, 0.0);
            if (!voltage)
            {
                output().addCurrent(g, from, to, v, conductance, current, 1.0);
                return;
            }
            final double[] c = jumpConductance;
            final double[] j = jumpCurrent;
            Arrays.fill(c, from, to, 0.0);
            Arrays.fill(j, from, to, 0.0);
            output().addCurrent(g, from, to, v, c, j, 1.0);
            for (int i = from; i < to; i++)
            {
                v[i] += j[i] - c[i] * v[i];
            }
        }
    }
}
