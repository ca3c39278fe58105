package org.myelin.io.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedTotalNumber;
import org.myelin.connect.JustInTime;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.projection.AlignPostProjection;
import org.myelin.sim.Simulation;

/**
 * examples/potjans-diesmann.yaml against Potjans &amp; Diesmann (2014) as NEST's PyNEST example
 * gives it: the populations, and each projection's number of synapses from the connection
 * probability by the paper's formula; scaled-down copies (neurons and synapses scaled alike, so
 * every in-degree stays the paper's) run, stored and just in time.
 */
class PotjansDiesmannExampleTest
{
    private static final Path FILE = ExampleFilesTest.EXAMPLES.resolve("potjans-diesmann.yaml");
    private static final String[] POPULATIONS = {"L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"};
    private static final int[] SIZES = {20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948};
    /** Connection probabilities, target row, source column (the example's conn_probs). */
    private static final double[][] PROBABILITIES = {
        {0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0},
        {0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0},
        {0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0},
        {0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0},
        {0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0},
        {0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0},
        {0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252},
        {0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443}};

    /** The paper's synapse count K = ln(1 − C)/ln(1 − 1/(N_pre·N_post)), unrounded. */
    private static double paperSynapses(final int target, final int source)
    {
        final double pairs = (double) SIZES[target] * SIZES[source];
        return Math.log(1 - PROBABILITIES[target][source]) / Math.log((pairs - 1) / pairs);
    }

    @Test
    void theFileShouldHoldThePapersNeuronsAndSynapsesPerPair()
    {
        final ModelFile model = ModelLoader.load(FILE);
        final Map<String, AlignPostProjection> byName = new LinkedHashMap<>();
        model.network().projections().forEach(p -> byName.put(p.name(), p));

        assertThat(model.estimate().neurons()).isEqualTo(77_169);
        long total = 0;
        for (int t = 0; t < POPULATIONS.length; t++)
        {
            assertThat(model.network().population(POPULATIONS[t]).size()).isEqualTo(SIZES[t]);
            for (int s = 0; s < POPULATIONS.length; s++)
            {
                final AlignPostProjection p = byName.get(POPULATIONS[s] + "->" + POPULATIONS[t]);
                if (PROBABILITIES[t][s] == 0)
                {
                    assertThat(p).isNull();
                    continue;
                }
                final long n = Math.round(paperSynapses(t, s));
                assertThat(p.connector()).as(p.name()).isEqualTo(new FixedTotalNumber(n, true));
                total += n;
            }
        }
        assertThat(byName).hasSize(55);
        assertThat(total).isEqualTo(298_880_968L);
        assertThat(model.estimate().synapses()).isEqualTo(total);
    }

    @Test
    void justInTimeShouldRegenerateEveryProjection()
    {
        final ModelFile model = ModelLoader.load(FILE, overrides(1, 1, Map.of("justInTime", "true")));

        assertThat(model.network().projections()).hasSize(55)
            .allSatisfy(p -> assertThat(p.connector()).isInstanceOf(JustInTime.class));
        assertThat(model.estimate().bytes()).isLessThan(200e6);
    }

    /**
     * A hundredth of the network (772 neurons, 3.0 million synapses, the paper's in-degrees) gives
     * the same spikes over 100 ms with stored and with just-in-time rows: the normal weights and
     * clipped normal delays are drawn again at each spike exactly as stored.
     */
    @Test
    void storedAndJustInTimeRowsShouldGiveTheSameSpikes()
    {
        final List<long[]> spikes = new ArrayList<>();
        for (final String jit : new String[] {"false", "true"})
        {
            final ModelFile model = ModelLoader.load(FILE, overrides(0.01, 100, Map.of("justInTime", jit)));
            new Simulation(model.network(), 2).run(model.durationMs());
            for (final SpikeMonitor m : model.spikeMonitors())
            {
                spikes.add(m.steps());
                spikes.add(java.util.Arrays.stream(m.neurons()).asLongStream().toArray());
            }
        }
        final int half = spikes.size() / 2;
        long total = 0;
        for (int k = 0; k < half; k++)
        {
            assertThat(spikes.get(half + k)).containsExactly(spikes.get(k));
            total += k % 2 == 0 ? spikes.get(k).length : 0;
        }
        assertThat(total).isGreaterThan(100);
    }

    /**
     * A tenth of the network (7,717 neurons, 29.9 million synapses, the paper's in-degrees) for
     * 400 ms: every population fires, irregularly, at finite rates of the order of the full-scale
     * ones (over 200–400 ms, after the onset). With a tenth of the sources each neuron shares more
     * of its input with its neighbours than at full scale, so the rates and synchrony of this
     * copy are higher than the paper's (docs/MICROCIRCUIT.md).
     */
    @Test
    void aTenthOfTheNetworkShouldFireIrregularlyInEveryPopulation()
    {
        final ModelFile model = ModelLoader.load(FILE, overrides(0.1, 400, Map.of()));
        new Simulation(model.network(), 2).run(model.durationMs());

        final double[] fullScale = {0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829};
        for (int p = 0; p < POPULATIONS.length; p++)
        {
            final SpikeMonitor m = model.spikeMonitors().get(p);
            assertThat(m.population().name()).isEqualTo(POPULATIONS[p]);
            final double[] rateAndCv = rateAndMeanCv(m, 2000, 4000, 0.1);
            assertThat(rateAndCv[0]).as(POPULATIONS[p] + " rate").isFinite()
                .isBetween(fullScale[p] / 3, fullScale[p] * 3);
            assertThat(rateAndCv[1]).as(POPULATIONS[p] + " CV of ISI").isBetween(0.3, 1.5);
        }
    }

    /**
     * The rate [Hz] of a population's spikes in steps [from, to), and the mean over its neurons
     * with at least three spikes there of the standard deviation over the mean of their intervals.
     */
    private static double[] rateAndMeanCv(final SpikeMonitor m, final long from, final long to, final double dt)
    {
        final int size = m.population().size();
        final List<List<Long>> trains = new ArrayList<>();
        for (int i = 0; i < size; i++)
        {
            trains.add(new ArrayList<>());
        }
        long count = 0;
        for (int k = 0; k < m.size(); k++)
        {
            if (m.step(k) >= from && m.step(k) < to)
            {
                trains.get(m.neuron(k)).add(m.step(k));
                count++;
            }
        }
        double cvSum = 0;
        int cvNeurons = 0;
        for (final List<Long> train : trains)
        {
            if (train.size() >= 3)
            {
                final double[] isi = new double[train.size() - 1];
                double mean = 0;
                for (int k = 0; k < isi.length; k++)
                {
                    isi[k] = train.get(k + 1) - train.get(k);
                    mean += isi[k] / isi.length;
                }
                double variance = 0;
                for (final double x : isi)
                {
                    variance += (x - mean) * (x - mean) / isi.length;
                }
                cvSum += Math.sqrt(variance) / mean;
                cvNeurons++;
            }
        }
        return new double[] {count / (double) size / ((to - from) * dt / 1000), cvSum / cvNeurons};
    }

    /**
     * Settings that scale the file: every size and every synapse count by {@code scale} (rounded,
     * as NEST's example scales with K_scaling = 1), the duration, and {@code more}.
     */
    private static ModelLoader.Overrides overrides(final double scale, final double durationMs,
        final Map<String, String> more)
    {
        final Map<String, String> settings = new LinkedHashMap<>(more);
        if (scale != 1)
        {
            for (int t = 0; t < POPULATIONS.length; t++)
            {
                settings.put("populations." + POPULATIONS[t] + ".size", Long.toString(Math.round(SIZES[t] * scale)));
                for (int s = 0; s < POPULATIONS.length; s++)
                {
                    if (PROBABILITIES[t][s] > 0)
                    {
                        settings.put("projections." + POPULATIONS[s] + "->" + POPULATIONS[t] + ".connectivity.n",
                            Long.toString(Math.round(paperSynapses(t, s) * scale)));
                    }
                }
            }
        }
        return new ModelLoader.Overrides(null, durationMs, null, null, false, settings);
    }
}
