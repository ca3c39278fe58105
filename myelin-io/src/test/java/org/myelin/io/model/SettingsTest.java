package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.neuron.Lif;
import org.myelin.util.ModelException;

/** Values of a model file's YAML tree replaced from outside the file ({@code --set PATH=VALUE}). */
class SettingsTest
{
    /** Two populations sharing their parameters through an anchor, a projection list with a merge key. */
    static final String SHARED = """
        duration: 10 ms
        populations:
          E:
            model: LIF
            size: 4
            parameters: &lif {tauM: 20 ms, tRef: 2 ms}
          I:
            model: LIF
            size: 2
            parameters: *lif
        projections:
          - &base
            name: E->I
            source: E
            target: I
            connectivity: {model: AllToAll}
            synapse: {model: Exponential, tau: 5 ms}
            output: {model: COBA, eRev: 0 mV}
            weight: 1 nS
          - <<: *base
            name: I->E
            source: I
            target: E
        """;

    static ModelFile load(final String text, final String... pathsAndValues)
    {
        final Map<String, String> settings = new LinkedHashMap<>();
        for (int k = 0; k < pathsAndValues.length; k += 2)
        {
            settings.put(pathsAndValues[k], pathsAndValues[k + 1]);
        }
        return new ModelLoader(Catalog.standard(), new ModelLoader.Overrides(null, null, null, null, false, settings))
            .load("m.yaml", "m", text);
    }

    private static Lif.Parameters parameters(final ModelFile model, final String population)
    {
        return ((Lif) model.network().population(population)).parameters();
    }

    @Test
    void replacesAValueWithItsUnitAndLeavesTheAnchorsOtherUseAlone()
    {
        final ModelFile model = load(SHARED, "populations.E.parameters.tauM", "0.015 s");
        assertThat(parameters(model, "E").tauM()).isEqualTo(15.0, offset(1e-12));
        assertThat(parameters(model, "I").tauM()).isEqualTo(20.0, offset(1e-12));
        assertThat(parameters(model, "E").tRef()).isEqualTo(2.0, offset(1e-12));
    }

    @Test
    void reachesListItemsByNameOrIndexAndKeysMergedIn()
    {
        final ModelFile byName = load(SHARED, "projections.I->E.target", "I", "populations.I.size", "3");
        assertThat(byName.network().projections().get(1).target().name()).isEqualTo("I");
        assertThat(byName.network().population("I").size()).isEqualTo(3);
        final ModelFile byIndex = load(SHARED, "projections.0.source", "I");
        assertThat(byIndex.network().projections().get(0).source().name()).isEqualTo("I");
    }

    @Test
    void replacesTopLevelValuesAndWholeMappings()
    {
        final ModelFile model = load(SHARED, "duration", "25 ms", "populations.I.parameters", "{tauM: 30 ms}");
        assertThat(model.durationMs()).isEqualTo(25.0, offset(1e-12));
        assertThat(parameters(model, "I").tauM()).isEqualTo(30.0, offset(1e-12));
        assertThat(parameters(model, "E").tauM()).isEqualTo(20.0, offset(1e-12));
    }

    @Test
    void anUnknownKeyNamesThePathAndTheKeysThere()
    {
        assertThatThrownBy(() -> load(SHARED, "populations.X.parameters.tauM", "15 ms"))
            .isInstanceOf(ModelException.class)
            .hasMessage("--set populations.X.parameters.tauM: no key 'X' at populations; keys there: E, I");
        assertThatThrownBy(() -> load(SHARED, "population.E", "1"))
            .hasMessage("--set population.E: no key 'population' at the top level; keys there: duration, "
                + "populations, projections");
    }

    @Test
    void anUnknownListItemNamesTheItemsThere()
    {
        assertThatThrownBy(() -> load(SHARED, "projections.E->E.weight", "2 nS"))
            .hasMessage("--set projections.E->E.weight: no item 'E->E' in the list at projections; items there "
                + "(by name or index from 0): E->I, I->E");
        assertThatThrownBy(() -> load(SHARED, "projections.2.weight", "2 nS"))
            .hasMessageContaining("no item '2' in the list at projections");
    }

    @Test
    void aPathThroughASingleValueOrMalformedIsRefused()
    {
        assertThatThrownBy(() -> load(SHARED, "duration.unit", "ms"))
            .hasMessage("--set duration.unit: duration is a single value ('10 ms'), it has no key 'unit'");
        assertThatThrownBy(() -> load(SHARED, "populations..size", "3"))
            .hasMessageContaining("the path must be keys separated by dots");
        assertThatThrownBy(() -> load(SHARED, "populations.E.size", "[1, 2"))
            .hasMessageStartingWith("--set populations.E.size=[1, 2: malformed value");
    }

    @Test
    void aReplacedValueIsCheckedLikeTheFilesOwn()
    {
        // located by the option and path that gave the value, not by a line of the file
        assertThatThrownBy(() -> load(SHARED, "populations.E.parameters.tauM", "15 mV"))
            .isInstanceOf(ModelException.class).hasMessage("--set populations.E.parameters.tauM: LIF: tauM must be "
                + "a time (e.g. 20 ms), got '15 mV' (a voltage)");
        assertThatThrownBy(() -> load(SHARED, "populations.E.parameters", "{taum: 1 ms}"))
            .hasMessageStartingWith("--set populations.E.parameters: LIF: unknown parameter 'taum'; did you mean "
                + "'tauM'?");
        // a value of the file next to a replaced one keeps its line and column
        assertThatThrownBy(() -> load(SHARED.replace("tRef: 2 ms", "tRef: 2 mV"), "populations.E.size", "5"))
            .hasMessageStartingWith("m.yaml:6:").hasMessageContaining(": LIF: tRef must be a time");
        assertThat(parameters(load(SHARED), "E").tauM()).isEqualTo(20.0, offset(1e-12));
    }
}
