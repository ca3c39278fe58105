package org.myelin.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.myelin.connect.FixedProbability;
import org.myelin.monitor.StateMonitor;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.neuron.ScheduledSource;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Nmda;
import org.myelin.synapse.SynapseKernels;
import org.myelin.util.ModelException;

class MgBlockTest
{
    @Test
    void blockShouldFollowItsFormulaFromMinus100ToPlus40Millivolts()
    {
        final MgBlock mg = new MgBlock();
        final int n = 1401;
        final double[] v = new double[n];
        final double[] g = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = -100 + i * 0.1;
            g[i] = 0.5 + i * 1e-3;
        }
        final double[] conductance = new double[n];
        final double[] current = new double[n];
        mg.addCurrent(g, 0, n, v, conductance, current, 1.0);

        for (int i = 0; i < n; i++)
        {
            // B(v) = 1/(1 + [Mg]/β·e^{−αv}) with [Mg] = 1.2 mM, β = 3.57 mM, α = 0.062 /mV
            final double b = 1 / (1 + 1.2 / 3.57 * Math.exp(-0.062 * v[i]));
            assertThat(mg.block(v[i])).isCloseTo(b, within(1e-15));
            final double expectedCurrent = g[i] * b * (0 - v[i]);
            assertThat(current[i] - conductance[i] * v[i]).isCloseTo(expectedCurrent, within(1e-12));
        }
        // mostly blocked at rest, mostly open when depolarised
        assertThat(mg.block(-100)).isLessThan(0.01);
        assertThat(mg.block(-65)).isCloseTo(0.0502, within(1e-4));
        assertThat(mg.block(40)).isGreaterThan(0.95);
    }

    @Test
    void reversalPotentialShouldEnterTheCurrent()
    {
        final MgBlock mg = new MgBlock(-10, 2, 0.08, 3);
        final double[] conductance = new double[1];
        final double[] current = new double[1];
        mg.addCurrent(new double[] {2}, 0, 1, new double[] {-30}, conductance, current, 1.0);
        final double b = 1 / (1 + 2.0 / 3 * Math.exp(0.08 * 30));
        assertThat(current[0] - conductance[0] * -30).isCloseTo(2 * b * (-10 + 30), within(1e-12));
        assertThat(mg.dependsOnVoltage()).isTrue();
    }

    @Test
    void nmdaThroughTheMgBlockShouldDriveTheMembraneAsItsEquation()
    {
        final double dt = 0.1;
        final double w = 3;
        final Lif.Parameters p = new Lif.Parameters(-60, 1000, -70, 20, 1, 0, 0, Integrator.EULER);
        final Network net = new Network(dt, 1);
        final ScheduledSource src = net.add(ScheduledSource.single("src", 10, 12, 14, 300));
        final Lif post = net.add(new Lif("post", 1, p));
        final Nmda nmda = new Nmda(100, 2, 0.5, 4.0);
        final MgBlock mg = new MgBlock();
        net.connect("src->post", src, post, new FixedProbability(1), nmda, mg, "gn", w, 0);
        final StateMonitor v = net.monitorState(post, "v", new int[] {0}, 1);
        new Simulation(net, 1).runSteps(3000, null);

        // Euler: v ← v + dt/τm·((vRest − v) + R·g·B(v)·(E − v)), g from the stand-alone kernel
        final double[] g = SynapseKernels.response(nmda, dt, 3000, w, 10, 12, 14, 300);
        double expected = -60;
        double depolarised = -60;
        for (int n = 0; n < 3000; n++)
        {
            assertThat(v.value(n, 0)).as("step %d", n).isCloseTo(expected, within(1e-9));
            expected += dt / 20 * ((-60 - expected) + g[n] * mg.block(expected) * (0 - expected));
            depolarised = Math.max(depolarised, expected);
        }
        assertThat(depolarised).isGreaterThan(-59);
    }

    @Test
    void invalidParametersShouldNameTheOutputTheParameterAndTheRange()
    {
        assertThatThrownBy(() -> new MgBlock(0, -1.2, 0.062, 3.57))
            .isInstanceOf(ModelException.class)
            .hasMessage("MgBlock output: cMg must be >= 0 mM and finite, got cMg=-1.2 mM");
        assertThatThrownBy(() -> new MgBlock(0, 1.2, 0.062, 0))
            .hasMessage("MgBlock output: beta must be > 0 mM and finite, got beta=0 mM");
        assertThatThrownBy(() -> new MgBlock(0, 1.2, Double.NaN, 3.57))
            .hasMessage("MgBlock output: alpha must be a finite number, got alpha=NaN /mV");
        assertThatThrownBy(() -> new MgBlock(Double.POSITIVE_INFINITY, 1.2, 0.062, 3.57))
            .hasMessage("MgBlock output: eRev must be a finite number, got eRev=Infinity mV");
    }
}
