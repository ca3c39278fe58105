package org.myelin.io.model;

import java.util.List;
import java.util.function.Function;

import org.myelin.plasticity.PresynapticState;

/**
 * A plasticity rule a projection can name ({@code plasticity: {model: STP, U: 0.15, tauF: 1500 ms}}).
 * The factory makes a new state for each projection, since the state belongs to it.
 *
 * @param name    the name in files.
 * @param params  the parameters.
 * @param factory builds the state.
 */
public record PlasticityType(String name, List<Param> params, Function<ParamValues, PresynapticState> factory)
    implements Registry.Named
{
}
