package org.myelin.delay;

import org.myelin.base.Delivery;
import org.myelin.base.DeliveryContext;
import org.myelin.base.Population;
import org.myelin.state.StateAccess;
import org.myelin.units.Units;
import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * The recent history of one state variable of a population, read back at a delay with
 * interpolation (brainstate's {@code StateWithDelay}, seeds 003/004).
 *
 * <p>A ring of {@code maxDelay/dt + 2} rows of N values: at the propagation phase of step n (after
 * the group's update and reset) each worker copies its slice of the variable, the value at time
 * (n + 1)·dt; the value at time 0 is recorded when the simulation is prepared. A read at delay D
 * at time t = L·dt (L the last recorded step) asks for the value at L − D/dt steps:
 * <ul>
 *   <li>{@link Interpolation#PREVIOUS}: the value at step {@code floor(L − D/dt)};</li>
 *   <li>{@link Interpolation#NEAREST}: at step {@code round(L − D/dt)}, halves to the later step;</li>
 *   <li>{@link Interpolation#LINEAR}: {@code (1 − f)·x[k] + f·x[k + 1]} with
 *       {@code k = floor(L − D/dt)}, {@code f} the fraction.</li>
 * </ul>
 * Times before 0 read the value at 0. Add it to the network after the population; it does not
 * change the population's state.
 */
public final class StateWithDelay implements Delivery
{
    private final String name;
    private final Population population;
    private final String variable;
    private final double maxDelayMs;
    private double dt = Double.NaN;
    private double[][] ring;
    private double[] state;
    private volatile long latest = -1;

    /**
     * @param name       a name for messages.
     * @param population the population whose variable is recorded.
     * @param variable   the state variable, e.g. {@code "v"}.
     * @param maxDelayMs [ms] the longest delay that will be read, {@code >= 0}.
     */
    public StateWithDelay(final String name, final Population population, final String variable,
        final double maxDelayMs)
    {
        this.name = name;
        this.population = population;
        this.variable = variable;
        this.maxDelayMs = Check.nonNegative(owner(), "maxDelay", maxDelayMs, "ms");
        population.state(variable); // fails early on an unknown variable
    }

    private String owner()
    {
        return "StateWithDelay '" + name + "'";
    }

    @Override
    public String kind()
    {
        return "StateWithDelay";
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public Population target()
    {
        return population;
    }

    /** None: it reads a state variable, not spikes. */
    @Override
    public Population source()
    {
        return null;
    }

    @Override
    public int historyDepth(final double dtMs)
    {
        return 0;
    }

    @Override
    public void prepare(final DeliveryContext context)
    {
        final double dtMs = context.dt();
        this.dt = dtMs;
        final int depth = (int) Math.ceil(maxDelayMs / dtMs - Units.STEP_TOLERANCE) + 2;
        this.state = population.state(variable);
        this.ring = new double[depth][population.size()];
        System.arraycopy(state, 0, ring[0], 0, state.length);
        this.latest = 0;
    }

    @Override
    public void deliver(final long step, final int slice, final int from, final int to)
    {
        final double[] row = ring[(int) ((step + 1) % ring.length)];
        System.arraycopy(state, from, row, from, to - from);
        if (slice == 0)
        {
            latest = step + 1;
        }
    }

    /** The last recorded step L: values are known up to time L·dt. */
    public long latestStep()
    {
        return latest;
    }

    /**
     * The value of neuron {@code i} {@code delayMs} before the last recorded time.
     *
     * @throws ModelException if the delay is negative or longer than the maximum delay.
     */
    public double read(final int i, final double delayMs, final Interpolation mode)
    {
        if (ring == null)
        {
            throw new ModelException(owner() + ": nothing recorded yet; read it after the simulation is prepared");
        }
        if (!(delayMs >= 0) || delayMs > maxDelayMs * (1 + 1e-12))
        {
            throw new ModelException(owner() + ": delay must be in [0, " + Check.fmt(maxDelayMs) + "] ms, got delay="
                + Check.fmt(delayMs) + " ms");
        }
        final long last = latest;
        final double position = Math.max(0.0, last - delayMs / dt);
        final double tolerance = Units.STEP_TOLERANCE;
        final long below = (long) Math.floor(position + tolerance);
        final double fraction = Math.max(0.0, position - below);
        return switch (mode)
        {
            case PREVIOUS -> at(i, below);
            case NEAREST -> at(i, fraction >= 0.5 - tolerance ? below + 1 : below);
            case LINEAR -> fraction <= tolerance ? at(i, below)
                : (1 - fraction) * at(i, below) + fraction * at(i, below + 1);
        };
    }

    /** Fills {@code out} with every neuron's delayed value. */
    public void read(final double[] out, final double delayMs, final Interpolation mode)
    {
        for (int i = 0; i < out.length; i++)
        {
            out[i] = read(i, delayMs, mode);
        }
    }

    private double at(final int i, final long step)
    {
        return ring[(int) (Math.min(step, latest) % ring.length)][i];
    }

    /** The past values of the variable and the last step they reach. */
    @Override
    public void visitState(final StateAccess access)
    {
        latest = access.scalar("latest", latest);
        access.doubles("ring", ring);
    }

    @Override
    public String describe()
    {
        return toString();
    }

    @Override
    public String toString()
    {
        return owner() + " of " + population.name() + "." + variable + " (up to " + Check.fmt(maxDelayMs) + " ms)";
    }
}
