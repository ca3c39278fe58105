package org.myelin.io.model;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import org.myelin.util.ModelException;

/**
 * A small arithmetic expression of named variables, as model files write per-neuron parameters
 * ({@code "-65 + 15*r^2"}) and time-varying rates ({@code "10 + 5*sin(2*pi*t/100)"}): numbers,
 * the variables given at parsing, {@code pi}, {@code + - * / ^} (power binds tightest and to the
 * right), unary minus, parentheses and the functions {@code sin cos exp log sqrt abs}.
 * Parsed once; evaluation walks the tree without allocating.
 */
public final class Expression
{
    private final String text;
    private final Node root;

    private Expression(final String text, final Node root)
    {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses {@code text} whose variables are {@code variables}, in the order
     * {@link #evaluate(double...)} takes their values.
     *
     * @throws ModelException naming the position and what was expected.
     */
    public static Expression parse(final String text, final List<String> variables)
    {
        final Parser parser = new Parser(text, variables);
        final Node root = parser.sum();
        parser.skipSpace();
        if (parser.at < text.length())
        {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
        }
        return new Expression(text, root);
    }

    /** The value for the variables' values, in the order they were declared. */
    public double evaluate(final double... values)
    {
        return root.eval(values);
    }

    @Override
    public String toString()
    {
        return text;
    }

    /** A node of the tree. */
    private interface Node
    {
        double eval(double[] values);
    }

    /** Recursive descent over sum → product → power → unary → atom. */
    private static final class Parser
    {
        private final String text;
        private final List<String> variables;
        private int at;

        Parser(final String text, final List<String> variables)
        {
            this.text = text;
            this.variables = variables;
        }

        ModelException error(final String what)
        {
            return new ModelException("expression '" + text + "': " + what + " at position " + (at + 1)
                + "; variables: " + variables + ", functions: sin cos exp log sqrt abs, constant pi");
        }

        void skipSpace()
        {
            while (at < text.length() && Character.isWhitespace(text.charAt(at)))
            {
                at++;
            }
        }

        boolean take(final char c)
        {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c)
            {
                at++;
                return true;
            }
            return false;
        }

        Node sum()
        {
            return chain(this::product, '+', '-');
        }

        Node product()
        {
            return chain(this::unary, '*', '/');
        }

        /** Operands from {@code next} joined left to right by the two operators. */
        Node chain(final Supplier<Node> next, final char first, final char second)
        {
            Node left = next.get();
            while (true)
            {
                final char op = take(first) ? first : take(second) ? second : 0;
                if (op == 0)
                {
                    return left;
                }
                final Node l = left;
                final Node r = next.get();
                left = switch (op)
                {
                    case '+' -> v -> l.eval(v) + r.eval(v);
                    case '-' -> v -> l.eval(v) - r.eval(v);
                    case '*' -> v -> l.eval(v) * r.eval(v);
                    default -> v -> l.eval(v) / r.eval(v);
                };
            }
        }

        Node unary()
        {
            if (take('-'))
            {
                final Node inner = unary();
                return v -> -inner.eval(v);
            }
            take('+');
            return power();
        }

        Node power()
        {
            final Node base = atom();
            if (take('^'))
            {
                final Node exponent = unary();
                return v -> Math.pow(base.eval(v), exponent.eval(v));
            }
            return base;
        }

        Node atom()
        {
            skipSpace();
            if (take('('))
            {
                final Node inner = sum();
                if (!take(')'))
                {
                    throw error("missing ')'");
                }
                return inner;
            }
            final int start = at;
            if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'))
            {
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                    || (text.charAt(at) == 'e' || text.charAt(at) == 'E') && at + 1 < text.length()
                        && (Character.isDigit(text.charAt(at + 1)) || text.charAt(at + 1) == '-')
                    || (text.charAt(at) == '-' && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E'))))
                {
                    at++;
                }
                try
                {
                    final double value = Double.parseDouble(text.substring(start, at));
                    return v -> value;
                }
                catch (final NumberFormatException e)
                {
                    at = start;
                    throw error("malformed number '" + text.substring(start) + "'");
                }
            }
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'))
            {
                at++;
            }
            final String word = text.substring(start, at);
            if (word.isEmpty())
            {
                throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "'" : "unexpected end");
            }
            final int index = variables.indexOf(word);
            if (index >= 0)
            {
                return v -> v[index];
            }
            if ("pi".equals(word))
            {
                return v -> Math.PI;
            }
            final DoubleUnaryOperator function = switch (word)
            {
                case "sin" -> Math::sin;
                case "cos" -> Math::cos;
                case "exp" -> Math::exp;
                case "log" -> Math::log;
                case "sqrt" -> Math::sqrt;
                case "abs" -> Math::abs;
                default -> null;
            };
            if (function == null)
            {
                at = start;
                throw error("unknown name '" + word + "'");
            }
            if (!take('('))
            {
                throw error("'(' expected after " + word);
            }
            final Node argument = sum();
            if (!take(')'))
            {
                throw error("missing ')'");
            }
            return v -> function.applyAsDouble(argument.eval(v));
        }
    }
}
