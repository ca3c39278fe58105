package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Integrator;
import org.myelin.units.UnitException;
import org.myelin.util.ModelException;

class NamedParametersTest
{
    @Test
    void shouldSetParametersByNameWithAnyUnitOfTheirDimension()
    {
        final Lif.Parameters p = Lif.Parameters.defaults().with("tauM", "10 ms").with("tRef", "0.002 s")
            .with("vTh", "-55 mV").with("integrator", "Euler");

        assertThat(p).isEqualTo(new Lif.Parameters(-60, -55, -60, 10, 1, 2, 0, Integrator.EULER));
        assertThat(Lif.Parameters.defaults().with("iExt", 20.0).with(Integrator.EULER))
            .isEqualTo(new Lif.Parameters(-60, -50, -60, 20, 1, 0, 20, Integrator.EULER));
        assertThat(AdEx.Parameters.defaults().with("cM", "0.281 nF").cM()).isCloseTo(281.0, within(1e-12));
    }

    @Test
    void shouldNameTheModelAndParameterOfABadValue()
    {
        final Lif.Parameters defaults = Lif.Parameters.defaults();

        assertThatThrownBy(() -> defaults.with("tauX", "10 ms"))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: unknown parameter 'tauX'; known: [vRest, vTh, vReset, tauM, r, tRef, iExt]");
        assertThatThrownBy(() -> defaults.with("tauX", 10.0))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: unknown parameter 'tauX'; known: [vRest, vTh, vReset, tauM, r, tRef, iExt]");
        assertThatThrownBy(() -> defaults.with("tauM", "10 mV"))
            .isInstanceOf(UnitException.class)
            .hasMessage("LIF: tauM must be a time (e.g. 20 ms), got '10 mV' (a voltage)");
        assertThatThrownBy(() -> defaults.with("tauM", "-1 ms"))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tauM must be > 0 ms and finite, got tauM=-1 ms");
        assertThatThrownBy(() -> defaults.with("integrator", "rk5"))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: unknown integrator 'rk5'; known: euler, exact, exponential_euler, rk2, rk4");
        assertThat(defaults.with(Integrator.RK4).integrator()).isEqualTo(Integrator.RK4);
    }

    static Iterable<String> models()
    {
        return NeuronModels.names();
    }

    /** Every parameter of every model, set by name to its default with its unit, gives the defaults back. */
    @ParameterizedTest
    @MethodSource("models")
    void everyParameterOfEveryModelShouldBeSettableByNameWithItsUnit(final String key)
    {
        final NeuronModels.Model<?> model = NeuronModels.get(key);
        final Record defaults = defaultsOf(model);
        for (final Map.Entry<String, Double> e : model.defaults().entrySet())
        {
            final String text = e.getValue() + " " + model.unit(e.getKey());
            assertThat(((NamedParameters<?>) defaults).with(e.getKey(), text)).as("%s %s", key, text).isEqualTo(defaults);
        }
    }

    private static Record defaultsOf(final NeuronModels.Model<?> model)
    {
        return PerNeuron.fromMap(model.kind(), switch (model.key())
        {
            case "lif" -> Lif.Parameters.defaults();
            case "if" -> IntegrateAndFire.Parameters.defaults();
            case "alif" -> Alif.Parameters.defaults();
            case "expif" -> ExpIf.Parameters.defaults();
            case "adex" -> AdEx.Parameters.defaults();
            case "quaif" -> QuaIf.Parameters.defaults();
            case "adquaif" -> AdQuaIf.Parameters.defaults();
            case "gif" -> Gif.Parameters.defaults();
            case "izhikevich" -> Izhikevich.Parameters.defaults();
            case "hh" -> HodgkinHuxley.Parameters.defaults();
            case "traubmiles" -> TraubMiles.Parameters.defaults();
            default -> throw new IllegalArgumentException(model.key());
        }, Map.of());
    }
}
