package org.myelin.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortedTest
{
    @Test
    void shouldFindTheLastEntryAtMostTheKeySkippingRepeatsAsEmptyRowsDo()
    {
        // row starts of rows 0..4 where rows 1 and 2 are empty: synapses 0-2 in row 0, 3-4 in row 3
        final int[] rowStart = {0, 3, 3, 3, 5};
        assertThat(Sorted.lastAtMost(rowStart, 4, 0)).isEqualTo(0);
        assertThat(Sorted.lastAtMost(rowStart, 4, 2)).isEqualTo(0);
        assertThat(Sorted.lastAtMost(rowStart, 4, 3)).isEqualTo(3);
        assertThat(Sorted.lastAtMost(rowStart, 4, 4)).isEqualTo(3);
        assertThat(Sorted.lastAtMost(rowStart, 5, 7)).isEqualTo(4);
        assertThat(Sorted.lastAtMost(new int[] {5}, 1, 9)).isEqualTo(0);
    }
}
