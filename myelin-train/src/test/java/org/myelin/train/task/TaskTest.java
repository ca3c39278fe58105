package org.myelin.train.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.util.ModelException;

class TaskTest
{
    @Test
    void randmanShouldGiveEveryUnitItsSpikesAtLatenciesSpanningTheTrial()
    {
        final Dataset d = Randman.generate(3, 12, 50, 1, 2, 40, 2.0, 7);
        assertThat(d.size()).isEqualTo(120);
        assertThat(d.units()).isEqualTo(12);
        assertThat(d.steps()).isEqualTo(50);
        final int[] perClass = new int[3];
        final int[][] earliest = new int[3][12];
        final int[][] latest = new int[3][12];
        for (final int[] row : earliest)
        {
            Arrays.fill(row, Integer.MAX_VALUE);
        }
        for (int s = 0; s < d.size(); s++)
        {
            final int c = d.label(s);
            perClass[c]++;
            final int[][] ev = d.events(s);
            assertThat(ev[0]).hasSize(24);
            final int[] spikesPerUnit = new int[12];
            for (int k = 0; k < ev[0].length; k++)
            {
                assertThat(ev[0][k]).isBetween(0, 49);
                spikesPerUnit[ev[1][k]]++;
                earliest[c][ev[1][k]] = Math.min(earliest[c][ev[1][k]], ev[0][k]);
                latest[c][ev[1][k]] = Math.max(latest[c][ev[1][k]], ev[0][k]);
            }
            assertThat(spikesPerUnit).containsOnly(2);
        }
        assertThat(perClass).containsExactly(40, 40, 40);
        for (int c = 0; c < 3; c++)
        {
            assertThat(earliest[c]).containsOnly(0);
            assertThat(latest[c]).containsOnly(49);
        }
    }

    @Test
    void randmanShouldDependOnItsSeedOnly()
    {
        final Dataset a = Randman.generate(4, 10, 30, 2, 1, 25, 2.0, 3);
        final Dataset b = Randman.generate(4, 10, 30, 2, 1, 25, 2.0, 3);
        final Dataset c = Randman.generate(4, 10, 30, 2, 1, 25, 2.0, 4);
        boolean differs = false;
        for (int s = 0; s < a.size(); s++)
        {
            assertThat(a.events(s)).isDeepEqualTo(b.events(s));
            assertThat(a.label(s)).isEqualTo(b.label(s));
            differs |= !Arrays.deepEquals(a.events(s), c.events(s));
        }
        assertThat(differs).isTrue();
    }

    @Test
    void randmanSamplesShouldBeSmoothFunctionsOfTheirManifoldCoordinate()
    {
        // dimension 1, one class: sorted by θ, neighbouring samples have close latencies (smooth manifold),
        // while random pairs do not
        final int samples = 400;
        final Dataset d = Randman.generate(2, 8, 1000, 1, 1, samples, 2.0, 5);
        final Batch all = d.batch(java.util.stream.IntStream.range(0, d.size()).toArray(), null);
        final double[][] points = new double[d.size()][];
        for (int s = 0; s < d.size(); s++)
        {
            final int[][] ev = d.events(s);
            points[s] = new double[8];
            for (int k = 0; k < ev[0].length; k++)
            {
                points[s][ev[1][k]] = ev[0][k];
            }
        }
        final Integer[] order = new Integer[d.size()];
        for (int s = 0; s < order.length; s++)
        {
            order[s] = s;
        }
        Arrays.sort(order, (x, y) -> Double.compare(all.targets()[x], all.targets()[y]));
        double neighbours = 0;
        double random = 0;
        int pairs = 0;
        for (int k = 1; k < order.length; k++)
        {
            if (d.label(order[k]) != 0 || d.label(order[k - 1]) != 0)
            {
                continue;
            }
            neighbours += distance(points[order[k]], points[order[k - 1]]);
            random += distance(points[order[k]], points[order[(k * 97) % order.length]]);
            pairs++;
        }
        assertThat(pairs).isGreaterThan(50);
        assertThat(neighbours / pairs).isLessThan(0.1 * random / pairs);
    }

    private static double distance(final double[] a, final double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.length; k++)
        {
            s += Math.abs(a[k] - b[k]);
        }
        return s;
    }

    @Test
    void cueAccumulationShouldShowSevenCuesARecallCueAndBackgroundAsInTheEpropTutorial()
    {
        final Dataset d = CueAccumulation.generate(40, 1.0, 11);
        assertThat(d.steps()).isEqualTo(2250);
        assertThat(d.units()).isEqualTo(40);
        int background = 0;
        for (int s = 0; s < d.size(); s++)
        {
            final int[][] ev = d.events(s);
            final int[][] cueCounts = new int[7][2];
            for (int k = 0; k < ev[0].length; k++)
            {
                final int t = ev[0][k];
                final int group = ev[1][k] / 10;
                if (group == 3)
                {
                    background++;
                    continue;
                }
                if (group == 2)
                {
                    assertThat(t).as("recall spikes only in the last 150 ms").isGreaterThanOrEqualTo(2100);
                    continue;
                }
                final int cue = (t - 50) / 150;
                assertThat(t).as("cue spikes inside a cue window").isGreaterThanOrEqualTo(50).isLessThan(1100);
                assertThat((t - 50) % 150).isLessThan(100);
                cueCounts[cue][group]++;
            }
            int right = 0;
            for (final int[] window : cueCounts)
            {
                assertThat(window[0] == 0 || window[1] == 0).as("one side per cue").isTrue();
                assertThat(window[0] + window[1]).as("40 Hz × 10 channels × 100 ms").isBetween(15, 75);
                right += window[1] > 0 ? 1 : 0;
            }
            assertThat(d.label(s)).isEqualTo(right > 3 ? 1 : 0);
        }
        final double backgroundHz = background / (40.0 * 10 * 2.25);
        assertThat(backgroundHz).isBetween(9.0, 11.0);
    }

    @Test
    void spikePatternsShouldBeTheirTemplatesWithoutNoise()
    {
        final Dataset d = SpikePatterns.generate(3, 10, 40, 1.0, 30, 0, 0, 0, 9, 2);
        for (int s = 3; s < 9; s++)
        {
            assertThat(d.events(s)).isDeepEqualTo(d.events(s % 3));
            assertThat(d.label(s)).isEqualTo(s % 3);
        }
        assertThat(d.events(0)).isNotEqualTo(d.events(1));
        final Dataset noisy = SpikePatterns.generate(3, 10, 40, 1.0, 30, 2, 0.2, 5, 9, 2);
        assertThat(noisy.events(3)).isNotEqualTo(noisy.events(0));
    }

    @Test
    void batchesShouldHoldTheSamplesSpikesInAscendingOrder()
    {
        final Dataset d = SpikePatterns.generate(2, 6, 20, 1.0, 100, 0, 0, 0, 4, 3);
        final Batch batch = d.batch(new int[] {3, 0}, null);
        final Signal s = batch.input();
        assertThat(batch.labels()).containsExactly(1, 0);
        for (int b = 0; b < 2; b++)
        {
            final int[][] ev = d.events(b == 0 ? 3 : 0);
            final Set<Long> expected = new HashSet<>();
            for (int k = 0; k < ev[0].length; k++)
            {
                expected.add(((long) ev[0][k] << 32) | ev[1][k]);
            }
            final Set<Long> got = new HashSet<>();
            for (int n = 0; n < 20; n++)
            {
                for (int e = s.start(b, n); e < s.end(b, n); e++)
                {
                    got.add(((long) n << 32) | s.ids()[e]);
                    if (e > s.start(b, n))
                    {
                        assertThat(s.ids()[e]).isGreaterThan(s.ids()[e - 1]);
                    }
                }
            }
            assertThat(got).isEqualTo(expected);
        }
    }

    @Test
    void miniBatchesShouldShuffleByEpochAndSeed()
    {
        final Dataset d = SpikePatterns.generate(2, 4, 10, 1.0, 50, 0, 0, 0, 50, 1);
        final MiniBatches m = new MiniBatches(d, 16, 9, true);
        assertThat(m.batches()).isEqualTo(4);
        final int[] e0 = m.order(0);
        assertThat(Arrays.stream(e0).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
        assertThat(m.order(1)).isNotEqualTo(e0);
        assertThat(new MiniBatches(d, 16, 9, true).order(0)).isEqualTo(e0);
        assertThat(new MiniBatches(d, 16, 10, true).order(0)).isNotEqualTo(e0);
        assertThat(m.batch(0, 3).size()).isEqualTo(2);
        assertThat(new MiniBatches(d, 16, 9, false).order(5)).isEqualTo(java.util.stream.IntStream.range(0, 50).toArray());
    }

    @Test
    void badTaskSettingsShouldNameTheParameter()
    {
        assertThatThrownBy(() -> Randman.generate(1, 10, 10, 1, 1, 10, 2, 1)).isInstanceOf(ModelException.class)
            .hasMessage("Randman: classes must be >= 2, got classes=1");
        assertThatThrownBy(() -> Randman.generate(2, 10, 10, 1, 1, 10, 0, 1))
            .hasMessage("Randman: alpha must be > 0 and finite, got alpha=0");
        assertThatThrownBy(() -> SpikePatterns.generate(2, 4, 10, 1.0, 10, 0, 1.5, 0, 4, 1))
            .hasMessage("SpikePatterns: deletion must be in [0, 1], got deletion=1.5");
        assertThatThrownBy(() -> CueAccumulation.generate(0, 1.0, 1))
            .hasMessage("CueAccumulation: samples must be >= 1, got samples=0");
    }
}
