package org.myelin.synapse;

/**
 * A classic fourth-order Runge–Kutta integrator for small systems: the independent oracle for
 * the kinetic synapse models. The right-hand side may depend on the index of the coarse step
 * (piecewise-constant forcing such as a transmitter pulse), which is constant over each
 * sub-step.
 */
final class Rk4
{
    /** The right-hand side {@code dy/dt = f(y)} during coarse step {@code step}. */
    @FunctionalInterface
    interface System
    {
        void derivative(long step, double[] y, double[] dydt);
    }

    private Rk4()
    {
    }

    /**
     * Integrates over {@code steps} coarse steps of {@code dt}, each cut into {@code sub}
     * sub-steps, calling {@code kick} at the start of each coarse step (to apply spike jumps) and
     * recording {@code y[observed]} after the kick.
     */
    static double[] run(
        final System f, final double[] y0, final double dt, final int steps, final int sub,
        final java.util.function.ObjLongConsumer<double[]> kick, final int observed)
    {
        final int n = y0.length;
        final double[] y = y0.clone();
        final double[] k1 = new double[n];
        final double[] k2 = new double[n];
        final double[] k3 = new double[n];
        final double[] k4 = new double[n];
        final double[] tmp = new double[n];
        final double h = dt / sub;
        final double[] out = new double[steps];
        for (int s = 0; s < steps; s++)
        {
            kick.accept(y, s);
            out[s] = y[observed];
            for (int j = 0; j < sub; j++)
            {
                f.derivative(s, y, k1);
                for (int i = 0; i < n; i++)
                {
                    tmp[i] = y[i] + 0.5 * h * k1[i];
                }
                f.derivative(s, tmp, k2);
                for (int i = 0; i < n; i++)
                {
                    tmp[i] = y[i] + 0.5 * h * k2[i];
                }
                f.derivative(s, tmp, k3);
                for (int i = 0; i < n; i++)
                {
                    tmp[i] = y[i] + h * k3[i];
                }
                f.derivative(s, tmp, k4);
                for (int i = 0; i < n; i++)
                {
                    y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
        }
        return out;
    }
}
