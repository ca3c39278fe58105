package org.myelin.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads quantities ({@code "-60 mV"}) and unit expressions ({@code "uA/cm^2"}) with a cursor over
 * the whole text, which every error message quotes.
 */
final class QuantityParser
{
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final String SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
    private static final char SUPERSCRIPT_MINUS = '\u207b';
    private static final int MAX_EXPONENT_DIGITS = 2;

    private final String text;
    private int position;

    private QuantityParser(final String text, final int position)
    {
        this.text = text;
        this.position = position;
    }

    /**
     * Parses a number followed by an optional unit expression.
     *
     * @param raw     the user's text; surrounding white space is ignored.
     * @param example a well-formed quantity to show in messages, e.g. {@code "20 ms"}.
     * @return the quantity in canonical units.
     * @throws UnitException if the text is empty, malformed, out of range or names an unknown unit.
     */
    static Quantity parseQuantity(final String raw, final String example)
    {
        if (null == raw || raw.isBlank())
        {
            throw new UnitException("missing value; write e.g. '" + example + "'");
        }
        final String text = raw.strip();
        final Matcher number = NUMBER.matcher(text);
        if (!number.lookingAt())
        {
            throw new UnitException("'" + text + "' does not start with a number; write e.g. '" + example + "'");
        }
        final QuantityParser parser = new QuantityParser(text, number.end());
        final Unit unit = parser.unitAfterNumber();
        final double value = unit.toCanonical(Double.parseDouble(number.group()));
        if (!Double.isFinite(value))
        {
            throw new UnitException("'" + text + "' is too large to represent");
        }
        return new Quantity(value, unit.dimension());
    }

    /**
     * Parses a unit expression.
     *
     * @param raw the user's text; surrounding white space is ignored.
     * @return the unit.
     * @throws UnitException if the text is empty, malformed or names an unknown unit.
     */
    static Unit parseUnit(final String raw)
    {
        if (null == raw || raw.isBlank())
        {
            throw new UnitException("missing unit; write e.g. 'ms' or 'mV/ms'");
        }
        return new QuantityParser(raw.strip(), 0).expression();
    }

    private Unit unitAfterNumber()
    {
        skipSpaces();
        if (atEnd())
        {
            return Unit.ONE;
        }
        if (text.startsWith("*", position) && !text.startsWith("**", position))
        {
            position++;
        }
        return expression();
    }

    /** {@code ['/'] term (('*' | '·' | '/') term)*}, where a leading '/' means {@code 1/}. */
    private Unit expression()
    {
        skipSpaces();
        Unit unit = text.startsWith("/", position) ? Unit.ONE : term();
        while (true)
        {
            skipSpaces();
            if (atEnd())
            {
                return unit;
            }
            final char operator = text.charAt(position);
            if ('*' == operator || '\u00b7' == operator)
            {
                position++;
                unit = unit.multiply(term());
            }
            else if ('/' == operator)
            {
                position++;
                unit = unit.divide(term());
            }
            else
            {
                throw new UnitException("unexpected '" + text.substring(position) + "' in '" + text
                    + "'; join units with '*' or '/', e.g. 'mV/ms'");
            }
        }
    }

    /** A symbol or {@code 1}, with an optional power. */
    private Unit term()
    {
        skipSpaces();
        if (atEnd())
        {
            throw new UnitException("missing unit at the end of '" + text + "'");
        }
        final int start = position;
        while (!atEnd() && Character.isLetter(text.charAt(position)))
        {
            position++;
        }
        final String spelling = text.substring(start, position);
        final Unit atom;
        if (spelling.isEmpty() && text.startsWith("1", position) && !isDigitAt(position + 1))
        {
            position++;
            atom = Unit.ONE;
        }
        else if (spelling.isEmpty())
        {
            throw new UnitException("unexpected '" + text.substring(position) + "' in '" + text
                + "'; expected a unit symbol such as 'ms'");
        }
        else
        {
            atom = UnitSymbols.lookup(spelling);
            if (null == atom)
            {
                throw unknownUnit(spelling);
            }
        }
        return atom.pow(exponent());
    }

    /** {@code ^n}, {@code **n} or superscript digits after a symbol; 1 when absent. */
    private int exponent()
    {
        skipSpaces();
        if (text.startsWith("^", position) || text.startsWith("**", position))
        {
            position += text.startsWith("^", position) ? 1 : 2;
            skipSpaces();
            return signedInteger('-', '+', "0123456789");
        }
        if (!atEnd() && (SUPERSCRIPT_MINUS == text.charAt(position)
            || SUPERSCRIPT_DIGITS.indexOf(text.charAt(position)) >= 0))
        {
            return signedInteger(SUPERSCRIPT_MINUS, '\u207a', SUPERSCRIPT_DIGITS);
        }
        return 1;
    }

    /** An optional sign then one or two digits, each digit being its index in {@code digits}. */
    private int signedInteger(final char minus, final char plus, final String digits)
    {
        int sign = 1;
        if (!atEnd() && (minus == text.charAt(position) || plus == text.charAt(position)))
        {
            sign = minus == text.charAt(position) ? -1 : 1;
            position++;
        }
        int value = 0;
        int count = 0;
        while (!atEnd() && digits.indexOf(text.charAt(position)) >= 0)
        {
            value = 10 * value + digits.indexOf(text.charAt(position));
            position++;
            count++;
        }
        if (0 == count || count > MAX_EXPONENT_DIGITS)
        {
            throw new UnitException("malformed power in '" + text + "'; write an integer, e.g. 'ms^-1' or 'cm^2'");
        }
        return sign * value;
    }

    private UnitException unknownUnit(final String spelling)
    {
        final String hint = UnitSymbols.sameIgnoringCase(spelling);
        return new UnitException("unknown unit '" + spelling + "' in '" + text + "'"
            + (hint.isEmpty() ? "" : " (did you mean " + hint + "?)") + "; " + UnitSymbols.KNOWN_UNITS);
    }

    private void skipSpaces()
    {
        while (!atEnd() && Character.isWhitespace(text.charAt(position)))
        {
            position++;
        }
    }

    private boolean isDigitAt(final int index)
    {
        return index < text.length() && Character.isDigit(text.charAt(index));
    }

    private boolean atEnd()
    {
        return position >= text.length();
    }
}
