package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

class ExplicitConnectionsTest
{
    @Test
    void synapsesShouldBeSortedByPreThenPostKeepingTheirWeights()
    {
        final ExplicitConnections c = new ExplicitConnections(
            new int[] {2, 0, 2, 0, 0}, new int[] {1, 3, 0, 1, 1}, new double[] {1, 2, 3, 4, 5}, null);

        final CsrConnectivity csr = (CsrConnectivity) c.build(3, 4, false, 0);

        assertThat(csr.synapseCount()).isEqualTo(5);
        assertThat(new int[] {csr.outDegree(0), csr.outDegree(1), csr.outDegree(2)}).containsExactly(3, 0, 2);
        final int[] targets = new int[5];
        final double[] weights = new double[5];
        for (int k = 0; k < 5; k++)
        {
            targets[k] = csr.target(k);
            weights[k] = csr.weight(k);
        }
        // row 0: (1, w4), (1, w5) in the given order, then (3, w2); row 2: (0, w3), (1, w1)
        assertThat(targets).containsExactly(1, 1, 3, 0, 1);
        assertThat(weights).containsExactly(4, 5, 2, 3, 1);
        assertThat(c.describe()).isEqualTo("explicit (5 synapses, weights)");
    }

    @Test
    void aDenseMatrixShouldGiveOneSynapsePerNonZeroEntry()
    {
        final double[][] w = {{0, 0.5, 0}, {1.5, 0, -2}};
        final double[][] d = {{0, 1, 0}, {2, 0, 3}};

        final CsrConnectivity csr = (CsrConnectivity) ExplicitConnections.fromDense(w, d).build(2, 3, false, 0);
        csr.prepareDelays("projection 'p'", 0.5, org.myelin.delay.DelayRounding.EXACT);

        assertThat(csr.synapseCount()).isEqualTo(3);
        final double[] target = new double[3];
        csr.deliver(1, 0, target, 2.0);
        assertThat(target).containsExactly(3, 0, -4);
        assertThat(new int[] {csr.delaySteps(0), csr.delaySteps(1), csr.delaySteps(2)}).containsExactly(2, 4, 6);
    }

    @Test
    void badArraysShouldBeErrors()
    {
        assertThatThrownBy(() -> new ExplicitConnections(new int[] {0, 1}, new int[] {0}))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExplicitConnections: post must have 2 entries, got 1");
        assertThatThrownBy(() -> new ExplicitConnections(new int[] {0, 1}, new int[] {0, 1}, new double[] {1}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExplicitConnections: weights must have 2 entries, got 1");
        assertThatThrownBy(() -> new ExplicitConnections(new int[] {0, 5}, new int[] {0, 1}).build(3, 3, false, 0))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExplicitConnections: pre[1] must be in [0, 3), got pre[1]=5");
        assertThatThrownBy(() -> ExplicitConnections.fromDense(new double[][] {{1, 2}, {3}}, null))
            .isInstanceOf(ModelException.class)
            .hasMessage("ExplicitConnections: row 1 of the weight matrix must have 2 entries, got 1");
    }
}
