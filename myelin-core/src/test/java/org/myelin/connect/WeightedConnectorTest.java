package org.myelin.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.util.ModelException;

class WeightedConnectorTest
{
    @Test
    void eachSynapseOfTheBaseRuleGetsItsDrawnWeightInSynapseOrder()
    {
        final Connector rule = new WeightedConnector(new FixedProbability(1.0), (count, key) ->
        {
            final double[] w = new double[count];
            for (int k = 0; k < count; k++)
            {
                w[k] = k + 0.5;
            }
            return w;
        });
        final CsrConnectivity c = (CsrConnectivity) rule.build(2, 3, false, 7);
        assertThat(c.synapseCount()).isEqualTo(6);
        assertThat(c.weight(4)).isEqualTo(4.5);
        final double[] g = new double[3];
        c.deliver(1, 0, g, 2.0);
        assertThat(g).containsExactly(2 * 3.5, 2 * 4.5, 2 * 5.5);
        assertThat(rule.describe()).isEqualTo(new FixedProbability(1.0).describe() + ", weights per synapse");
    }

    @Test
    void nonFiniteWeightsAndRulesWithoutCsrAreErrors()
    {
        assertThatThrownBy(() -> new WeightedConnector(new FixedProbability(1.0), (n, k) -> new double[] {1,
            Double.NaN}).build(1, 2, false, 1)).isInstanceOf(ModelException.class)
            .hasMessage("WeightedConnector: weights must be finite, got weight=NaN at synapse 1");
        final Connector other = new Connector()
        {
            @Override
            public Connectivity build(final int s, final int t, final boolean same, final long key)
            {
                return new WeightedConnectorTest.Empty();
            }

            @Override
            public String describe()
            {
                return "none";
            }
        };
        assertThatThrownBy(() -> new WeightedConnector(other, (n, k) -> new double[n]).build(1, 1, false, 1))
            .isInstanceOf(ModelException.class)
            .hasMessage("WeightedConnector: the rule 'none' does not build CSR connectivity, so its synapses cannot"
                + " carry weights");
        assertThatThrownBy(() -> new WeightedConnector(null, null)).isInstanceOf(ModelException.class)
            .hasMessage("WeightedConnector: base rule and weights are required");
    }

    /** A connectivity that is not CSR. */
    private static final class Empty implements Connectivity
    {
        @Override
        public int sourceSize()
        {
            return 1;
        }

        @Override
        public int targetSize()
        {
            return 1;
        }

        @Override
        public long synapseCount()
        {
            return 0;
        }

        @Override
        public int outDegree(final int pre)
        {
            return 0;
        }

        @Override
        public long memoryBytes()
        {
            return 0;
        }

        @Override
        public void partition(final int[] targetSliceStart)
        {
        }

        @Override
        public void deliver(final int pre, final int slice, final double[] target, final double scale)
        {
        }
    }
}
