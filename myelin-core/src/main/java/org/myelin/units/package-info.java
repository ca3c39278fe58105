/**
 * Physical units: canonical inside the engine, checked at the edge.
 *
 * <p>The engine stores every state and parameter as a plain {@code double} in the canonical unit of
 * its dimension. Units are parsed and checked once, where the user writes a quantity (a model file,
 * a builder), with {@link org.myelin.units.Units#parse(String, String, String, Dimension)}; a wrong
 * dimension is a {@link org.myelin.units.UnitException} that names the owner, the parameter, the
 * unit given and the unit expected.
 *
 * <h2>Canonical units</h2>
 * <table>
 *   <caption>Canonical unit of each named dimension</caption>
 *   <tr><th>Dimension</th><th>Canonical unit</th><th>In SI</th></tr>
 *   <tr><td>time</td><td>ms</td><td>1e-3 s</td></tr>
 *   <tr><td>voltage</td><td>mV</td><td>1e-3 V</td></tr>
 *   <tr><td>conductance</td><td>nS</td><td>1e-9 S</td></tr>
 *   <tr><td>current</td><td>pA</td><td>1e-12 A</td></tr>
 *   <tr><td>capacitance</td><td>pF</td><td>1e-12 F</td></tr>
 *   <tr><td>resistance</td><td>Gohm (= mV/pA = 1/nS)</td><td>1e9 ohm</td></tr>
 *   <tr><td>charge</td><td>fC (= pA*ms)</td><td>1e-15 C</td></tr>
 *   <tr><td>concentration</td><td>mM (= mol/m^3)</td><td>1 mol/m^3</td></tr>
 *   <tr><td>frequency</td><td>Hz</td><td>1 /s</td></tr>
 *   <tr><td>length</td><td>um</td><td>1e-6 m</td></tr>
 *   <tr><td>temperature</td><td>K</td><td>1 K</td></tr>
 *   <tr><td>dimensionless</td><td>1</td><td>1</td></tr>
 * </table>
 *
 * <p>Canonical symbols are ASCII ({@code um}, {@code Gohm}) so that they survive any console, CSV
 * header or file name; the parser also accepts {@code µ}/{@code μ} for {@code u} and
 * {@code Ω} for {@code ohm}.
 *
 * <h2>Compound units</h2>
 * All canonical units except Hz belong to one coherent system, built on ms, um, pA and mV (which
 * fixes the mass unit at 1e-12 kg) and 1e-18 mol (so that 1 mol/m^3 = 1 mM). In that system
 * {@code nS * mV = pA}, {@code pF * mV / ms = pA} and {@code pA * ms = fC} hold with a factor of 1,
 * so model equations need no conversion factors. The canonical unit of any dimension without a
 * name is the product of these coherent units: for example {@code mV/ms} for a voltage rate,
 * {@code pA/um^2}, {@code nS/um^2} and {@code pF/um^2} for the area-specific current, conductance
 * and capacitance of Hodgkin-Huxley models (1 uA/cm^2 = 0.01 pA/um^2), and {@code 1/ms^2} for
 * time^-2.
 *
 * <p>Frequency is the single exception: its canonical unit is Hz, not the coherent 1/ms (kHz),
 * because rates of inputs and monitors are quoted in Hz. A rate written {@code 0.1 /ms} is
 * therefore stored as {@code 100} (Hz); a model that needs a rate per millisecond divides by 1000.
 *
 * <h2>Syntax</h2>
 * A quantity is a number, optional spaces or a {@code *}, then a unit expression (absent for a
 * dimensionless number): {@code 5 ms}, {@code -60mV}, {@code 1e-3 s}, {@code 5*ms},
 * {@code 2.5 mV/ms}, {@code 0.1 /ms}, {@code 10}. A unit expression is a sequence of symbols (or
 * {@code 1}) joined by {@code *} or {@code /}, read left to right, each with an optional integer
 * power written {@code ^n}, {@code **n} or in superscript: {@code ms^-1}, {@code uA/cm^2},
 * {@code cm²}. Parentheses are not supported.
 */
package org.myelin.units;
