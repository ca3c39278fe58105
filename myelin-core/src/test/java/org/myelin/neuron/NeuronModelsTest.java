package org.myelin.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.base.Integrator;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.util.ModelException;

class NeuronModelsTest
{

    static java.util.List<String> models()
    {
        return NeuronModels.names();
    }

    @Test
    void shouldListTheWholeCatalogue()
    {
        assertThat(NeuronModels.names()).containsExactly(
            "lif", "if", "alif", "expif", "adex", "quaif", "adquaif", "gif", "izhikevich", "hh", "traubmiles");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyModelShouldBuildWithItsDefaultsAndRestWithoutInput(final String key)
    {
        final NeuronModels.Model<?> model = NeuronModels.get(key);
        final Network net = new Network(0.1, 1);
        final NeuronGroup group = net.add(model.create("pop", 4, Map.of()));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(100);
        assertThat(spikes.size()).as(key).isZero();
        assertThat(group.stateVariables().get(0)).isEqualTo("v");
        assertThat(model.parameterNames()).isEqualTo(java.util.List.copyOf(model.defaults().keySet()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyStateVariableOfEveryModelShouldBeCheckedForNaNAndInfinity(final String key)
    {
        final Network net = new Network(0.1, 1);
        final NeuronGroup group = net.add(NeuronModels.get(key).create("pop", 5, Map.of()));
        new Simulation(net, 1);
        for (final String variable : group.stateVariables())
        {
            final double[] values = group.state(variable);
            final double saved = values[3];
            values[3] = variable.equals("v") ? Double.NaN : Double.POSITIVE_INFINITY;
            assertThatThrownBy(() -> group.checkFinite(0, 5, 12.5))
                .isInstanceOf(ModelException.class)
                .hasMessage(group.kind() + " 'pop': state " + variable + " became " + values[3]
                    + " at neuron 3, t = 12.500 ms; check the parameters or use a smaller dt");
            values[3] = saved;
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyParameterShouldHaveAParsableUnitAndBeValidatedInThatUnit(final String key)
    {
        final NeuronModels.Model<?> model = NeuronModels.get(key);
        for (final String name : model.parameterNames())
        {
            final String unit = model.unit(name);
            org.myelin.units.Unit.parse(unit);
            final String suffix = "1".equals(unit) ? "" : " " + unit;
            assertThatThrownBy(() -> model.create("p", 1, Map.of(name, Double.NaN)))
                .as("%s.%s", key, name)
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("%s.%s", key, name)
                    .startsWith(model.kind() + ": " + name + " must be ")
                    .endsWithIgnoringCase(", got " + name + "=NaN" + suffix));
        }
    }

    @Test
    void quantitiesShouldBeConvertedIntoTheUnitOfTheModel()
    {
        assertThat(NeuronModels.get("adex").parse("tauW", "0.144 s")).isCloseTo(144, within(1e-9));
        assertThat(NeuronModels.get("adex").parse("a", "4 nS")).isCloseTo(4, within(1e-12));
        assertThat(NeuronModels.get("hh").parse("gNa", "1.2 nS/um^2")).isCloseTo(120, within(1e-9));
        assertThat(NeuronModels.get("hh").parse("cM", "1 uF/cm^2")).isCloseTo(1, within(1e-12));
        assertThat(NeuronModels.get("gif").parse("k1", "200 Hz")).isCloseTo(0.2, within(1e-12));
        assertThat(NeuronModels.get("lif").parse("r", "100 Mohm")).isCloseTo(0.1, within(1e-12));
        assertThatThrownBy(() -> NeuronModels.get("adex").parse("tauW", "5 mV"))
            .isInstanceOf(org.myelin.units.UnitException.class)
            .hasMessageStartingWith("AdEx: tauW must be a time");
        assertThatThrownBy(() -> NeuronModels.get("adex").unit("tau"))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("AdEx: unknown parameter 'tau'; known: [cM,");
    }

    @Test
    void lifShouldRunTheExplicitMethodsOnTheGeneralPathAndOnlyEulerAndExactOnTheVectorLoop()
    {
        final Lif.Parameters rk4 = new Lif.Parameters(-60, -50, -60, 20, 1, 0, 0, Integrator.RK4);
        assertThatThrownBy(() -> new Lif("p", 2, rk4))
            .isInstanceOf(ModelException.class)
            .hasMessage("LIF 'p': the vector loop integrates by exact or euler, got integrator=RK4; "
                + "HeterogeneousLif (NeuronModels 'lif') takes every method");
        for (final Integrator i : Integrator.values())
        {
            final NeuronGroup g = NeuronModels.get("lif").create("p", 2, Map.of(), Map.of(), i);
            assertThat(g).as(i.name()).isInstanceOf(Lif.vectorised(i) ? Lif.class : HeterogeneousLif.class);
        }
        assertThat(Lif.vectorised(Integrator.EULER) && Lif.vectorised(Integrator.EXACT)).isTrue();
        assertThat(Lif.vectorised(Integrator.RK2) || Lif.vectorised(Integrator.EXPONENTIAL_EULER)).isFalse();
    }

    @Test
    void aStateThatBlowsUpShouldStopTheRunNamingPopulationVariableNeuronAndTime()
    {
        // forward Euler at dt = 0.4 ms is stable for Hodgkin–Huxley at rest but not for the fast
        // sodium gate during a spike: neurons 0 and 1 rest, neuron 2 is driven and blows up
        final HodgkinHuxley.Parameters p = HodgkinHuxley.Parameters.defaults().with(Integrator.EULER);
        final Network net = new Network(0.4, 1);
        net.add(new HodgkinHuxley("axon", 3, PerNeuron.of("HH", p).with("iExt", 0, 0, 50)));
        final Simulation sim = new Simulation(net, 1);
        assertThatThrownBy(() -> sim.run(1000))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("HH 'axon': state ")
            .hasMessageContaining(" at neuron 2, t = ")
            .hasMessageEndingWith(" ms; check the parameters or use a smaller dt");
    }

    @Test
    void unknownModelsAndParametersShouldBeNamedWithTheKnownOnes()
    {
        assertThatThrownBy(() -> NeuronModels.get("adx"))
            .isInstanceOf(ModelException.class)
            .hasMessage("unknown neuron model 'adx'; known: [lif, if, alif, expif, adex, quaif, adquaif, gif, "
                + "izhikevich, hh, traubmiles]");
        assertThatThrownBy(() -> NeuronModels.get("AdEx").create("e", 1, Map.of("tauWW", 10.0)))
            .isInstanceOf(ModelException.class)
            .hasMessage("AdEx: unknown parameter 'tauWW'; known: [cM, gL, eL, vT, deltaT, vPeak, vReset, tauW, a, b, "
                + "tRef, iExt]");
        assertThatThrownBy(() -> NeuronModels.get("adex").create("e", 1, Map.of("tauW", -1.0)))
            .isInstanceOf(ModelException.class)
            .hasMessage("AdEx: tauW must be > 0 ms and finite, got tauW=-1 ms");
    }

    @Test
    void registryShouldApplyParametersAndIntegrator()
    {
        final NeuronGroup g = NeuronModels.get("izhikevich").create("i", 2,
            PerNeuron.toMap(Izhikevich.Preset.CHATTERING.parameters()), Map.of("iExt", new double[] {5, 10}),
            Integrator.RK2);
        final Izhikevich izh = (Izhikevich) g;
        assertThat(izh.parameters().c()).isEqualTo(-50);
        assertThat(izh.integrator()).isEqualTo(Integrator.RK2);
        assertThat(NeuronModels.get("hh").defaultIntegrator()).isEqualTo(Integrator.EXPONENTIAL_EULER);
        assertThatThrownBy(() -> NeuronModels.get("quaif").create("q", 1, Map.of(), Map.of(), Integrator.EXACT))
            .isInstanceOf(ModelException.class)
            .hasMessage("QuaIF: integrator must be one of [EULER, EXPONENTIAL_EULER, RK2, RK4], got integrator=EXACT");
    }

    @Test
    void perNeuronValuesShouldBeValidatedWithTheScalarRuleAndTheNeuronIndex()
    {
        final PerNeuron<ExpIf.Parameters> values = PerNeuron.of("ExpIF", ExpIf.Parameters.defaults())
            .with("tauM", 10, 12, -3, 8);
        assertThatThrownBy(() -> new ExpIf("e", 4, values))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExpIF: tauM must be > 0 ms and finite, got tauM=-3 ms (neuron 2)");
        assertThatThrownBy(() -> new ExpIf("e", 3, values))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExpIF: tauM must have one value per neuron (3), got 4 values");
        // relations are checked with each neuron's own values
        final PerNeuron<ExpIf.Parameters> pairs = PerNeuron.of("ExpIF", ExpIf.Parameters.defaults())
            .with("vReset", -70, -40).with("vTh", -30, -45);
        assertThatThrownBy(() -> new ExpIf("e", 2, pairs))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExpIF: vReset must be < vTh, got vReset=-40 mV, vTh=-45 mV (neuron 1)");
        assertThatThrownBy(() -> PerNeuron.of("ExpIF", ExpIf.Parameters.defaults()).with("tau", 1.0))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExpIF: unknown parameter 'tau'; known: [vRest, vReset, vTh, vT, deltaT, tauM, r, tRef, iExt]");
    }

    @Test
    void adaptiveThresholdShouldRiseByBetaPerSpikeAndDecayExactly()
    {
        final Alif.Parameters p = new Alif.Parameters(-60, -50, -60, 20, 1, 100, 2, 0, 30, Integrator.EXACT);
        final Network net = new Network(0.1, 1);
        final Alif alif = net.add(new Alif("a", 1, p));
        final SpikeMonitor spikes = net.monitorSpikes(alif);
        new Simulation(net, 1).run(300);
        final long[] steps = spikes.spikeSteps(0);
        assertThat(steps.length).isGreaterThan(5);
        // a = Σ over spikes of e^{−(t − t_k)/τa}, exactly, with t_k the end of the spike's step
        double expected = 0;
        for (final long s : steps)
        {
            expected += Math.exp(-(300 - (s + 1) * 0.1) / 100);
        }
        assertThat(alif.state("a")[0]).isCloseTo(expected, within(1e-9));
        // intervals lengthen as the threshold rises
        assertThat(steps[steps.length - 1] - steps[steps.length - 2]).isGreaterThan(steps[1] - steps[0]);
    }

    @ParameterizedTest
    @MethodSource("referenceCases")
    void modelsShouldMatchTheirEquationsIntegratedByHandOnAFineGrid(final ReferenceCase c)
    {
        final Network net = new Network(0.1, 1);
        final NeuronGroup group = net.add(NeuronModels.get(c.key()).create("n", 1, c.parameters()));
        final SpikeMonitor spikes = net.monitorSpikes(group);
        new Simulation(net, 1).run(c.duration());
        final double[] ref = FineReference.run(c.rhs(), c.y0(), 0.001, c.duration(), c.vTh(), c.reset(), c.tRef())
            .times();
        final long[] steps = spikes.spikeSteps(0);
        assertThat(ref.length).as("reference spikes").isGreaterThan(3);
        assertThat(steps.length).isCloseTo(ref.length, within(1));
        for (int k = 0; k < Math.min(3, ref.length); k++)
        {
            assertThat(steps[k] * 0.1 + 0.05).as("spike %d", k).isCloseTo(ref[k], within(0.25));
        }
    }

    record ReferenceCase(String key, Map<String, Double> parameters, double duration, FineReference.Rhs rhs,
        double[] y0, double vTh, FineReference.Reset reset, double tRef)
    {
        @Override
        public String toString()
        {
            return key;
        }
    }

    static java.util.List<ReferenceCase> referenceCases()
    {
        final Gif.Parameters g = Gif.Parameters.defaults();
        final double gifCurrent = 1500;
        final ReferenceCase gif = new ReferenceCase("gif", Map.of("iExt", gifCurrent, "a1", 10.0, "a2", -0.6), 200,
            (y, dy) ->
            {
                // y = v, i1, i2, θ
                dy[0] = (g.vRest() - y[0] + g.r() * (y[1] + y[2] + gifCurrent)) / g.tauM();
                dy[1] = -g.k1() * y[1];
                dy[2] = -g.k2() * y[2];
                dy[3] = g.a() * (y[0] - g.vRest()) - g.b() * (y[3] - g.thetaInf());
            }, new double[] {g.vRest(), 0, 0, g.thetaInf()}, Double.NaN, null, 0);
        final AdQuaIf.Parameters q = AdQuaIf.Parameters.defaults();
        final ReferenceCase adquaif = new ReferenceCase("adquaif", Map.of("iExt", 40.0), 200,
            (y, dy) ->
            {
                dy[0] = (q.c() * (y[0] - q.vRest()) * (y[0] - q.vC()) + q.r() * (40.0 - y[1])) / q.tauM();
                dy[1] = (q.a() * (y[0] - q.vRest()) - y[1]) / q.tauW();
            }, new double[] {q.vRest(), 0}, q.vTh(), y ->
            {
                y[0] = q.vReset();
                y[1] += q.b();
            }, 0);
        return java.util.List.of(gifReference(gif, g), adquaif);
    }

    /** GIF spikes on v crossing the moving threshold θ: reference in the variable v − θ. */
    private static ReferenceCase gifReference(final ReferenceCase c, final Gif.Parameters g)
    {
        final double a1 = 10.0;
        final double a2 = -0.6;
        final FineReference.Rhs shifted = (y, dy) ->
        {
            // y[0] = v − θ, y[3] = θ
            final double[] x = {y[0] + y[3], y[1], y[2], y[3]};
            final double[] dx = new double[4];
            c.rhs().f(x, dx);
            dy[0] = dx[0] - dx[3];
            dy[1] = dx[1];
            dy[2] = dx[2];
            dy[3] = dx[3];
        };
        final FineReference.Reset reset = y ->
        {
            final double theta = Math.max(g.thetaReset(), y[3]);
            y[1] = g.r1() * y[1] + a1;
            y[2] = g.r2() * y[2] + a2;
            y[0] = g.vReset() - theta;
            y[3] = theta;
        };
        return new ReferenceCase(c.key(), c.parameters(), c.duration(), shifted,
            new double[] {g.vRest() - g.thetaInf(), 0, 0, g.thetaInf()}, 0.0, reset, 0);
    }
}
