#!/usr/bin/env python3
"""Song, Miller & Abbott (2000) as in Brian2's examples/synapses/STDP.py: 1000 Poisson inputs at
15 Hz into one conductance-based LIF, additive all-to-all STDP with hard bounds.
usage: stdp_song2000_brian2.py TARGET(numpy|cython|cpp) T_SECONDS OUTDIR [SEED]
Writes into OUTDIR: w0.npy (initial weights, float64, drawn with numpy from SEED), input_i.npy and
input_step.npy (the input spikes, int32/int64), post_step.npy (the output neuron's spikes),
w.npy (final weights). Prints: build_s run_s post_spikes below_0.1 above_0.9"""
import sys, os, time
import numpy as np
from brian2 import *
target, T, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
seed_value = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
os.makedirs(out, exist_ok=True)
if target == 'cpp':
    set_device('cpp_standalone', directory=os.path.join(out, 'song_cpp'), build_on_run=False)
else:
    prefs.codegen.target = target
defaultclock.dt = 0.1*ms
seed(seed_value)
N = 1000
taum = 10*ms; taupre = 20*ms; taupost = taupre
Ee = 0*mV; vt = -54*mV; vr = -60*mV; El = -74*mV; taue = 5*ms
F = 15*Hz; gmax = .01
dApre = .01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax
dApre *= gmax
eqs_neurons = '''dv/dt = (ge * (Ee-v) + El - v) / taum : volt
dge/dt = -ge / taue : 1'''
poisson_input = PoissonGroup(N, rates=F)
neurons = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method='euler')
S = Synapses(poisson_input, neurons,
             '''w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)''',
             on_pre='''ge += w
                    Apre += dApre
                    w = clip(w + Apost, 0, gmax)''',
             on_post='''Apost += dApost
                     w = clip(w + Apre, 0, gmax)''')
S.connect()
w0 = np.random.RandomState(seed_value).uniform(0, gmax, N)
S.w = w0
s_in = SpikeMonitor(poisson_input)
s_out = SpikeMonitor(neurons)
t0 = time.time()
run(T*second, report=None)
if target == 'cpp':
    device.build(directory=os.path.join(out, 'song_cpp'), compile=True, run=True, debug=False)
t1 = time.time()
rt = device._last_run_time if target == 'cpp' else (t1 - t0)
dt_s = float(defaultclock.dt)
np.save(os.path.join(out, 'w0.npy'), w0)
np.save(os.path.join(out, 'input_i.npy'), np.asarray(s_in.i[:], dtype=np.int32))
np.save(os.path.join(out, 'input_step.npy'), np.rint(np.asarray(s_in.t[:]) / dt_s).astype(np.int64))
np.save(os.path.join(out, 'post_step.npy'), np.rint(np.asarray(s_out.t[:]) / dt_s).astype(np.int64))
w = np.asarray(S.w[:])
np.save(os.path.join(out, 'w.npy'), w)
print(f"build_s={t1-t0-rt:.3f} run_s={rt:.3f} post_spikes={s_out.num_spikes} "
      f"below_0.1={np.mean(w / gmax < 0.1):.4f} above_0.9={np.mean(w / gmax > 0.9):.4f}")
