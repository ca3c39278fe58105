package org.myelin.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table of unit symbols: each base unit with the prefixes it accepts, expanded once into a map
 * from every accepted spelling to a {@link Unit} whose symbol is the ASCII spelling.
 */
final class UnitSymbols
{
    /** A base unit, its other spellings, its power of ten in SI and the prefixes it accepts. */
    private record Base(String symbol, List<String> aliases, Dimension dimension, int exponent10, String prefixes)
    {
    }

    /** SI prefixes used below, as character and power of ten. */
    private static final String PREFIX_SYMBOLS = "GMkcmunpf";
    private static final int[] PREFIX_EXPONENTS = {9, 6, 3, -2, -3, -6, -9, -12, -15};

    /** Spellings of the micro prefix besides {@code u}: micro sign and Greek small mu. */
    private static final List<String> MICRO_ALIASES = List.of("\u00b5", "\u03bc");

    private static final Dimension AMOUNT = new Dimension(0, 0, 0, 0, 0, 1);

    private static final List<Base> BASES = List.of(
        new Base("s", List.of(), Dimension.TIME, 0, "mun"),
        new Base("V", List.of(), Dimension.VOLTAGE, 0, "mu"),
        new Base("S", List.of(), Dimension.CONDUCTANCE, 0, "munp"),
        new Base("A", List.of(), Dimension.CURRENT, 0, "munp"),
        new Base("F", List.of(), Dimension.CAPACITANCE, 0, "unp"),
        new Base("C", List.of(), Dimension.CHARGE, 0, "npf"),
        new Base("M", List.of(), Dimension.CONCENTRATION, 3, "mu"),
        new Base("mol", List.of(), AMOUNT, 0, ""),
        new Base("Hz", List.of(), Dimension.FREQUENCY, 0, "k"),
        new Base("ohm", List.of("Ohm", "\u03a9", "\u2126"), Dimension.RESISTANCE, 0, "kMG"),
        new Base("m", List.of(), Dimension.LENGTH, 0, "cmu"),
        new Base("K", List.of(), Dimension.TEMPERATURE, 0, ""));

    /** Every accepted spelling, mapped to the unit with its ASCII symbol. */
    private static final Map<String, Unit> BY_SPELLING = new HashMap<>();

    /** ASCII symbols in table order, for messages. */
    private static final List<String> ASCII_SYMBOLS = new ArrayList<>();

    static
    {
        for (final Base base : BASES)
        {
            final List<String> baseSpellings = new ArrayList<>(base.aliases);
            baseSpellings.addFirst(base.symbol);
            register(base.symbol, baseSpellings, List.of(""), base.dimension, base.exponent10);
            for (final char prefix : base.prefixes.toCharArray())
            {
                final List<String> prefixSpellings = new ArrayList<>(List.of(String.valueOf(prefix)));
                if ('u' == prefix)
                {
                    prefixSpellings.addAll(MICRO_ALIASES);
                }
                final int exponent10 = base.exponent10 + PREFIX_EXPONENTS[PREFIX_SYMBOLS.indexOf(prefix)];
                register(prefix + base.symbol, baseSpellings, prefixSpellings, base.dimension, exponent10);
            }
        }
        ASCII_SYMBOLS.add(Unit.ONE.symbol());
    }

    /** How the message of an unknown symbol ends: the known units and the syntax. */
    static final String KNOWN_UNITS = "known units: " + String.join(", ", ASCII_SYMBOLS)
        + " (u may be written \u00b5, ohm may be written Ohm or \u03a9; join units with *, / and ^, "
        + "e.g. mV/ms or uA/cm^2)";

    private UnitSymbols()
    {
    }

    private static void register(
        final String symbol,
        final List<String> baseSpellings,
        final List<String> prefixSpellings,
        final Dimension dimension,
        final int exponent10)
    {
        final Unit unit = new Unit(symbol, dimension, exponent10);
        ASCII_SYMBOLS.add(symbol);
        for (final String prefix : prefixSpellings)
        {
            for (final String base : baseSpellings)
            {
                final Unit previous = BY_SPELLING.put(prefix + base, unit);
                if (null != previous)
                {
                    throw new IllegalStateException("unit symbol defined twice: " + prefix + base);
                }
            }
        }
    }

    /**
     * The unit written {@code spelling}, or null when there is none.
     *
     * @param spelling a symbol without powers, e.g. {@code "ms"} or {@code "µm"}.
     * @return the unit with its ASCII symbol, or null.
     */
    static Unit lookup(final String spelling)
    {
        return BY_SPELLING.get(spelling);
    }

    /**
     * ASCII symbols equal to {@code spelling} but for case, as a hint for a mistyped symbol.
     *
     * @param spelling an unknown symbol.
     * @return e.g. {@code "'ms' or 'mS'"}, or an empty string when nothing is close.
     */
    static String sameIgnoringCase(final String spelling)
    {
        return ASCII_SYMBOLS.stream()
            .filter(symbol -> symbol.equalsIgnoreCase(spelling))
            .map(symbol -> "'" + symbol + "'")
            .collect(Collectors.joining(" or "));
    }
}
