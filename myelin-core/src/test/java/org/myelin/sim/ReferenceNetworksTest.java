package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.neuron.Lif;
import org.myelin.projection.AlignPostProjection;
import org.myelin.util.ModelException;

class ReferenceNetworksTest
{
    /** Mean rate [Hz] of both groups together over {@code ms}. */
    private static double meanRate(final ReferenceNetworks.Built built, final double ms)
    {
        final SpikeMonitor e = built.network().monitorSpikes(built.excitatory());
        final SpikeMonitor i = built.network().monitorSpikes(built.inhibitory());
        new Simulation(built.network(), 1).run(ms);
        final long spikes = (long) e.size() + i.size();
        return spikes / (double) built.network().neuronCount() / (ms / 1000.0);
    }

    @Test
    void coba4000ShouldFireNearBrian2sRate()
    {
        final double rate = meanRate(ReferenceNetworks.coba(4000, 0.1, 1), 1000);

        // Brian2 2.5.1: 20.2 Hz
        assertThat(rate).as("COBA-4000 rate [Hz]").isBetween(17.0, 23.0);
    }

    @Test
    void cuba4000ShouldFireNearBrian2sRate()
    {
        final double rate = meanRate(ReferenceNetworks.cuba(4000, 0.1, 1), 1000);

        // Brian2 2.5.1: 5.3 Hz
        assertThat(rate).as("CUBA-4000 rate [Hz]").isBetween(4.5, 6.5);
    }

    @Test
    void coba4000ShouldHoldAtMostEightBytesPerSynapse()
    {
        final ReferenceNetworks.Built built = ReferenceNetworks.coba(4000, 0.1, 1);
        new Simulation(built.network(), 2);

        long bytes = 0;
        long synapses = 0;
        long rowBytes = 0;
        for (final AlignPostProjection p : built.network().projections())
        {
            bytes += p.connectivity().memoryBytes();
            synapses += p.connectivity().synapseCount();
            // per row: its offset and, for each of the 2 slices, where its part starts, and its end
            rowBytes += 4L * (p.source().size() + 1) + 4L * 3 * p.source().size();
        }
        // 4000·4000·0.02 = 320000 expected synapses, ± 4σ
        assertThat(synapses).isBetween(320_000L - 4 * 560, 320_000L + 4 * 560);
        // a homogeneous weight is one scalar: 2 bytes per target (offset in its block of 65 536)
        // plus the row overhead
        assertThat(bytes).isEqualTo(2 * synapses + rowBytes);
        assertThat(bytes / (double) synapses).isLessThanOrEqualTo(8.0);
    }

    @Test
    void shouldBuildTheBenchmarkLayout()
    {
        final ReferenceNetworks.Built coba = ReferenceNetworks.build("COBA", 1000, 0.1, 1);

        assertThat(coba.name()).isEqualTo("COBA");
        assertThat(coba.excitatory().size()).isEqualTo(800);
        assertThat(coba.inhibitory().size()).isEqualTo(200);
        assertThat(coba.network().projections()).extracting(AlignPostProjection::name)
            .containsExactly("E->E", "E->I", "I->E", "I->I");
        assertThat(coba.network().projections()).extracting(AlignPostProjection::weight)
            .containsExactly(2.4, 2.4, 26.8, 26.8);
        assertThat(coba.excitatory().stateVariables()).containsExactly("v", "ge", "gi");
        final Lif.Parameters cuba = ReferenceNetworks.cuba(1000, 0.1, 1).excitatory().parameters();
        assertThat(cuba.vRest()).isEqualTo(-49.0);
        assertThat(cuba.tRef()).isEqualTo(5.0);
    }

    @Test
    void shouldRejectAnUnknownModelAndFewerThanTwoNeurons()
    {
        assertThatThrownBy(() -> ReferenceNetworks.build("hh", 100, 0.1, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("unknown model 'hh'; known models: [coba, cuba]");
        assertThatThrownBy(() -> ReferenceNetworks.coba(1, 0.1, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("COBA: N must be >= 2, got N=1");
    }
}
