package org.myelin.io;

import org.myelin.util.ModelException;

/**
 * A model file cannot be used: malformed YAML, an unknown model or parameter, a unit of the wrong
 * dimension, a missing field, a reference to an undefined population or a value out of range.
 * The message starts with {@code file:line:column:} (1-based) where the place is known, as
 * compilers print it, so editors can jump to it.
 */
public final class ModelFileException extends ModelException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file    the file's name as given by the user.
     * @param line    1-based line, or 0 when unknown.
     * @param column  1-based column, or 0 when unknown.
     * @param message the problem, without the location.
     * @param cause   the underlying error, or null.
     */
    public ModelFileException(final String file, final int line, final int column, final String message,
        final Throwable cause)
    {
        super(location(file, line, column) + message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(final String file, final int line, final int column)
    {
        if (line <= 0)
        {
            return file + ": ";
        }
        return file + ":" + line + ":" + column + ": ";
    }

    /** The file's name. */
    public String file()
    {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line()
    {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column()
    {
        return column;
    }
}
