package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.TwoStateKinetic.Kind;
import org.myelin.util.ModelException;

class SynapseModelsTest
{
    @Test
    void everyNameShouldBuildTheModelWithItsDefaults()
    {
        assertThat(SynapseModels.names())
            .containsExactly("Expon", "DualExpon", "Alpha", "Delta", "ExpCurrent", "AMPA", "GABAa", "NMDA");
        assertThat(SynapseModels.create("Expon")).isEqualTo(new Exponential());
        assertThat(SynapseModels.create("DualExpon")).isEqualTo(new DualExponential());
        assertThat(SynapseModels.create("Alpha")).isEqualTo(new Alpha());
        assertThat(SynapseModels.create("Delta")).isEqualTo(new Delta());
        assertThat(SynapseModels.create("ExpCurrent")).isEqualTo(new ExponentialCurrent());
        assertThat(SynapseModels.create("AMPA")).isEqualTo(TwoStateKinetic.ampa());
        assertThat(SynapseModels.create("GABAa")).isEqualTo(TwoStateKinetic.gabaA());
        assertThat(SynapseModels.create("NMDA")).isEqualTo(new Nmda());
        for (final String name : SynapseModels.names())
        {
            assertThat(SynapseModels.create(name).name()).isEqualTo(name);
        }
    }

    @Test
    void parametersAndOptionsShouldBeReadByName()
    {
        assertThat(SynapseModels.create("DualExpon", Map.of("tauDecay", 5.0, "tauRise", 0.5),
            Map.of("normalization", "charge")))
            .isEqualTo(new DualExponential(5, 0.5, 1, DualExponential.Normalization.CHARGE));
        assertThat(SynapseModels.create("AMPA", Map.of("T", 1.0, "gMax", 0.4)))
            .isEqualTo(new TwoStateKinetic(Kind.AMPA, 0.98, 0.18, 1.0, 0.5, 0.4));
        assertThat(SynapseModels.create("Delta", Map.of(), Map.of("target", "current")))
            .isEqualTo(new Delta(Delta.Target.CURRENT));
        assertThat(SynapseModels.parameters("NMDA")).containsExactly("tauDecay", "tauRise", "a", "gMax");
        assertThat(SynapseModels.options("DualExpon")).containsExactly("normalization", "integrator");
    }

    @Test
    void unknownNamesShouldListTheKnownOnes()
    {
        assertThatThrownBy(() -> SynapseModels.create("Exp2"))
            .isInstanceOf(ModelException.class)
            .hasMessage("unknown synapse model 'Exp2'; known: "
                + "[Expon, DualExpon, Alpha, Delta, ExpCurrent, AMPA, GABAa, NMDA]");
        assertThatThrownBy(() -> SynapseModels.create("DualExpon", Map.of("tau", 3.0)))
            .hasMessage("DualExpon: unknown parameter 'tau'; known: [tauDecay, tauRise, amplitude]");
        assertThatThrownBy(() -> SynapseModels.create("Alpha", Map.of("tauD", 3.0, "rise", 1.0)))
            .hasMessage("Alpha: unknown parameters [rise, tauD]; known: [tau]");
        assertThatThrownBy(() -> SynapseModels.create("Expon", Map.of(), Map.of("normalization", "peak")))
            .hasMessage("Expon: unknown option 'normalization'; known: [integrator]");
        assertThatThrownBy(() -> SynapseModels.create("DualExpon", Map.of(), Map.of("normalization", "max")))
            .hasMessage("DualExpon: normalization must be one of [peak, charge, none], got normalization=max");
        assertThatThrownBy(() -> SynapseModels.create("NMDA", Map.of("tauRise", -2.0)))
            .hasMessage("NMDA: tauRise must be > 0 ms and finite, got tauRise=-2 ms");
    }

    static java.util.stream.Stream<String> kernelModels()
    {
        // Delta with target voltage has no kernel of its own: it jumps v (DeltaTest)
        return SynapseModels.names().stream().filter(n -> !n.equals("Delta"));
    }

    @ParameterizedTest
    @MethodSource("kernelModels")
    void aReceptorInANetworkShouldFollowTheStandAloneKernel(final String name)
    {
        final double dt = 0.1;
        final SynapseModel model = SynapseModels.create(name);
        final Network net = new Network(dt, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 3, 40, 41));
        final Lif post = net.add(new Lif("post", 1, new Lif.Parameters(-60, 1000, -70, 20, 1, 0, 0, Integrator.EULER)));
        net.connect("src->post", src, post, new FixedProbability(1), model, new Cuba(), "syn", 0.8, 0);
        final String variable = post.stateVariables().contains("syn") ? "syn" : "syn.g";
        final StateMonitor g = net.monitorState(post, variable, new int[] {0}, 1);

        new Simulation(net, 1).runSteps(600, null);

        final double[] expected = SynapseKernels.response(model, dt, 600, 0.8, 3, 40, 41);
        // the monitor samples g at the start of a step; the kernel the value that drives the step
        for (int s = 1; s < 600; s++)
        {
            assertThat(g.value(s, 0)).as("step %d", s).isEqualTo(expected[s]);
        }
    }
}
