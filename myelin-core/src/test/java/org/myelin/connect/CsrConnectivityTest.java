package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

class CsrConnectivityTest
{
    /**
     * Whatever the sizes and however the targets are cut into slices (empty slices included),
     * delivering every row slice by slice adds each synapse exactly once, only inside its slice,
     * and in the same order per target as a single slice does.
     */
    @Property(tries = 300)
    void partitionShouldDeliverEverySynapseExactlyOnceAcrossSlices(
        @ForAll @IntRange(min = 1, max = 40) final int sourceSize,
        @ForAll @IntRange(min = 1, max = 300) final int targetSize,
        @ForAll @IntRange(min = 1, max = 9) final int slices,
        @ForAll final long seed)
    {
        checkPartition(sourceSize, targetSize, slices, seed, 2 * targetSize + 1);
    }

    /**
     * The same with target groups of up to 200 000 neurons, stored as offsets in blocks of 65 536:
     * slices that start inside a block or span several blocks deliver every synapse once, to the
     * right target.
     */
    @Property(tries = 10)
    void partitionShouldDeliverToTheRightTargetsAcrossBlocksOfTargets(
        @ForAll @IntRange(min = 1, max = 8) final int sourceSize,
        @ForAll @IntRange(min = 60_000, max = 140_000) final int targetSize,
        @ForAll @IntRange(min = 1, max = 5) final int slices,
        @ForAll final long seed)
    {
        checkPartition(sourceSize, targetSize, slices, seed, 60);
    }

    private static void checkPartition(
        final int sourceSize, final int targetSize, final int slices, final long seed, final int maxRow)
    {
        final Random random = new Random(seed);
        final int[] rowStart = new int[sourceSize + 1];
        final int[][] rows = new int[sourceSize][];
        for (int i = 0; i < sourceSize; i++)
        {
            // ascending targets, repeats allowed (two synapses between one pair)
            rows[i] = random.ints(random.nextInt(maxRow), 0, targetSize).sorted().toArray();
            rowStart[i + 1] = rowStart[i] + rows[i].length;
        }
        final int[] post = new int[rowStart[sourceSize]];
        final float[] weight = new float[post.length];
        for (int i = 0; i < sourceSize; i++)
        {
            System.arraycopy(rows[i], 0, post, rowStart[i], rows[i].length);
        }
        for (int k = 0; k < weight.length; k++)
        {
            weight[k] = random.nextFloat();
        }
        final int[] cuts = new int[slices + 1];
        for (int s = 1; s < slices; s++)
        {
            cuts[s] = random.nextInt(targetSize + 1);
        }
        cuts[slices] = targetSize;
        Arrays.sort(cuts);

        final CsrConnectivity homogeneous = new CsrConnectivity(sourceSize, targetSize, rowStart, post, null);
        final CsrConnectivity weighted = new CsrConnectivity(sourceSize, targetSize, rowStart, post, weight);
        final double[] whole = new double[targetSize];
        for (int i = 0; i < sourceSize; i++)
        {
            weighted.deliver(i, 0, whole, 0.5);
        }
        homogeneous.partition(cuts);
        weighted.partition(cuts);

        final double[] sliced = new double[targetSize];
        final double[] got = new double[targetSize];
        for (int i = 0; i < sourceSize; i++)
        {
            final int[] expected = new int[targetSize];
            for (final int j : rows[i])
            {
                expected[j]++;
            }
            final double[] counts = new double[targetSize];
            for (int s = 0; s < slices; s++)
            {
                Arrays.fill(got, 0.0);
                homogeneous.deliver(i, s, got, 1.0);
                for (int j = 0; j < targetSize; j++)
                {
                    final boolean inside = j >= cuts[s] && j < cuts[s + 1];
                    assertThat(got[j]).isEqualTo(inside ? expected[j] : 0.0);
                    counts[j] += got[j];
                }
                weighted.deliver(i, s, sliced, 0.5);
            }
            for (int j = 0; j < targetSize; j++)
            {
                assertThat(counts[j]).isEqualTo(expected[j]);
            }
        }
        assertThat(sliced).isEqualTo(whole);
        for (int k = 0; k < post.length; k++)
        {
            assertThat(homogeneous.target(k)).isEqualTo(post[k]);
        }
        // row starts, 2 bytes per target, a row's first synapse in every block after the first,
        // and per row the start of every segment (slices cut at block boundaries) and its end
        final int blocks = (targetSize + 65535) / 65536;
        int segments = 0;
        for (int s = 0; s < slices; s++)
        {
            final int from = cuts[s];
            final int to = cuts[s + 1];
            segments += 1 + (int) java.util.stream.IntStream.range(1, blocks)
                .filter(b -> b * 65536 > from && b * 65536 < to).count();
        }
        assertThat(homogeneous.memoryBytes()).isEqualTo(4L * (sourceSize + 1) + 2L * post.length
            + 4L * sourceSize * (blocks - 1) + 4L * sourceSize * (segments + 1));
        assertThat(weighted.memoryBytes()).isEqualTo(homogeneous.memoryBytes() + 4L * post.length);
    }

    @Test
    void shouldExposeRowsTargetsAndWeights()
    {
        final CsrConnectivity c = new CsrConnectivity(3, 4, new int[] {0, 2, 2, 5}, new int[] {1, 3, 0, 0, 2},
            new float[] {0.5f, 1, 2, 3, 4});

        assertThat(c.synapseCount()).isEqualTo(5);
        assertThat(new int[] {c.outDegree(0), c.outDegree(1), c.outDegree(2)}).containsExactly(2, 0, 3);
        assertThat(c.rowStart(2)).isEqualTo(2);
        assertThat(c.target(4)).isEqualTo(2);
        assertThat(c.weight(0)).isEqualTo(0.5);
    }

    @Test
    void shouldRejectRowOffsetsThatDoNotSpanTheSynapses()
    {
        assertThatThrownBy(() -> new CsrConnectivity(2, 3, new int[] {0, 2}, new int[] {0, 1}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: rowStart must have sourceSize + 1 = 3 entries from 0 to the synapse count 2");
        assertThatThrownBy(() -> new CsrConnectivity(2, 3, new int[] {0, 1, 3}, new int[] {0, 1}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: rowStart must have sourceSize + 1 = 3 entries from 0 to the synapse count 2");
    }

    @Test
    void shouldRejectDecreasingRowOffsets()
    {
        // rows 0 and 2 would both claim synapses 2..4
        assertThatThrownBy(() -> new CsrConnectivity(3, 9, new int[] {0, 5, 2, 5}, new int[] {0, 1, 2, 3, 4}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: rowStart must be non-decreasing, got rowStart[2]=2 after rowStart[1]=5");
    }

    @Test
    void shouldRejectTargetsOutOfRangeOrDescending()
    {
        assertThatThrownBy(() -> new CsrConnectivity(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 3}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: row 1 must hold targets in [0, 3) in ascending order, got 3 after -1");
        assertThatThrownBy(() -> new CsrConnectivity(2, 3, new int[] {0, 2, 3}, new int[] {2, 1, 0}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: row 0 must hold targets in [0, 3) in ascending order, got 1 after 2");
        assertThatThrownBy(() -> new CsrConnectivity(1, 3, new int[] {0, 1}, new int[] {-1}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: row 0 must hold targets in [0, 3) in ascending order, got -1 after -1");
    }

    @Test
    void shouldRejectAWeightArrayOfTheWrongLength()
    {
        assertThatThrownBy(() -> new CsrConnectivity(1, 3, new int[] {0, 2}, new int[] {0, 1}, new float[] {1}))
            .isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: expected one weight per synapse (2), got 1");
    }
}
