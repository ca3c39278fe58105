package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
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

    @Test
    void mistakesNameThePositionAndWhatIsAllowed()
    {
        final List<String> vars = List.of("r");
        final String tail = "; variables: [r], functions: sin cos exp log sqrt abs, constant pi";
        assertThatThrownBy(() -> Expression.parse("1 + (2", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression '1 + (2': missing ')' at position 7" + tail);
        assertThatThrownBy(() -> Expression.parse("1 2", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression '1 2': unexpected '2' at position 3" + tail);
        assertThatThrownBy(() -> Expression.parse("tan(1)", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression 'tan(1)': unknown name 'tan' at position 1" + tail);
        assertThatThrownBy(() -> Expression.parse("sin 1", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression 'sin 1': '(' expected after sin at position 5" + tail);
        assertThatThrownBy(() -> Expression.parse("1 +", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression '1 +': unexpected end at position 4" + tail);
        assertThatThrownBy(() -> Expression.parse("1..2", vars)).isInstanceOf(ModelException.class)
            .hasMessage("expression '1..2': malformed number '1..2' at position 1" + tail);
    }
}
