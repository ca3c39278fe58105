package org.myelin.sim;

import org.myelin.util.ModelException;

/**
 * A state became NaN or infinite: the run stopped after the step in which it happened, with the
 * simulation and its monitors consistent up to that step ({@link Simulation#runSteps}), so what was
 * recorded until then can still be written.
 */
public final class NonFiniteStateException extends ModelException
{
    private static final long serialVersionUID = 1L;

    private final long stepsDone;

    /**
     * @param message   names the population, variable, neuron and time.
     * @param stepsDone the simulation's step count after the stop: the step that produced the value + 1.
     */
    NonFiniteStateException(final String message, final long stepsDone)
    {
        super(message);
        this.stepsDone = stepsDone;
    }

    /** The simulation's step count after the stop. */
    public long stepsDone()
    {
        return stepsDone;
    }
}
