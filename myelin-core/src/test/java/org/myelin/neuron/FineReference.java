package org.myelin.neuron;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent reference for the neuron tests: one neuron, written out by hand as scalar
 * equations, integrated with the classic RK4 at a step far below the simulation's (dt/100 or
 * finer), with spike times found by linear interpolation of the crossing inside the fine step.
 */
final class FineReference
{
    /** The right-hand side {@code dy = f(y)}. */
    @FunctionalInterface
    interface Rhs
    {
        void f(double[] y, double[] dy);
    }

    /** The reset applied to y after a spike. */
    @FunctionalInterface
    interface Reset
    {
        void apply(double[] y);
    }

    /** Spike times [ms] and the largest v reached. */
    record Result(List<Double> spikeTimes, double maxV)
    {
        double[] times()
        {
            return spikeTimes.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private FineReference()
    {
    }

    /**
     * Integrates from y0 for {@code tEnd} ms; a spike is the crossing of {@code vTh} by y[0]
     * upward; after it {@code reset} (if not null) is applied and y[0] stays clamped for
     * {@code tRef} ms.
     */
    static Result run(
        final Rhs rhs, final double[] y0, final double h, final double tEnd, final double vTh, final Reset reset,
        final double tRef)
    {
        final double[] y = y0.clone();
        final double[][] scratch = new double[5][y.length];
        final List<Double> spikes = new ArrayList<>();
        double maxV = y[0];
        double refractoryUntil = -1;
        final long steps = Math.round(tEnd / h);
        for (long s = 0; s < steps; s++)
        {
            final double t = s * h;
            final boolean clamped = t < refractoryUntil - 1e-12;
            final double vBefore = y[0];
            rk4(rhs, y, h, scratch, clamped);
            if (clamped)
            {
                y[0] = vBefore;
            }
            maxV = Math.max(maxV, y[0]);
            if (vBefore < vTh && y[0] >= vTh)
            {
                final double tCross = t + h * (vTh - vBefore) / (y[0] - vBefore);
                spikes.add(tCross);
                if (reset != null)
                {
                    reset.apply(y);
                    refractoryUntil = t + h + tRef;
                }
            }
        }
        return new Result(spikes, maxV);
    }

    /** One classic RK4 step of y in place; {@code clampV} keeps y[0] fixed in the stages. */
    private static void rk4(final Rhs rhs, final double[] y, final double h, final double[][] scratch,
        final boolean clampV)
    {
        final double[] k1 = scratch[0];
        final double[] k2 = scratch[1];
        final double[] k3 = scratch[2];
        final double[] k4 = scratch[3];
        final double[] tmp = scratch[4];
        rhs.f(y, k1);
        step(y, k1, 0.5 * h, tmp, clampV);
        rhs.f(tmp, k2);
        step(y, k2, 0.5 * h, tmp, clampV);
        rhs.f(tmp, k3);
        step(y, k3, h, tmp, clampV);
        rhs.f(tmp, k4);
        for (int j = 0; j < y.length; j++)
        {
            y[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        }
    }

    private static void step(final double[] y, final double[] dy, final double h, final double[] out,
        final boolean clampV)
    {
        for (int j = 0; j < y.length; j++)
        {
            out[j] = y[j] + h * dy[j];
        }
        if (clampV)
        {
            out[0] = y[0];
        }
    }

    /** The state after {@code tEnd} ms of RK4 with step {@code h}, without spikes. */
    static double[] endState(final Rhs rhs, final double[] y0, final double h, final double tEnd)
    {
        final double[] y = y0.clone();
        final double[][] scratch = new double[5][y.length];
        final long steps = Math.round(tEnd / h);
        for (long s = 0; s < steps; s++)
        {
            rk4(rhs, y, h, scratch, false);
        }
        return y;
    }

    /** Mean inter-spike interval of spikes after {@code fromMs}. */
    static double meanIsi(final double[] times, final double fromMs)
    {
        int first = 0;
        while (first < times.length && times[first] < fromMs)
        {
            first++;
        }
        final int n = times.length - first;
        if (n < 2)
        {
            return Double.POSITIVE_INFINITY;
        }
        return (times[times.length - 1] - times[first]) / (n - 1);
    }

    /** Adaptive Simpson quadrature of {@code f} on [a, b] to tolerance {@code eps}. */
    static double integrate(final java.util.function.DoubleUnaryOperator f, final double a, final double b,
        final double eps)
    {
        final double fa = f.applyAsDouble(a);
        final double fb = f.applyAsDouble(b);
        final double m = 0.5 * (a + b);
        final double fm = f.applyAsDouble(m);
        return simpson(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), eps, 50);
    }

    private static double simpson(final java.util.function.DoubleUnaryOperator f, final double a, final double b,
        final double fa, final double fm, final double fb, final double whole, final double eps, final int depth)
    {
        final double m = 0.5 * (a + b);
        final double lm = 0.5 * (a + m);
        final double rm = 0.5 * (m + b);
        final double flm = f.applyAsDouble(lm);
        final double frm = f.applyAsDouble(rm);
        final double left = (m - a) / 6 * (fa + 4 * flm + fm);
        final double right = (b - m) / 6 * (fm + 4 * frm + fb);
        if (depth <= 0 || Math.abs(left + right - whole) <= 15 * eps)
        {
            return left + right + (left + right - whole) / 15;
        }
        return simpson(f, a, m, fa, flm, fm, left, eps / 2, depth - 1)
            + simpson(f, m, b, fm, frm, fb, right, eps / 2, depth - 1);
    }
}
