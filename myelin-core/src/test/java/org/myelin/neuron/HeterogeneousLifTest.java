package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myelin.connect.FixedProbability;
import org.myelin.input.PoissonGroup;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.StateMonitor;
import org.myelin.output.Cuba;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;
import org.myelin.util.ModelException;

class HeterogeneousLifTest
{
    private static final double DT = 0.1;
    private static final int STEPS = 3000;
    private static final int N = 3;

    /** The v traces and spike steps of one group. */
    private record Run(double[][] v, long[][] spikes)
    {
    }

    /** Runs the groups of one network side by side and records each one's v and spikes. */
    private static Run[] run(final boolean poissonInput, final NeuronGroup... groups)
    {
        final Network net = new Network(DT, 7);
        final PoissonGroup src = poissonInput ? net.add(new PoissonGroup("P", 20, 50.0)) : null;
        final StateMonitor[] vMon = new StateMonitor[groups.length];
        final SpikeMonitor[] sMon = new SpikeMonitor[groups.length];
        for (int g = 0; g < groups.length; g++)
        {
            final NeuronGroup group = net.add(groups[g]);
            if (src != null)
            {
                net.connect("P->" + g, src, group, new FixedProbability(1), new Exponential(5), new Cuba(), "ge", 3.0, 0);
            }
            final int[] all = new int[group.size()];
            for (int i = 0; i < all.length; i++)
            {
                all[i] = i;
            }
            vMon[g] = net.monitorState(group, "v", all, 1);
            sMon[g] = net.monitorSpikes(group);
        }
        new Simulation(net, 1).runSteps(STEPS, null);
        final Run[] out = new Run[groups.length];
        for (int g = 0; g < groups.length; g++)
        {
            final int size = groups[g].size();
            final double[][] v = new double[size][vMon[g].sampleCount()];
            final long[][] spikes = new long[size][];
            for (int i = 0; i < size; i++)
            {
                for (int s = 0; s < v[i].length; s++)
                {
                    v[i][s] = vMon[g].value(s, i);
                }
                spikes[i] = sMon[g].spikeSteps(i);
            }
            out[g] = new Run(v, spikes);
        }
        return out;
    }

    private static void assertSameNeuron(final Run actual, final int i, final Run expected, final int j)
    {
        assertThat(actual.spikes()[i]).isNotEmpty().containsExactly(expected.spikes()[j]);
        for (int s = 0; s < STEPS; s++)
        {
            assertThat(actual.v()[i][s]).as("neuron %d, step %d", i, s).isCloseTo(expected.v()[j][s], within(1e-12));
        }
    }

    private static Lif.Parameters params(final Integrator integrator)
    {
        return new Lif.Parameters(-60, -50, -65, 20, 1, 2, 0, integrator);
    }

    @Test
    void equalPerNeuronValuesShouldGiveLifsTracesAndSpikesUnderEulerWithSynapticInput()
    {
        final Lif.Parameters p = params(Integrator.EULER);
        final PerNeuron<Lif.Parameters> values = PerNeuron.of("LIF", p).with("vTh", -50, -50, -50)
            .with("tauM", 20, 20, 20);
        final Run[] runs = run(true, new Lif("fast", N, p), new HeterogeneousLif("general", N, values));
        for (int i = 0; i < N; i++)
        {
            assertSameNeuron(runs[1], i, runs[0], i);
        }
    }

    @Test
    void equalPerNeuronValuesShouldGiveLifsTracesAndSpikesUnderExactWithConstantCurrent()
    {
        final Lif.Parameters p = params(Integrator.EXACT).with("iExt", 14.0);
        final PerNeuron<Lif.Parameters> values = PerNeuron.of("LIF", p).with("iExt", 14, 14, 14);
        final Run[] runs = run(false, new Lif("fast", N, p), new HeterogeneousLif("general", N, values));
        for (int i = 0; i < N; i++)
        {
            assertSameNeuron(runs[1], i, runs[0], i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"EULER", "EXACT"})
    void eachNeuronWithItsOwnThresholdAndCurrentShouldMatchAScalarLifWithThoseValues(final Integrator integrator)
    {
        final double[] vTh = {-50, -54, -45};
        final double[] iExt = {14, 11, 25};
        final Lif.Parameters p = params(integrator);
        final HeterogeneousLif mixed = new HeterogeneousLif("mixed", N,
            PerNeuron.of("LIF", p).with("vTh", vTh).with("iExt", iExt));
        final NeuronGroup[] groups = new NeuronGroup[N + 1];
        groups[0] = mixed;
        for (int i = 0; i < N; i++)
        {
            groups[i + 1] = new Lif("own" + i, 1,
                new Lif.Parameters(-60, vTh[i], -65, 20, 1, 2, iExt[i], integrator));
        }
        final Run[] runs = run(false, groups);
        for (int i = 0; i < N; i++)
        {
            assertSameNeuron(runs[0], i, runs[i + 1], 0);
        }
    }

    @Test
    void exactIntegratorShouldFollowTheClosedFormWithATimeConstantPerNeuron()
    {
        // τm dv/dt = vRest − v + R·iExt from vRest: v(t) = v∞ + (vRest − v∞)·e^{−t/τm}, v∞ = vRest + R·iExt
        final double[] tauM = {5, 20, 50};
        final Lif.Parameters p = new Lif.Parameters(-70, 1000, -70, 20, 2, 0, 7.5, Integrator.EXACT);
        final Run run = run(false, new HeterogeneousLif("L", N, PerNeuron.of("LIF", p).with("tauM", tauM)))[0];
        final double vInf = -70 + 2 * 7.5;
        for (int i = 0; i < N; i++)
        {
            for (int s = 0; s < STEPS; s++)
            {
                final double expected = vInf + (-70 - vInf) * Math.exp(-s * DT / tauM[i]);
                assertThat(run.v()[i][s]).isCloseTo(expected, within(1e-11));
            }
        }
    }

    @Test
    void invalidValuesShouldNameTheNeuron()
    {
        final Lif.Parameters p = params(Integrator.EXACT);
        assertThatThrownBy(() -> new HeterogeneousLif("L", N, PerNeuron.of("LIF", p).with("tauM", 20, -5, 20)))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: tauM must be > 0 ms and finite, got tauM=-5 ms (neuron 1)");
        assertThatThrownBy(() -> new HeterogeneousLif("L", N, PerNeuron.of("LIF", p).with("vReset", -65, -65, -40)))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: vReset must be < vTh, got vReset=-40 mV, vTh=-50 mV (neuron 2)");
        assertThatThrownBy(() -> new HeterogeneousLif("L", N, PerNeuron.of("LIF", p).with("vTh", -50, -50)))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: vTh must have one value per neuron (3), got 2 values");
    }

    @Test
    void theRegistryShouldBuildTheVectorisedLifForScalarsAndTheGeneralPathForValuesPerNeuron()
    {
        final NeuronModels.Model<?> lif = NeuronModels.get("lif");
        final NeuronGroup scalar = lif.create("s", N, Map.of("vTh", -52.0));
        assertThat(scalar).isInstanceOf(Lif.class);
        assertThat(((Lif) scalar).parameters().vTh()).isEqualTo(-52.0);
        final NeuronGroup perNeuron = lif.create("p", N, Map.of("tauM", 10.0),
            Map.of("vTh", new double[] {-50, -51, -52}), Integrator.EULER);
        assertThat(perNeuron).isInstanceOf(HeterogeneousLif.class);
        final HeterogeneousLif general = (HeterogeneousLif) perNeuron;
        assertThat(general.kind()).isEqualTo("LIF");
        assertThat(general.integrator()).isEqualTo(Integrator.EULER);
        assertThat(general.parameters().tauM()).isEqualTo(10.0);
        assertThatThrownBy(() -> lif.create("p", N, Map.of(), Map.of("vReset", new double[] {-60, -49, -60}), null))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF: vReset must be < vTh, got vReset=-49 mV, vTh=-50 mV (neuron 1)");
    }
}
