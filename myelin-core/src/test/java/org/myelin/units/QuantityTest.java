package org.myelin.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 ms         | 5     | ms",
        "-60 mV       | -60   | mV",
        "0.6nS        | 0.6   | nS",
        "1e-3 s       | 1     | ms",
        "20 Hz        | 20    | Hz",
        "5*ms         | 5     | ms",
        "5 * ms       | 5     | ms",
        "2.5 mV/ms    | 2.5   | mV/ms",
        "0.1 /ms      | 100   | Hz",
        "0.1/ms       | 100   | Hz",
        "+5 ms        | 5     | ms",
        ".5 ms        | 0.5   | ms",
        "5. ms        | 5     | ms",
        "1E3 ms       | 1000  | ms",
        "5e-3s        | 5     | ms",
        "250 pF       | 250   | pF",
        "0.25 nF      | 250   | pF",
        "1 uA/cm^2    | 0.01  | pA/um^2",
        "2 mM         | 2     | mM",
        "0.1 Gohm     | 0.1   | Gohm",
        "100 Mohm     | 0.1   | Gohm",
        "10           | 10    | 1",
        "-1.5e2       | -150  | 1",
    })
    void shouldParseValueIntoCanonicalUnit(final String text, final double value, final String canonical)
    {
        final Quantity quantity = Quantity.parse(text);

        assertThat(quantity.value()).isCloseTo(value, within(1e-12 * Math.abs(value)));
        assertThat(quantity.unit().symbol()).isEqualTo(canonical);
    }

    @Test
    void shouldIgnoreLeadingAndTrailingSpaces()
    {
        assertThat(Quantity.parse("  \t-60 mV \n")).isEqualTo(new Quantity(-60, Dimension.VOLTAGE));
    }

    @Test
    void numberWithoutUnitShouldBeDimensionless()
    {
        assertThat(Quantity.parse("10")).isEqualTo(new Quantity(10, Dimension.DIMENSIONLESS));
        assertThat(Quantity.parse("10 1")).isEqualTo(new Quantity(10, Dimension.DIMENSIONLESS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 ms           | 5 ms",
        "1 s            | 1000 ms",
        "-60 mV         | -60 mV",
        "0.6 nS         | 0.6 nS",
        "0.3 s          | 300 ms",
        "10             | 10",
        "2.5 mV/ms      | 2.5 mV/ms",
        "5 ms^-1        | 5000 Hz",
        "1 mS/cm^2      | 0.01 nS/um^2",
        "2 pA*ms        | 2 fC",
        "1e-7 s         | 0.0001 ms",
        "1e-9 s         | 0.000001 ms",
        "1e-12 s        | 1E-9 ms",
        "1e20 ms        | 1E+20 ms",
    })
    void toStringShouldGiveTheCanonicalForm(final String text, final String canonical)
    {
        final Quantity quantity = Quantity.parse(text);
        final Quantity reparsed = Quantity.parse(canonical);

        assertThat(quantity).hasToString(canonical);
        assertThat(reparsed.dimension()).isEqualTo(quantity.dimension());
        assertThat(reparsed.value()).isCloseTo(quantity.value(), within(1e-14 * Math.abs(quantity.value())));
    }

    @Test
    void ofShouldConvertToCanonicalUnits()
    {
        assertThat(Quantity.of(1, "s")).isEqualTo(new Quantity(1000, Dimension.TIME));
        assertThat(Quantity.of(-65, Unit.parse("mV"))).isEqualTo(new Quantity(-65, Dimension.VOLTAGE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 s        | ms     | 1000",
        "1 s        | us     | 1000000",
        "20 ms      | s      | 0.02",
        "1 kHz      | Hz     | 1000",
        "1 kHz      | 1/ms   | 1",
        "100 Hz     | ms^-1  | 0.1",
        "1 uA/cm^2  | pA/um^2| 0.01",
        "1 nS       | 1/Gohm | 1",
        "0.1 Gohm   | Mohm   | 100",
    })
    void inShouldConvertToAnyUnitOfTheSameDimension(final String text, final String unit, final double expected)
    {
        assertThat(Quantity.parse(text).in(unit)).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void inShouldRejectAUnitOfAnotherDimension()
    {
        assertThatThrownBy(() -> Quantity.parse("5 mV").in("s"))
            .isInstanceOf(UnitException.class)
            .hasMessage("cannot express 5 mV (a voltage) in s (a time)");
        assertThatThrownBy(() -> Quantity.parse("5").in(Unit.parse("mV/ms")))
            .isInstanceOf(UnitException.class)
            .hasMessage("cannot express 5 (dimensionless) in mV/ms (a voltage/time)");
    }

    @Property
    void valueTimesUnitShouldRoundTrip(
        @ForAll @DoubleRange(min = -1e9, max = 1e9) @Scale(9) final double value,
        @ForAll("units") final String unit,
        @ForAll("separators") final String separator)
    {
        final Quantity quantity = Quantity.parse(value + separator + unit);

        assertThat(quantity.in(unit)).isCloseTo(value, within(1e-12 * Math.abs(value)));
        assertThat(quantity.dimension()).isEqualTo(Unit.parse(unit).dimension());
    }

    @Property
    void canonicalFormShouldParseBackToTheSameQuantity(
        @ForAll @DoubleRange(min = -1e9, max = 1e9) @Scale(9) final double value,
        @ForAll("units") final String unit)
    {
        final Quantity quantity = Quantity.of(value, unit);
        final Quantity reparsed = Quantity.parse(quantity.toString());

        assertThat(reparsed.dimension()).isEqualTo(quantity.dimension());
        assertThat(reparsed.value()).isCloseTo(quantity.value(), within(1e-14 * Math.abs(quantity.value())));
    }

    @Provide
    Arbitrary<String> units()
    {
        return Arbitraries.of(UnitTest.ALL_UNITS).map(KnownUnit::spelling);
    }

    @Provide
    Arbitrary<String> separators()
    {
        return Arbitraries.of(" ", "  ", " * ", "*");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void missingValueShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Quantity.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("missing value; write e.g. '5 ms'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "abc ms", "- 5 ms", "e3 ms", "five ms", "NaN", "Infinity ms", "--5 ms", "."})
    void textNotStartingWithANumberShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Quantity.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("'" + text + "' does not start with a number; write e.g. '5 ms'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400 ms", "1e300 S", "-1e400"})
    void numberTooLargeForADoubleShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Quantity.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("'" + text + "' is too large to represent");
    }

    @Test
    void starWithoutAUnitShouldBeRejected()
    {
        assertThatThrownBy(() -> Quantity.parse("5 *"))
            .isInstanceOf(UnitException.class)
            .hasMessage("missing unit at the end of '5 *'");
    }

    @Test
    void unknownUnitShouldQuoteTheWholeQuantity()
    {
        assertThatThrownBy(() -> Quantity.parse(" 5 mss "))
            .isInstanceOf(UnitException.class)
            .hasMessage("unknown unit 'mss' in '5 mss'; " + UnitSymbols.KNOWN_UNITS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 ms ms | ms",
        "5 ms,   | ,",
        "5 ms;   | ;",
    })
    void trailingTextShouldBeRejected(final String text, final String rest)
    {
        assertThatThrownBy(() -> Quantity.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("unexpected '" + rest + "' in '" + text + "'; join units with '*' or '/', e.g. 'mV/ms'");
    }
}
