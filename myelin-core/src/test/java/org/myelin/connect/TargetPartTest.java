package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.myelin.delay.DelayRounding;
import org.myelin.random.Initializer;
import org.myelin.util.ModelException;

/**
 * {@link Connector#buildTargets}: the part of a rule's synapses onto a range of targets is, row
 * by row, exactly the whole build's synapses in that range, at the same positions in the row, so
 * per-synapse weights and delays drawn at the counters are the whole build's too.
 */
class TargetPartTest
{
    private static final long KEY = 0x5EEDL;

    static List<Connector> rules()
    {
        return List.of(new FixedProbability(0.01), new FixedProbability(0.02, false),
            new FixedOutDegree(40, true, true), new FixedOutDegree(40, false, false),
            new FixedTotalNumber(20_000, true), new FixedTotalNumber(20_000, false),
            new FixedInDegree(7, true, true), new FixedInDegree(7, false, false));
    }

    /**
     * Over 20 000 targets (three blocks of a fixed probability's rows) cut into ranges that start
     * inside a block, on a block boundary, at 0, or hold nothing.
     */
    @ParameterizedTest
    @MethodSource("rules")
    void aPartShouldHoldTheWholeBuildsSynapsesOntoItsTargetsAtTheirRowPositions(final Connector rule)
    {
        final int sources = 300;
        final int targets = 20_000;
        final CsrConnectivity whole = (CsrConnectivity) rule.build(sources, targets, true, KEY);
        whole.drawWeights(Initializer.uniform(0.5, 1.5), 7);
        whole.drawDelays(Initializer.uniform(0.1, 3), 8);
        whole.prepareDelays("test", 0.1, DelayRounding.NEAREST);
        final int[][] ranges = {{0, 5000}, {5000, 8192}, {8192, 20_000}, {12_345, 16_385}, {7000, 7000}};
        long heldInAll = 0;
        for (final int[] range : ranges)
        {
            final String what = rule.describe() + " onto [" + range[0] + ", " + range[1] + ")";
            final CsrConnectivity part =
                (CsrConnectivity) rule.buildTargets(sources, targets, true, KEY, range[0], range[1]);
            part.drawWeights(Initializer.uniform(0.5, 1.5), 7);
            part.drawDelays(Initializer.uniform(0.1, 3), 8);
            part.prepareDelays("test", 0.1, DelayRounding.NEAREST);
            final int[] wholeRow = new int[targets];
            final int[] partRow = new int[targets];
            long expected = 0;
            for (int i = 0; i < sources; i++)
            {
                whole.copyTargets(i, wholeRow, 0);
                part.copyTargets(i, partRow, 0);
                int m = 0;
                while (m < whole.outDegree(i) && wholeRow[m] < range[0])
                {
                    m++;
                }
                assertThat(part.rowPosition(i)).as("%s, row %d", what, i).isEqualTo(m);
                for (int k = 0; k < part.outDegree(i); k++, m++)
                {
                    assertThat(partRow[k]).as("%s, row %d, synapse %d", what, i, k).isEqualTo(wholeRow[m]);
                    final int inWhole = whole.rowStart(i) + m;
                    final int inPart = part.rowStart(i) + k;
                    assertThat(part.weight(inPart)).isEqualTo(whole.weight(inWhole));
                    assertThat(part.delaySteps(inPart)).isEqualTo(whole.delaySteps(inWhole));
                }
                assertThat(m == whole.outDegree(i) || wholeRow[m] >= range[1]).as("%s, row %d ends", what, i).isTrue();
                expected += part.outDegree(i);
            }
            assertThat(part.synapseCount()).isEqualTo(expected);
            heldInAll += range == ranges[3] || range == ranges[4] ? 0 : part.synapseCount();
        }
        assertThat(heldInAll).as("the three ranges that cover the targets").isEqualTo(whole.synapseCount());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theWholeRangeShouldGiveTheWholeBuild(final Connector rule)
    {
        final CsrConnectivity whole = (CsrConnectivity) rule.build(120, 900, false, KEY);
        final CsrConnectivity same = (CsrConnectivity) rule.buildTargets(120, 900, false, KEY, 0, 900);
        assertThat(same.synapseCount()).isEqualTo(whole.synapseCount());
        assertThat(same.memoryBytes()).isEqualTo(whole.memoryBytes());
        for (int k = 0; k < whole.synapseCount(); k++)
        {
            assertThat(same.target(k)).isEqualTo(whole.target(k));
        }
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aHalfShouldHoldAboutHalfTheBytes(final Connector rule)
    {
        final CsrConnectivity whole = (CsrConnectivity) rule.build(300, 20_000, true, KEY);
        final CsrConnectivity half = (CsrConnectivity) rule.buildTargets(300, 20_000, true, KEY, 10_000, 20_000);
        // the targets' 2 bytes per synapse halve; the row starts and positions stay
        final long rows = 4L * 301 + 4L * 300 + 4L * 2 * 300;
        assertThat(half.memoryBytes()).isEqualTo(2L * half.synapseCount() + rows);
        assertThat((double) half.synapseCount() / whole.synapseCount()).isBetween(0.48, 0.52);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void valuesInCsrOrderShouldBeRefusedForAPart(final Connector rule)
    {
        final CsrConnectivity part = (CsrConnectivity) rule.buildTargets(300, 20_000, true, KEY, 0, 10_000);
        assertThatThrownBy(() -> part.drawWeights(Initializer.values(1, 2, 3), 7)).isInstanceOf(ModelException.class)
            .hasMessage("CSR connectivity: one weight per synapse in CSR order needs every synapse; this "
                + "connectivity holds only the synapses onto some targets");
    }
}
