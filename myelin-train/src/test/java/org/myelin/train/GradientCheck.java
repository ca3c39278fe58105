package org.myelin.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.myelin.random.RandomStream;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.Loss;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.parameter.Parameter;

/**
 * Compares the backward pass of a network in smooth mode with central finite differences of its
 * loss (Richardson-extrapolated, so the truncation error is O(h⁴)), entry by entry.
 */
public final class GradientCheck
{
    /** The relative error every entry must stay within. */
    public static final double TOLERANCE = 1e-6;

    private GradientCheck()
    {
    }

    /** Random spike trains: each source spikes with probability {@code p} per step. */
    public static Signal randomSpikes(final int batch, final int steps, final int units, final double p, final long seed)
    {
        final Signal s = Signal.spikes(units).resize(batch, steps);
        final RandomStream rng = new RandomStream(seed);
        final int[] ids = s.ids();
        for (int b = 0; b < batch; b++)
        {
            int w = s.regionStart(b);
            for (int n = 0; n < steps; n++)
            {
                for (int i = 0; i < units; i++)
                {
                    if (rng.nextDouble() < p)
                    {
                        ids[w++] = i;
                    }
                }
                s.setEnd(b, n, w);
            }
        }
        return s;
    }

    /** Random dense input, uniform in [−1, 1). */
    public static Signal randomDense(final int batch, final int steps, final int units, final long seed)
    {
        final Signal s = Signal.dense(units).resize(batch, steps);
        final RandomStream rng = new RandomStream(seed);
        for (int k = 0; k < batch * steps * units; k++)
        {
            s.values()[k] = 2 * rng.nextDouble() - 1;
        }
        return s;
    }

    /** Random labels in {@code [0, classes)}. */
    public static int[] randomLabels(final int batch, final int classes, final long seed)
    {
        final RandomStream rng = new RandomStream(seed);
        final int[] labels = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            labels[b] = rng.nextInt(classes);
        }
        return labels;
    }

    /** Checks every entry of every parameter; returns the largest relative error seen. */
    public static double check(final Sequential net, final Batch batch, final Loss loss,
        final List<FiringRateRegularizer> regularizers, final double dt)
    {
        return check(net, batch, loss, regularizers, dt, Integer.MAX_VALUE);
    }

    /** Checks up to {@code perParameter} entries of each parameter (spread over the matrix). */
    public static double check(final Sequential net, final Batch batch, final Loss loss,
        final List<FiringRateRegularizer> regularizers, final double dt, final int perParameter)
    {
        try (Workers workers = new Workers(1))
        {
            net.zeroGradients();
            net.holdDetached(false);
            net.run(batch, loss, regularizers, dt, true, workers, true);
            net.holdDetached(true);
            double worst = 0;
            int checked = 0;
            for (final Parameter p : net.parameters())
            {
                final double[] analytic = p.gradient().clone();
                final double scale = maxAbs(analytic);
                final int stride = Math.max(1, p.size() / perParameter);
                for (int k = 0; k < p.size(); k += stride)
                {
                    if (p.frozen(k))
                    {
                        assertThat(analytic[k]).as("%s[%d] is masked", p.name(), k).isZero();
                        continue;
                    }
                    final double fd = finiteDifference(net, batch, loss, regularizers, dt, workers, p, k);
                    final double error = Math.abs(analytic[k] - fd) / Math.max(Math.max(Math.abs(fd), Math.abs(analytic[k])),
                        1e-3 * scale + 1e-12);
                    assertThat(error).as("%s[%d]: backward %s, finite differences %s", p.name(), k, analytic[k], fd)
                        .isLessThanOrEqualTo(TOLERANCE);
                    worst = Math.max(worst, error);
                    checked++;
                }
            }
            net.holdDetached(false);
            assertThat(checked).isPositive();
            return worst;
        }
    }

    private static double finiteDifference(final Sequential net, final Batch batch, final Loss loss,
        final List<FiringRateRegularizer> regularizers, final double dt, final Workers workers, final Parameter p,
        final int k)
    {
        final double h = 1e-4 * Math.max(1.0, Math.abs(p.value()[k]));
        final double d1 = central(net, batch, loss, regularizers, dt, workers, p, k, h);
        final double d2 = central(net, batch, loss, regularizers, dt, workers, p, k, h / 2);
        return (4 * d2 - d1) / 3;
    }

    private static double central(final Sequential net, final Batch batch, final Loss loss,
        final List<FiringRateRegularizer> regularizers, final double dt, final Workers workers, final Parameter p,
        final int k, final double h)
    {
        final double w = p.value()[k];
        p.value()[k] = w + h;
        net.parametersChanged();
        final double plus = net.run(batch, loss, regularizers, dt, false, workers, true).total();
        p.value()[k] = w - h;
        net.parametersChanged();
        final double minus = net.run(batch, loss, regularizers, dt, false, workers, true).total();
        p.value()[k] = w;
        net.parametersChanged();
        return (plus - minus) / (2 * h);
    }

    private static double maxAbs(final double[] values)
    {
        double m = 0;
        for (final double v : values)
        {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
