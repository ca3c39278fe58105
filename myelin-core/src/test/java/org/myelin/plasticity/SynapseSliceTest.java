package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The post→pre index finds each synapse and its row, whatever the rows' lengths, packed or searched. */
class SynapseSliceTest
{
    /**
     * Rows of random length, many empty, some a hundred times the mean (where guessing from the
     * mean degree is far off): every synapse of every column is found in its row, searched from
     * row 0 and from the previous synapse's row.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void preOfShouldFindTheRowOfEverySynapse(final int seed)
    {
        checkColumns(seed, false);
    }

    /**
     * Packed column entries give every synapse of every column and its row, in the same order as
     * the searched ones, and each synapse exactly once.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void packedColumnsShouldGiveTheSynapseAndRowOfEveryEntry(final int seed)
    {
        checkColumns(seed, true);
    }

    private static void checkColumns(final int seed, final boolean pack)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int sources = 500;
        final int from = 10;
        final int to = 60;
        final int[] rowStart = new int[sources + 1];
        final java.util.List<Integer> targets = new java.util.ArrayList<>();
        final int[] rowOf = new int[200_000];
        for (int i = 0; i < sources; i++)
        {
            final int kind = random.nextInt(10);
            final int degree = kind < 3 ? 0 : kind == 9 ? to - from : random.nextInt(1, 6);
            final int[] chosen = random.ints(from, to).distinct().limit(degree).sorted().toArray();
            for (final int j : chosen)
            {
                rowOf[targets.size()] = i;
                targets.add(j);
            }
            rowStart[i + 1] = targets.size();
        }
        final SynapseSlice slice = new SynapseSlice(from, to, rowStart,
            targets.stream().mapToInt(Integer::intValue).toArray(), new float[targets.size()], 0, pack);
        assertThat(slice.packedColumns).isEqualTo(pack);
        final boolean[] seen = new boolean[targets.size()];
        for (int j = 0; j < to - from; j++)
        {
            int previous = 0;
            int last = -1;
            for (int c = slice.colStart[j]; c < slice.colStart[j + 1]; c++)
            {
                final int pre = slice.columnPre(c, previous);
                final int k = slice.columnSynapse(c, pre);
                assertThat(k).as("synapses of column %d ascend", j).isGreaterThan(c == slice.colStart[j] ? -1 : last);
                assertThat(slice.target(k)).as("target of synapse %d", k).isEqualTo(from + j);
                assertThat(pre).as("row of synapse %d from the previous row", k).isEqualTo(rowOf[k]);
                assertThat(slice.columnPre(c, 0)).as("row of synapse %d from row 0", k).isEqualTo(rowOf[k]);
                assertThat(seen[k]).as("synapse %d seen before", k).isFalse();
                seen[k] = true;
                previous = pre;
                last = k;
            }
        }
        for (int k = 0; k < seen.length; k++)
        {
            assertThat(seen[k]).as("synapse %d in its column", k).isTrue();
        }
    }
}
