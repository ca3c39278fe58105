package org.myelin.plasticity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The post→pre index finds each synapse's row, whatever the rows' lengths. */
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
            targets.stream().mapToInt(Integer::intValue).toArray(), new float[targets.size()], 0);
        for (int j = 0; j < to - from; j++)
        {
            int previous = 0;
            for (int c = slice.colStart[j]; c < slice.colStart[j + 1]; c++)
            {
                final int k = slice.colSynapse[c];
                assertThat(slice.preOf(k, 0)).as("synapse %d from row 0", k).isEqualTo(rowOf[k]);
                previous = slice.preOf(k, previous);
                assertThat(previous).as("synapse %d from the previous row", k).isEqualTo(rowOf[k]);
            }
        }
    }
}
