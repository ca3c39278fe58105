package org.myelin.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.util.ModelException;

class UnitTest
{
    static final List<KnownUnit> ALL_UNITS =
        Stream.concat(KnownUnit.SIMPLE.stream(), KnownUnit.COMPOUND.stream()).toList();

    @ParameterizedTest
    @FieldSource("ALL_UNITS")
    void shouldParseEverySymbolPrefixAndCompound(final KnownUnit known)
    {
        final Unit unit = Unit.parse(known.spelling());

        assertThat(unit.symbol()).isEqualTo(known.symbol());
        assertThat(unit.dimension()).isEqualTo(known.dimension());
        assertThat(unit.canonicalFactor()).isCloseTo(known.canonicalFactor(), within(1e-12 * known.canonicalFactor()));
    }

    @ParameterizedTest
    @FieldSource("ALL_UNITS")
    void symbolOfAParsedUnitShouldParseToTheSameUnit(final KnownUnit known)
    {
        final Unit unit = Unit.parse(known.spelling());

        assertThat(Unit.parse(unit.symbol())).isEqualTo(unit);
    }

    @Test
    void tableShouldListEveryUnitTheParserNamesAsKnown()
    {
        final String list = UnitSymbols.KNOWN_UNITS.substring("known units: ".length(),
            UnitSymbols.KNOWN_UNITS.indexOf(" ("));

        assertThat(KnownUnit.SIMPLE.stream().map(KnownUnit::spelling))
            .containsAll(Arrays.asList(list.split(", ")));
    }

    @Test
    void shouldIgnoreSurroundingAndInnerSpaces()
    {
        assertThat(Unit.parse("  mV / ms ")).isEqualTo(Unit.parse("mV/ms"));
        assertThat(Unit.parse("cm ^ 2")).isEqualTo(Unit.parse("cm^2"));
    }

    @Test
    void shouldReadDivisionsFromLeftToRight()
    {
        final Unit unit = Unit.parse("nS/mV/ms");

        assertThat(unit.dimension())
            .isEqualTo(Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE).divide(Dimension.TIME));
        assertThat(unit.canonicalFactor()).isEqualTo(1.0);
    }

    @Test
    void areaSpecificUnitsShouldBeCanonicalPerSquareMicrometre()
    {
        assertThat(Unit.parse("uA/cm^2").canonicalFactor()).isCloseTo(0.01, within(1e-15));
        assertThat(Units.canonicalUnitName(Unit.parse("uA/cm^2").dimension())).isEqualTo("pA/um^2");
        assertThat(Units.canonicalUnitName(Unit.parse("mS/cm^2").dimension())).isEqualTo("nS/um^2");
        assertThat(Units.canonicalUnitName(Unit.parse("uF/cm^2").dimension())).isEqualTo("pF/um^2");
    }

    @Test
    void frequencyShouldBeCanonicalInHertzNotPerMillisecond()
    {
        assertThat(Unit.canonical(Dimension.FREQUENCY)).isEqualTo(new Unit("Hz", Dimension.FREQUENCY, 0));
        assertThat(Unit.parse("1/ms").canonicalFactor()).isEqualTo(1000.0);
        assertThat(Unit.parse("1/ms").isCanonical()).isFalse();
        assertThat(Unit.parse("1/ms^2").isCanonical()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"5, ms, 5", "5, s, 5000", "-60, mV, -60", "0.6, nS, 0.6", "1e-3, s, 1", "20, Hz, 20", "0.1, s, 100"})
    void toCanonicalShouldBeExactForDecimalValues(final double value, final String unit, final double canonical)
    {
        assertThat(Unit.parse(unit).toCanonical(value)).isEqualTo(canonical);
        assertThat(Unit.parse(unit).fromCanonical(canonical)).isEqualTo(value);
    }

    @Property
    void canonicalUnitOfAnyDimensionShouldParseBackWithFactorOne(
        @ForAll(supplier = DimensionTest.AnyDimension.class) final Dimension dimension)
    {
        final Unit canonical = Unit.canonical(dimension);
        final Unit parsed = Unit.parse(canonical.symbol());

        assertThat(parsed.dimension()).isEqualTo(dimension);
        assertThat(parsed.isCanonical()).isTrue();
        assertThat(parsed.canonicalFactor()).isEqualTo(1.0);
        assertThat(parsed).isEqualTo(canonical);
    }

    @Test
    void unknownSymbolShouldListTheKnownUnits()
    {
        assertThatThrownBy(() -> Unit.parse("mss"))
            .isInstanceOf(UnitException.class)
            .isInstanceOf(ModelException.class)
            .hasMessage("unknown unit 'mss' in 'mss'; " + UnitSymbols.KNOWN_UNITS)
            .hasMessageStartingWith("unknown unit 'mss' in 'mss'; known units: s, ms, us, ns, V, mV, uV, S, mS,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "mv | 'mV'",
        "MS | 'ms' or 'mS'",
        "hz | 'Hz'",
        "OHM | 'ohm'",
    })
    void unknownSymbolDifferingOnlyInCaseShouldSuggestTheKnownOnes(final String text, final String hint)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("unknown unit '" + text + "' in '" + text + "' (did you mean " + hint + "?); "
                + UnitSymbols.KNOWN_UNITS);
    }

    @Test
    void unknownSymbolInACompoundShouldQuoteTheWholeUnit()
    {
        assertThatThrownBy(() -> Unit.parse("mV/sec"))
            .hasMessageStartingWith("unknown unit 'sec' in 'mV/sec'; known units: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms^", "ms^x", "ms**", "ms^-", "ms^123", "cm^ x"})
    void malformedPowerShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("malformed power in '" + text.strip() + "'; write an integer, e.g. 'ms^-1' or 'cm^2'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mV ms | ms",
        "mV/ms) | )",
        "nS mV/ms | mV/ms",
    })
    void symbolsNotJoinedByAnOperatorShouldBeRejected(final String text, final String rest)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("unexpected '" + rest + "' in '" + text + "'; join units with '*' or '/', e.g. 'mV/ms'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(ms) | (ms)",
        "mV/(ms) | (ms)",
        "10 | 10",
        "mV*2 | 2",
    })
    void termThatIsNotASymbolShouldBeRejected(final String text, final String rest)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("unexpected '" + rest + "' in '" + text + "'; expected a unit symbol such as 'ms'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mV/", "mV *", "/"})
    void operatorWithoutAUnitAfterItShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("missing unit at the end of '" + text.strip() + "'");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void emptyUnitShouldBeRejected(final String text)
    {
        assertThatThrownBy(() -> Unit.parse(text))
            .isInstanceOf(UnitException.class)
            .hasMessage("missing unit; write e.g. 'ms' or 'mV/ms'");
    }
}
