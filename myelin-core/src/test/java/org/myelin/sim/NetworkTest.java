package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myelin.input.PoissonGroup;
import org.myelin.input.PoissonInput;
import org.myelin.neuron.Lif;
import org.myelin.output.Cuba;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class NetworkTest
{
    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1})
    void shouldRejectANonPositiveTimeStep(final double dt)
    {
        assertThatThrownBy(() -> new Network(dt, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Network: dt must be > 0 ms and finite, got dt=" + (dt == 0 ? "0" : "-0.1") + " ms");
    }

    @Test
    void shouldRejectAnInfiniteOrNaNTimeStep()
    {
        assertThatThrownBy(() -> new Network(Double.POSITIVE_INFINITY, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Network: dt must be > 0 ms and finite, got dt=Infinity ms");
        assertThatThrownBy(() -> new Network(Double.NaN, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("Network: dt must be > 0 ms and finite, got dt=NaN ms");
    }

    @Test
    void shouldRejectADuplicatePopulationName()
    {
        final Network net = new Network(0.1, 1);
        net.add(new Lif("E", 10, Lif.Parameters.defaults()));

        assertThatThrownBy(() -> net.add(new PoissonGroup("E", 5, 10)))
            .isInstanceOf(ModelException.class)
            .hasMessage("population 'E': the name is already used in this network");
        assertThat(net.populations()).hasSize(1);
    }

    @Test
    void shouldRejectAnInputOrMonitorOnAPopulationOutsideTheNetwork()
    {
        final Network net = new Network(0.1, 1);
        net.add(new Lif("E", 10, Lif.Parameters.defaults()));
        final Lif stranger = new Lif("X", 3, Lif.Parameters.defaults());

        assertThatThrownBy(() -> net.add(new PoissonInput("in", stranger, 10, 5, new Exponential(5), new Cuba(),
            "ge", 1)))
            .isInstanceOf(ModelException.class)
            .hasMessage("a projection or input targets 'X', which is not in this network; add the population first");
        assertThatThrownBy(() -> net.monitorSpikes(stranger))
            .isInstanceOf(ModelException.class)
            .hasMessage("cannot monitor 'X': it is not in this network");
        assertThatThrownBy(() -> net.monitorState(stranger, "v", new int[] {0}, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("cannot monitor 'X': it is not in this network");
    }

    @Test
    void shouldFindPopulationsByNameAndCountNeurons()
    {
        final Network net = new Network(0.25, 99);
        final Lif e = net.add(new Lif("E", 10, Lif.Parameters.defaults()));
        final PoissonGroup p = net.add(new PoissonGroup("P", 5, 10));

        assertThat(net.population("P")).isSameAs(p);
        assertThat(net.population("E")).isSameAs(e);
        assertThat(net.neuronCount()).isEqualTo(15);
        assertThat(net.dt()).isEqualTo(0.25);
        assertThat(net.seed()).isEqualTo(99);
        assertThatThrownBy(() -> net.population("I"))
            .isInstanceOf(ModelException.class)
            .hasMessage("no population named 'I'; known: [E, P]");
    }
}
