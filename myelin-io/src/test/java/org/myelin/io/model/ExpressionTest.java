package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.util.ModelException;

class ExpressionTest
{
    @Test
    void precedenceAssociativityFunctionsAndVariablesFollowArithmetic()
    {
        final List<String> vars = List.of("r", "t");
        assertThat(Expression.parse("1 + 2*3 - 4/2", vars).evaluate(0, 0)).isEqualTo(5.0);
        assertThat(Expression.parse("10 - 3 - 2", vars).evaluate(0, 0)).isEqualTo(5.0);
        assertThat(Expression.parse("2^3^2", vars).evaluate(0, 0)).isEqualTo(512.0);
        assertThat(Expression.parse("-r^2", vars).evaluate(3, 0)).isEqualTo(-9.0);
        assertThat(Expression.parse("-65 + 15*r^2", vars).evaluate(0.5, 0)).isEqualTo(-61.25);
        assertThat(Expression.parse("(1 + r) * t", vars).evaluate(1, 4)).isEqualTo(8.0);
        assertThat(Expression.parse("sin(pi/2) + sqrt(16) + exp(0) + log(1) + abs(-2) + cos(0)", vars)
            .evaluate(0, 0)).isCloseTo(9.0, within(1e-12));
        assertThat(Expression.parse("1.5e-3 * 2E2", vars).evaluate(0, 0)).isCloseTo(0.3, within(1e-12));
        assertThat(Expression.parse("8 - 6*r^2", vars)).hasToString("8 - 6*r^2");
    }

    static Stream<Arguments> mistakes()
    {
        return Stream.of(
            Arguments.of("1 + (2", "missing ')' at position 7"),
            Arguments.of("1 2", "unexpected '2' at position 3"),
            Arguments.of("tan(1)", "unknown name 'tan' at position 1"),
            Arguments.of("sin 1", "'(' expected after sin at position 5"),
            Arguments.of("1 +", "unexpected end at position 4"),
            Arguments.of("1..2", "malformed number '1..2' at position 1"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void mistakesNameThePositionAndWhatIsAllowed(final String text, final String what)
    {
        assertThatThrownBy(() -> Expression.parse(text, List.of("r"))).isInstanceOf(ModelException.class)
            .hasMessage("expression '" + text + "': " + what
                + "; variables: [r], functions: sin cos exp log sqrt abs, constant pi");
    }
}
