#!/usr/bin/env python3
"""PyTorch reference for Myelin's training benchmarks (Debian's python3-torch, CPU).

The network is Myelin's, equation for equation: exact LIF with an exponential current synapse
(NEST's propagator), reset to vReset with the reset detached, Heaviside spikes with the fast-sigmoid
(SuperSpike) surrogate, a leaky rate readout, cross-entropy of the readout's maximum over time,
Adam. An input at step n moves the membrane from step n + 1 on, as in Myelin and its simulator.

usage:
  train_torch.py speed   [--threads N] [--steps K] [--warmup W]            time per training step
  train_torch.py randman DIR [--threads N] [--epochs E] [--own-order] [--float64]
                                                                           train on the data, initial weights
                                                                           and batch order Myelin wrote
Prints one line of key=value results (the last line), for myelin-bench/scripts/train-bench.sh.
Install: apt-get install -y python3-torch; run with /usr/bin/python3.
"""
import argparse
import math
import resource
import os
import sys
import time

try:
    import numpy as np
    import torch
except ImportError as e:  # pragma: no cover
    print(f"SKIP: PyTorch not available ({e}); apt-get install -y python3-torch", file=sys.stderr)
    sys.exit(3)


class SpikeFunction(torch.autograd.Function):
    """Heaviside forward (x > 0), fast-sigmoid derivative 1/(1 + alpha|x|)^2 backward."""

    alpha = 100.0

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad / (1.0 + SpikeFunction.alpha * x.abs()) ** 2


def propagator21(h, tau_syn, tau_m):
    if abs(tau_syn - tau_m) < 1e-9 * tau_m:
        return h / tau_m * math.exp(-h / tau_m)
    return tau_syn / (tau_syn - tau_m) * (math.exp(-h / tau_syn) - math.exp(-h / tau_m))


class Network(torch.nn.Module):
    def __init__(self, w_in, w_rec, w_out, dt, tau_m, tau_syn, tau_out, v_th=1.0, v_reset=0.0, v_rest=0.0):
        super().__init__()
        self.w_in = torch.nn.Parameter(w_in)
        self.w_rec = torch.nn.Parameter(w_rec)
        self.w_out = torch.nn.Parameter(w_out)
        self.register_buffer("no_self", 1.0 - torch.eye(w_rec.shape[0], dtype=w_rec.dtype))
        p22 = math.exp(-dt / tau_m)
        cw = propagator21(dt, tau_syn, tau_m) / -math.expm1(-dt / tau_m)
        self.alpha, self.beta, self.gamma = p22, (1 - p22) * v_rest, cw * (1 - p22)
        self.decay, self.decay_out = math.exp(-dt / tau_syn), math.exp(-dt / tau_out)
        self.v_th, self.v_reset, self.v_rest, self.span = v_th, v_reset, v_rest, v_th - v_reset

    def forward(self, x):
        # x: [steps, batch, inputs] spikes; the input's weighted sums are made once for all steps
        steps, batch, _ = x.shape
        n = self.w_rec.shape[0]
        drive = x @ self.w_in
        w_rec = self.w_rec * self.no_self
        v = torch.full((batch, n), self.v_rest, dtype=x.dtype)
        g = torch.zeros(batch, n, dtype=x.dtype)
        r = torch.zeros(batch, self.w_out.shape[1], dtype=x.dtype)
        out = []
        for t in range(steps):
            p = self.alpha * v + self.beta + self.gamma * g
            s = SpikeFunction.apply((p - self.v_th) / self.span)
            sd = s.detach()
            v = p * (1 - sd) + self.v_reset * sd
            g = self.decay * g + drive[t] + s @ w_rec
            r = self.decay_out * r + s @ self.w_out
            out.append(r)
        return torch.stack(out)  # [steps, batch, classes]


def loss_fn(readout, labels):
    logits, _ = readout.max(dim=0)
    return torch.nn.functional.cross_entropy(logits, labels), logits


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def speed(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    steps, batch, n_in, n_rec, n_out = 100, 256, 100, 200, 10
    x = (torch.rand(steps, batch, n_in) < args.rate).float()
    labels = torch.randint(0, n_out, (batch,))
    net = Network(torch.randn(n_in, n_rec) * args.gain / math.sqrt(n_in),
                  torch.randn(n_rec, n_rec) * args.gain / 2 / math.sqrt(n_rec),
                  torch.randn(n_rec, n_out) / math.sqrt(n_rec), 1.0, 20.0, 5.0, 20.0)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    times = []
    for k in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss, _ = loss_fn(net(x), labels)
        loss.backward()
        opt.step()
        if k >= args.warmup:
            times.append(time.perf_counter() - t0)
    times.sort()
    print(f"torch task=speed threads={args.threads} step_s={times[len(times) // 2]:.4f} "
          f"min_s={times[0]:.4f} peak_rss_mb={peak_rss_mb():.0f} loss={loss.item():.4f}")


def randman(args):
    torch.set_num_threads(args.threads)
    d = args.dir.rstrip("/")
    load = lambda name: np.load(f"{d}/{name}.npy")
    meta = dict(line.split("=", 1) for line in open(f"{d}/meta.txt").read().split())
    steps, units = int(meta["steps"]), int(meta["inputs"])

    def dense(prefix):
        sample, step, unit = load(prefix + "_sample"), load(prefix + "_step"), load(prefix + "_unit")
        labels = torch.from_numpy(load(prefix + "_label").astype(np.int64))
        x = torch.zeros(steps, len(labels), units)
        x[torch.from_numpy(step.astype(np.int64)), torch.from_numpy(sample.astype(np.int64)),
          torch.from_numpy(unit.astype(np.int64))] = 1.0
        return x, labels

    x_train, y_train = dense("train")
    x_test, y_test = dense("test")
    dtype = torch.float64 if args.float64 else torch.float32
    x_train, x_test = x_train.to(dtype), x_test.to(dtype)
    net = Network(*(torch.from_numpy(load(n)).to(dtype) for n in ("w_in", "w_rec", "w_out")),
                  float(meta["dt"]), float(meta["tau_m"]), float(meta["tau_syn"]), float(meta["tau_out"]))
    SpikeFunction.alpha = float(meta["alpha"])
    opt = torch.optim.Adam(net.parameters(), lr=float(meta["lr"]))
    batch = int(meta["batch"])
    gen = torch.Generator().manual_seed(int(meta["seed"]))
    # Myelin's sample order of each epoch, when it wrote one and --own-order is not given: the two
    # runs then see the same batches and differ only in their arithmetic
    shared = None
    if not args.own_order and os.path.exists(f"{d}/order.npy"):
        shared = torch.from_numpy(load("order").astype(np.int64)).reshape(-1, len(y_train))
    if shared is not None and os.path.exists(f"{d}/grad_w_in.npy"):
        print("torch first_batch " + check_first_gradients(d, load, meta, x_train, y_train, shared[0], batch),
              flush=True)
    if args.epochs == 0:
        return
    batch_times = []
    for epoch in range(1, args.epochs + 1):
        order = shared[epoch - 1] if shared is not None and epoch <= len(shared) \
            else torch.randperm(len(y_train), generator=gen)
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            t0 = time.perf_counter()
            opt.zero_grad()
            loss, _ = loss_fn(net(x_train[:, idx]), y_train[idx])
            loss.backward()
            opt.step()
            batch_times.append(time.perf_counter() - t0)
        with torch.no_grad():
            correct = sum((loss_fn(net(x_test[:, k:k + batch]), y_test[k:k + batch])[1].argmax(1)
                           == y_test[k:k + batch]).sum().item() for k in range(0, len(y_test), batch))
        acc = correct / len(y_test)
        print(f"torch epoch={epoch} loss={loss.item():.4f} test_accuracy={acc:.4f}", flush=True)
    batch_times.sort()
    print(f"torch task=randman threads={args.threads} epochs={args.epochs} seed={meta['seed']} "
          f"order={'own' if shared is None else 'myelin'} test_accuracy={acc:.4f} "
          f"batch_s={batch_times[len(batch_times) // 2]:.4f} peak_rss_mb={peak_rss_mb():.0f}")


def check_first_gradients(d, load, meta, x_train, y_train, order, batch):
    """Myelin's loss and gradients of the first batch from the initial weights against PyTorch's,
    in float32 (the training's arithmetic) and float64: when they agree to rounding, the two compute
    the same function and gradient, and later differences are rounding amplified by training.
    Returns one 'key=value' string."""
    idx = order[:batch]
    myelin_loss = float(open(f"{d}/loss0.txt").read())
    parts = [f"myelin_loss0={myelin_loss:.7f}"]
    for dtype, tag in ((torch.float32, "f32"), (torch.float64, "f64")):
        twin = Network(*(torch.from_numpy(load(n)).to(dtype) for n in ("w_in", "w_rec", "w_out")),
                       float(meta["dt"]), float(meta["tau_m"]), float(meta["tau_syn"]), float(meta["tau_out"]))
        loss, _ = loss_fn(twin(x_train[:, idx].to(dtype)), y_train[idx])
        loss.backward()
        worst = 0.0
        for name in ("w_in", "w_rec", "w_out"):
            ours = torch.from_numpy(load("grad_" + name)).to(torch.float64)
            theirs = getattr(twin, name).grad.to(torch.float64)
            worst = max(worst, ((theirs - ours).norm() / ours.norm()).item())
        parts.append(f"torch_{tag}_loss0={loss.item():.7f} grad_rel_diff_{tag}={worst:.2e}")
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="task", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--threads", type=int, default=1)
    s.add_argument("--steps", type=int, default=10)
    s.add_argument("--warmup", type=int, default=2)
    s.add_argument("--rate", type=float, default=0.05)
    s.add_argument("--gain", type=float, default=3.0)
    r = sub.add_parser("randman")
    r.add_argument("dir")
    r.add_argument("--threads", type=int, default=1)
    r.add_argument("--epochs", type=int, default=50)
    r.add_argument("--own-order", action="store_true", help="draw its own batch order instead of Myelin's")
    r.add_argument("--float64", action="store_true", help="train in double precision, Myelin's arithmetic")
    args = parser.parse_args()
    speed(args) if args.task == "speed" else randman(args)


if __name__ == "__main__":
    main()
