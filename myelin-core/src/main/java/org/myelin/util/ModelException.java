package org.myelin.util;

/**
 * A user's model or input is wrong: a parameter out of range, a unit of the wrong dimension, a
 * reference to something that does not exist, or a state that became NaN during a run.
 *
 * <p>The message is written for the user and always names the model (or population, projection,
 * option), the parameter and what is allowed, so the CLI prints it alone, without a stack trace.
 */
public class ModelException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message the complete sentence shown to the user.
     */
    public ModelException(final String message)
    {
        super(message);
    }

    /**
     * @param message the complete sentence shown to the user.
     * @param cause   the underlying failure.
     */
    public ModelException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
