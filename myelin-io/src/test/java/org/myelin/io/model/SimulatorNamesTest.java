package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.input.PoissonGroup;
import org.myelin.input.SpikeGeneratorGroup;
import org.myelin.io.ModelFileException;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.AdEx;
import org.myelin.neuron.HeterogeneousLif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.TraubMiles;
import org.myelin.sim.Simulation;

/** NEST's and PyNN's model names stand for Myelin's models, with their parameter names and defaults. */
class SimulatorNamesTest
{
    /** The end of the message for an unknown neuron model. */
    static final String NEURON_ALIASES = " (and NEST/PyNN names: iaf_psc_exp, iaf_psc_alpha, iaf_psc_delta, "
        + "iaf_cond_exp, iaf_cond_alpha, IF_curr_exp, IF_curr_alpha, IF_cond_exp, IF_cond_alpha, aeif_cond_exp, "
        + "aeif_cond_alpha, aeif_psc_exp, aeif_psc_alpha, EIF_cond_exp_isfa_ista, EIF_cond_alpha_isfa_ista, "
        + "HH_cond_exp, SpikeSourcePoisson, SpikeSourceArray)";

    private static ModelFile load(final String population)
    {
        return new ModelLoader(Catalog.standard()).load("m.yaml", "m", "duration: 10 ms\npopulations:\n  N: "
            + population + "\n");
    }

    @Test
    void nestsIafPscExpShouldBeLifWithNestsDefaults()
    {
        final Lif.Parameters p = ((Lif) load("{model: iaf_psc_exp, size: 2}").network().population("N")).parameters();

        assertThat(p).isEqualTo(new Lif.Parameters(-70, -55, -70, 10, 10.0 / 250, 2, 0, Integrator.EXACT));
    }

    @Test
    void nestsConductanceModelsShouldDeriveTauMAndRFromCmAndGL()
    {
        final Lif.Parameters p = ((Lif) load("{model: iaf_cond_exp, size: 2, parameters: {C_m: 200 pF, g_L: 10 nS,"
            + " I_e: 0.1 nA}}").network().population("N")).parameters();

        assertThat(p.tauM()).isCloseTo(20.0, within(1e-12));
        assertThat(p.r()).isCloseTo(0.1, within(1e-12));
        assertThat(p.vReset()).isEqualTo(-60);
        assertThat(p.iExt()).isCloseTo(100.0, within(1e-12));
    }

    @Test
    void pynnsIfCondExpShouldTakeCmInNanofaradsAsWritten()
    {
        final Lif.Parameters p = ((Lif) load("{model: IF_cond_exp, size: 2, parameters: {cm: 0.5 nF, tau_m: 10 ms,"
            + " i_offset: 0.2 nA, integrator: euler}}").network().population("N")).parameters();

        assertThat(p).isEqualTo(new Lif.Parameters(-65, -50, -65, 10, 10.0 / 500, 0.1, 200, Integrator.EULER));
    }

    @Test
    void adaptiveExponentialModelsShouldBeAdEx()
    {
        final AdEx.Parameters nest = ((AdEx) load("{model: aeif_cond_exp, size: 1}").network().population("N"))
            .parameters();
        final AdEx.Parameters pynn = ((AdEx) load("{model: EIF_cond_exp_isfa_ista, size: 1}").network()
            .population("N")).parameters();

        assertThat(nest.cM()).isEqualTo(281);
        assertThat(nest.gL()).isEqualTo(30);
        assertThat(nest.vReset()).isEqualTo(-60);
        assertThat(nest.vPeak()).isEqualTo(0);
        assertThat(pynn.gL()).isCloseTo(281 / 9.3667, within(1e-12));
        assertThat(pynn.vPeak()).isEqualTo(-40);
        assertThat(pynn.b()).isEqualTo(80.5);
        assertThat(pynn.tRef()).isEqualTo(0.1);
    }

    @Test
    void pynnsHhCondExpShouldBeTraubMilesWithPynnsNamesAndDefaults()
    {
        final TraubMiles.Parameters defaults = ((TraubMiles) load("{model: HH_cond_exp, size: 1}").network()
            .population("N")).parameters();
        assertThat(defaults).isEqualTo(TraubMiles.Parameters.defaults());
        final TraubMiles.Parameters p = ((TraubMiles) load("{model: HH_cond_exp, size: 1, parameters: {cm: 0.3 nF,"
            + " gbar_Na: 25 uS, v_offset: -60 mV, i_offset: 0.5 nA, integrator: rk4}}").network().population("N"))
            .parameters();
        assertThat(p).isEqualTo(TraubMiles.Parameters.defaults().with("cM", 300).with("gNa", 25000).with("vT", -60)
            .with("iExt", 500).with(Integrator.RK4));
        // PyNN's start of the gates, asked for in the file
        final ModelFile pynnStart = load("{model: HH_cond_exp, size: 1, initial: {m: 0, h: 1, n: 0}}");
        new Simulation(pynnStart.network(), 1);
        final TraubMiles cell = (TraubMiles) pynnStart.network().population("N");
        assertThat(new double[] {cell.state("m")[0], cell.state("h")[0], cell.state("n")[0]})
            .containsExactly(0.0, 1.0, 0.0);
        assertThatThrownBy(() -> load("{model: HH_cond_exp, size: 1, parameters: {tau_syn_E: 2 ms}}"))
            .hasMessageContaining("tau_syn_E").hasMessageContaining("synapse: {model: Exponential");
    }

    @Test
    void parametersPerNeuronShouldBeTranslatedNeuronByNeuron()
    {
        final ModelFile model = load("{model: iaf_psc_exp, size: 3, parameters: {C_m: {expression: \"100 + 100*i\","
            + " unit: pF}, I_e: 500 pA}}");
        assertThat(model.network().population("N")).isInstanceOf(HeterogeneousLif.class);
        final SpikeMonitor spikes = model.network().monitorSpikes(model.network().population("N"));

        new Simulation(model.network(), 1).run(50);

        // a larger capacitance charges more slowly: fewer spikes, as C_m = 100, 200, 300 pF gives
        final long[] counts = new long[3];
        for (final int n : spikes.neurons())
        {
            counts[n]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[2]);
    }

    @Test
    void spikeSourcesShouldBePoissonAndGeneratorGroups()
    {
        assertThat(load("{model: SpikeSourcePoisson, size: 4, parameters: {rate: 20 Hz}}").network().population("N"))
            .isInstanceOf(PoissonGroup.class);
        final ModelFile array = load("{model: SpikeSourceArray, size: 2, parameters: {spike_times: [1 ms, 3 ms]}}");
        final SpikeMonitor spikes = array.network().monitorSpikes(array.network().population("N"));
        assertThat(array.network().population("N")).isInstanceOf(SpikeGeneratorGroup.class);

        new Simulation(array.network(), 1).run(5);

        assertThat(spikes.neurons()).containsExactly(0, 1, 0, 1);
        assertThat(spikes.steps()).containsExactly(10, 10, 30, 30);
    }

    @Test
    void synapticParametersShouldSayWhereTheyBelong()
    {
        assertThatThrownBy(() -> load("{model: iaf_psc_exp, size: 1, parameters: {tau_syn_ex: 2 ms}}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:3:49: iaf_psc_exp: tau_syn_ex: a synaptic time constant belongs to each projection "
                + "into this population: synapse: {model: Exponential, tau: ...}, output: {model: CUBA}");
        assertThatThrownBy(() -> load("{model: IF_cond_exp, size: 1, parameters: {e_rev_E: 0 mV}}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:3:49: IF_cond_exp: e_rev_E: a synaptic reversal potential belongs to each projection "
                + "into this population: output: {model: COBA, eRev: ...}");
        assertThatThrownBy(() -> load("{model: iaf_psc_exp, size: 1, parameters: {tau_m: -1 ms}}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessage("m.yaml:3:56: iaf_psc_exp stands for LIF: tauM must be > 0 ms and finite, got tauM=-1 ms");
    }

    @Test
    void didYouMeanShouldSuggestOtherSimulatorsNames()
    {
        assertThatThrownBy(() -> load("{model: iaf_psc_exq, size: 1}"))
            .isInstanceOf(ModelFileException.class)
            .hasMessageStartingWith("m.yaml:3:14: unknown neuron model 'iaf_psc_exq'; did you mean 'iaf_psc_exp'? "
                + "known: LIF, IF,")
            .hasMessageContaining("(and NEST/PyNN names: iaf_psc_exp, iaf_psc_alpha");
        assertThatThrownBy(() -> load("{model: IF_cond_exq, size: 1}"))
            .hasMessageStartingWith("m.yaml:3:14: unknown neuron model 'IF_cond_exq'; did you mean 'IF_cond_exp'?");
    }
}
