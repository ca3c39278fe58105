package org.myelin.io;

import org.myelin.util.ModelException;

/**
 * A data file (a {@code .npy} array, a {@code .npz} archive, a CSV table) cannot be used: it is
 * malformed, truncated, of an unsupported type or shape, or holds a value out of range. The
 * message is one line, {@code file: position: reason}, where the position is a byte offset, a
 * {@code file:line:column:} place, or an element of an array, as the format has it.
 */
public final class DataFileException extends ModelException
{
    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file     the file's name as the user gave it.
     * @param position where in the file, e.g. {@code "byte 128"}, {@code "line 4, column 2"} or
     *                 {@code "element [3, 1]"}; null or empty when the whole file is meant.
     * @param reason   what is wrong, and what is allowed.
     */
    public DataFileException(final String file, final String position, final String reason)
    {
        super(file + ": " + (position == null || position.isEmpty() ? "" : position + ": ") + reason);
        this.file = file;
    }

    /**
     * An error at a line and column of a text file, written as compilers do:
     * {@code file:line:column: reason}.
     *
     * @param line   1-based line.
     * @param column 1-based column, or 0 for the whole line.
     */
    public DataFileException(final String file, final int line, final int column, final String reason)
    {
        super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason);
        this.file = file;
    }

    /** The file's name. */
    public String file()
    {
        return file;
    }
}
