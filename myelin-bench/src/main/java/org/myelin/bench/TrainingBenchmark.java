package org.myelin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.myelin.io.Npy;
import org.myelin.neuron.Alif;
import org.myelin.base.Integrator;
import org.myelin.neuron.Lif;
import org.myelin.random.RandomStream;
import org.myelin.synapse.Exponential;
import org.myelin.train.data.Batch;
import org.myelin.train.data.Signal;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.FiringRateRegularizer;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.BatchResult;
import org.myelin.train.network.Sequential;
import org.myelin.train.network.Workers;
import org.myelin.train.optim.Adam;
import org.myelin.train.surrogate.FastSigmoid;
import org.myelin.train.surrogate.PiecewiseLinear;
import org.myelin.train.task.CueAccumulation;
import org.myelin.train.task.Dataset;
import org.myelin.train.task.MiniBatches;
import org.myelin.train.task.Randman;
import org.myelin.train.trainer.EpochMetrics;
import org.myelin.train.trainer.Trainer;
import org.myelin.train.trainer.TrainingListener;
import org.myelin.train.weights.WeightInit;

/**
 * The training benchmarks, each printing one {@code key=value} line last (read by
 * {@code myelin-bench/scripts/train-bench.sh}; {@code train_torch.py} prints the same keys):
 * <ul>
 *   <li>{@code speed}: a recurrent LIF network 100 inputs → 200 → 10 leaky readout, 100 steps, batch
 *       256, Bernoulli input spikes (p = 0.05 per step), fast-sigmoid surrogate, Adam; the median
 *       time of a training step (forward, backward, optimiser) after warm-up, and the peak RSS;</li>
 *   <li>{@code randman DIR}: Randman (10 classes, 20 inputs, 100 steps, one spike per input,
 *       dimension 1, 1000 samples per class, 8000/2000 split), 100 recurrent LIF, 50 epochs; writes
 *       the data and the initial weights to DIR for the PyTorch run;</li>
 *   <li>{@code cues}: the e-prop cue-accumulation task, 50 LIF + 50 ALIF, fresh batches of 64 each
 *       iteration, validation error on 512 trials every 10 iterations, 500 iterations.</li>
 * </ul>
 * usage: {@code TrainingBenchmark speed|randman DIR|cues [--threads N] [--steps K] [--warmup W]
 * [--epochs E] [--iterations I] [--seed S]}
 */
public final class TrainingBenchmark
{
    private TrainingBenchmark()
    {
    }

    /** Runs one benchmark. */
    public static void main(final String[] args) throws IOException
    {
        if (args.length == 0)
        {
            System.err.println("usage: TrainingBenchmark speed|randman DIR|cues [--threads N] [--steps K] "
                + "[--warmup W] [--epochs E] [--iterations I]");
            System.exit(2);
        }
        int threads = 1;
        int steps = 10;
        int warmup = 3;
        int epochs = 50;
        int iterations = 500;
        long seed = 1;
        Path dir = null;
        for (int k = 1; k < args.length; k++)
        {
            switch (args[k])
            {
                case "--threads" -> threads = Integer.parseInt(args[++k]);
                case "--steps" -> steps = Integer.parseInt(args[++k]);
                case "--warmup" -> warmup = Integer.parseInt(args[++k]);
                case "--epochs" -> epochs = Integer.parseInt(args[++k]);
                case "--iterations" -> iterations = Integer.parseInt(args[++k]);
                case "--seed" -> seed = Long.parseLong(args[++k]);
                default -> dir = Path.of(args[k]);
            }
        }
        switch (args[0])
        {
            case "speed" -> speed(threads, steps, warmup);
            case "randman" -> randman(dir, threads, epochs, seed);
            case "cues" -> cues(threads, iterations);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static final Lif.Parameters LIF = new Lif.Parameters(0, 1, 0, 20, 1, 0, 0, Integrator.EXACT);

    static void speed(final int threads, final int steps, final int warmup)
    {
        final Sequential net = Sequential.builder(100)
            .add(SpikingLayer.lif("hidden", 200, LIF).synapse(new Exponential(5)).recurrent(true).detachReset(true)
                .surrogate(new FastSigmoid(100)).inputInit(WeightInit.scaledNormal(3))
                .recurrentInit(WeightInit.scaledNormal(1.5)))
            .add(RateReadout.of("out", 10, 20, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(1);
        final Signal input = Signal.spikes(100).resize(256, 100);
        final RandomStream rng = new RandomStream(7);
        final int[] labels = new int[256];
        for (int b = 0; b < 256; b++)
        {
            labels[b] = rng.nextInt(10);
            int w = input.regionStart(b);
            for (int n = 0; n < 100; n++)
            {
                for (int i = 0; i < 100; i++)
                {
                    if (rng.nextDouble() < 0.05)
                    {
                        input.ids()[w++] = i;
                    }
                }
                input.setEnd(b, n, w);
            }
        }
        final Batch batch = Batch.labelled(input, labels);
        final Dataset unused = Randman.generate(2, 100, 100, 1, 1, 1, 2, 1);
        final Trainer trainer = Trainer.builder(net, new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX)),
            Adam.adam(net.parameters(), 1e-3), unused).threads(threads).build();
        final double[] times = new double[steps];
        BatchResult last = null;
        try (Workers workers = new Workers(threads))
        {
            for (int k = 0; k < warmup + steps; k++)
            {
                final long t0 = System.nanoTime();
                last = trainer.step(batch, workers);
                if (k >= warmup)
                {
                    times[k - warmup] = (System.nanoTime() - t0) / 1e9;
                }
            }
        }
        Arrays.sort(times);
        long spikes = 0;
        for (int b = 0; b < 256; b++)
        {
            spikes += (long) net.layer("hidden").output().total(b);
        }
        System.out.printf(Locale.ROOT, "myelin task=speed threads=%d step_s=%.4f min_s=%.4f peak_rss_mb=%.0f "
            + "trajectory_mb=%.1f hidden_rate_hz=%.1f loss=%.4f%n", threads, times[steps / 2], times[0],
            ReferenceBench.peakRssMb(), net.bufferBytes() / 1048576.0, spikes / (256.0 * 200 * 0.1), last.loss());
    }

    static void randman(final Path dir, final int threads, final int epochs, final long seed) throws IOException
    {
        // seed 1 keeps the data set (seed 42) of the first published pairs; other seeds draw new data too
        final Dataset all = Randman.generate(10, 20, 100, 1, 1, 1000, 2.0, 41 + seed);
        final Dataset train = all.slice(0, 8000);
        final Dataset test = all.slice(8000, 10000);
        final Sequential net = Sequential.builder(20)
            .add(SpikingLayer.lif("hidden", 100, LIF).synapse(new Exponential(10)).recurrent(true).detachReset(true)
                .surrogate(new FastSigmoid(100)).inputInit(WeightInit.scaledNormal(4))
                .recurrentInit(WeightInit.scaledNormal(4)))
            .add(RateReadout.of("out", 10, 20, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(seed);
        if (dir != null)
        {
            Files.createDirectories(dir);
            writeDataset(dir, "train", train);
            writeDataset(dir, "test", test);
            final SpikingLayer hidden = (SpikingLayer) net.layer("hidden");
            Npy.write(dir.resolve("w_in.npy"), hidden.inputWeights().parameter().value(), 20, 100);
            Npy.write(dir.resolve("w_rec.npy"), hidden.recurrentWeights().parameter().value(), 100, 100);
            Npy.write(dir.resolve("w_out.npy"), net.layer("out").parameters().get(0).value(), 100, 10);
            Files.writeString(dir.resolve("meta.txt"), "steps=100 inputs=20 dt=1.0 tau_m=20.0 tau_syn=10.0 "
                + "tau_out=20.0 alpha=100.0 lr=0.002 batch=256 seed=" + seed + "\n");
            writeBatchOrder(dir, train, Math.max(epochs, 1), seed); // epoch 1 holds the first batch
        }
        final CrossEntropy loss = new CrossEntropy(TimeReduction.of(TimeReduction.Kind.MAX));
        if (dir != null)
        {
            writeFirstBatchGradients(dir, net, loss, train, seed);
        }
        if (epochs == 0)
        {
            return; // the data, initial weights and first gradients only
        }
        final Trainer trainer = Trainer.builder(net, loss, Adam.adam(net.parameters(), 2e-3), train).test(test).batchSize(256).threads(threads).seed(seed).build();
        final List<Double> batchSeconds = new ArrayList<>();
        final List<EpochMetrics> metrics = trainer.train(1, epochs, new TrainingListener()
        {
            private long last = System.nanoTime();

            @Override
            public void batchDone(final int epoch, final int batch, final int batches, final BatchResult result,
                final double samplesPerSecond)
            {
                final long now = System.nanoTime();
                batchSeconds.add((now - last) / 1e9);
                last = now;
            }

            @Override
            public void epochDone(final EpochMetrics m)
            {
                System.out.printf(Locale.ROOT, "myelin epoch=%d loss=%.4f train_accuracy=%.4f test_accuracy=%.4f "
                    + "seconds=%.1f%n", m.epoch(), m.loss(), m.trainAccuracy(), m.testAccuracy(), m.seconds());
                last = System.nanoTime();
            }
        });
        final double[] t = batchSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "myelin task=randman threads=%d epochs=%d seed=%d test_accuracy=%.4f "
            + "batch_s=%.4f peak_rss_mb=%.0f%n", threads, epochs, seed, metrics.get(metrics.size() - 1).testAccuracy(), t[t.length / 2],
            ReferenceBench.peakRssMb());
    }

    /**
     * The trainer's sample order of every epoch ({@code order.npy}, epochs × samples), so that the
     * PyTorch run sees the same batches and the two differ only in arithmetic.
     */
    private static void writeBatchOrder(final Path dir, final Dataset train, final int epochs, final long seed)
        throws IOException
    {
        final MiniBatches batches = new MiniBatches(train, 256, seed, true);
        final int[] order = new int[epochs * train.size()];
        for (int e = 0; e < epochs; e++)
        {
            System.arraycopy(batches.order(e), 0, order, e * train.size(), train.size());
        }
        Npy.write(dir.resolve("order.npy"), order); // flat: epochs × samples, row by row
    }

    /**
     * The loss and the parameter gradients of the first training batch from the initial weights
     * ({@code grad_w_in.npy}, {@code grad_w_rec.npy}, {@code grad_w_out.npy}, {@code loss0.txt}), so that the PyTorch side can check that it
     * computes the same function and gradient before the two runs part by rounding.
     */
    private static void writeFirstBatchGradients(final Path dir, final Sequential net, final CrossEntropy loss,
        final Dataset train, final long seed) throws IOException
    {
        final Batch first = new MiniBatches(train, 256, seed, true).batch(0, 0);
        try (Workers workers = new Workers(1))
        {
            net.zeroGradients();
            final BatchResult r = net.run(first, loss, List.of(), 1.0, true, workers);
            final SpikingLayer hidden = (SpikingLayer) net.layer("hidden");
            Npy.write(dir.resolve("grad_w_in.npy"), hidden.inputWeights().parameter().gradient(), 20, 100);
            Npy.write(dir.resolve("grad_w_rec.npy"), hidden.recurrentWeights().parameter().gradient(), 100, 100);
            Npy.write(dir.resolve("grad_w_out.npy"), net.layer("out").parameters().get(0).gradient(), 100, 10);
            Files.writeString(dir.resolve("loss0.txt"), String.format(Locale.ROOT, "%.17g%n", r.loss()));
            net.zeroGradients();
        }
    }

    private static void writeDataset(final Path dir, final String name, final Dataset d) throws IOException
    {
        int total = 0;
        for (int s = 0; s < d.size(); s++)
        {
            total += d.spikes(s);
        }
        final int[] sample = new int[total];
        final int[] step = new int[total];
        final int[] unit = new int[total];
        final int[] label = new int[d.size()];
        int k = 0;
        for (int s = 0; s < d.size(); s++)
        {
            label[s] = d.label(s);
            final int[][] ev = d.events(s);
            for (int e = 0; e < ev[0].length; e++)
            {
                sample[k] = s;
                step[k] = ev[0][e];
                unit[k] = ev[1][e];
                k++;
            }
        }
        Npy.write(dir.resolve(name + "_sample.npy"), sample);
        Npy.write(dir.resolve(name + "_step.npy"), step);
        Npy.write(dir.resolve(name + "_unit.npy"), unit);
        Npy.write(dir.resolve(name + "_label.npy"), label);
    }

    static void cues(final int threads, final int iterations)
    {
        final double dt = 1.0;
        final double rho = Math.exp(-dt / 2000);
        final double betaA = 1.7 * (1 - rho) / (1 - Math.exp(-dt / 20));
        final double[] beta = new double[100];
        Arrays.fill(beta, 50, 100, betaA);
        final Alif.Parameters alif = new Alif.Parameters(0, 0.6, 0, 20, 1, 2000, betaA, 5, 0, Integrator.EXACT);
        final Sequential net = Sequential.builder(CueAccumulation.INPUTS)
            .add(SpikingLayer.alif("rec", 100, alif).beta(beta).recurrent(true).reset(SpikingLayer.Reset.SUBTRACT)
                .surrogate(new PiecewiseLinear(0.3, 1)).inputInit(WeightInit.scaledNormal(1))
                .recurrentInit(WeightInit.scaledNormal(1)))
            .add(RateReadout.of("out", 2, 20, WeightInit.scaledNormal(1)))
            .build();
        net.initialize(1);
        final Dataset validation = CueAccumulation.generate(512, dt, 999_999);
        final Trainer trainer = Trainer.builder(net, new CrossEntropy(new TimeReduction(TimeReduction.Kind.MEAN, -150,
            0)), Adam.adam(net.parameters(), 0.005), validation).batchSize(64).threads(threads).dt(dt)
            .regularizer(new FiringRateRegularizer("rec", FiringRateRegularizer.Scope.PER_NEURON,
                FiringRateRegularizer.Bound.BOTH, 10, 1e-6))
            .build();
        int below = -1;
        double error = Double.NaN;
        final long start = System.nanoTime();
        try (Workers workers = new Workers(threads))
        {
            for (int it = 1; it <= iterations; it++)
            {
                final Dataset fresh = CueAccumulation.generate(64, dt, it);
                trainer.step(fresh.batch(java.util.stream.IntStream.range(0, 64).toArray(), null), workers);
                if (it % 10 == 0)
                {
                    final BatchResult r = trainer.evaluate(validation, workers);
                    error = 1 - (double) r.correct() / r.samples();
                    if (below < 0 && error < 0.07)
                    {
                        below = it;
                    }
                    System.out.printf(Locale.ROOT, "myelin iteration=%d validation_error=%.4f seconds=%.0f%n", it, error,
                        (System.nanoTime() - start) / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "myelin task=cues threads=%d iterations=%d validation_error=%.4f "
            + "first_below_7pct=%d seconds=%.0f%n", threads, iterations, error, below, (System.nanoTime() - start) / 1e9);
    }
}
