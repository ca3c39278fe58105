package org.myelin.units;

import java.util.List;

/**
 * One row of the expected unit table shared by the tests: how a unit may be written, its ASCII
 * symbol, its dimension and its size in the canonical unit of that dimension.
 *
 * @param spelling        the text given to the parser.
 * @param symbol          the ASCII symbol the parser must return.
 * @param dimension       the dimension the parser must return.
 * @param canonicalFactor the value of one {@code spelling} in canonical units.
 */
record KnownUnit(String spelling, String symbol, Dimension dimension, double canonicalFactor)
{
    /** Every simple unit with every prefix and alternative spelling. */
    static final List<KnownUnit> SIMPLE = List.of(
        new KnownUnit("s", "s", Dimension.TIME, 1e3),
        new KnownUnit("ms", "ms", Dimension.TIME, 1),
        new KnownUnit("us", "us", Dimension.TIME, 1e-3),
        new KnownUnit("\u00b5s", "us", Dimension.TIME, 1e-3),
        new KnownUnit("\u03bcs", "us", Dimension.TIME, 1e-3),
        new KnownUnit("ns", "ns", Dimension.TIME, 1e-6),
        new KnownUnit("V", "V", Dimension.VOLTAGE, 1e3),
        new KnownUnit("mV", "mV", Dimension.VOLTAGE, 1),
        new KnownUnit("uV", "uV", Dimension.VOLTAGE, 1e-3),
        new KnownUnit("\u00b5V", "uV", Dimension.VOLTAGE, 1e-3),
        new KnownUnit("S", "S", Dimension.CONDUCTANCE, 1e9),
        new KnownUnit("mS", "mS", Dimension.CONDUCTANCE, 1e6),
        new KnownUnit("uS", "uS", Dimension.CONDUCTANCE, 1e3),
        new KnownUnit("\u00b5S", "uS", Dimension.CONDUCTANCE, 1e3),
        new KnownUnit("nS", "nS", Dimension.CONDUCTANCE, 1),
        new KnownUnit("pS", "pS", Dimension.CONDUCTANCE, 1e-3),
        new KnownUnit("A", "A", Dimension.CURRENT, 1e12),
        new KnownUnit("mA", "mA", Dimension.CURRENT, 1e9),
        new KnownUnit("uA", "uA", Dimension.CURRENT, 1e6),
        new KnownUnit("\u00b5A", "uA", Dimension.CURRENT, 1e6),
        new KnownUnit("nA", "nA", Dimension.CURRENT, 1e3),
        new KnownUnit("pA", "pA", Dimension.CURRENT, 1),
        new KnownUnit("F", "F", Dimension.CAPACITANCE, 1e12),
        new KnownUnit("uF", "uF", Dimension.CAPACITANCE, 1e6),
        new KnownUnit("\u00b5F", "uF", Dimension.CAPACITANCE, 1e6),
        new KnownUnit("nF", "nF", Dimension.CAPACITANCE, 1e3),
        new KnownUnit("pF", "pF", Dimension.CAPACITANCE, 1),
        new KnownUnit("C", "C", Dimension.CHARGE, 1e15),
        new KnownUnit("nC", "nC", Dimension.CHARGE, 1e6),
        new KnownUnit("pC", "pC", Dimension.CHARGE, 1e3),
        new KnownUnit("fC", "fC", Dimension.CHARGE, 1),
        new KnownUnit("M", "M", Dimension.CONCENTRATION, 1e3),
        new KnownUnit("mM", "mM", Dimension.CONCENTRATION, 1),
        new KnownUnit("uM", "uM", Dimension.CONCENTRATION, 1e-3),
        new KnownUnit("\u00b5M", "uM", Dimension.CONCENTRATION, 1e-3),
        new KnownUnit("mol", "mol", new Dimension(0, 0, 0, 0, 0, 1), 1e18),
        new KnownUnit("Hz", "Hz", Dimension.FREQUENCY, 1),
        new KnownUnit("kHz", "kHz", Dimension.FREQUENCY, 1e3),
        new KnownUnit("ohm", "ohm", Dimension.RESISTANCE, 1e-9),
        new KnownUnit("Ohm", "ohm", Dimension.RESISTANCE, 1e-9),
        new KnownUnit("\u03a9", "ohm", Dimension.RESISTANCE, 1e-9),
        new KnownUnit("\u2126", "ohm", Dimension.RESISTANCE, 1e-9),
        new KnownUnit("kohm", "kohm", Dimension.RESISTANCE, 1e-6),
        new KnownUnit("k\u03a9", "kohm", Dimension.RESISTANCE, 1e-6),
        new KnownUnit("Mohm", "Mohm", Dimension.RESISTANCE, 1e-3),
        new KnownUnit("MOhm", "Mohm", Dimension.RESISTANCE, 1e-3),
        new KnownUnit("M\u03a9", "Mohm", Dimension.RESISTANCE, 1e-3),
        new KnownUnit("Gohm", "Gohm", Dimension.RESISTANCE, 1),
        new KnownUnit("G\u03a9", "Gohm", Dimension.RESISTANCE, 1),
        new KnownUnit("m", "m", Dimension.LENGTH, 1e6),
        new KnownUnit("cm", "cm", Dimension.LENGTH, 1e4),
        new KnownUnit("mm", "mm", Dimension.LENGTH, 1e3),
        new KnownUnit("um", "um", Dimension.LENGTH, 1),
        new KnownUnit("\u00b5m", "um", Dimension.LENGTH, 1),
        new KnownUnit("K", "K", Dimension.TEMPERATURE, 1),
        new KnownUnit("1", "1", Dimension.DIMENSIONLESS, 1));

    /** Compound units, with powers, spaces and alternative operators. */
    static final List<KnownUnit> COMPOUND = List.of(
        new KnownUnit("mV/ms", "mV/ms", Dimension.VOLTAGE.divide(Dimension.TIME), 1),
        new KnownUnit("V/s", "V/s", Dimension.VOLTAGE.divide(Dimension.TIME), 1),
        new KnownUnit("nS/mV", "nS/mV", Dimension.CONDUCTANCE.divide(Dimension.VOLTAGE), 1),
        new KnownUnit("1/ms", "1/ms", Dimension.FREQUENCY, 1e3),
        new KnownUnit("/ms", "1/ms", Dimension.FREQUENCY, 1e3),
        new KnownUnit("ms^-1", "ms^-1", Dimension.FREQUENCY, 1e3),
        new KnownUnit("ms**-1", "ms^-1", Dimension.FREQUENCY, 1e3),
        new KnownUnit("ms\u207b\u00b9", "ms^-1", Dimension.FREQUENCY, 1e3),
        new KnownUnit("s^+1", "s", Dimension.TIME, 1e3),
        new KnownUnit("uA/cm^2", "uA/cm^2", Dimension.CURRENT.divide(Dimension.LENGTH.pow(2)), 0.01),
        new KnownUnit("\u00b5A / cm\u00b2", "uA/cm^2", Dimension.CURRENT.divide(Dimension.LENGTH.pow(2)), 0.01),
        new KnownUnit("mS/cm^2", "mS/cm^2", Dimension.CONDUCTANCE.divide(Dimension.LENGTH.pow(2)), 0.01),
        new KnownUnit("uF/cm^2", "uF/cm^2", Dimension.CAPACITANCE.divide(Dimension.LENGTH.pow(2)), 0.01),
        new KnownUnit("mol/m^3", "mol/m^3", Dimension.CONCENTRATION, 1),
        new KnownUnit("pA*ms", "pA*ms", Dimension.CHARGE, 1),
        new KnownUnit("pA\u00b7ms", "pA*ms", Dimension.CHARGE, 1),
        new KnownUnit("nS * mV", "nS*mV", Dimension.CURRENT, 1),
        new KnownUnit("mV/pA", "mV/pA", Dimension.RESISTANCE, 1),
        new KnownUnit("pF*mV/ms", "pF*mV/ms", Dimension.CURRENT, 1),
        new KnownUnit("um^2", "um^2", Dimension.LENGTH.pow(2), 1),
        new KnownUnit("cm\u00b2", "cm^2", Dimension.LENGTH.pow(2), 1e8),
        new KnownUnit("ms/ms", "ms/ms", Dimension.DIMENSIONLESS, 1),
        new KnownUnit("ms^0", "ms^0", Dimension.DIMENSIONLESS, 1));

    @Override
    public String toString()
    {
        return spelling;
    }
}
