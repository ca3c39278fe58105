package org.myelin.units;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DimensionTest
{
    @Test
    void namedDimensionsShouldObeyOhmsLawAndTheCapacitorEquation()
    {
        assertThat(Dimension.CURRENT.multiply(Dimension.RESISTANCE)).isEqualTo(Dimension.VOLTAGE);
        assertThat(Dimension.CONDUCTANCE.multiply(Dimension.VOLTAGE)).isEqualTo(Dimension.CURRENT);
        assertThat(Dimension.RESISTANCE.pow(-1)).isEqualTo(Dimension.CONDUCTANCE);
        assertThat(Dimension.CAPACITANCE.multiply(Dimension.VOLTAGE).divide(Dimension.TIME))
            .isEqualTo(Dimension.CURRENT);
        assertThat(Dimension.CURRENT.multiply(Dimension.TIME)).isEqualTo(Dimension.CHARGE);
        assertThat(Dimension.TIME.pow(-1)).isEqualTo(Dimension.FREQUENCY);
        assertThat(new Dimension(0, 0, 0, 0, 0, 1).divide(Dimension.LENGTH.pow(3))).isEqualTo(Dimension.CONCENTRATION);
    }

    @Test
    void onlyTheZeroDimensionShouldBeDimensionless()
    {
        assertThat(Dimension.DIMENSIONLESS.isDimensionless()).isTrue();
        assertThat(Dimension.TIME.divide(Dimension.TIME).isDimensionless()).isTrue();
        assertThat(Dimension.TIME.pow(0)).isEqualTo(Dimension.DIMENSIONLESS);
        assertThat(Dimension.FREQUENCY.isDimensionless()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "DIMENSIONLESS, dimensionless",
        "TIME,          time",
        "VOLTAGE,       voltage",
        "CURRENT,       current",
        "CONDUCTANCE,   conductance",
        "RESISTANCE,    resistance",
        "CAPACITANCE,   capacitance",
        "CHARGE,        charge",
        "CONCENTRATION, concentration",
        "FREQUENCY,     frequency",
        "LENGTH,        length",
        "TEMPERATURE,   temperature",
    })
    void namedDimensionShouldHaveItsNoun(final String constant, final String noun) throws Exception
    {
        final Dimension dimension = (Dimension) Dimension.class.getField(constant).get(null);

        assertThat(dimension.name()).isEqualTo(noun);
        assertThat(dimension).hasToString(noun);
    }

    @Test
    void unnamedDimensionShouldBeNamedAsAProductOfNamedOnes()
    {
        final Dimension area = Dimension.LENGTH.pow(2);

        assertThat(Dimension.VOLTAGE.divide(Dimension.TIME).name()).isEqualTo("voltage/time");
        assertThat(Dimension.CONDUCTANCE.divide(area).name()).isEqualTo("conductance/length^2");
        assertThat(Dimension.CURRENT.multiply(Dimension.TIME).divide(area).name()).isEqualTo("charge/length^2");
        assertThat(Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE).name()).isEqualTo("current/voltage^2");
        assertThat(area.name()).isEqualTo("length^2");
        assertThat(Dimension.TIME.pow(-2).name()).isEqualTo("1/time^2");
        assertThat(new Dimension(0, 0, 0, 0, 0, 1).name()).isEqualTo("concentration*length^3");
    }

    @Property
    void dividingByAFactorShouldUndoMultiplyingByIt(
        @ForAll(supplier = AnyDimension.class) final Dimension a,
        @ForAll(supplier = AnyDimension.class) final Dimension b)
    {
        assertThat(a.multiply(b).divide(b)).isEqualTo(a);
        assertThat(a.multiply(b)).isEqualTo(b.multiply(a));
    }

    @Property
    void powersShouldAddWhenMultiplied(
        @ForAll(supplier = AnyDimension.class) final Dimension a,
        @ForAll @IntRange(min = -4, max = 4) final int m,
        @ForAll @IntRange(min = -4, max = 4) final int n)
    {
        assertThat(a.pow(m).multiply(a.pow(n))).isEqualTo(a.pow(m + n));
    }

    /** Dimensions with every exponent in [-3, 3]. */
    static final class AnyDimension implements ArbitrarySupplier<Dimension>
    {
        @Override
        public Arbitrary<Dimension> get()
        {
            final Arbitrary<Integer> exponent = Arbitraries.integers().between(-3, 3);
            return Combinators.combine(exponent, exponent, exponent, exponent, exponent, exponent)
                .as(Dimension::new);
        }
    }
}
