package org.myelin.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.util.ModelException;

class UnitsTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20 ms       | TIME          | 20",
        "0.02 s      | TIME          | 20",
        "-65 mV      | VOLTAGE       | -65",
        "-0.065 V    | VOLTAGE       | -65",
        "0.6 nS      | CONDUCTANCE   | 0.6",
        "100 pA      | CURRENT       | 100",
        "0.1 nA      | CURRENT       | 100",
        "250 pF      | CAPACITANCE   | 250",
        "2 mM        | CONCENTRATION | 2",
        "20 Hz       | FREQUENCY     | 20",
        "0.02 /ms    | FREQUENCY     | 20",
        "100 Mohm    | RESISTANCE    | 0.1",
        "10 um       | LENGTH        | 10",
        "1 pC        | CHARGE        | 1000",
        "300 K       | TEMPERATURE   | 300",
        "0.5         | DIMENSIONLESS | 0.5",
    })
    void parseShouldReturnTheValueInTheCanonicalUnit(final String text, final String dimension, final double value)
        throws Exception
    {
        assertThat(Units.parse("LIF", "p", text, named(dimension))).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5 mV     | TIME          | LIF: tauM must be a time (e.g. 20 ms), got '5 mV' (a voltage)",
        "20 Hz    | TIME          | LIF: tauM must be a time (e.g. 20 ms), got '20 Hz' (a frequency)",
        "5 ms     | VOLTAGE       | LIF: tauM must be a voltage (e.g. -65 mV), got '5 ms' (a time)",
        "1 uS     | CURRENT       | LIF: tauM must be a current (e.g. 100 pA), got '1 uS' (a conductance)",
        "1 nA     | CONDUCTANCE   | LIF: tauM must be a conductance (e.g. 1 nS), got '1 nA' (a current)",
        "1 nF     | RESISTANCE    | LIF: tauM must be a resistance (e.g. 0.1 Gohm), got '1 nF' (a capacitance)",
        "1 Gohm   | CAPACITANCE   | LIF: tauM must be a capacitance (e.g. 250 pF), got '1 Gohm' (a resistance)",
        "1 ms     | CHARGE        | LIF: tauM must be a charge (e.g. 100 fC), got '1 ms' (a time)",
        "1 um     | CONCENTRATION | LIF: tauM must be a concentration (e.g. 2 mM), got '1 um' (a length)",
        "1 ms     | FREQUENCY     | LIF: tauM must be a frequency (e.g. 10 Hz), got '1 ms' (a time)",
        "1 mM     | LENGTH        | LIF: tauM must be a length (e.g. 10 um), got '1 mM' (a concentration)",
        "1 mV     | TEMPERATURE   | LIF: tauM must be a temperature (e.g. 300 K), got '1 mV' (a voltage)",
        "5 mV     | DIMENSIONLESS | LIF: tauM must be dimensionless (e.g. 0.5), got '5 mV' (a voltage)",
        " 2.5 mV/ms | TIME        | LIF: tauM must be a time (e.g. 20 ms), got '2.5 mV/ms' (a voltage/time)",
        "1 mS/cm^2 | CURRENT      | LIF: tauM must be a current (e.g. 100 pA), got '1 mS/cm^2' "
            + "(a conductance/length^2)",
        "20       | TIME          | LIF: tauM must be a time (e.g. 20 ms), got '20' without a unit",
    })
    void wrongDimensionShouldNameOwnerParameterGivenAndExpectedUnit(
        final String text, final String dimension, final String message) throws Exception
    {
        final Dimension expected = named(dimension);

        assertThatThrownBy(() -> Units.parse("LIF", "tauM", text, expected))
            .isInstanceOf(UnitException.class)
            .isInstanceOf(ModelException.class)
            .hasMessage(message);
    }

    @Test
    void wrongUnnamedDimensionShouldGiveAnExampleInItsCanonicalUnit()
    {
        final Dimension gBarDensity = Dimension.CONDUCTANCE.divide(Dimension.LENGTH.pow(2));

        assertThatThrownBy(() -> Units.parse("HH", "gNa", "120 mS", gBarDensity))
            .isInstanceOf(UnitException.class)
            .hasMessage("HH: gNa must be a conductance/length^2 (e.g. 1 nS/um^2), got '120 mS' (a conductance)");
    }

    @Test
    void unknownUnitShouldNameOwnerParameterAndTheKnownUnits()
    {
        assertThatThrownBy(() -> Units.parse("LIF", "tauM", "5 mss", Dimension.TIME))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tauM: unknown unit 'mss' in '5 mss'; " + UnitSymbols.KNOWN_UNITS)
            .hasMessageStartingWith("LIF: tauM: unknown unit 'mss' in '5 mss'; known units: s, ms, us, ns, V, mV,")
            .hasCauseInstanceOf(UnitException.class);
    }

    @Test
    void malformedNumberShouldNameOwnerParameterAndAnExampleOfTheExpectedDimension()
    {
        assertThatThrownBy(() -> Units.parse("LIF", "vTh", "about -50 mV", Dimension.VOLTAGE))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: vTh: 'about -50 mV' does not start with a number; write e.g. '-65 mV'");
    }

    @Test
    void missingValueShouldNameOwnerAndParameter()
    {
        assertThatThrownBy(() -> Units.parse("LIF", "tauM", null, Dimension.TIME))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tauM: missing value; write e.g. '20 ms'");
        assertThatThrownBy(() -> Units.parse("LIF", "tauM", "", Dimension.TIME))
            .hasMessage("LIF: tauM: missing value; write e.g. '20 ms'");
    }

    @Test
    void malformedPowerShouldNameOwnerAndParameter()
    {
        assertThatThrownBy(() -> Units.parse("Poisson", "rate", "5 ms^x", Dimension.FREQUENCY))
            .isInstanceOf(UnitException.class)
            .hasMessage("Poisson: rate: malformed power in '5 ms^x'; write an integer, e.g. 'ms^-1' or 'cm^2'");
    }

    @Test
    void requireShouldAcceptAQuantityOfTheExpectedDimension()
    {
        assertThat(Units.require("LIF", "tauM", Quantity.of(0.02, "s"), Dimension.TIME)).isEqualTo(20.0);
    }

    @Test
    void requireShouldRejectAQuantityOfAnotherDimensionWithItsCanonicalForm()
    {
        assertThatThrownBy(() -> Units.require("LIF", "tauM", Quantity.of(0.005, "V"), Dimension.TIME))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tauM must be a time (e.g. 20 ms), got '5 mV' (a voltage)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DIMENSIONLESS | 1",
        "TIME          | ms",
        "VOLTAGE       | mV",
        "CONDUCTANCE   | nS",
        "CURRENT       | pA",
        "CAPACITANCE   | pF",
        "CONCENTRATION | mM",
        "FREQUENCY     | Hz",
        "RESISTANCE    | Gohm",
        "LENGTH        | um",
        "CHARGE        | fC",
        "TEMPERATURE   | K",
    })
    void canonicalUnitNameOfANamedDimensionShouldBeItsEngineUnit(final String dimension, final String name)
        throws Exception
    {
        assertThat(Units.canonicalUnitName(named(dimension))).isEqualTo(name);
    }

    @Test
    void canonicalUnitNameOfAnUnnamedDimensionShouldBeACoherentProduct()
    {
        assertThat(Units.canonicalUnitName(Dimension.VOLTAGE.divide(Dimension.TIME))).isEqualTo("mV/ms");
        assertThat(Units.canonicalUnitName(Dimension.CURRENT.divide(Dimension.TIME))).isEqualTo("pA/ms");
        assertThat(Units.canonicalUnitName(Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE))).isEqualTo("pA/mV^2");
        assertThat(Units.canonicalUnitName(Dimension.TIME.pow(-2))).isEqualTo("1/ms^2");
        assertThat(Units.canonicalUnitName(Dimension.LENGTH.pow(2))).isEqualTo("um^2");
        assertThat(Units.canonicalUnitName(Dimension.CONCENTRATION.multiply(Dimension.FREQUENCY)))
            .isEqualTo("mM/ms");
    }

    @ParameterizedTest
    @CsvSource({
        "0,      0.1,   0",
        "0.1,    0.1,   1",
        "1,      0.1,   10",
        "0.3,    0.1,   3",
        "2,      0.025, 80",
        "1.5,    0.5,   3",
        "1000,   0.01,  100000",
        "5,      1,     5",
    })
    void wholeNumberOfStepsShouldBeExactWithoutRounding(final double duration, final double dt, final int steps)
    {
        assertThat(Units.toSteps("LIF", "tRef", duration, dt, false)).isEqualTo(steps);
    }

    @ParameterizedTest
    @CsvSource({
        "0.25,   0.1,   3",
        "0.24,   0.1,   2",
        "0.06,   0.1,   1",
        "0.05,   0.1,   1",
        "1.0001, 0.1,   10",
    })
    void durationBetweenStepsShouldRoundHalfUpWhenAllowed(final double duration, final double dt, final int steps)
    {
        assertThat(Units.toSteps("LIF", "tRef", duration, dt, true)).isEqualTo(steps);
    }

    @Test
    void durationBetweenStepsShouldBeRejectedWithTheOptionsWhenRoundingIsNotAllowed()
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", 0.25, 0.1, false))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tRef=0.25 ms is not a whole number of time steps dt=0.1 ms (2.5 steps); "
                + "use a multiple of dt, change dt, or allow rounding to 3 steps (0.3 ms)");
    }

    @Test
    void roundingHintShouldUseTheSingularForOneStep()
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", 0.06, 0.1, false))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tRef=0.06 ms is not a whole number of time steps dt=0.1 ms (0.6 steps); "
                + "use a multiple of dt, change dt, or allow rounding to 1 step (0.1 ms)");
    }

    @Test
    void durationWithinAMillionthOfAStepShouldCountAsWhole()
    {
        assertThat(Units.toSteps("Delay", "d", 1.5 + 0.9e-7, 0.1, false)).isEqualTo(15);
        assertThatThrownBy(() -> Units.toSteps("Delay", "d", 1.5 + 1.1e-7, 0.1, false))
            .isInstanceOf(UnitException.class)
            .hasMessageStartingWith("Delay: d=1.50000011 ms is not a whole number of time steps dt=0.1 ms (");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void positiveDurationShorterThanHalfAStepShouldBeRejected(final boolean allowRounding)
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", 0.04, 0.1, allowRounding))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tRef=0.04 ms is shorter than one time step dt=0.1 ms; "
                + "set it to 0, make it at least dt, or use a smaller dt");
    }

    @Test
    void negativeDurationShouldBeRejected()
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", -1, 0.1, true))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tRef must be >= 0 ms and finite, got tRef=-1 ms");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void nonFiniteDurationShouldBeRejected(final double duration)
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", duration, 0.1, true))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tRef must be >= 0 ms and finite, got tRef=" + duration + " ms");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, Double.NaN})
    void nonPositiveStepShouldBeRejected(final double dt)
    {
        assertThatThrownBy(() -> Units.toSteps("LIF", "tRef", 1, dt, true))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("LIF: dt must be > 0 ms and finite, got dt=");
    }

    @Test
    void durationOfMoreThanIntMaxStepsShouldBeRejected()
    {
        assertThatThrownBy(() -> Units.toSteps("Run", "duration", 1e12, 0.1, true))
            .isInstanceOf(UnitException.class)
            .hasMessage("Run: duration=1000000000000 ms is too long: more than 2147483647 steps of dt=0.1 ms");
    }

    @Property
    void multipleOfDtShouldConvertToExactlyThatManySteps(
        @ForAll @IntRange(min = 0, max = 100_000_000) final int steps,
        @ForAll("timeSteps") final double dt)
    {
        assertThat(Units.toSteps("Delay", "d", steps * dt, dt, false)).isEqualTo(steps);
    }

    @Property
    void roundingShouldGiveTheNearestStep(
        @ForAll @IntRange(min = 1, max = 10_000_000) final int steps,
        @ForAll @DoubleRange(min = -0.49, max = 0.49) final double offset,
        @ForAll("timeSteps") final double dt)
    {
        assertThat(Units.toSteps("Delay", "d", (steps + offset) * dt, dt, true)).isEqualTo(steps);
    }

    @Provide
    Arbitrary<Double> timeSteps()
    {
        return Arbitraries.of(0.1, 0.05, 0.025, 0.01, 0.2, 0.0625, 1.0 / 3.0, 1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20         | 20",
        "-65        | -65",
        "0.30000000000000004 | 0.3",
        "0.1        | 0.1",
        "1e-4       | 0.0001",
        "1.5e-5     | 0.000015",
        "1e-6       | 0.000001",
        "1e-7       | 1E-7",
        "1e15       | 1E+15",
        "123456.789 | 123456.789",
        "0          | 0",
        "-0.0       | 0",
    })
    void formatShouldDropTrailingZerosAndRoundingNoise(final double value, final String text)
    {
        assertThat(Units.format(value)).isEqualTo(text);
    }

    @Test
    void formatShouldKeepNonFiniteValuesReadable()
    {
        assertThat(Units.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Units.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    private static Dimension named(final String constant) throws ReflectiveOperationException
    {
        return (Dimension) Dimension.class.getField(constant).get(null);
    }
}
