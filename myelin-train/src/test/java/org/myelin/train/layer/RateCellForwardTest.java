package org.myelin.train.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.train.data.Signal;
import org.myelin.train.weights.WeightInit;

/** GRU, MGU, LSTM and the vanilla cell forward against the published equations computed by hand. */
class RateCellForwardTest
{
    private static final double[] X = {0.5, -1.0, 2.0};

    private static Signal input()
    {
        final Signal s = Signal.dense(1).resize(1, X.length);
        System.arraycopy(X, 0, s.values(), 0, X.length);
        return s;
    }

    private static double sigmoid(final double z)
    {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void gruShouldFollowChoEtAlWithTheResetGateInsideTheCandidate()
    {
        final Gru gru = (Gru) Gru.of("gru", 1, WeightInit.constant(0), WeightInit.constant(0)).build(1);
        // one unit: W_x = [xr, xz, xc], W_h = [hr, hz], W_c = [hc], b = [br, bz, bc]
        gru.inputWeights().parameter().set(new double[] {0.3, -0.4, 0.9});
        gru.stateWeights().parameter().set(new double[] {0.7, 0.2});
        gru.candidateWeights().parameter().set(new double[] {-1.1});
        gru.bias().set(new double[] {0.1, 0.05, -0.2});
        gru.parametersChanged();
        gru.prepare(1, X.length, 1.0, false);
        gru.forward(input(), 0, 1);
        double h = 0;
        for (int n = 0; n < X.length; n++)
        {
            final double r = sigmoid(0.3 * X[n] + 0.7 * h + 0.1);
            final double z = sigmoid(-0.4 * X[n] + 0.2 * h + 0.05);
            final double c = Math.tanh(0.9 * X[n] - 1.1 * (r * h) - 0.2);
            h = (1 - z) * h + z * c;
            assertThat(gru.output().values()[n]).as("h at step %d", n).isCloseTo(h, within(1e-15));
        }
    }

    @Test
    void mguShouldUseItsForgetGateForStateAndCandidate()
    {
        final Mgu mgu = (Mgu) Mgu.of("mgu", 1, WeightInit.constant(0), WeightInit.constant(0)).build(1);
        mgu.inputWeights().parameter().set(new double[] {0.6, -0.8});
        mgu.stateWeights().parameter().set(new double[] {0.4});
        mgu.candidateWeights().parameter().set(new double[] {1.3});
        mgu.bias().set(new double[] {-0.1, 0.25});
        mgu.parametersChanged();
        mgu.prepare(1, X.length, 1.0, false);
        mgu.forward(input(), 0, 1);
        double h = 0;
        for (int n = 0; n < X.length; n++)
        {
            final double f = sigmoid(0.6 * X[n] + 0.4 * h - 0.1);
            final double c = Math.tanh(-0.8 * X[n] + 1.3 * (f * h) + 0.25);
            h = (1 - f) * h + f * c;
            assertThat(mgu.output().values()[n]).isCloseTo(h, within(1e-15));
        }
    }

    @Test
    void lstmShouldAddOneToTheForgetGateAsBrainstateDoes()
    {
        final Lstm lstm = (Lstm) Lstm.of("lstm", 1, WeightInit.constant(0), WeightInit.constant(0)).build(1);
        // blocks i, g, f, o
        lstm.inputWeights().parameter().set(new double[] {0.5, -0.3, 0.2, 0.8});
        lstm.stateWeights().parameter().set(new double[] {-0.6, 0.9, 0.4, -0.2});
        lstm.bias().set(new double[] {0.1, 0.0, -0.5, 0.3});
        lstm.parametersChanged();
        lstm.prepare(1, X.length, 1.0, false);
        lstm.forward(input(), 0, 1);
        double h = 0;
        double c = 0;
        for (int n = 0; n < X.length; n++)
        {
            final double i = sigmoid(0.5 * X[n] - 0.6 * h + 0.1);
            final double g = Math.tanh(-0.3 * X[n] + 0.9 * h);
            final double f = sigmoid(0.2 * X[n] + 0.4 * h - 0.5 + 1.0);
            final double o = sigmoid(0.8 * X[n] - 0.2 * h + 0.3);
            c = f * c + i * g;
            h = o * Math.tanh(c);
            assertThat(lstm.cell(0, n, 0)).isCloseTo(c, within(1e-15));
            assertThat(lstm.output().values()[n]).isCloseTo(h, within(1e-15));
        }
    }

    @Test
    void vanillaCellShouldApplyReluByDefaultAndTanhOnRequest()
    {
        for (final VanillaRnn.Activation activation : VanillaRnn.Activation.values())
        {
            final VanillaRnn rnn = (VanillaRnn) VanillaRnn.of("rnn", 1, activation, WeightInit.constant(0),
                WeightInit.constant(0)).build(1);
            rnn.inputWeights().parameter().set(new double[] {1.2});
            rnn.stateWeights().parameter().set(new double[] {0.5});
            rnn.bias().set(new double[] {-0.1});
            rnn.parametersChanged();
            rnn.prepare(1, X.length, 1.0, false);
            rnn.forward(input(), 0, 1);
            double h = 0;
            for (int n = 0; n < X.length; n++)
            {
                final double a = 1.2 * X[n] + 0.5 * h - 0.1;
                h = activation == VanillaRnn.Activation.RELU ? Math.max(a, 0) : Math.tanh(a);
                assertThat(rnn.output().values()[n]).isCloseTo(h, within(1e-15));
            }
        }
    }
}
