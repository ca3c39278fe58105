package org.myelin.units;

import org.myelin.util.ModelException;

/**
 * A quantity the user wrote cannot be used: malformed text, an unknown unit symbol, a dimension
 * other than the one expected, or a duration that is not a whole number of time steps.
 */
public class UnitException extends ModelException
{
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message alone.
     *
     * @param message the complete sentence shown to the user.
     */
    public UnitException(final String message)
    {
        super(message);
    }

    /**
     * An error that rewords another one, e.g. with the owner and parameter added.
     *
     * @param message the complete sentence shown to the user.
     * @param cause   the underlying failure, e.g. the same error without the owner and parameter.
     */
    public UnitException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
