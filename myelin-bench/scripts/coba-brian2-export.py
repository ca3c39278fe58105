#!/usr/bin/env python3
"""COBA-4000 (Vogels & Abbott 2005, the Brian2 benchmark of coba_brian2.py) run in Brian2 and
exported for Myelin: Brian2's own synapses and initial potentials, a Myelin model file that
reads them, and Brian2's spikes, so that both simulators run the same network spike for spike.

usage:
  /usr/bin/python3 coba-brian2-export.py export OUTDIR [METHOD] [SECONDS] [SEED] [N]
      METHOD: euler (default) or exponential_euler; SECONDS default 1; SEED default 42; N neurons,
      default 4000 (80 % excitatory, each pair connected with p = 80/N, 80 inputs per neuron as at
      N = 4000; the test fixture of myelin-io/src/test/resources/brian2-coba is N = 500, 0.2 s).
      Writes OUTDIR/E-E.npz, E-I.npz, I-E.npz, I-I.npz (Myelin's explicit synapses: int32 i, j,
      compressed),
      v0_E.npy, v0_I.npy (mV), coba.yaml (the model), brian2_spikes_step.npy (int64),
      brian2_spikes_neuron.npy (int32; E are 0..0.8 N - 1, I the rest, as Myelin numbers them).
  /usr/bin/python3 coba-brian2-export.py compare OUTDIR MYELIN_OUT
      Compares Brian2's spikes with those of `bin/myelin run OUTDIR/coba.yaml --out MYELIN_OUT`;
      prints both counts and the spikes they share; exit status 0 when every spike is the same.

Brian2 runs with its numpy target: its arithmetic is the expressions in order, as Myelin's is;
the compiled targets use -ffast-math, which may reorder it. Needs Debian's python3-brian
(apt-get install python3-brian) and is run with /usr/bin/python3; without Brian2 it prints SKIP
and exits 2."""
import os
import sys

def export(out, method, seconds, seed, N=4000):
    NE = N * 4 // 5
    try:
        import numpy as np
        from brian2 import NeuronGroup, Synapses, SpikeMonitor, defaultclock, prefs, run, seed as brian_seed
        from brian2 import ms, mV, second
    except ImportError as e:
        print('SKIP: Brian2 is not installed (%s); apt-get install python3-brian' % e)
        sys.exit(2)
    if method not in ('euler', 'exponential_euler'):
        sys.exit('METHOD must be euler or exponential_euler, got ' + method)
    os.makedirs(out, exist_ok=True)
    prefs.codegen.target = 'numpy'
    defaultclock.dt = 0.1 * ms
    brian_seed(seed)
    taum = 20 * ms; taue = 5 * ms; taui = 10 * ms
    Vt = -50 * mV; Vr = -60 * mV; El = -60 * mV; Ee = 0 * mV; Ei = -80 * mV; I = 20 * mV
    eqs = '''dv/dt = (ge*(Ee-v) + gi*(Ei-v) + (El - v) + I)/taum : volt (unless refractory)
    dge/dt = -ge/taue : 1
    dgi/dt = -gi/taui : 1'''
    P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v=Vr', refractory=5 * ms, method=method)
    P.v = 'Vr + rand()*(Vt-Vr)'
    P.ge = 0
    P.gi = 0
    Ce = Synapses(P[:NE], P, on_pre='ge += 0.6')
    Ce.connect(p=80.0 / N)
    Ci = Synapses(P[NE:], P, on_pre='gi += 6.7')
    Ci.connect(p=80.0 / N)
    v0 = np.asarray(P.v[:] / mV)
    np.save(os.path.join(out, 'v0_E.npy'), v0[:NE])
    np.save(os.path.join(out, 'v0_I.npy'), v0[NE:])
    for name, syn in (('E', Ce), ('I', Ci)):
        i = np.asarray(syn.i[:], dtype=np.int32)
        j = np.asarray(syn.j[:], dtype=np.int32)
        into_e = j < NE
        np.savez_compressed(os.path.join(out, name + '-E.npz'), i=i[into_e], j=j[into_e])
        np.savez_compressed(os.path.join(out, name + '-I.npz'), i=i[~into_e], j=j[~into_e] - NE)
    monitor = SpikeMonitor(P)
    run(seconds * second, report=None)
    steps = np.rint(np.asarray(monitor.t[:] / (0.1 * ms))).astype(np.int64)
    neurons = np.asarray(monitor.i[:], dtype=np.int32)
    order = np.lexsort((neurons, steps))
    np.save(os.path.join(out, 'brian2_spikes_step.npy'), steps[order])
    np.save(os.path.join(out, 'brian2_spikes_neuron.npy'), neurons[order])
    # euler: forward Euler for v and the synapses; exponential_euler: exact synapse decay and the
    # exponential Euler step of v, which is Myelin's LIF 'exact' with conductances held for the step
    neuron = 'euler' if method == 'euler' else 'exact'
    synapse = 'euler' if method == 'euler' else 'exact'
    with open(os.path.join(out, 'coba.yaml'), 'w') as f:
        f.write(MODEL.format(method=method, seconds=seconds, seed=seed, neuron=neuron, synapse=synapse, n=N,
                             ne=NE, ni=N - NE))
    print('brian2 %s: %d spikes in %g s; wrote %s' % (method, len(steps), seconds, os.path.join(out, 'coba.yaml')))


MODEL = """# COBA-{n} with Brian2's own synapses and initial v, exported by coba-brian2-export.py
# (Brian2 method '{method}', seed {seed}). Run: bin/myelin run coba.yaml --out out
name: COBA-Brian2-{method}
dt: 0.1 ms
duration: {seconds} s
populations:
  E:
    model: LIF
    size: {ne}
    parameters: &lif {{vRest: -60 mV, vTh: -50 mV, vReset: -60 mV, tauM: 20 ms, r: 1 Gohm, tRef: 5 ms,
                      iExt: 20 pA, integrator: {neuron}}}
    initial: {{v: {{file: v0_E.npy, unit: mV}}}}
  I:
    model: LIF
    size: {ni}
    parameters: *lif
    initial: {{v: {{file: v0_I.npy, unit: mV}}}}
projections:
  - {{name: E->E, source: E, target: E, connectivity: {{model: Explicit, file: E-E.npz}},
     synapse: {{model: Exponential, tau: 5 ms, integrator: {synapse}}}, output: {{model: COBA, eRev: 0 mV}},
     receptor: ge, weight: 0.6 nS}}
  - {{name: E->I, source: E, target: I, connectivity: {{model: Explicit, file: E-I.npz}},
     synapse: {{model: Exponential, tau: 5 ms, integrator: {synapse}}}, output: {{model: COBA, eRev: 0 mV}},
     receptor: ge, weight: 0.6 nS}}
  - {{name: I->E, source: I, target: E, connectivity: {{model: Explicit, file: I-E.npz}},
     synapse: {{model: Exponential, tau: 10 ms, integrator: {synapse}}}, output: {{model: COBA, eRev: -80 mV}},
     receptor: gi, weight: 6.7 nS}}
  - {{name: I->I, source: I, target: I, connectivity: {{model: Explicit, file: I-I.npz}},
     synapse: {{model: Exponential, tau: 10 ms, integrator: {synapse}}}, output: {{model: COBA, eRev: -80 mV}},
     receptor: gi, weight: 6.7 nS}}
monitors:
  spikes: all
"""


def compare(out, myelin_out):
    import numpy as np
    b = set(zip(np.load(os.path.join(out, 'brian2_spikes_step.npy')).tolist(),
                np.load(os.path.join(out, 'brian2_spikes_neuron.npy')).tolist()))
    m = set(zip(np.load(os.path.join(myelin_out, 'spikes_step.npy')).tolist(),
                np.load(os.path.join(myelin_out, 'spikes_neuron.npy')).tolist()))
    shared = len(b & m)
    first = min(b ^ m)[0] if b != m else None
    print('brian2 %d spikes, myelin %d spikes, %d shared (%.2f %% of Brian2\'s)%s'
          % (len(b), len(m), shared, 100.0 * shared / max(1, len(b)),
             '' if first is None else '; first difference at step %d' % first))
    sys.exit(0 if b == m else 1)


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'export':
        export(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else 'euler',
               float(sys.argv[4]) if len(sys.argv) > 4 else 1.0, int(sys.argv[5]) if len(sys.argv) > 5 else 42,
               int(sys.argv[6]) if len(sys.argv) > 6 else 4000)
    elif len(sys.argv) == 4 and sys.argv[1] == 'compare':
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
