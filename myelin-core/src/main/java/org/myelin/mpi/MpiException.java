package org.myelin.mpi;

import org.myelin.util.ModelException;

/**
 * An MPI call failed, or Open MPI could not be loaded; the message names the call and MPI's own
 * text for the error code.
 */
public final class MpiException extends ModelException
{
    private static final long serialVersionUID = 1L;

    /** The MPI error code, or −1 when the failure came before any MPI call (loading the library). */
    private final int errorCode;

    /**
     * @param message   the sentence shown to the user.
     * @param errorCode the MPI error code, −1 if none.
     */
    public MpiException(final String message, final int errorCode)
    {
        super(message);
        this.errorCode = errorCode;
    }

    /** The MPI error code, −1 when the failure came before any MPI call. */
    public int errorCode()
    {
        return errorCode;
    }
}
