package org.myelin.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelin.synapse.DualExponential.Normalization;
import org.myelin.util.ModelException;

class DualExponentialTest
{
    @ParameterizedTest
    @CsvSource({"10, 1, 1", "5, 0.5, 2.5", "100, 2, 0.3", "1, 3, 1"})
    void peakNormalisationShouldPeakAtTheAmplitude(final double tauDecay, final double tauRise, final double amplitude)
    {
        final DualExponential model = new DualExponential(tauDecay, tauRise, amplitude, Normalization.PEAK);
        final double dt = 0.01;
        final double[] g = SynapseKernels.response(model, dt, (int) (5 * Math.max(tauDecay, tauRise) / dt), 1.0, 0);

        int top = 0;
        for (int n = 1; n < g.length; n++)
        {
            top = g[n] > g[top] ? n : top;
        }
        // the vertex of the parabola through the three samples around the largest one
        final double a = g[top - 1];
        final double b = g[top];
        final double c = g[top + 1];
        final double peak = b + (a - c) * (a - c) / (8 * (2 * b - a - c));
        assertThat(peak).isCloseTo(amplitude, within(1e-6 * amplitude));
        assertThat((top - 1) * dt).isCloseTo(model.peakTime(), within(dt));
    }

    @Test
    void chargeNormalisationShouldIntegrateToTheChargeWithinTheDiscretisationError()
    {
        final double q = 3.0;
        final DualExponential model = new DualExponential(10, 1, 1, Normalization.CHARGE);
        double previous = Double.POSITIVE_INFINITY;
        for (final double dt : new double[] {0.1, 0.01, 0.001})
        {
            final double[] g = SynapseKernels.response(model, dt, (int) Math.round(300 / dt), q, 0);
            double integral = 0;
            for (final double x : g)
            {
                integral += x * dt;
            }
            final double error = Math.abs(integral - q);
            // left Riemann sum of A(e^{-t/τd} − e^{-t/τr}) with g(0) = 0: error ≈ q·dt²/(12·τr·τd)·...
            assertThat(error).as("dt=%s", dt).isLessThan(q * dt * dt).isLessThan(previous / 50);
            previous = error;
        }
    }

    @Test
    void shouldHaveBrainstatesDefaults()
    {
        final DualExponential model = new DualExponential();
        assertThat(model.tauDecay()).isEqualTo(10.0);
        assertThat(model.tauRise()).isEqualTo(1.0);
        assertThat(model.amplitude()).isEqualTo(1.0);
        assertThat(model.normalization()).isEqualTo(Normalization.PEAK);
        assertThat(model.name()).isEqualTo("DualExpon");
        // A = τd/(τd−τr)·(τr/τd)^{τr/(τr−τd)} for 10 ms and 1 ms
        assertThat(model.scale()).isCloseTo(10.0 / 9 * Math.pow(0.1, -1.0 / 9), within(1e-15));
    }

    @Test
    void equalTimeConstantsShouldBeAnErrorWithPeakOrChargeNamingBoth()
    {
        assertThatThrownBy(() -> new DualExponential(5, 5, 1, Normalization.PEAK))
            .isInstanceOf(ModelException.class)
            .hasMessage("DualExpon: tauRise must differ from tauDecay with normalization=peak, got tauRise=5 ms, "
                + "tauDecay=5 ms; use Alpha for equal time constants or normalization=none");
        assertThatThrownBy(() -> new DualExponential(5, 5, 1, Normalization.CHARGE))
            .isInstanceOf(ModelException.class)
            .hasMessageContaining("tauRise must differ from tauDecay with normalization=charge");
        assertThat(new DualExponential(5, 5, 1, Normalization.NONE).scale()).isEqualTo(1.0);
    }

    @Test
    void invalidParametersShouldNameTheModelTheParameterAndTheRange()
    {
        assertThatThrownBy(() -> new DualExponential(0, 1, 1, Normalization.PEAK))
            .hasMessage("DualExpon: tauDecay must be > 0 ms and finite, got tauDecay=0 ms");
        assertThatThrownBy(() -> new DualExponential(10, -1, 1, Normalization.PEAK))
            .hasMessage("DualExpon: tauRise must be > 0 ms and finite, got tauRise=-1 ms");
        assertThatThrownBy(() -> new DualExponential(10, 1, Double.NaN, Normalization.PEAK))
            .hasMessage("DualExpon: amplitude must be a finite number, got amplitude=NaN");
        assertThatThrownBy(() -> Normalization.parse("area"))
            .isInstanceOf(ModelException.class)
            .hasMessage("DualExpon: normalization must be one of [peak, charge, none], got normalization=area");
        assertThat(Normalization.parse(" Charge ")).isEqualTo(Normalization.CHARGE);
    }
}
